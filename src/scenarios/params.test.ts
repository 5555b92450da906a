import { describe, expect, it } from 'vitest';
import { LifelineError } from '../domain/index.js';
import { parseScenario } from './params.js';

const field = (body: unknown): string | undefined => {
  try { parseScenario(body); return undefined; } catch (e) { return (e as LifelineError).errors[0]?.field; }
};

describe('parseScenario', () => {
  it('takes each kind with its params, keeping only the known ones', () => {
    expect(parseScenario({ kind: 'water-burst', params: { pipe: 'W-P-1', extra: 1 } })).toEqual({ kind: 'water-burst', params: { pipe: 'W-P-1' } });
    expect(parseScenario({ kind: 'rainstorm', params: { returnPeriodYears: 100, durationMin: 120 }, name: 'design' }))
      .toEqual({ kind: 'rainstorm', params: { returnPeriodYears: 100, durationMin: 120 }, name: 'design' });
    expect(parseScenario({ kind: 'gas-leak', params: { point: [117.2, 31.8], holeMm: 20 } })).toEqual({ kind: 'gas-leak', params: { point: [117.2, 31.8], holeMm: 20 } });
    expect(parseScenario({ kind: 'outage', params: { asset: 'PW-SS-1', horizonH: 24 } })).toEqual({ kind: 'outage', params: { asset: 'PW-SS-1', horizonH: 24 } });
  });

  it('names the bad field', () => {
    expect(field(null)).toBe('kind');
    expect(field({ kind: 'flood', params: {} })).toBe('kind');
    expect(field({ kind: 'outage', params: [] })).toBe('params');
    expect(field({ kind: 'outage', params: { asset: '' } })).toBe('params.asset');
    expect(field({ kind: 'water-burst', params: { pipe: 'P', openingMm: 0 } })).toBe('params.openingMm');
    expect(field({ kind: 'water-burst', params: { pipe: 'P', failedValves: [1] } })).toBe('params.failedValves');
    expect(field({ kind: 'rainstorm', params: { returnPeriodYears: 100, durationMin: 2 } })).toBe('params.durationMin');
    expect(field({ kind: 'gas-leak', params: { asset: 'G', holeMm: Number.NaN } })).toBe('params.holeMm');
    expect(field({ kind: 'gas-leak', params: { point: [1, 2, 3], holeMm: 5 } })).toBe('params.point');
    expect(field({ kind: 'outage', params: { asset: 'A' }, name: 5 })).toBe('name');
  });
});
