import { describe, expect, it } from 'vitest';
import { alarmedCount, firstAlarm, hourOf, rng, run } from '../synthetic.js';

const STEP = 300_000; // 5 minutes
const PER_DAY = 288;

/** Sewer level ratio: dry-weather cycle 0.12–0.25, with storms that lift it to ~0.65 and recede over hours. */
function sewer(days: number, seed: number, storms: number[]): number[] {
  const r = rng(seed);
  return Array.from({ length: days * PER_DAY }, (_, i) => {
    const h = hourOf(i, STEP);
    let v = 0.12 + 0.13 * Math.max(0, Math.sin(((h - 6) / 18) * Math.PI)) + r.normal() * 0.003;
    for (const s of storms) {
      const k = i - s;
      if (k >= 0 && k < 6) v += (k / 6) * 0.45; // rises within 30 minutes
      else if (k >= 6 && k < 100) v += 0.45 * Math.exp(-(k - 6) / 20); // recedes over hours
    }
    return v;
  });
}

describe('sewer blockage versus rain', () => {
  it('is quiet through storms that recede', () => {
    const storms = [4, 9, 13, 17].map((d) => d * PER_DAY + 150);
    const r = run(sewer(21, 1, storms), { quantity: 'level_ratio', templates: true, stepMs: STEP });
    expect(alarmedCount(r, 3 * PER_DAY)).toBe(0);
  });

  it('catches a level rising in dry weather (0.02 per hour) within ten hours', () => {
    const values = sewer(21, 2, [5 * PER_DAY]);
    const start = 15 * PER_DAY + 100;
    for (let i = start; i < values.length; i++) values[i]! += Math.min(0.6, ((i - start) / 12) * 0.02);
    const r = run(values, { quantity: 'level_ratio', templates: true, stepMs: STEP });
    expect(alarmedCount(r, 3 * PER_DAY, start)).toBe(0);
    const first = firstAlarm(r, start);
    expect(first).toBeGreaterThan(start);
    expect((first - start) / 12).toBeLessThan(10);
  });

  it('a surcharge (level ratio above 0.9 for ten minutes) is a threshold alarm', () => {
    const values = sewer(6, 3, []);
    const start = 4 * PER_DAY;
    for (let i = start; i < start + 20; i++) values[i] = 0.95;
    const r = run(values, { quantity: 'level_ratio', templates: true, stepMs: STEP });
    expect(firstAlarm(r, start) - start).toBeLessThanOrEqual(3);
    expect(r.events.some((e) => e.alarm.source === 'std.level_ratio.surcharge')).toBe(true);
  });
});
