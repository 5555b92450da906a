import { describe, expect, it } from 'vitest';
import { alarmedCount, hourOf, rng, run } from '../synthetic.js';
import type { Rule } from '../rules/types.js';

const detector = (params: Record<string, unknown> = {}): Rule[] => [{ id: 'd', kind: 'detector', scope: {}, params }];
const maxOf = (a: number[], from: number, to: number): number => Math.max(...a.slice(from, to));

/** 5-minute readings with a daily cycle (28 days). */
function daily(seed: number, n = 8064): number[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => 50 + 20 * Math.sin((hourOf(i, 300_000) / 24) * 2 * Math.PI) + r.normal() * 1.5);
}

describe('general detector', () => {
  it('keeps quiet on noise, and scores a spike near 1', () => {
    const values = daily(1);
    values[6000]! += 25;
    const r = run(values, { rules: detector(), stepMs: 300_000 });
    expect(r.scores[6000]).toBeGreaterThan(0.9);
    expect(maxOf(r.scores, 1000, 5990)).toBeLessThan(0.75);
  });

  it('marks the onset of a level shift, then settles on the new level', () => {
    const values = daily(2);
    for (let i = 6000; i < values.length; i++) values[i]! += 15;
    const r = run(values, { rules: detector(), stepMs: 300_000 });
    expect(maxOf(r.scores, 6000, 6004)).toBeGreaterThan(0.9);
    expect(maxOf(r.scores, 6300, 8064)).toBeLessThan(0.8);
  });

  it('sees a day whose pattern breaks (flat at the night level, no peak), from the learned daily profile', () => {
    const values = daily(3);
    for (let i = 6120; i < 6408; i++) values[i] = 32 + rng(i).normal() * 1.5; // a flat day from 06:00
    const r = run(values, { rules: detector(), stepMs: 300_000 });
    expect(maxOf(r.scores, 6120, 6408)).toBeGreaterThan(0.8);
    expect(maxOf(r.scores, 3000, 6000)).toBeLessThan(0.75);
  });

  it('does not score a return to the usual daily level as news', () => {
    const values = daily(4);
    for (let i = 6000; i < 6200; i++) values[i]! += 20; // a temporary offset
    const r = run(values, { rules: detector(), stepMs: 300_000 });
    expect(maxOf(r.scores, 6000, 6004)).toBeGreaterThan(0.9);
    expect(maxOf(r.scores, 6200, 6210)).toBeLessThan(0.5);
  });

  it('raises its own alarm only when asked to (alarmEvidence), at the level asked', () => {
    const values = daily(5);
    values[6000]! += 40;
    const quiet = run(values, { rules: detector(), stepMs: 300_000 });
    expect(alarmedCount(quiet)).toBe(0);
    const loud = run(values, { rules: detector({ alarmEvidence: 7, alarmReadings: 1, level: 3 }), stepMs: 300_000 });
    expect(loud.levels[6000]).toBe(3);
    expect(loud.events[0]!.alarm.message).toMatch(/sudden jump/);
  });

  it('scores nothing during its warm-up', () => {
    const values = daily(6, 400);
    values[100]! += 100;
    const r = run(values, { rules: detector(), stepMs: 300_000 });
    expect(r.scores[100]).toBe(0);
  });

  it('scores the same spike a day later as high again (it does not learn from what it flags)', () => {
    const values = daily(11);
    const at = [4000, 4288, 4576, 4864];
    for (const i of at) values[i]! += 12;
    const r = run(values, { rules: detector(), stepMs: 300_000 });
    for (const i of at) expect(r.scores[i]).toBeGreaterThan(0.85);
  });

  it('reports an event once: the readings after its onset count half', () => {
    const values = daily(14);
    for (let i = 5000; i < 5012; i++) values[i]! += 30;
    const r = run(values, { rules: detector(), stepMs: 300_000 });
    expect(r.scores[5000]).toBeGreaterThan(0.9);
    expect(maxOf(r.scores, 5001, 5012)).toBeLessThanOrEqual(0.5);
  });

  it('generic series: one decisive reading raises an alarm at once', () => {
    const values = daily(12);
    values[5000]! += 40;
    const r = run(values, { templates: true, stepMs: 300_000 });
    expect(r.levels[4999]).toBe(0);
    expect(r.levels[5000]).toBe(4);
    expect(r.events.filter((e) => e.type === 'raise')).toHaveLength(1);
  });

  it('generic series: a lasting level shift alarms at its onset, then is learned as the new normal', () => {
    const values = daily(13);
    for (let i = 5000; i < values.length; i++) values[i]! += 15;
    const r = run(values, { templates: true, stepMs: 300_000 });
    expect(r.levels[5000]).toBe(4);
    expect(r.events.map((e) => e.type)).toEqual(['raise', 'clear']);
    expect(alarmedCount(r, 5300)).toBe(0);
  });
});

