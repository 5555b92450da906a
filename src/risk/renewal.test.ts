import { describe, expect, it } from 'vitest';
import type { Asset } from '../domain/index.js';
import { RiskModel } from './model.js';
import { renewalCsv, renewalGeoJson, renewalList } from './renewal.js';

const AT = Date.parse('2025-06-01T00:00:00Z');
const ll = (x: number, y: number): [number, number] => [117.2 + x / 94_620, 31.8 + y / 110_574];
const node = (id: string, x: number, y: number, kind: Asset['kind'] = 'junction'): Asset => ({ id, kind, domain: 'water', geometry: { type: 'Point', coordinates: ll(x, y) }, properties: {} });
const pipe = (id: string, from: [string, number, number], to: [string, number, number], props: Record<string, unknown>): Asset => ({
  id, kind: 'pipe', domain: 'water', geometry: { type: 'LineString', coordinates: [ll(from[1], from[2]), ll(to[1], to[2])] },
  properties: { from: from[0], to: to[0], diameterMm: 200, ...props },
});

/**
 * A hand-built network: a reservoir feeding a loop, and a spur to a hospital.
 *   R ─P1─ J1 ─P2─ J2 ─P3─ J3 ─P4─ J1 (loop),  J3 ─P5─ J4 (spur, a hospital beside it)
 */
function network(): RiskModel {
  const R: [string, number, number] = ['R', 0, 0];
  const J1: [string, number, number] = ['J1', 300, 0];
  const J2: [string, number, number] = ['J2', 600, 0];
  const J3: [string, number, number] = ['J3', 450, 300];
  const J4: [string, number, number] = ['J4', 450, 700];
  const assets: Asset[] = [
    node('R', 0, 0, 'reservoir'), node('J1', 300, 0), node('J2', 600, 0), node('J3', 450, 300), node('J4', 450, 700),
    pipe('P1', R, J1, { material: 'DI', installYear: 2018, diameterMm: 600 }),
    pipe('P2', J1, J2, { material: 'PE', installYear: 2019 }),
    pipe('P3', J2, J3, { material: 'DI', installYear: 2005 }),
    pipe('P4', J3, J1, { material: 'CI', installYear: 1978 }),
    pipe('P5', J3, J4, { material: 'CI', installYear: 1972, diameterMm: 150 }),
    { id: 'H', kind: 'facility', domain: 'building', geometry: { type: 'Point', coordinates: ll(470, 520) }, properties: { facility: 'hospital' } },
  ];
  const cell = (id: string, x: number, y: number, pop: number) => ({ id, geometry: { type: 'Polygon' as const, coordinates: [[ll(x - 150, y - 150), ll(x + 150, y - 150), ll(x + 150, y + 150), ll(x - 150, y + 150), ll(x - 150, y - 150)]] }, properties: { population: pop } });
  const populationGrid = { type: 'FeatureCollection' as const, features: [cell('c1', 300, 0, 800), cell('c2', 600, 0, 800), cell('c3', 450, 300, 800), cell('c4', 450, 700, 3000)] };
  return new RiskModel({ assets, at: AT, populationGrid });
}

describe('renewal priority', () => {
  const m = network();
  const list = renewalList(m);

  it('ranks the old grey iron spur to the hospital first, then the old grey iron in the loop; new pipes last', () => {
    expect(list.map((x) => x.id).slice(0, 2)).toEqual(['P5', 'P4']);
    expect(list.map((x) => x.rank)).toEqual(list.map((_, k) => k + 1));
    const ids = list.map((x) => x.id);
    expect(ids.indexOf('P3')).toBeGreaterThan(ids.indexOf('P4'));
    for (const newer of ['P1', 'P2']) if (ids.includes(newer)) expect(ids.indexOf(newer)).toBeGreaterThan(ids.indexOf('P3'));
  });

  it('gives reasons, a cost by length and diameter, and the risk after renewal', () => {
    const p5 = list[0]!;
    expect(p5.reasons.join(' ')).toMatch(/grey cast iron/);
    expect(p5.reasons.join(' ')).toMatch(/hospital/);
    expect(p5.reasons.join(' ')).toMatch(/no alternative path/);
    expect(p5.riskAfter).toBeLessThan(p5.risk);
    // 400 m of DN150 water main at 600 + 4 × 150 CNY/m.
    expect(p5.lengthM).toBeCloseTo(400, -1);
    expect(Math.abs(p5.costYuan - p5.lengthM * (600 + 4 * 150))).toBeLessThan(1200);
  });

  it('exports CSV and GeoJSON', () => {
    const csv = renewalCsv(list);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('rank,id,name,domain,material,diameterMm,lengthM,installYear,ageYears,risk,level,riskAfter,levelAfter,riskReduction,costYuan,reductionPer10kYuan,reasons');
    expect(lines[1]).toMatch(/^1,P5,/);
    expect(lines).toHaveLength(list.length + 1);
    const geo = renewalGeoJson(list);
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features[0]!.geometry.type).toBe('LineString');
    expect(geo.features[0]!.properties.rank).toBe(1);
  });
});
