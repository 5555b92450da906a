import { describe, expect, it } from 'vitest';
import { isGeometry, type Asset } from '../../domain/index.js';
import type { AssessContext } from '../context.js';
import type { DrainageNetwork, Subcatchment } from './network.js';
import { assessRainstorm } from './rainstorm.js';

/**
 * A street on real coordinates: two manholes draining east to the river through a pipe that is
 * too small, an underpass sag beside the upper manhole, a school near the lower one.
 *
 *   SAG (underpass, 2 m below)   M1 ──DN400── M2 ──DN400── OUT (river)
 */
const lon = (m: number): number => 117.25 + m / 94_500;
const network: DrainageNetwork = {
  crs: 'lonlat',
  nodes: [
    { id: 'M1', kind: 'junction', invertM: 18, groundM: 20, shaftAreaM2: 1, pondAreaM2: 300, position: [lon(0), 31.82], name: 'Upper manhole' },
    { id: 'M2', kind: 'junction', invertM: 17, groundM: 19.5, shaftAreaM2: 1, pondAreaM2: 300, position: [lon(200), 31.82] },
    { id: 'OUT', kind: 'outfall', invertM: 16, groundM: 18, shaftAreaM2: 1, pondAreaM2: 0, position: [lon(400), 31.82] },
    { id: 'SAG', kind: 'low_point', lowPoint: 'underpass', invertM: 17, groundM: 18, shaftAreaM2: 1, pondAreaM2: 1500, pondSlope: 0.03, position: [lon(-80), 31.8205], name: 'Underpass', closeRoadCm: 27 },
  ],
  links: [
    { id: 'C1', kind: 'conduit', from: 'M1', to: 'M2', lengthM: 200, manningN: 0.013, slope: 0.004, shape: { kind: 'circular', diameterM: 0.4 } },
    { id: 'C2', kind: 'conduit', from: 'M2', to: 'OUT', lengthM: 200, manningN: 0.013, slope: 0.004, shape: { kind: 'circular', diameterM: 0.4 } },
    { id: 'CS', kind: 'conduit', from: 'SAG', to: 'M1', lengthM: 80, manningN: 0.013, slope: 0.002, shape: { kind: 'circular', diameterM: 0.3 } },
  ],
  subcatchments: (['M1', 'M2', 'SAG'] as const).map((outlet): Subcatchment => ({
    id: `S-${outlet}`, outlet, areaHa: outlet === 'SAG' ? 1 : 4, imperviousPct: 80, widthM: 400, slopePct: 1, nImpervious: 0.015, nPervious: 0.15,
    depressionImperviousMm: 2, depressionPerviousMm: 5, zeroDepressionPct: 25, horton: { f0MmH: 76, fcMmH: 6, decayPerH: 4 },
  })),
};

const school: Asset = { id: 'SCHOOL', kind: 'facility', domain: 'building', name: 'Riverside School', geometry: { type: 'Point', coordinates: [lon(210), 31.8203] }, properties: { facility: 'school', population: 800 } };
const context: AssessContext = {
  assets: [school],
  populationGrid: { type: 'FeatureCollection', features: [{ id: 'c', properties: { population: 5000 }, geometry: { type: 'Polygon', coordinates: [[[lon(-300), 31.817], [lon(500), 31.817], [lon(500), 31.823], [lon(-300), 31.823], [lon(-300), 31.817]]] } }] },
  roads: { type: 'FeatureCollection', features: [{ id: 'R1', properties: { name: '滨河路' }, geometry: { type: 'LineString', coordinates: [[lon(-100), 31.82], [lon(400), 31.82]] } }] },
};

describe('rainstorm assessment', () => {
  it('a 50-year storm surcharges the street, floods the underpass and says what to do first', () => {
    const impact = assessRainstorm(network, { returnPeriodYears: 50, durationMin: 120 }, context);
    expect(impact.kind).toBe('rainstorm');
    const effects = new Set(impact.affected.assets.map((a) => `${a.id}:${a.effect}`));
    expect(effects.has('M1:flooding') || effects.has('M1:surcharged')).toBe(true);
    expect(effects.has('C1:over_capacity')).toBe(true);
    const sag = impact.affected.assets.find((a) => a.id === 'SAG' && a.effect === 'ponding');
    expect(sag).toBeDefined();
    expect((sag!.detail as { peakDepthCm: number }).peakDepthCm).toBeGreaterThanOrEqual(27);
    // Flood water from the upper manhole runs down into the underpass.
    expect(impact.actions[0]!.code).toBe('pre_warning');
    expect(impact.actions.some((a) => a.code === 'close_road' && a.targets!.includes('SAG'))).toBe(true);
    expect(impact.affected.facilities.map((f) => f.id)).toEqual(['SCHOOL']);
    expect(impact.affected.population).toBeGreaterThan(0);
    expect(impact.summary).toMatch(/滨河路/);
    for (const [name, fc] of Object.entries(impact.layers)) for (const f of fc.features) expect(isGeometry(f.geometry), name).toBe(true);
    expect(impact.layers.ponding!.features.map((f) => f.id)).toContain('SAG');
  });

  it('a light shower passes without trouble', () => {
    const impact = assessRainstorm(network, { intensityMmPerHour: [2, 4, 2], stepMin: 10 }, context);
    expect(impact.affected.assets).toEqual([]);
    expect(impact.actions).toEqual([]);
    expect(impact.summary).toMatch(/No place ponds/);
  });

  it('a storm on a network already half full surcharges sooner (live levels as the start)', () => {
    const dry = assessRainstorm(network, { returnPeriodYears: 5, durationMin: 60 }, context);
    const wet = assessRainstorm(network, { returnPeriodYears: 5, durationMin: 60 }, context, { initialDepthM: new Map([['M1', 0.35], ['M2', 0.35]]) });
    const first = (i: typeof dry): number => Math.min(...i.affected.assets.filter((a) => a.effect === 'surcharged' || a.effect === 'flooding').map((a) => a.atMin ?? Infinity));
    expect(first(wet)).toBeLessThanOrEqual(first(dry));
  });
});
