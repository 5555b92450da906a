import { describe, expect, it } from 'vitest';
import { alarmedCount, firstAlarm, hourOf, rng, run } from '../synthetic.js';

/** 1-minute bridge strain: thermal cycle ±40 με, noise, a truck in one reading of ten (20–70 με live load). */
function bridge(days: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: days * 1440 }, (_, i) => -30 + 40 * Math.sin((hourOf(i) / 24) * 2 * Math.PI) + r.normal() * 1.5 + (r.uniform() < 0.1 ? 20 + r.uniform() * 50 : 0));
}

describe('bridge overload', () => {
  it('learns the heaviest normal traffic and alarms on a response well beyond it', () => {
    const values = bridge(4, 1);
    const at = 3 * 1440 + 100;
    values[at]! += 200;
    const r = run(values, { quantity: 'strain', templates: true });
    expect(alarmedCount(r, 1440, at)).toBe(0);
    expect(firstAlarm(r, at)).toBe(at);
    expect(r.events.find((e) => e.alarm.source === 'std.strain.overload')?.alarm.class).toBe('hazard');
  });

  it('uses the design live-load value when the sensor has one', () => {
    const values = bridge(2, 2);
    const at = 1440 + 100;
    values[at]! += 130;
    const r = run(values, { quantity: 'strain', templates: true, properties: { designLiveLoadUe: 100 } });
    const overload = r.events.find((e) => e.alarm.source === 'std.strain.overload');
    expect(overload?.alarm.message).toMatch(/design live-load value 100/);
  });
});
