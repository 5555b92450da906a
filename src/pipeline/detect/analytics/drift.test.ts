import { describe, expect, it } from 'vitest';
import { alarmedCount, firstAlarm, hourOf, rng, run } from '../synthetic.js';
import type { Rule } from '../rules/types.js';

const STEP = 300_000, PER_DAY = 288;
const rule: Rule[] = [{ id: 'drift', kind: 'drift', scope: {}, params: { minShift: 0.005 } }];

/** Pressure at 5 minutes: steady nights, busy days. */
function pressure(days: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: days * PER_DAY }, (_, i) => {
    const h = hourOf(i, STEP);
    return 0.33 + 0.06 * Math.cos(((h - 3) / 24) * 2 * Math.PI) + r.normal() * (h > 6 && h < 22 ? 0.004 : 0.001);
  });
}

describe('sensor drift (optional rule kind)', () => {
  it('is quiet on a sensor that keeps its level', () => {
    expect(alarmedCount(run(pressure(20, 1), { quantity: 'pressure', rules: rule, stepMs: STEP }))).toBe(0);
  });

  it('sees a slow drift in the steadiest hours within a few days, as a device alarm', () => {
    const values = pressure(20, 2);
    const start = 8 * PER_DAY;
    for (let i = start; i < values.length; i++) values[i]! -= ((i - start) / PER_DAY) * 0.01; // −0.01 MPa a day
    const r = run(values, { quantity: 'pressure', rules: rule, stepMs: STEP });
    const first = firstAlarm(r);
    expect(first).toBeGreaterThan(start);
    expect((first - start) / PER_DAY).toBeLessThan(4);
    expect(r.events[0]!.alarm.class).toBe('device');
  });

  it('does not learn a slow drift into its baseline while it is suspect, so a slower drift is still seen', () => {
    const values = pressure(24, 3);
    const start = 8 * PER_DAY;
    for (let i = start; i < values.length; i++) values[i]! -= ((i - start) / PER_DAY) * 0.004; // −0.004 MPa a day
    const r = run(values, { quantity: 'pressure', rules: rule, stepMs: STEP });
    const first = firstAlarm(r);
    expect(first).toBeGreaterThan(start);
    expect((first - start) / PER_DAY).toBeLessThan(7);
  });
});

