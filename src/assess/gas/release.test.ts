import { describe, expect, it } from 'vitest';
import { METHANE, type GasProperties } from './natural-gas.js';
import { criticalPressureRatio, holeRelease } from './release.js';

const AIR: GasProperties = { ...METHANE, molarMass: 0.028964, gamma: 1.4 };

describe('gas release through a hole (TNO Yellow Book eqs. 2.22–2.26)', () => {
  it('chokes below the textbook critical pressure ratio: 0.5283 for air, 0.544 for methane', () => {
    expect(criticalPressureRatio(1.4)).toBeCloseTo(0.5283, 4);
    expect(criticalPressureRatio(1.31)).toBeCloseTo(0.5439, 4);
  });

  it('reproduces Fliegner\'s formula for choked air, ṁ = 0.0404 · A · p0 / √T0 (SI)', () => {
    // 1 cm² hole, Cd 1, air at 700 kPa absolute and 300 K.
    const p0 = 700_000;
    const r = holeRelease({ gas: AIR, gaugePressurePa: p0 - 101_325, holeDiameterM: Math.sqrt(4e-4 / Math.PI), temperatureK: 300, dischargeCoefficient: 1 });
    expect(r.choked).toBe(true);
    // The constant is printed to three figures (0.04041 exactly for M = 28.964, γ = 1.4).
    const fliegner = (0.0404 * 1e-4 * p0) / Math.sqrt(300);
    expect(Math.abs(r.massFlowKgS - fliegner) / fliegner).toBeLessThan(1e-3);
  });

  it('gives 0.0338 kg/s for methane at 0.3 MPa through a 10 mm hole, by hand', () => {
    // p0 = 401 325 Pa, A = 7.854e-5 m², γM/RT = 1.31 × 0.01604 / (8.3145 × 288.15) = 8.771e-6 s²/m²,
    // (2/2.31)^(2.31/0.31) = 0.34166, √(8.771e-6 × 0.34166) = 1.7311e-3 s/m:
    // q = 0.62 × 7.854e-5 × 401 325 × 1.7311e-3 = 0.0338 kg/s (about 183 m³/h at 20 °C).
    const r = holeRelease({ gaugePressurePa: 0.3e6, holeDiameterM: 0.01 });
    expect(r.choked).toBe(true);
    expect(r.massFlowKgS).toBeCloseTo(0.03383, 4);
    expect(r.volumeFlowM3h).toBeCloseTo(183, 0);
  });

  it('is subsonic at household pressure and meets the choked rate at the critical ratio', () => {
    const low = holeRelease({ gaugePressurePa: 2500, holeDiameterM: 0.01 });
    expect(low.choked).toBe(false);
    // Nearly incompressible at 2.5 kPa: q ≈ Cd·A·√(2ρ0Δp), ρ0 = 103 825 × 0.01604 / (8.3145 × 288.15) = 0.6951 kg/m³:
    // 0.62 × 7.854e-5 × √(2 × 0.6951 × 2500) = 2.87e-3 kg/s; expansion takes about 1 % off that.
    expect(Math.abs(low.massFlowKgS - 2.87e-3) / 2.87e-3).toBeLessThan(0.02);
    expect(low.massFlowKgS).toBeLessThan(2.87e-3);
    const p0 = 101_325 / criticalPressureRatio(METHANE.gamma);
    const below = holeRelease({ gaugePressurePa: p0 * (1 - 1e-9) - 101_325, holeDiameterM: 0.01 });
    const above = holeRelease({ gaugePressurePa: p0 * (1 + 1e-9) - 101_325, holeDiameterM: 0.01 });
    expect(below.choked).toBe(false);
    expect(above.choked).toBe(true);
    expect(below.massFlowKgS).toBeCloseTo(above.massFlowKgS, 8);
  });

  it('refuses a hole that is not there', () => {
    expect(() => holeRelease({ gaugePressurePa: 1e5, holeDiameterM: 0 })).toThrow(/hole diameter/);
  });
});
