import { describe, expect, it } from 'vitest';
import type { Asset } from '../../domain/index.js';
import { flammableFuelKg, migrate } from './migration.js';
import { gasDensity, METHANE } from './natural-gas.js';
import type { NearbySpace } from './spaces.js';
import { undergroundSpace } from './spaces.js';

const well = (id: string, space: string, depthM = 2): Asset => ({ id, kind: 'manhole', domain: 'gas', geometry: { type: 'Point', coordinates: [117, 31] }, properties: { space, depthM } });
const near = (a: Asset, distanceM: number): NearbySpace => ({ space: undergroundSpace(a)!, distanceM });

describe('gas migration into underground spaces', () => {
  it('fills a well-mixed box to q/(q + Qv) and reaches the LEL when the box equation says', () => {
    // One telecom well (Ø1 m, 2 m deep: V = 1.571 m³, 1 air change an hour) at the leak.
    // Weight e^0 = 1 against the surface's 1: half the release enters.
    const release = 0.001; // kg/s
    const [h] = migrate([near(well('W', 'telecom_well'), 0)], release, METHANE);
    const q = (release / gasDensity(METHANE)) / 2;
    const v = Math.PI / 4 * 2;
    const qv = v / 3600;
    expect(h!.share).toBeCloseTo(0.5, 12);
    expect(h!.steadyFraction).toBeCloseTo(q / (q + qv), 12);
    expect(h!.timeToLflS).toBeCloseTo((-v / (q + qv)) * Math.log(1 - 0.05 / (q / (q + qv))), 9);
    expect(h!.flammable).toBe(true);
  });

  it('shares the gas by distance: the far space gets less and ranks lower', () => {
    const hs = migrate([near(well('FAR', 'sewer_manhole'), 20), near(well('NEAR', 'sewer_manhole'), 2)], 0.001, METHANE);
    expect(hs.map((h) => h.nearby.space.asset.id)).toEqual(['NEAR', 'FAR']);
    expect(hs[0]!.share).toBeGreaterThan(hs[1]!.share * 10);
    expect(hs.reduce((s, h) => s + h.share, 0)).toBeLessThan(1);
  });

  it('ranks a space with ignition sources above a plain one at the same place', () => {
    const hs = migrate([near(well('SEWER', 'sewer_manhole'), 3), near(well('POWER', 'power_well'), 3)], 0.0002, METHANE);
    expect(hs[0]!.nearby.space.asset.id).toBe('POWER');
  });

  it('takes a detector\'s reading over the estimate', () => {
    const [h] = migrate([near(well('W', 'telecom_well'), 10)], 1e-6, METHANE, { measured: new Map([['W', 0.06]]) });
    expect(h!.measured).toBe(true);
    expect(h!.flammable).toBe(true);
    expect(h!.timeToLflS).toBe(0);
  });

  it('counts fuel only inside the flammable range, up to the stoichiometric mixture', () => {
    expect(flammableFuelKg(10, 0.03, METHANE)).toBe(0);
    expect(flammableFuelKg(10, 0.08, METHANE)).toBeCloseTo(10 * 0.08 * gasDensity(METHANE), 12);
    expect(flammableFuelKg(10, 0.5, METHANE)).toBeCloseTo(10 * 0.095 * gasDensity(METHANE), 12);
  });
});
