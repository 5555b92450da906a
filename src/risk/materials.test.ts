import { describe, expect, it } from 'vitest';
import { normaliseMaterial } from './materials.js';
import { riskConfig } from './config.js';

describe('materials and configuration', () => {
  it('reads the names inventories use', () => {
    expect(normaliseMaterial('CI')).toBe('grey_cast_iron');
    expect(normaliseMaterial('灰口铸铁')).toBe('grey_cast_iron');
    expect(normaliseMaterial('ductile_iron')).toBe('ductile_iron');
    expect(normaliseMaterial('PE100 SDR11')).toBe('pe');
    expect(normaliseMaterial('HDPE')).toBe('pe');
    expect(normaliseMaterial('steel L245')).toBe('steel');
    expect(normaliseMaterial('pre-insulated steel (PU foam, HDPE jacket)')).toBe('steel');
    expect(normaliseMaterial('RC')).toBe('concrete');
    expect(normaliseMaterial(undefined)).toBe('unknown');
  });

  it('merges an override over the defaults, keeping what it does not name', () => {
    const c = riskConfig({ likelihood: { age: 0.5 }, thresholds: { red: 15 } });
    expect(c.likelihood.age).toBe(0.5);
    expect(c.likelihood.material).toBe(0.15);
    expect(c.thresholds).toEqual({ red: 15, orange: 8, yellow: 4.5 });
  });
});
