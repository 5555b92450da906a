import { describe, expect, it } from 'vitest';
import { alarmState, isAlarmActive } from '../../domain/index.js';
import { createDetectionEngine } from './engine.js';
import { MINUTE_MS, T0 } from './synthetic.js';
import type { Rule } from './rules/types.js';

const high: Rule = { id: 'high', kind: 'threshold', scope: { quantity: 'methane' }, params: { direction: 'above', levels: [{ level: 3, value: 20 }, { level: 1, value: 50 }] } };

describe('detection engine', () => {
  it('monitors a sensor from its first reading, with the templates of its quantity', () => {
    const engine = createDetectionEngine();
    expect(engine.sensorCount).toBe(0);
    engine.process({ id: 'm1', quantity: 'methane' }, T0, 1);
    expect(engine.sensorCount).toBe(1);
    const ids = engine.rulesFor({ id: 'm1', quantity: 'methane' }).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['std.range', 'std.stuck', 'std.offline', 'std.spike', 'std.methane.threshold', 'std.methane.leak', 'std.detector']));
    expect(ids.indexOf('std.range')).toBeLessThan(ids.indexOf('std.methane.threshold')); // device health first
  });

  it('a generic series gets only the detectors', () => {
    const engine = createDetectionEngine();
    expect(engine.rulesFor({ id: 'g', quantity: 'generic' }).map((r) => r.kind)).toEqual(['detector']);
  });

  it('emits raise, escalate and clear events carrying the alarm, whose state comes from its timestamps', () => {
    const engine = createDetectionEngine({ templates: [], rules: [high] });
    const s = { id: 'm1', quantity: 'methane' as const };
    const events = [1, 25, 60, 2].flatMap((v, i) => [...engine.process(s, T0 + i * MINUTE_MS, v)]);
    expect(events.map((e) => [e.type, e.alarm.level])).toEqual([['raise', 3], ['escalate', 1], ['clear', 1]]);
    const [raised, , cleared] = events;
    expect(raised!.alarm).toMatchObject({ sensor: 'm1', source: 'high', kind: 'threshold', class: 'hazard', raisedAt: T0 + MINUTE_MS });
    expect(alarmState(raised!.alarm)).toBe('active');
    expect(alarmState(cleared!.alarm)).toBe('cleared');
    expect(cleared!.alarm.clearedAt).toBe(T0 + 3 * MINUTE_MS);
    expect(isAlarmActive(cleared!.alarm, T0 + 2 * MINUTE_MS)).toBe(true);
    expect(engine.activeAlarms()).toHaveLength(0);
  });

  it('answers most readings with the same empty list (no allocation)', () => {
    const engine = createDetectionEngine({ templates: [], rules: [high] });
    const a = engine.process({ id: 'x', quantity: 'methane' }, T0, 1);
    const b = engine.process({ id: 'x', quantity: 'methane' }, T0 + MINUTE_MS, 1);
    expect(a).toBe(b);
    expect(a).toHaveLength(0);
  });

  it('ignores readings that are not newer than the last one', () => {
    const engine = createDetectionEngine({ templates: [], rules: [high] });
    const s = { id: 'x', quantity: 'methane' as const };
    engine.process(s, T0 + 5 * MINUTE_MS, 1);
    expect(engine.process(s, T0, 99)).toHaveLength(0);
    expect(engine.activeAlarms('x')).toHaveLength(0);
  });

  it('new rules apply at the next reading; unchanged rules keep their state and alarms; removed ones clear', () => {
    const engine = createDetectionEngine({ templates: [], rules: [high] });
    const s = { id: 'm1', quantity: 'methane' as const };
    engine.process(s, T0, 30);
    expect(engine.activeAlarms('m1')).toHaveLength(1);
    const other: Rule = { id: 'other', kind: 'threshold', scope: {}, params: { direction: 'above', levels: [{ level: 4, value: 5 }] } };
    engine.setRules([high, other]);
    const events = engine.process(s, T0 + MINUTE_MS, 30);
    expect(events.map((e) => `${e.type}:${e.alarm.source}`)).toEqual(['raise:other']); // 'high' kept its alarm
    engine.setRules([other]);
    const later = engine.process(s, T0 + 2 * MINUTE_MS, 30);
    expect(later.map((e) => `${e.type}:${e.alarm.source}`)).toEqual(['clear:high']);
  });

  it('refuses a bad rule and keeps the old ones', () => {
    const engine = createDetectionEngine({ templates: [], rules: [high] });
    engine.process({ id: 'm1', quantity: 'methane' }, T0, 1);
    expect(() => engine.setRules([{ id: 'bad', kind: 'threshold', scope: {}, params: { direction: 'sideways' } }])).toThrow(/direction/);
    expect(engine.rulesFor({ id: 'm1', quantity: 'methane' }).map((r) => r.id)).toEqual(['high']);
  });

  it('tick uses the injected clock, never the wall clock', () => {
    let now = T0;
    const engine = createDetectionEngine({ templates: [], rules: [{ id: 'off', kind: 'offline', scope: {} }], now: () => now });
    const s = { id: 'p', quantity: 'pressure' as const, intervalS: 60 };
    for (let i = 0; i < 5; i++) engine.process(s, T0 + i * MINUTE_MS, 0.3);
    now = T0 + 10 * MINUTE_MS;
    expect(engine.tick().map((e) => e.type)).toEqual(['raise']);
    expect(() => createDetectionEngine().tick()).toThrow(/needs a time/);
  });

  it('keeps each sensor apart and can forget one', () => {
    const engine = createDetectionEngine({ templates: [], rules: [high] });
    engine.process({ id: 'a', quantity: 'methane' }, T0, 30);
    engine.process({ id: 'b', quantity: 'methane' }, T0, 1);
    expect(engine.activeAlarms('a')).toHaveLength(1);
    expect(engine.activeAlarms('b')).toHaveLength(0);
    expect(engine.forget('a')).toBe(true);
    expect(engine.activeAlarms()).toHaveLength(0);
    expect(engine.stateBytes()).toBeGreaterThan(0);
  });
});
