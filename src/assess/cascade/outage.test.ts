import { describe, expect, it } from 'vitest';
import { isGeometry, type Asset } from '../../domain/index.js';
import type { AssessContext } from '../context.js';
import { dependenciesFromAssets } from './infer.js';
import { assessOutage } from './outage.js';

/**
 * A small district on real coordinates: a 10 kV feeder from substation S1 through ring main units
 * R1 and R2 to substation S2; a water pumping station by R1 filling a zone with a tower; a
 * hospital and a school by R2; a bridge carrying a water main; a tunnel section carrying a cable.
 *
 *   S1 ──C1── R1 ──C2── R2 ──C3── S2
 */
const lon = (m: number): number => 117.25 + m / 94_553;
const lat = (m: number): number => 31.82 + m / 110_574;
const pt = (x: number, y: number): [number, number] => [lon(x), lat(y)];
const line = (...p: [number, number][]): Asset['geometry'] => ({ type: 'LineString', coordinates: p });
const a = (id: string, kind: Asset['kind'], domain: Asset['domain'], geometry: Asset['geometry'], properties: Record<string, unknown> = {}): Asset => ({ id, kind, domain, name: id, geometry, properties });

const assets: Asset[] = [
  a('S1', 'substation', 'power', { type: 'Point', coordinates: pt(0, 0) }, { type: 'substation' }),
  a('R1', 'substation', 'power', { type: 'Point', coordinates: pt(400, 0) }, { type: 'ring_main_unit' }),
  a('R2', 'substation', 'power', { type: 'Point', coordinates: pt(800, 0) }, { type: 'ring_main_unit' }),
  a('S2', 'substation', 'power', { type: 'Point', coordinates: pt(1200, 0) }, { type: 'substation' }),
  a('C1', 'cable', 'power', line(pt(0, 0), pt(400, 0)), { from: 'S1', to: 'R1', feeder: 'F1' }),
  a('C2', 'cable', 'power', line(pt(400, 0), pt(800, 0)), { from: 'R1', to: 'R2', feeder: 'F1' }),
  a('C3', 'cable', 'power', line(pt(800, 0), pt(1200, 0)), { from: 'R2', to: 'S2', feeder: 'F1' }),
  a('RES', 'reservoir', 'water', { type: 'Point', coordinates: pt(380, 40) }, { headM: 20 }),
  a('PS', 'pump_station', 'water', { type: 'Point', coordinates: pt(390, 30) }, { from: 'RES', to: 'J1' }),
  a('J1', 'junction', 'water', { type: 'Point', coordinates: pt(400, 50) }, { baseDemandLps: 50 }),
  a('J2', 'junction', 'water', { type: 'Point', coordinates: pt(800, 50) }, { baseDemandLps: 50 }),
  a('TOWER', 'tank', 'water', { type: 'Point', coordinates: pt(600, 60) }, { diameterM: 20, initLevelM: 6, minLevelM: 1, maxLevelM: 10, elevationM: 40 }),
  a('WP1', 'pipe', 'water', line(pt(400, 50), pt(600, 50)), { from: 'J1', to: 'TOWER', onBridge: true }),
  a('WP2', 'pipe', 'water', line(pt(600, 50), pt(800, 50)), { from: 'TOWER', to: 'J2' }),
  a('HOSP', 'facility', 'building', { type: 'Point', coordinates: pt(820, 30) }, { facility: 'hospital', population: 900 }),
  a('SCHOOL', 'facility', 'building', { type: 'Point', coordinates: pt(780, 30) }, { facility: 'school', population: 1500 }),
  a('BRIDGE', 'bridge', 'bridge', line(pt(450, 50), pt(550, 50))),
  a('TUNNEL', 'tunnel_section', 'tunnel', line(pt(420, -10), pt(780, -10))),
];
const context: AssessContext = {
  assets,
  populationGrid: { type: 'FeatureCollection', features: [{ id: 'c', properties: { population: 4000 }, geometry: { type: 'Polygon', coordinates: [[pt(700, -100), pt(900, -100), pt(900, 100), pt(700, 100), pt(700, -100)]] } }] },
};
const graph = dependenciesFromAssets(assets);

describe('dependencies read from the asset register', () => {
  it('feeds each ring main unit from both ends of its feeder', () => {
    const intoR1 = graph.edges.filter((e) => e.to === 'R1').map((e) => e.from).sort();
    expect(intoR1).toEqual(['path:R1:A', 'path:R1:B']);
    const pathB = graph.edges.filter((e) => e.to === 'path:R1:B').map((e) => e.from).sort();
    expect(pathB).toEqual(['C2', 'C3', 'R2', 'S2']);
  });

  it('makes the zone last as long as its tower holds: 1571 m³ at 360 m³/h is 4.4 h', () => {
    // π/4 × 20² × (6 − 1) = 1571 m³; demand 100 L/s = 360 m³/h.
    const e = graph.edges.find((x) => x.from === 'PS' && x.to.startsWith('zone:'))!;
    expect(e.delayMin).toBe(Math.round((1570.8 / 360) * 60));
  });

  it('finds what the bridge and the tunnel carry', () => {
    expect(graph.edges.filter((e) => e.kind === 'carries').map((e) => `${e.from}>${e.to}`).sort()).toEqual(['BRIDGE>WP1', 'TUNNEL>C2']);
  });
});

describe('outage assessment', () => {
  it('a tunnel fire takes the cable in it: both units keep one feed and are back-fed', () => {
    const impact = assessOutage(graph, { asset: 'TUNNEL' }, context);
    expect(impact.kind).toBe('outage');
    expect(impact.affected.assets.map((x) => x.id)).toEqual(['TUNNEL', 'C2']);
    expect(impact.actions.find((x) => x.code === 'switch_feeder')!.targets).toEqual(['R2']);
    expect(impact.affected.facilities).toEqual([]);
  });

  it('losing the feeder\'s both ends: the pumps stop, the zone runs on the tower, the hospital on diesel and storage', () => {
    const g = { ...graph, nodes: [...graph.nodes, { id: 'BOTH', kind: 'asset' as const }], edges: [...graph.edges, { from: 'BOTH', to: 'S1', kind: 'power' as const, delayMin: 0 }, { from: 'BOTH', to: 'S2', kind: 'power' as const, delayMin: 0 }] };
    const impact = assessOutage(g, { asset: 'BOTH' }, context);
    const at = Object.fromEntries(impact.affected.assets.map((x) => [x.id, x.atMin]));
    expect(at.PS).toBe(0);
    expect(at.R2).toBe(0);
    const zone = Object.keys(at).find((id) => id.startsWith('zone:'))!;
    expect(at[zone]).toBe(262);
    // The school has no backup power; the hospital lasts 8 h on stored water after the zone runs dry.
    expect(at.SCHOOL).toBe(0);
    expect(at.HOSP).toBe(262 + 480);
    expect(impact.affected.facilities.map((f) => f.id)).toEqual(['HOSP', 'SCHOOL']);
    const tanker = impact.actions.find((x) => x.code === 'water_tanker' && x.targets!.includes('HOSP'))!;
    expect(tanker.atMin).toBe(262 + 480 - 60);
    expect(impact.affected.population).toBe(4000);
    for (const f of impact.layers.failures!.features) expect(isGeometry(f.geometry)).toBe(true);
  });

  it('a bridge collapse takes its main and asks for a water assessment', () => {
    const impact = assessOutage(graph, { asset: 'BRIDGE' }, context);
    expect(impact.actions.map((x) => x.code)).toContain('assess_water');
    expect(impact.affected.assets.find((x) => x.id === 'WP1')!.effect).toBe('fails_with_carrier');
  });

  it('an asset outside the graph has no dependents; an unknown one is refused', () => {
    expect(assessOutage(graph, { asset: 'J2' }, context).affected.assets.map((x) => x.id)).toEqual(['J2']);
    expect(() => assessOutage(graph, { asset: 'NOPE' }, context)).toThrow(/unknown asset/);
  });
});
