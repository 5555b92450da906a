import { describe, expect, it } from 'vitest';
import { distanceToOverpressure, kinneyGrahamRatio, overpressurePa, scaledDistanceFor, tntEquivalentKg } from './blast.js';
import { METHANE } from './natural-gas.js';

describe('blast by TNT equivalence and Kinney–Graham', () => {
  it('reproduces the CCPS CHEF worked example: 10⁶ kJ → 217 kg TNT, 1 psi at about 108 m', () => {
    // AIChE CCPS, Chemical Hazards Engineering Fundamentals (CHEF) guide, "Explosions", TNT model:
    // 1 × 10⁶ kJ / 4600 kJ/kg = 217 kg TNT; from the TNT chart, 1 psi at Z = 18 m/kg^(1/3), so
    // X = 18 × 217^(1/3) = 108 m. The chart is for a hemispherical surface burst and is read by eye;
    // our ground-level burst (free-air curve at twice the charge) must land within 10 % of it.
    const tnt = tntEquivalentKg(1e9, 1, 1, 4.6e6);
    expect(tnt).toBeCloseTo(217.4, 1);
    const x = distanceToOverpressure(tnt, 6894.76);
    expect(Math.abs(x - 108) / 108).toBeLessThan(0.1);
  });

  it('converts burning methane to TNT at the confined yield of 10 %', () => {
    // 1 kg × 50 MJ/kg × 0.1 / 4.68 MJ/kg = 1.068 kg TNT.
    expect(tntEquivalentKg(1, METHANE.heatOfCombustion)).toBeCloseTo(1.0684, 4);
  });

  it('follows the Kinney–Graham curve: falling with distance, 1/Z far away', () => {
    expect(kinneyGrahamRatio(1)).toBeGreaterThan(kinneyGrahamRatio(2));
    // Far field: p/pa → 808 · (1/4.5²) / (1/(0.048 · 0.32 · 1.35)) / Z = 0.8275 / Z.
    expect(kinneyGrahamRatio(1000) * 1000).toBeCloseTo(0.8275, 3);
    expect(() => kinneyGrahamRatio(0)).toThrow();
  });

  it('inverts: the distance found gives back the overpressure asked for', () => {
    for (const kPa of [1, 3.5, 7, 14, 21, 35, 70]) {
      const z = scaledDistanceFor(kPa * 1000);
      expect(kinneyGrahamRatio(z) * 101_325).toBeCloseTo(kPa * 1000, 3);
      const r = distanceToOverpressure(5, kPa * 1000);
      expect(overpressurePa(5, r)).toBeCloseTo(kPa * 1000, 3);
    }
    expect(distanceToOverpressure(0, 7000)).toBe(0);
  });
});
