import { describe, expect, it } from 'vitest';
import { alarmedCount, firstAlarm, hourOf, rng, run } from '../synthetic.js';

/** 1-minute network pressure: diurnal 0.27–0.39 MPa, pump switching dips of 0.03 MPa for 3 min twice a day. */
function pressure(days: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: days * 1440 }, (_, i) => {
    const h = hourOf(i);
    const dip = (h >= 5.5 && h < 5.55) || (h >= 16.5 && h < 16.55) ? -0.03 : 0;
    return 0.33 + 0.06 * Math.cos(((h - 3) / 24) * 2 * Math.PI) + r.normal() * 0.001 + dip;
  });
}

describe('water main burst (pressure-drop) versus pump switching', () => {
  it('is quiet through daily pump switching', () => {
    const r = run(pressure(6, 1), { quantity: 'pressure', templates: true });
    expect(alarmedCount(r, 1440)).toBe(0);
  });

  it('alarms within ten minutes of a sustained 0.08 MPa drop and clears after the repair', () => {
    const values = pressure(6, 2);
    const start = 3 * 1440 + 720, end = start + 600;
    for (let i = start; i < end; i++) values[i]! -= 0.08;
    const r = run(values, { quantity: 'pressure', templates: true });
    const first = firstAlarm(r, 1440);
    expect(first - start).toBeGreaterThanOrEqual(0);
    expect(first - start).toBeLessThanOrEqual(10);
    expect(r.events.find((e) => e.alarm.source === 'std.pressure.burst')?.alarm.level).toBe(2);
    expect(alarmedCount(r, end + 60)).toBe(0); // cleared once the pressure came back
  });
});

describe('lasting baseline shift (bridge damage)', () => {
  it('sees a permanent strain offset through the traffic, within fifteen minutes', () => {
    const r0 = rng(3);
    const values = Array.from({ length: 5 * 1440 }, (_, i) => -30 + 40 * Math.sin((hourOf(i) / 24) * 2 * Math.PI) + r0.normal() * 1.5 + (r0.uniform() < 0.1 ? 20 + r0.uniform() * 50 : 0));
    const start = 3 * 1440 + 500;
    for (let i = start; i < values.length; i++) values[i]! -= 60;
    const r = run(values, { quantity: 'strain', templates: true });
    expect(alarmedCount(r, 1440, start)).toBe(0);
    const first = firstAlarm(r, start);
    expect(first - start).toBeLessThanOrEqual(15);
    expect(r.events.some((e) => e.alarm.source === 'std.strain.shift')).toBe(true);
  });
});
