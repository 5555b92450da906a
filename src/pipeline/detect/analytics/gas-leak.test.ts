import { describe, expect, it } from 'vitest';
import { alarmedCount, firstAlarm, hourOf, rng, run } from '../synthetic.js';

/** 1-minute methane next to a gas main: 0–2 %LEL background, a sewer biogas bump each afternoon. */
function methane(days: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: days * 1440 }, (_, i) => {
    const h = hourOf(i);
    const bump = h >= 15 && h < 15.5 ? 7 * Math.sin(((h - 15) / 0.5) * Math.PI) : 0; // 30 min, peak 7
    return Math.max(0, 0.8 + r.normal() * 0.3 + bump);
  });
}

describe('gas leak versus biogas (default methane templates)', () => {
  it('stays quiet through daily biogas bumps', () => {
    const r = run(methane(6, 1), { quantity: 'methane', templates: true });
    expect(alarmedCount(r, 1440)).toBe(0);
  });

  it('catches a slow leak (0 → 40 %LEL over 6 h) within two hours, as a hazard', () => {
    const values = methane(6, 2);
    const start = 3 * 1440 + 120; // 02:00 on day 3
    for (let i = start; i < values.length; i++) values[i]! += Math.min(40, ((i - start) / 360) * 40);
    const r = run(values, { quantity: 'methane', templates: true });
    const first = firstAlarm(r, 1440);
    expect(first).toBeGreaterThan(start);
    expect(first - start).toBeLessThan(120);
    const leak = r.events.find((e) => e.alarm.source === 'std.methane.leak');
    expect(leak?.alarm.class).toBe('hazard');
    expect(r.levels[start + 600]).toBe(2); // 40 %LEL: the 25 %LEL threshold's orange
  });

  it('catches a sudden leak within three minutes', () => {
    const values = methane(5, 3);
    const start = 3 * 1440 + 600;
    for (let i = start; i < values.length; i++) values[i]! += 30;
    const r = run(values, { quantity: 'methane', templates: true });
    expect(firstAlarm(r, 1440) - start).toBeLessThanOrEqual(3);
  });
});
