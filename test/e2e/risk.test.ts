import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCity } from '../../src/demo/index.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { seedSmallCity, startTestPlatform } from '../helpers/platform.js';
import type { TestPlatform } from '../helpers/platform.js';

const T0 = Date.UTC(2026, 10, 25, 2, 0, 0);
const clock = new FakeClock(T0);
let t: TestPlatform;

interface Zone { id: string; geometry: { type: string; coordinates: number[][][] } | null; properties: { level: number; kind: string; worst: { id: string }; openCases: number; factors: { likelihood: Record<string, number>; consequence: Record<string, number> } } }
interface RiskItem { id: string; domain: string; level: number; risk: number; zone: string; factors: { likelihood: { factor: string }[]; consequence: { factor: string }[] }; dynamic: { openCases: string[] } }

/** The demo city's assets and basemap, as `lifeline demo` seeds them, without the live simulator. */
beforeAll(async () => {
  t = await startTestPlatform({ clock });
  const city = buildDemoCity(1);
  await t.platform.store.assets.upsert(city.assets);
  await t.platform.store.settings.set('demo.basemap', city.basemap);
}, 60_000);
afterAll(async () => { await t?.destroy(); });

async function get<T>(path: string): Promise<T> {
  const res = await t.api(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

describe('GET /api/v1/risk on the demo city', () => {
  it('lists assets by risk with their factors, filtered by domain and level, page by page', async () => {
    const page = await get<{ items: RiskItem[]; next: string | null; total: number }>('/risk/assets?limit=20');
    expect(page.total).toBeGreaterThan(6000);
    expect(page.items).toHaveLength(20);
    expect(page.next).not.toBeNull();
    const risks = page.items.map((x) => x.risk);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    expect(page.items[0]!.factors.likelihood.map((f) => f.factor)).toContain('age');
    expect(page.items[0]!.factors.consequence.map((f) => f.factor)).toContain('facilities');
    const second = await get<{ items: RiskItem[] }>(`/risk/assets?limit=20&cursor=${page.next}`);
    expect(second.items[0]!.risk).toBeLessThanOrEqual(risks[19]!);
    const gas = await get<{ items: RiskItem[] }>('/risk/assets?domain=gas&level=3&limit=50');
    expect(gas.items.length).toBeGreaterThan(0);
    expect(gas.items.every((x) => x.domain === 'gas' && x.level === 3)).toBe(true);
    expect((await t.api('/risk/assets?level=7')).status).toBe(400);
  });

  it('draws the four-colour map as an H3 grid at the asked resolution, and by district', async () => {
    const grid = await get<{ type: string; kind: string; resolution: number; features: Zone[] }>('/risk/zones?res=8');
    expect(grid.type).toBe('FeatureCollection');
    expect(grid.resolution).toBe(8);
    expect(grid.features.length).toBeGreaterThan(10);
    const f = grid.features[0]!;
    expect(f.geometry!.type).toBe('Polygon');
    expect(f.geometry!.coordinates[0]).toHaveLength(7);
    expect([1, 2, 3, 4]).toContain(f.properties.level);
    expect(Object.keys(f.properties.factors.likelihood)).toContain('age');
    const fine = await get<{ features: Zone[] }>('/risk/zones?res=9');
    expect(fine.features.length).toBeGreaterThan(grid.features.length);
    const districts = await get<{ kind: string; features: Zone[] }>('/risk/zones?by=district');
    expect(districts.kind).toBe('district');
    expect(districts.features).toHaveLength(6);
    expect(districts.features.every((d) => d.geometry?.type === 'Polygon')).toBe(true);
  });

  it('ranks pipes for renewal, as JSON, CSV and GeoJSON', async () => {
    const list = await get<{ items: { rank: number; id: string; reasons: string[]; costYuan: number }[]; total: number }>('/risk/renewal?limit=10');
    expect(list.items.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(list.items[0]!.reasons.length).toBeGreaterThan(0);
    const csv = await t.api('/risk/renewal?format=csv&limit=5');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^rank,id,/);
    expect(lines).toHaveLength(6);
    const geo = await get<{ type: string; features: { geometry: { type: string } }[] }>('/risk/renewal?format=geojson&limit=5');
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features[0]!.geometry.type).toBe('LineString');
  });

  it('an opened case raises its zone at once, and stops when dismissed', async () => {
    const grid = await get<{ features: Zone[] }>('/risk/zones');
    const calm = new Set(grid.features.filter((z) => z.properties.level >= 3).map((z) => z.id));
    const gas = await get<{ items: RiskItem[] }>('/risk/assets?domain=gas&kind=pipe&limit=2000');
    const target = gas.items.find((x) => calm.has(x.zone))!;
    expect(target).toBeDefined();
    const change = await t.platform.workflow.cases.open({
      class: 'hazard', domain: 'gas', level: 1, title: 'methane in the manhole', asset: target.id,
      alarm: { id: 'AL-risk-1', sensor: 'S-1', asset: target.id, level: 1, class: 'hazard', message: 'methane 40 %LEL', raisedAt: clock.now() },
    });
    await t.platform.bus.drain();
    const after = await get<{ features: Zone[] }>('/risk/zones');
    const zone = after.features.find((z) => z.id === target.zone)!;
    expect(zone.properties.level).toBeLessThan(3);
    expect(zone.properties.openCases).toBe(1);
    expect((await get<RiskItem>(`/risk/assets/${target.id}`)).dynamic.openCases).toEqual([change.case!.id]);

    const actor = { id: 'admin', username: 'admin', role: 'admin' as const };
    await t.platform.workflow.cases.act(change.case!.id, actor, { action: 'assess' });
    await t.platform.workflow.cases.act(change.case!.id, actor, { action: 'dismiss', note: 'test gas, maintenance' });
    await t.platform.bus.drain();
    const calmAgain = await get<{ features: Zone[] }>('/risk/zones');
    expect(calmAgain.features.find((z) => z.id === target.zone)!.properties.level).toBeGreaterThanOrEqual(3);
  });
});

describe('GET /api/v1/risk without districts', () => {
  it('falls back to the H3 grid when the city has no districts', async () => {
    const small = await startTestPlatform({ clock });
    try {
      await seedSmallCity(small);
      const res = await small.api('/risk/zones?by=district');
      expect(res.status).toBe(200);
      const body = (await res.json()) as { kind: string; features: Zone[] };
      expect(body.kind).toBe('h3');
      expect(body.features.length).toBeGreaterThan(0);
      const assets = (await (await small.api('/risk/assets')).json()) as { total: number };
      expect(assets.total).toBe(3);
    } finally {
      await small.destroy();
    }
  });
});
