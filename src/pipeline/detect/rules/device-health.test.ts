import { describe, expect, it } from 'vitest';
import { createDetectionEngine } from '../engine.js';
import { alarmedCount, firstAlarm, MINUTE_MS, rng, run, T0 } from '../synthetic.js';
import type { Rule } from './types.js';

const noisy = (n: number, seed = 1, level = 0.35, sd = 0.001): number[] => {
  const r = rng(seed);
  return Array.from({ length: n }, () => level + r.normal() * sd);
};
const only = (kind: Rule['kind'], params?: Record<string, unknown>): Rule[] => [{ id: kind, kind, scope: {}, params }];

describe('offline', () => {
  it('marks the first readings after a gap of more than three intervals, as a device alarm', () => {
    const values = noisy(400);
    const r = run(values, { quantity: 'pressure', rules: only('offline'), missing: (i) => i >= 200 && i < 260 });
    expect(firstAlarm(r)).toBe(260);
    expect(r.levels.slice(260, 263)).toEqual([4, 4, 4]); // held until it has reported on time three times
    expect(r.levels[263]).toBe(0);
    expect(r.events[0]!.alarm.class).toBe('device');
    expect(r.events[0]!.alarm.raisedAt).toBe(T0 + 199 * MINUTE_MS + 3 * MINUTE_MS);
  });

  it('is raised by the clock while the sensor is silent (live), once', () => {
    const engine = createDetectionEngine({ templates: [], rules: only('offline') });
    const sensor = { id: 'p1', quantity: 'pressure' as const, intervalS: 60 };
    for (let i = 0; i < 10; i++) engine.process(sensor, T0 + i * MINUTE_MS, 0.3);
    expect(engine.tick(T0 + 11 * MINUTE_MS)).toHaveLength(0);
    const raised = engine.tick(T0 + 13 * MINUTE_MS);
    expect(raised.map((e) => e.type)).toEqual(['raise']);
    expect(engine.tick(T0 + 20 * MINUTE_MS)).toHaveLength(0);
    expect(engine.activeAlarms('p1')).toHaveLength(1);
  });
});

describe('stuck', () => {
  it('flags a frozen value once it has lasted longer than the sensor ever repeats by chance', () => {
    const values = noisy(1000).map((v) => Math.round(v * 1e4) / 1e4);
    for (let i = 600; i < 900; i++) values[i] = 0.3412;
    const r = run(values, { quantity: 'pressure', rules: only('stuck') });
    const first = firstAlarm(r);
    expect(first).toBeGreaterThanOrEqual(630); // at least 30 minutes
    expect(first).toBeLessThan(640);
    expect(r.levels[899]).toBe(4);
    expect(r.levels[900]).toBe(0);
    expect(alarmedCount(r, 0, 600)).toBe(0);
  });

  it('suppresses hazard alarms on the frozen values', () => {
    const values = noisy(600, 2, 5, 0.5);
    for (let i = 300; i < 600; i++) values[i] = 30; // frozen at a value above the threshold
    const rules: Rule[] = [...only('stuck'), { id: 'hi', kind: 'threshold', scope: {}, params: { direction: 'above', levels: [{ level: 3, value: 20 }], minDurationS: 3600 } }];
    const r = run(values, { quantity: 'methane', rules });
    expect(r.events.some((e) => e.alarm.source === 'stuck')).toBe(true);
    expect(r.events.some((e) => e.alarm.source === 'hi')).toBe(false);
  });
});

describe('spike', () => {
  it('flags an isolated leap confirmed by the next reading, and not the noise', () => {
    const values = noisy(800, 3);
    values[500] = 0.55;
    values[650] = 0.1;
    const r = run(values, { quantity: 'pressure', rules: only('spike') });
    expect(firstAlarm(r)).toBe(501);
    expect(alarmedCount(r, 0, 500)).toBe(0);
    expect(r.events.filter((e) => e.type === 'raise')[0]!.alarm.class).toBe('device');
  });

  it('learns that frequent one-sided excursions (passing trucks on a bridge gauge) are normal', () => {
    const r0 = rng(4);
    const values = Array.from({ length: 3000 }, (_, i) => -20 + r0.normal() * 1.5 + (i % 17 === 0 ? 40 + r0.uniform() * 30 : 0));
    values[2500] = 520;
    const r = run(values, { quantity: 'strain', rules: only('spike') });
    expect(firstAlarm(r, 300)).toBe(2501);
  });

  it('does not take a jump of one or two steps of a quantized instrument for a spike (methane near zero)', () => {
    // A gas detector reporting in 0.1 %LEL steps: mostly 0.0, with single readings one or two steps
    // up (0.1, 0.2), then a stretch of noise around 0.5 — as the demo's tunnel methane sensors.
    const r0 = rng(9);
    const values = Array.from({ length: 1800 }, (_, i) => {
      if (i < 900) return i % 37 === 20 ? (i % 2 === 0 ? 0.1 : 0.2) : 0;
      return Math.round(Math.max(0, 0.5 + r0.normal() * 0.08) * 10) / 10;
    });
    const quiet = run(values, { quantity: 'methane', rules: only('spike') });
    expect(firstAlarm(quiet)).toBe(-1);
    // A leap of many steps is still a spike.
    values[1500] = 6;
    const leap = run(values, { quantity: 'methane', rules: only('spike') });
    expect(firstAlarm(leap)).toBe(1501);
  });

  it('is not fooled by a step (a sudden leak that stays)', () => {
    const values = noisy(600, 5, 0.5, 0.1);
    for (let i = 400; i < 600; i++) values[i] = 30 + (values[i]! - 0.5);
    const r = run(values, { quantity: 'methane', rules: only('spike') });
    expect(firstAlarm(r)).toBe(-1);
  });
});

describe('range and jump', () => {
  it('an impossible value is a device alarm that clears after good readings', () => {
    const values = noisy(20, 6, 30, 1);
    values[10] = -5;
    const r = run(values, { quantity: 'methane', rules: only('range') });
    expect(r.levels.slice(9, 15)).toEqual([0, 4, 4, 4, 0, 0]);
  });

  it('a change faster than the quantity can change is a jump', () => {
    const values = noisy(20, 7, 100, 1);
    values[10] = 2000;
    const r = run(values, { quantity: 'strain', rules: only('jump', { maxPerMinute: 1000 }) });
    expect(firstAlarm(r)).toBe(10);
  });
});

describe('offset', () => {
  it('flags an instant lasting jump (a recalibration) but not a dip that comes back (pump switching)', () => {
    const values = noisy(1200, 8);
    for (let i = 300; i < 304; i++) values[i]! -= 0.025; // pump switch: back within minutes
    for (let i = 800; i < 1200; i++) values[i]! += 0.03; // recalibrated
    const r = run(values, { quantity: 'pressure', rules: only('offset', { minStep: 0.015 }) });
    expect(firstAlarm(r)).toBe(810); // confirmed after 10 minutes
    expect(alarmedCount(r, 0, 800)).toBe(0);
  });
});
