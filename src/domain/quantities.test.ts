import { describe, expect, it } from 'vitest';
import { QUANTITIES, QUANTITY_NAMES, inPhysicalRange, unitConversion } from './quantities.js';

describe('quantities', () => {
  it('cover every quantity of the vocabulary, each with a unit and a range', () => {
    for (const name of ['methane', 'pressure', 'flow', 'level', 'ponding', 'rainfall', 'strain', 'displacement', 'acceleration',
      'tilt', 'crack', 'temperature', 'h2s', 'oxygen', 'noise', 'level_ratio', 'generic']) {
      expect(QUANTITY_NAMES).toContain(name);
    }
    for (const name of QUANTITY_NAMES) {
      const q = QUANTITIES[name];
      expect(q.min).toBeLessThan(q.max);
      if (name !== 'generic') expect(Number.isFinite(q.min) && Number.isFinite(q.max)).toBe(true);
    }
  });
  it('know physically impossible values', () => {
    expect(inPhysicalRange('methane', 101)).toBe(false);
    expect(inPhysicalRange('methane', 50)).toBe(true);
    expect(inPhysicalRange('oxygen', -1)).toBe(false);
    expect(inPhysicalRange('tilt', 95)).toBe(false);
    expect(inPhysicalRange('generic', 1e300)).toBe(true);
  });
  it('convert device units to the canonical unit', () => {
    expect(unitConversion('pressure', 'kPa')).toEqual({ factor: 0.001 });
    expect(unitConversion('methane', '%vol')).toEqual({ factor: 20 });
    expect(unitConversion('pressure', 'MPa')).toEqual({ factor: 1 });
    expect(unitConversion('pressure', 'furlongs')).toBeUndefined();
    const k = unitConversion('temperature', 'K')!;
    expect(300 * k.factor + (k.offset ?? 0)).toBeCloseTo(26.85);
  });
});
