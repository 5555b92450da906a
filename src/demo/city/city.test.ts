import { beforeAll, describe, expect, it } from 'vitest';
import { DOMAIN_NAMES, FACILITY_TYPES, QUANTITIES, isAssetKind, isDomain, isGeometry, representativePoint, type Asset } from '../../domain/index.js';
import { buildDemoCity, type DemoCity } from './index.js';

let city: DemoCity;
let byId: Map<string, Asset>;

beforeAll(() => {
  city = buildDemoCity(1);
  byId = new Map(city.assets.map((a) => [a.id, a]));
});

describe('buildDemoCity', () => {
  it('builds the same city from the same seed, and another from another seed', () => {
    expect(JSON.stringify(buildDemoCity(1))).toBe(JSON.stringify(city));
    expect(JSON.stringify(buildDemoCity(2).assets)).not.toBe(JSON.stringify(city.assets));
  });

  it('has at least 2,000 sensors, in every domain', () => {
    expect(city.sensors.length).toBeGreaterThanOrEqual(2000);
    for (const domain of DOMAIN_NAMES) {
      expect(city.sensors.some((s) => s.domain === domain), domain).toBe(true);
    }
  });

  it('gives assets and sensors unique, readable ids', () => {
    expect(new Set(city.assets.map((a) => a.id)).size).toBe(city.assets.length);
    expect(new Set(city.sensors.map((s) => s.id)).size).toBe(city.sensors.length);
    for (const id of [...city.assets.map((a) => a.id), ...city.sensors.map((s) => s.id)]) expect(id).toMatch(/^[A-Z][A-Z0-9-]+$/);
  });

  it('puts every sensor on an existing asset of its domain, in the canonical unit, with an interval', () => {
    for (const s of city.sensors) {
      const asset = byId.get(s.asset);
      expect(asset, s.id).toBeDefined();
      expect(s.domain, s.id).toBe(asset!.domain);
      expect(s.unit).toBe(QUANTITIES[s.quantity].unit);
      expect(s.intervalS).toBeGreaterThanOrEqual(10);
      expect(s.state).toBe('active');
    }
  });

  it('gives every asset a valid kind, domain, geometry near Hefei and an owner department', () => {
    const departments = new Set(city.departments.map((d) => d.id));
    for (const a of city.assets) {
      expect(isAssetKind(a.kind), a.id).toBe(true);
      expect(isDomain(a.domain), a.id).toBe(true);
      expect(isGeometry(a.geometry), a.id).toBe(true);
      expect(departments.has(a.department!), a.id).toBe(true);
      const [lon, lat] = representativePoint(a.geometry);
      expect(lon).toBeGreaterThan(117.21);
      expect(lon).toBeLessThan(117.28);
      expect(lat).toBeGreaterThan(31.79);
      expect(lat).toBeLessThan(31.85);
    }
  });

  it('seeds the departments that own and dispose each lifeline', () => {
    const names = city.departments.map((d) => d.name);
    for (const n of ['合肥燃气集团', '合肥供水集团', '合肥市排水有限公司', '合肥市桥梁管理处', '合肥热电集团', '国网合肥供电公司', '合肥市综合管廊运营公司', '合肥市应急管理局', '合肥市消防救援支队']) {
      expect(names).toContain(n);
    }
    for (const d of city.departments) expect(d.nameEn).toBeTruthy();
    for (const domain of DOMAIN_NAMES) expect(city.departments.some((d) => d.domains.includes(domain)), domain).toBe(true);
  });

  it('links every pipe and cable to nodes that exist, so the networks are walkable', () => {
    const links = city.assets.filter((a) => a.kind === 'pipe' || a.kind === 'cable');
    expect(links.length).toBeGreaterThan(1500);
    for (const l of links) {
      expect(byId.has(l.properties.from as string), `${l.id} from`).toBe(true);
      expect(byId.has(l.properties.to as string), `${l.id} to`).toBe(true);
    }
  });

  it('makes the water and gas networks each one connected piece', () => {
    for (const domain of ['water', 'gas', 'heating'] as const) {
      const pipes = city.assets.filter((a) => a.domain === domain && (a.kind === 'pipe' || a.kind === 'pump_station') && a.properties.from);
      const adjacent = new Map<string, string[]>();
      for (const p of pipes) {
        const [f, t] = [p.properties.from as string, p.properties.to as string];
        adjacent.set(f, [...(adjacent.get(f) ?? []), t]);
        adjacent.set(t, [...(adjacent.get(t) ?? []), f]);
      }
      const nodes = [...adjacent.keys()];
      const seen = new Set([nodes[0]!]);
      const queue = [nodes[0]!];
      while (queue.length) for (const m of adjacent.get(queue.pop()!) ?? []) if (!seen.has(m)) { seen.add(m); queue.push(m); }
      expect(seen.size, domain).toBe(nodes.length);
    }
  });

  it('drains every storm manhole downhill to an outfall', () => {
    const downstream = new Map<string, string>();
    for (const a of city.assets) if (a.domain === 'drainage' && a.kind === 'pipe') downstream.set(a.properties.from as string, a.properties.to as string);
    for (const mh of city.assets.filter((a) => a.domain === 'drainage' && a.kind === 'manhole')) {
      let at = mh.id;
      for (let hops = 0; hops < 200 && byId.get(at)?.kind !== 'outfall'; hops++) at = downstream.get(at)!;
      expect(byId.get(at)?.kind, mh.id).toBe('outfall');
    }
    for (const c of city.assets.filter((a) => a.domain === 'drainage' && a.kind === 'pipe' && a.properties.upstreamInvertM !== undefined)) {
      expect(c.properties.upstreamInvertM as number).toBeGreaterThan(c.properties.downstreamInvertM as number);
    }
  });

  it('describes pipes with diameter, material and install year', () => {
    for (const p of city.assets.filter((a) => a.kind === 'pipe' && ['water', 'gas', 'drainage'].includes(a.domain))) {
      expect(p.properties.diameterMm, p.id).toBeGreaterThan(0);
      expect(p.properties.material, p.id).toBeTruthy();
      expect(p.properties.installYear, p.id).toBeGreaterThan(1980);
    }
    for (const p of city.assets.filter((a) => a.domain === 'gas' && a.kind === 'pipe')) expect(p.properties.pressureClass).toBeTruthy();
  });

  it('names critical facilities in Chinese and English, with the people inside', () => {
    const facilities = city.assets.filter((a) => a.kind === 'facility');
    const types = new Set(facilities.map((f) => f.properties.facility));
    for (const t of ['hospital', 'school', 'metro_station', 'kindergarten', 'elderly_home', 'shelter']) expect(types.has(t)).toBe(true);
    for (const f of facilities) {
      expect((FACILITY_TYPES as readonly string[]).includes(f.properties.facility as string)).toBe(true);
      expect(f.name).toMatch(/[\u4e00-\u9fff]/);
      expect(f.properties.nameEn).toBeTruthy();
      expect(typeof f.properties.population).toBe('number');
    }
  });

  it('has three bridges with design limits on their strain sensors', () => {
    const bridges = city.assets.filter((a) => a.kind === 'bridge');
    expect(bridges.map((b) => b.id)).toEqual(['BR-1', 'BR-2', 'BR-3']);
    for (const s of city.sensors.filter((x) => x.quantity === 'strain')) expect(s.properties.designStrainUe).toBeGreaterThan(50);
    for (const s of city.sensors.filter((x) => x.quantity === 'level_ratio')) expect(s.properties.pipeDepthM).toBeGreaterThan(0.2);
  });

  it('has buildings with floors, height, use and residents', () => {
    const buildings = city.assets.filter((a) => a.kind === 'building');
    expect(buildings.length).toBeGreaterThan(500);
    for (const b of buildings) {
      expect(b.geometry.type).toBe('Polygon');
      expect(b.properties.floors).toBeGreaterThan(0);
      expect(b.properties.heightM).toBeGreaterThan(0);
      expect(b.properties.use).toBeTruthy();
    }
  });

  it('has a basemap of districts, named roads, water and a population grid denser at the centre', () => {
    const { districts, roads, waterBodies, populationGrid } = city.basemap;
    for (const fc of [districts, roads, waterBodies, populationGrid]) {
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.features.length).toBeGreaterThan(0);
      for (const f of fc.features) expect(isGeometry(f.geometry), f.id).toBe(true);
    }
    for (const f of [...districts.features, ...roads.features, ...waterBodies.features]) {
      expect(f.properties.name).toMatch(/[\u4e00-\u9fff]/);
      expect(f.properties.nameEn).toBeTruthy();
    }
    const roadNames = new Set(roads.features.map((f) => f.properties.name));
    expect(roadNames.has('长江西路')).toBe(true);
    expect(roadNames.has('潜山路')).toBe(true);
    const total = populationGrid.features.reduce((s, f) => s + (f.properties.population as number), 0);
    expect(total).toBe(city.population);
    expect(total).toBeGreaterThan(100_000);
    const centre = populationGrid.features.find((f) => f.id === 'POP-11-9')!.properties.population as number;
    const corner = populationGrid.features.find((f) => f.id === 'POP-0-0')!.properties.population as number;
    expect(centre).toBeGreaterThan(corner);
  });
});
