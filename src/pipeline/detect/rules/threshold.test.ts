import { describe, expect, it } from 'vitest';
import { alarmedCount, firstAlarm, run } from '../synthetic.js';
import type { Rule } from './types.js';

const rule = (params: Record<string, unknown>): Rule => ({ id: 't', kind: 'threshold', scope: {}, params });
const steps = [{ level: 4, value: 10 }, { level: 3, value: 20 }, { level: 1, value: 50 }];

describe('threshold rule', () => {
  it('raises at the level of the highest threshold passed, escalates, and clears', () => {
    const values = [1, 12, 12, 25, 25, 60, 5, 5];
    const r = run(values, { rules: [rule({ direction: 'above', levels: steps })] });
    expect(r.levels).toEqual([0, 4, 4, 3, 3, 1, 0, 0]);
    expect(r.events.map((e) => `${e.type}:${e.alarm.level}`)).toEqual(['raise:4', 'escalate:3', 'escalate:1', 'clear:1']);
    expect(r.events[0]!.alarm.class).toBe('hazard');
  });

  it('waits for the minimum duration, so a single reading over the line is no alarm', () => {
    const values = [1, 30, 1, 30, 30, 30, 30, 1];
    const r = run(values, { rules: [rule({ direction: 'above', levels: steps, minDurationS: 120 })] });
    expect(r.levels).toEqual([0, 0, 0, 0, 0, 3, 3, 0]);
    expect(r.events[0]!.alarm.raisedAt).toBe(r.events[0]!.ts - 120_000); // raised from when it began
  });

  it('holds with hysteresis instead of flapping around the threshold', () => {
    const values = [1, 11, 9.5, 10.5, 9.2, 8.5, 8.9];
    const r = run(values, { rules: [rule({ direction: 'above', levels: steps, hysteresis: 1 })] });
    expect(r.levels).toEqual([0, 4, 4, 4, 4, 0, 0]);
    expect(r.events.filter((e) => e.type === 'raise')).toHaveLength(1);
  });

  it('works below a threshold too (oxygen deficiency)', () => {
    const r = run([20.9, 19, 17.5, 15, 21], { rules: [rule({ direction: 'below', levels: [{ level: 3, value: 19.5 }, { level: 2, value: 18 }, { level: 1, value: 16 }] })] });
    expect(r.levels).toEqual([0, 3, 2, 1, 0]);
  });

  it('refuses levels in the wrong order and a missing direction', () => {
    expect(() => run([1], { rules: [rule({ direction: 'above', levels: [{ level: 1, value: 10 }, { level: 4, value: 20 }] })] })).toThrow(/level 1 must be beyond level 4/);
    expect(() => run([1], { rules: [rule({ levels: steps })] })).toThrow(/direction/);
  });

  it('does not alarm on readings a device rule found impossible', () => {
    const r = run([1, 150, 150, 1], { quantity: 'methane', rules: [{ id: 'range', kind: 'range', scope: {} }, rule({ direction: 'above', levels: steps })] });
    // 150 %LEL is outside the physical range: a device alarm, and the threshold stays quiet.
    expect(r.events.every((e) => e.alarm.source === 'range')).toBe(true);
    expect(alarmedCount(r)).toBeGreaterThan(0);
    expect(firstAlarm(r)).toBe(1);
  });
});
