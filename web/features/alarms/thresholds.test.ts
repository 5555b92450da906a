import { describe, expect, it } from 'vitest';
import type { Rule, Sensor } from '../../api/types';
import { rulesFor, thresholdLines } from './thresholds';

const oxygen: Sensor = { id: 'T-O2-1', asset: 'T-SEC-1', domain: 'tunnel', quantity: 'oxygen', unit: '%vol', intervalS: 60, state: 'active', status: 'online', last: null };
const levels = (...pairs: [1 | 2 | 3 | 4, number][]) => pairs.map(([level, value]) => ({ level, value }));
const TEMPLATES: Rule[] = [
  { id: 'std.oxygen.low', kind: 'threshold', scope: { quantity: 'oxygen' }, params: { direction: 'below', levels: levels([3, 19.5], [2, 18], [1, 16]) }, template: true },
  { id: 'std.oxygen.high', kind: 'threshold', scope: { quantity: 'oxygen' }, params: { direction: 'above', levels: levels([3, 23.5]) }, template: true },
  { id: 'std.pressure.burst', kind: 'pressure-drop', scope: { quantity: 'pressure' }, params: { levels: levels([3, 0.04]) }, template: true },
  { id: 'std.offline', kind: 'offline', scope: {}, template: true },
];

describe('the thresholds a chart draws for a sensor', () => {
  it('draws every threshold rule watching it: oxygen has a low and a high one', () => {
    expect(thresholdLines(oxygen, TEMPLATES).map((l) => l.value)).toEqual([16, 18, 19.5, 23.5]);
  });

  it('uses a configured rule in place of the template with its id', () => {
    const mine: Rule = { id: 'std.oxygen.high', kind: 'threshold', scope: { quantity: 'oxygen' }, params: { levels: levels([2, 22]) }, template: false };
    expect(thresholdLines(oxygen, [...TEMPLATES, mine]).map((l) => l.value)).toEqual([16, 18, 19.5, 22]);
  });

  it('drops a template that a configured rule re-scoped to other sensors, a disabled rule and a replaced one', () => {
    const elsewhere: Rule = { id: 'std.oxygen.high', kind: 'threshold', scope: { sensor: 'OTHER' }, params: { levels: levels([2, 22]) }, template: false };
    const off: Rule = { id: 'std.oxygen.low', kind: 'threshold', scope: { quantity: 'oxygen' }, enabled: false, params: { levels: levels([1, 16]) }, template: false };
    expect(thresholdLines(oxygen, [...TEMPLATES, elsewhere, off])).toEqual([]);
    const replacing: Rule = { id: 'site.o2', kind: 'threshold', scope: { sensor: 'T-O2-1' }, replaces: ['std.oxygen.low'], params: { levels: levels([1, 17]) }, template: false };
    expect(rulesFor(oxygen, [...TEMPLATES, replacing]).map((r) => r.id).sort()).toEqual(['site.o2', 'std.offline', 'std.oxygen.high']);
    expect(thresholdLines(oxygen, [...TEMPLATES, replacing]).map((l) => l.value)).toEqual([17, 23.5]);
  });

  it('draws no line for rules whose levels are steps or slopes, not values', () => {
    const pressure: Sensor = { ...oxygen, id: 'W-P-1', domain: 'water', quantity: 'pressure', unit: 'MPa' };
    expect(thresholdLines(pressure, TEMPLATES)).toEqual([]);
  });
});
