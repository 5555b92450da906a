import { describe, expect, it } from 'vitest';
import { isGeometry, type Asset } from '../../domain/index.js';
import type { AssessContext } from '../context.js';
import { assessGasLeak } from './gas-leak.js';
import { cordonAndEvacuation } from './zones.js';

/** A street on real coordinates: a medium-pressure main, a telecom well beside it, homes, a school. */
const lon = (m: number): number => 117.25 + m / 94_553;
const lat = (m: number): number => 31.82 + m / 110_574;
const point = (x: number, y: number): [number, number] => [lon(x), lat(y)];

const assets: Asset[] = [
  { id: 'G1', kind: 'pipe', domain: 'gas', name: '滨河路中压燃气管', geometry: { type: 'LineString', coordinates: [point(0, 0), point(200, 0)] }, properties: { operatingPressureMpa: 0.3, diameterMm: 160, depthM: 1.2 } },
  { id: 'GV1', kind: 'valve', domain: 'gas', geometry: { type: 'Point', coordinates: point(12, 0) }, properties: { pipe: 'G1' } },
  { id: 'TW', kind: 'manhole', domain: 'gas', name: '滨河路通信人井', geometry: { type: 'Point', coordinates: point(100, 3) }, properties: { space: 'telecom_well', depthM: 2 } },
  { id: 'FAR', kind: 'manhole', domain: 'drainage', geometry: { type: 'Point', coordinates: point(100, 60) }, properties: { depthM: 2 } },
  { id: 'B1', kind: 'building', domain: 'building', geometry: { type: 'Polygon', coordinates: [[point(90, 20), point(110, 20), point(110, 35), point(90, 35), point(90, 20)]] }, properties: { population: 200 } },
  { id: 'SCHOOL', kind: 'facility', domain: 'building', name: '滨河小学', geometry: { type: 'Point', coordinates: point(100, -40) }, properties: { facility: 'school', population: 900 } },
  { id: 'HOSPITAL', kind: 'facility', domain: 'building', geometry: { type: 'Point', coordinates: point(100, 500) }, properties: { facility: 'hospital', population: 1000 } },
];
const context: AssessContext = {
  assets,
  populationGrid: { type: 'FeatureCollection', features: [{ id: 'c', properties: { population: 5000 }, geometry: { type: 'Polygon', coordinates: [[point(-300, -300), point(500, -300), point(500, 300), point(-300, 300), point(-300, -300)]] } }] },
};

describe('gas leak assessment', () => {
  it('a 20 mm hole next to a telecom well: release, the well fills, cordon and evacuation', () => {
    const impact = assessGasLeak({ asset: 'G1', point: point(100, 0), holeMm: 20 }, context);
    expect(impact.kind).toBe('gas-leak');
    const leak = impact.affected.assets[0]!;
    expect(leak).toMatchObject({ id: 'G1', effect: 'leak', level: 2 });
    // Four times the 10 mm hand calculation (0.0338 kg/s): 0.135 kg/s.
    expect((leak.detail as { releaseKgS: number }).releaseKgS).toBeCloseTo(0.1353, 3);
    const well = impact.affected.assets.find((a) => a.id === 'TW')!;
    expect(well.effect).toBe('flammable');
    expect(impact.affected.assets.some((a) => a.id === 'FAR')).toBe(false); // 60 m: out of reach
    expect(impact.actions[0]!.code).toBe('cordon');
    expect(impact.actions.find((a) => a.code === 'evacuate')!.targets).toContain('B1');
    expect(impact.actions.find((a) => a.code === 'isolate_gas')!.targets).toContain('GV1');
    expect(impact.affected.facilities.map((f) => [f.id, f.effect])).toEqual([['SCHOOL', 'in_cordon']]);
    const zoneRadii = Object.fromEntries(impact.layers.zones!.features.map((f) => [f.id, f.properties.radiusM]));
    expect(zoneRadii).toEqual({ cordon: 50, evacuation: 30 });
    expect(impact.layers.blast!.features).toHaveLength(7);
    for (const [name, fc] of Object.entries(impact.layers)) for (const f of fc.features) expect(isGeometry(f.geometry), name).toBe(true);
    expect(impact.summary).toMatch(/Level 2/);
  });

  it('a methane alarm in the well finds the main beside it and takes the reading', () => {
    const impact = assessGasLeak({ asset: 'TW', holeMm: 5, measuredLel: { TW: 150 } }, context);
    expect(impact.affected.assets[0]!.id).toBe('G1');
    expect(impact.summary).toMatch(/measured 150 %LEL/);
    expect(impact.affected.assets.find((a) => a.id === 'TW')).toMatchObject({ effect: 'flammable', atMin: 0 });
  });

  it('a pinhole away from any space vents to the air: a small work zone, nobody moved', () => {
    const impact = assessGasLeak({ asset: 'G1', point: point(190, 0), holeMm: 2 }, context);
    expect(impact.affected.assets[0]!.level).toBe(4);
    expect(impact.actions.some((a) => a.code === 'evacuate')).toBe(false);
    expect(impact.layers.zones!.features.map((f) => f.properties.radiusM)).toEqual([15]);
    expect(impact.summary).toMatch(/vents to the air/);
  });

  it('refuses a point far from any gas main', () => {
    expect(() => assessGasLeak({ point: point(100, 400), holeMm: 10 }, context)).toThrow(/no gas pipe within 100 m/);
  });
});

describe('cordon and evacuation radii by level', () => {
  const reach = (kPa: number): number => ({ 1: 400, 3.5: 120, 7: 60 } as Record<number, number>)[kPa] ?? 0;
  it('widen with the level and never fall below the minimums', () => {
    expect(cordonAndEvacuation(1, reach)).toEqual({ evacuationM: 120, cordonM: 400 });
    expect(cordonAndEvacuation(2, reach)).toEqual({ evacuationM: 60, cordonM: 120 });
    expect(cordonAndEvacuation(3, reach)).toEqual({ evacuationM: 0, cordonM: 60 });
    expect(cordonAndEvacuation(4, reach)).toEqual({ evacuationM: 0, cordonM: 15 });
    expect(cordonAndEvacuation(2, () => 3)).toEqual({ evacuationM: 30, cordonM: 50 });
  });
});
