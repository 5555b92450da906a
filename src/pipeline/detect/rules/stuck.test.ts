import { describe, expect, it } from 'vitest';
import { alarmedCount, firstAlarm, hourOf, rng, run } from '../synthetic.js';
import type { Rule } from './types.js';

const stuck: Rule[] = [{ id: 'stuck', kind: 'stuck', scope: {} }];
const HOUR = 60, DAY = 24 * HOUR; // readings at 1 minute
const round = (v: number, decimals: number): number => Math.round(v * 10 ** decimals) / 10 ** decimals;

/** Methane in a clean vault (%LEL, 0.1 resolution, clamped at 0): zero most of the time, small bumps now and then. */
function vault(days: number, seed: number): number[] {
  const r = rng(seed);
  let bump = 0;
  return Array.from({ length: days * DAY }, (_, i) => {
    if (i % (5 * HOUR) === 2 * HOUR) bump = 1.5 + r.uniform(); // a bump every 5 hours, decaying over ~an hour
    bump *= 0.97;
    return round(Math.max(0, bump + r.normal() * 0.15 - 0.1), 1);
  });
}

/** Water pressure (MPa, 4 decimals) with a daily cycle and noise of ~10 steps: repeats are rare. */
function pressure(days: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: days * DAY }, (_, i) => round(0.33 + 0.05 * Math.cos(((hourOf(i) - 3) / 24) * 2 * Math.PI) + r.normal() * 0.001, 4));
}

/** A low-pressure gas regulator outlet (MPa, 4 decimals): 2.5 kPa, noise well below one step, a slight droop by day. */
function regulator(days: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: days * DAY }, (_, i) => {
    const demand = 0.5 + 0.5 * Math.sin(((hourOf(i) - 8) / 24) * 2 * Math.PI);
    return round(0.0025 * (1.02 - 0.06 * demand) + r.normal() * 0.000015, 4);
  });
}

describe('stuck: pinned at the floor or ceiling is not frozen', () => {
  it('methane pinned at 0 %LEL for 12 hours after normal bumps raises nothing', () => {
    const values = vault(2, 1);
    for (let i = 0; i < 12 * HOUR; i++) values.push(0);
    expect(values.filter((v) => v > 0).length).toBeGreaterThan(200); // it does vary
    const r = run(values, { quantity: 'methane', rules: stuck });
    expect(alarmedCount(r)).toBe(0);
  });

  it('hours at the floor do not make a later freeze at a mid value look normal', () => {
    const values = vault(2, 2);
    for (let i = 0; i < 12 * HOUR; i++) values.push(0);
    const start = values.length;
    values.push(...vault(1, 3).slice(0, 3 * HOUR)); // working again
    const frozenAt = values.length;
    for (let i = 0; i < 3 * HOUR; i++) values.push(1.3); // then frozen within a bump's range
    values.push(...vault(1, 4).slice(0, HOUR));
    const r = run(values, { quantity: 'methane', rules: stuck });
    expect(alarmedCount(r, 0, start + 3 * HOUR - 1)).toBe(0);
    const first = firstAlarm(r, frozenAt);
    expect(first - frozenAt).toBeGreaterThanOrEqual(30);
    expect(first - frozenAt).toBeLessThanOrEqual(32);
    expect(r.levels[frozenAt + 3 * HOUR]).toBe(0); // clears at the first changed value
  });

  it('a reading saturated at the top of the range is not called stuck, and its hazard alarm is not suppressed', () => {
    const values = vault(1, 5);
    for (let i = 0; i < 3 * HOUR; i++) values.push(100);
    const rules: Rule[] = [...stuck, { id: 'hi', kind: 'threshold', scope: {}, params: { direction: 'above', levels: [{ level: 1, value: 50 }] } }];
    const r = run(values, { quantity: 'methane', rules });
    expect(r.events.some((e) => e.alarm.source === 'stuck')).toBe(false);
    expect(r.levels[values.length - 1]).toBe(1);
  });

  it('a sensor resting at its own floor (a zero offset it keeps coming back to) is not stuck', () => {
    const r0 = rng(6);
    // Sewer level ratio (3 decimals) whose gauge never reads below 0.021: dry hours sit there, flows lift it.
    const values = Array.from({ length: 3 * DAY }, (_, i) => {
      const h = hourOf(i + 8 * HOUR); // from 08:00
      const flow = h > 7 && h < 22 ? 0.08 * Math.sin(((h - 7) / 15) * Math.PI) + r0.normal() * 0.004 : 0;
      return Math.max(0.021, round(0.021 + flow, 3));
    });
    const r = run(values, { quantity: 'level_ratio', rules: stuck });
    expect(alarmedCount(r)).toBe(0);
  });
});

describe('stuck: a frozen sensor is still caught', () => {
  it('a varying pressure sensor frozen at a mid value raises within its minimum duration (30 min)', () => {
    const values = pressure(2, 7);
    const start = DAY + 10 * HOUR;
    for (let i = start; i < start + 4 * HOUR; i++) values[i] = 0.3412;
    const r = run(values, { quantity: 'pressure', rules: stuck });
    expect(alarmedCount(r, 0, start)).toBe(0);
    const first = firstAlarm(r, start);
    expect(first - start).toBeGreaterThanOrEqual(30);
    expect(first - start).toBeLessThanOrEqual(31);
    expect(r.events.filter((e) => e.type === 'raise')).toHaveLength(1);
    expect(r.levels[start + 4 * HOUR]).toBe(0);
  });

  it('a quantized series whose repeats are common raises nothing over days of normal operation', () => {
    const values = regulator(5, 8);
    const repeats = values.filter((v, i) => i > 0 && v === values[i - 1]).length / values.length;
    expect(repeats).toBeGreaterThan(0.8); // mostly the same value as the reading before
    expect(alarmedCount(run(values, { quantity: 'pressure', rules: stuck }))).toBe(0);
  });

  it('the same quantized series frozen far longer than it ever holds a value is caught', () => {
    const values = regulator(6, 9);
    let start = 3 * DAY;
    while (values[start] !== 0.0025) start++; // a value between its floor and its ceiling
    const frozen = values[start]!;
    for (let i = start; i < values.length; i++) values[i] = frozen;
    const r = run(values, { quantity: 'pressure', rules: stuck });
    expect(alarmedCount(r, 0, start)).toBe(0);
    const first = firstAlarm(r, start);
    expect(first).toBeGreaterThan(start);
    expect(first - start).toBeLessThan(2 * DAY);
  });
});
