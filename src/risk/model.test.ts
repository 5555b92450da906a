import { describe, expect, it } from 'vitest';
import type { Asset, Domain } from '../domain/index.js';
import { RiskModel } from './model.js';
import { riskLevel } from './levels.js';
import { DEFAULT_RISK_CONFIG } from './config.js';
import { assetRisk } from './explain.js';

const AT = Date.parse('2025-06-01T00:00:00Z');
const O = [117.2, 31.8] as const;
/** Local metres east/north of the origin → [lon, lat]. */
const ll = (x: number, y: number): [number, number] => [O[0] + x / 94_620, O[1] + y / 110_574];

function pipe(id: string, x: number, props: Record<string, unknown>, domain: Domain = 'water'): Asset {
  return { id, kind: 'pipe', domain, geometry: { type: 'LineString', coordinates: [ll(x, 0), ll(x + 100, 0)] }, properties: { diameterMm: 200, lengthM: 100, ...props } };
}
function facility(id: string, x: number, y: number, type: string): Asset {
  return { id, kind: 'facility', domain: 'building', geometry: { type: 'Point', coordinates: ll(x, y) }, properties: { facility: type } };
}
const grid = (pop: number) => ({
  type: 'FeatureCollection' as const,
  features: [{ id: 'C1', geometry: { type: 'Polygon' as const, coordinates: [[ll(-5000, -5000), ll(5000, -5000), ll(5000, 5000), ll(-5000, 5000), ll(-5000, -5000)]] }, properties: { population: pop } }],
});

function model(assets: Asset[], extra: Partial<ConstructorParameters<typeof RiskModel>[0]> = {}) {
  return new RiskModel({ assets, at: AT, populationGrid: grid(100_000), ...extra });
}
const riskOf = (m: RiskModel, id: string) => assetRisk(m, m.indexOf(id)!);

describe('likelihood factors', () => {
  it('an older pipe is riskier than the same pipe laid recently', () => {
    const m = model([pipe('OLD', 0, { material: 'DI', installYear: 1975 }), pipe('NEW', 3000, { material: 'DI', installYear: 2020 })]);
    expect(riskOf(m, 'OLD').likelihood).toBeGreaterThan(riskOf(m, 'NEW').likelihood);
    expect(riskOf(m, 'OLD').risk).toBeGreaterThan(riskOf(m, 'NEW').risk);
  });

  it('grey cast iron is riskier than ductile iron and PE of the same age', () => {
    const m = model([
      pipe('CI', 0, { material: '灰口铸铁', installYear: 1990 }), pipe('DI', 3000, { material: 'ductile_iron', installYear: 1990 }),
      pipe('PE', -3000, { material: 'PE100', installYear: 1990 }),
    ]);
    expect(riskOf(m, 'CI').likelihood).toBeGreaterThan(riskOf(m, 'DI').likelihood);
    expect(riskOf(m, 'DI').likelihood).toBeGreaterThan(riskOf(m, 'PE').likelihood);
  });

  it('leak history, a poor condition report and works nearby each raise likelihood', () => {
    const base = [pipe('A', 0, { material: 'DI', installYear: 2000 }), pipe('B', 3000, { material: 'DI', installYear: 2000 })];
    const plain = model(base);
    const history = model(base, { history: [{ asset: 'A', at: AT - 86_400_000 }, { asset: 'A', at: AT - 2 * 86_400_000 }] });
    const condition = model(base, { conditions: [{ asset: 'A', grade: 4, at: AT - 1000 }] });
    const works = model(base, { works: [{ id: 'W1', geometry: { type: 'Point', coordinates: ll(50, 10) }, from: AT - 1000, to: AT + 1000 }] });
    const lA = (m: RiskModel) => riskOf(m, 'A').likelihood;
    expect(lA(history)).toBeGreaterThan(lA(plain));
    expect(lA(condition)).toBeGreaterThan(lA(plain));
    expect(lA(works)).toBeGreaterThan(lA(plain));
    // Works that ended do not count; neither does history beyond the window.
    expect(lA(model(base, { works: [{ id: 'W2', geometry: { type: 'Point', coordinates: ll(50, 10) }, to: AT - 1 }] }))).toBe(lA(plain));
    expect(lA(model(base, { history: [{ asset: 'A', at: AT - 10 * 365 * 86_400_000 }] }))).toBe(lA(plain));
  });

  it('a gas pipe at a higher pressure class is likelier to fail, and an offline sensor raises likelihood', () => {
    const m = model([pipe('LP', 0, { material: 'PE', installYear: 2005, pressureClass: 'LP' }, 'gas'), pipe('SHA', 3000, { material: 'PE', installYear: 2005, pressureClass: 'SHA' }, 'gas')],
      { sensors: [{ asset: 'LP', healthy: true }, { asset: 'SHA', healthy: true }] });
    expect(riskOf(m, 'SHA').likelihood).toBeGreaterThan(riskOf(m, 'LP').likelihood);
    const sick = model([pipe('LP', 0, { material: 'PE', installYear: 2005, pressureClass: 'LP' }, 'gas')], { sensors: [{ asset: 'LP', healthy: false }] });
    const well = model([pipe('LP', 0, { material: 'PE', installYear: 2005, pressureClass: 'LP' }, 'gas')], { sensors: [{ asset: 'LP', healthy: true }] });
    expect(riskOf(sick, 'LP').likelihood).toBeGreaterThan(riskOf(well, 'LP').likelihood);
  });
});

describe('consequence factors', () => {
  it('a hospital nearby raises consequence, more than a mall does', () => {
    const assets = [
      pipe('NEAR-H', 0, { material: 'DI', installYear: 2000 }), pipe('NEAR-M', 3000, { material: 'DI', installYear: 2000 }), pipe('ALONE', -3000, { material: 'DI', installYear: 2000 }),
      facility('H1', 50, 20, 'hospital'), facility('M1', 3050, 20, 'mall'),
    ];
    const m = model(assets);
    expect(riskOf(m, 'NEAR-H').consequence).toBeGreaterThan(riskOf(m, 'NEAR-M').consequence);
    expect(riskOf(m, 'NEAR-M').consequence).toBeGreaterThan(riskOf(m, 'ALONE').consequence);
    expect(riskOf(m, 'NEAR-H').factors.consequence.find((f) => f.factor === 'facilities')!.note).toContain('hospital');
  });

  it('a gas failure weighs more than a water failure; more residents weigh more', () => {
    const m = model([pipe('G', 0, { material: 'PE', installYear: 2000 }, 'gas'), pipe('W', 3000, { material: 'PE', installYear: 2000 }, 'water')]);
    expect(riskOf(m, 'G').consequence).toBeGreaterThan(riskOf(m, 'W').consequence);
    const empty = new RiskModel({ assets: [pipe('W', 0, { material: 'PE', installYear: 2000 })], at: AT, populationGrid: grid(10) });
    const dense = new RiskModel({ assets: [pipe('W', 0, { material: 'PE', installYear: 2000 })], at: AT, populationGrid: grid(1_000_000) });
    expect(riskOf(dense, 'W').consequence).toBeGreaterThan(riskOf(empty, 'W').consequence);
  });

  it('an arterial road raises consequence over a local one', () => {
    const road = (id: string, x: number, cls: string) => ({ id, geometry: { type: 'LineString' as const, coordinates: [ll(x, 5), ll(x + 100, 5)] }, properties: { class: cls, name: id } });
    const m = model([pipe('ART', 0, { material: 'DI' }), pipe('LOC', 3000, { material: 'DI' })], { roads: { type: 'FeatureCollection', features: [road('R1', 0, 'arterial'), road('R2', 3000, 'local')] } });
    expect(riskOf(m, 'ART').consequence).toBeGreaterThan(riskOf(m, 'LOC').consequence);
  });
});

describe('levels', () => {
  it('maps R = L × C to four levels at the configured thresholds', () => {
    const t = DEFAULT_RISK_CONFIG.thresholds;
    expect(riskLevel(25, t)).toBe(1);
    expect(riskLevel(t.red, t)).toBe(1);
    expect(riskLevel(t.red - 0.01, t)).toBe(2);
    expect(riskLevel(t.orange, t)).toBe(2);
    expect(riskLevel(t.yellow, t)).toBe(3);
    expect(riskLevel(t.yellow - 0.01, t)).toBe(4);
    expect(riskLevel(1, t)).toBe(4);
    expect(riskLevel(5, { red: 9, orange: 6, yellow: 3 })).toBe(3);
  });
});

describe('dynamic risk', () => {
  const assets = [pipe('A', 0, { material: 'DI', installYear: 2010 }, 'gas'), pipe('B', 4000, { material: 'DI', installYear: 2010 }, 'gas')];

  it('an open case raises its asset and its zone until it closes; other zones stay', () => {
    const m = model(assets);
    const i = m.indexOf('A')!;
    const zone = m.cells.get(m.cellOf[i]!)!;
    const other = m.cells.get(m.cellOf[m.indexOf('B')!]!)!;
    const before = { risk: zone.risk, level: zone.level, other: other.level };
    const changes = m.applyCase({ id: 'C-1', assets: ['A'], level: 1, class: 'hazard' }, true);
    expect(zone.risk).toBeGreaterThan(before.risk);
    expect(zone.level).toBeLessThan(before.level);
    expect(changes).toContainEqual({ zone: zone.id, kind: 'h3', from: before.level, to: zone.level });
    expect(other.level).toBe(before.other);
    expect(assetRisk(m, i).dynamic.openCases).toEqual(['C-1']);
    m.applyCase({ id: 'C-1', assets: ['A'], level: 1, class: 'hazard' }, false);
    expect(zone.risk).toBeCloseTo(before.risk, 5);
    expect(zone.level).toBe(before.level);
  });

  it('an active alarm raises likelihood until it clears', () => {
    const m = model(assets);
    const i = m.indexOf('A')!;
    const l0 = m.likelihood(i);
    m.applyAlarm('AL-1', 'A', true);
    expect(m.likelihood(i)).toBeGreaterThan(l0);
    m.applyAlarm('AL-1', 'A', false);
    expect(m.likelihood(i)).toBeCloseTo(l0, 5);
  });

  it('aggregates to districts and to a coarser H3 grid', () => {
    const district = { type: 'FeatureCollection' as const, features: [{ id: 'D1', geometry: { type: 'Polygon' as const, coordinates: [[ll(-1000, -1000), ll(1000, -1000), ll(1000, 1000), ll(-1000, 1000), ll(-1000, -1000)]] }, properties: { name: '一区' } }] };
    const m = model(assets, { districts: district });
    expect([...m.districts.keys()]).toEqual(['D1']);
    expect(m.districts.get('D1')!.members).toEqual([m.indexOf('A')]);
    const coarse = m.zonesAt(6);
    expect(coarse.size).toBeLessThanOrEqual(m.cells.size);
    expect([...coarse.values()].reduce((s, z) => s + z.members.length, 0)).toBe(2);
  });
});
