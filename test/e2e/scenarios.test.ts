import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/adapters/store-sqlite/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCity } from '../../src/demo/index.js';
import { seedDemoCity } from '../helpers/demo-city.js';
import { TEST_TOKEN, startTestPlatform } from '../helpers/platform.js';
import type { TestPlatform } from '../helpers/platform.js';

let t: TestPlatform;
let city: DemoCity;
beforeAll(async () => {
  t = await startTestPlatform();
  city = await seedDemoCity(t);
}, 60_000);
afterAll(async () => { await t.destroy(); });

interface ScenarioBody {
  id: string; kind: string; summary: string; params: Record<string, unknown>;
  affected: { assets: { id: string; effect: string }[]; population: number; facilities: { id: string }[] };
  actions: { order: number; code: string }[]; layers: Record<string, { type: string; features: unknown[] }>;
}
interface Problem { status: number; errors: { field: string }[] }

const post = async (json: unknown) => t.api('/scenarios', { method: 'POST', json });
const pipe = (minMm: number) => city.assets.find((a) => a.domain === 'water' && a.kind === 'pipe' && Number(a.properties.diameterMm) >= minMm)!.id;

describe('POST /scenarios on the demo city', () => {
  it('water-burst: valves to close, people cut off, GeoJSON layers; saved and read back', async () => {
    const res = await post({ kind: 'water-burst', params: { pipe: pipe(300) }, name: 'trunk main' });
    expect(res.status).toBe(201);
    const s = await res.json() as ScenarioBody;
    expect(s).toMatchObject({ kind: 'water-burst', params: { pipe: pipe(300) } });
    expect(s.id).toMatch(/^S-\d{8}-\d{6}-\d{4}$/);
    expect(s.summary.length).toBeGreaterThan(20);
    expect(s.affected.assets.some((a) => a.effect === 'burst')).toBe(true);
    expect(s.actions[0]!.order).toBe(1);
    expect(s.layers.segment!.type).toBe('FeatureCollection');
    expect(res.headers.get('location')).toBe(`/api/v1/scenarios/${s.id}`);
    const again = await (await t.api(`/scenarios/${s.id}`)).json() as ScenarioBody;
    expect(again).toEqual(s);
  });

  it('rainstorm: a 100-year 2-hour storm floods and ponds somewhere', async () => {
    const res = await post({ kind: 'rainstorm', params: { returnPeriodYears: 100, durationMin: 120 } });
    expect(res.status).toBe(201);
    const s = await res.json() as ScenarioBody;
    expect(s.kind).toBe('rainstorm');
    expect(s.affected.assets.length).toBeGreaterThan(0);
    expect(Object.keys(s.layers)).toContain('ponding');
  });

  it('gas-leak: at an asset and at a point', async () => {
    const gasPipe = city.assets.find((a) => a.domain === 'gas' && a.kind === 'pipe')!;
    const byAsset = await post({ kind: 'gas-leak', params: { asset: gasPipe.id, holeMm: 20 } });
    expect(byAsset.status).toBe(201);
    expect((await byAsset.json() as ScenarioBody).layers.zones!.features.length).toBeGreaterThan(0);
    const c = gasPipe.geometry.type === 'LineString' ? gasPipe.geometry.coordinates[0]! : [0, 0];
    const byPoint = await post({ kind: 'gas-leak', params: { point: [c[0], c[1]], holeMm: 50 } });
    expect(byPoint.status).toBe(201);
  });

  it('outage: a substation fails and what depends on it follows', async () => {
    const ss = city.assets.find((a) => a.kind === 'substation' && a.domain === 'power')!;
    const res = await post({ kind: 'outage', params: { asset: ss.id } });
    expect(res.status).toBe(201);
    const s = await res.json() as ScenarioBody;
    expect(s.affected.assets.length).toBeGreaterThan(0);
  });

  it('sees an asset registered a moment ago: the models are rebuilt when assets change', async () => {
    const feature = { type: 'Feature', id: 'PW-SS-NEW', geometry: { type: 'Point', coordinates: [117.22, 31.82] }, properties: { kind: 'substation', domain: 'power', name: 'new substation' } };
    expect((await t.api('/assets', { method: 'POST', json: { type: 'FeatureCollection', features: [feature] } })).status).toBe(201);
    const res = await post({ kind: 'outage', params: { asset: 'PW-SS-NEW' } });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('lists saved scenarios newest first with counts, filtered by kind, in pages', async () => {
    const all = await (await t.api('/scenarios?limit=2')).json() as { items: { id: string; affected: { assets: number } }[]; next: string | null };
    expect(all.items).toHaveLength(2);
    expect(all.items[0]!.id > all.items[1]!.id).toBe(true);
    expect(typeof all.items[0]!.affected.assets).toBe('number');
    expect(all.next).not.toBeNull();
    const water = await (await t.api('/scenarios?kind=water-burst')).json() as { items: { kind: string }[] };
    expect(water.items.length).toBeGreaterThan(0);
    expect(water.items.every((s) => s.kind === 'water-burst')).toBe(true);
  });

  it('compares saved scenarios: two storms side by side, the bigger one putting more at risk', async () => {
    const run = async (years: number) => (await (await post({ kind: 'rainstorm', params: { returnPeriodYears: years, durationMin: 60 }, at: '2025-07-01T08:00:00Z' })).json() as ScenarioBody & { at: string });
    const small = await run(1);
    const big = await run(100);
    expect(big.at).toBe('2025-07-01T08:00:00.000Z');
    const res = await t.api(`/scenarios/compare?ids=${small.id},${big.id}`);
    expect(res.status).toBe(200);
    const cmp = await res.json() as { items: { id: string; assets: number; onlyHere: { assets: string[] } }[]; common: { assets: number } };
    expect(cmp.items.map((x) => x.id)).toEqual([small.id, big.id]);
    expect(cmp.items[1]!.assets).toBeGreaterThanOrEqual(cmp.items[0]!.assets);
    expect(cmp.common.assets + cmp.items[1]!.onlyHere.assets.length).toBe(cmp.items[1]!.assets);
    expect((await t.api(`/scenarios/compare?ids=${small.id}`)).status).toBe(400);
  });

  it('bad params get problem+json naming the field, and nothing is saved', async () => {
    const before = (await (await t.api('/scenarios')).json() as { items: unknown[] }).items.length;
    const cases: [unknown, string][] = [
      [{ kind: 'earthquake', params: {} }, 'kind'],
      [{ kind: 'water-burst' }, 'params'],
      [{ kind: 'water-burst', params: {} }, 'params.pipe'],
      [{ kind: 'water-burst', params: { pipe: 'NO-SUCH-PIPE' } }, 'params.pipe'],
      [{ kind: 'rainstorm', params: { returnPeriodYears: -5, durationMin: 60 } }, 'params.returnPeriodYears'],
      [{ kind: 'rainstorm', params: { returnPeriodYears: 10 } }, 'params.durationMin'],
      [{ kind: 'gas-leak', params: { holeMm: 20 } }, 'params.asset'],
      [{ kind: 'gas-leak', params: { point: [500, 1], holeMm: 20 } }, 'params.point'],
      [{ kind: 'gas-leak', params: { asset: 'X', holeMm: 'big' } }, 'params.holeMm'],
      [{ kind: 'gas-leak', params: { point: [117.253978, 31.819158], holeMm: 100 } }, 'params.point'], // no gas main within reach
      [{ kind: 'gas-leak', params: { asset: 'F-HOSP-2', holeMm: 100 } }, 'params.asset'],
      [{ kind: 'outage', params: { asset: 'NOPE' } }, 'params.asset'],
      [{ kind: 'rainstorm', params: { returnPeriodYears: 10, durationMin: 60 }, at: 'yesterday' }, 'at'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((await res.json() as Problem).errors[0]!.field).toBe(field);
    }
    expect((await (await t.api('/scenarios')).json() as { items: unknown[] }).items.length).toBe(before);
    expect((await t.api('/scenarios/S-19990101-000000-0000')).status).toBe(404);
  });
});

describe('dependencies', () => {
  it('derives the graph from the assets, takes an edited one (validated, audited), and resets', async () => {
    const derived = await (await t.api('/dependencies')).json() as { nodes: { id: string }[]; edges: unknown[]; source: string };
    expect(derived.source).toBe('derived');
    expect(derived.edges.length).toBeGreaterThan(0);
    const bad = await t.api('/dependencies', { method: 'PUT', json: { nodes: [{ id: 'a', kind: 'asset' }], edges: [{ from: 'a', to: 'b', kind: 'power', delayMin: 0 }] } });
    expect(bad.status).toBe(400);
    expect((await bad.json() as Problem).errors[0]!.field).toBe('edges[0].to');
    const ss = city.assets.find((a) => a.kind === 'substation' && a.domain === 'power')!;
    const graph = { nodes: [{ id: ss.id, kind: 'asset', asset: ss.id }, { id: 'H-1', kind: 'asset', name: 'field hospital' }], edges: [{ from: ss.id, to: 'H-1', kind: 'power', delayMin: 0 }] };
    const put = await t.api('/dependencies', { method: 'PUT', json: graph });
    expect(put.status).toBe(200);
    expect(await (await t.api('/dependencies')).json()).toMatchObject({ source: 'edited', edges: graph.edges });
    const outage = await (await post({ kind: 'outage', params: { asset: ss.id } })).json() as ScenarioBody;
    expect(outage.affected.assets.map((a) => a.id)).toContain('H-1');
    const audit = await (await t.api('/audit?after=0&limit=100000')).json() as { items: { subject: { id: string }; action: string }[] };
    expect(audit.items.some((e) => e.subject.id === 'assess.dependencies' && e.action === 'set')).toBe(true);
    expect((await t.api('/dependencies', { method: 'DELETE' })).status).toBe(204);
    expect((await (await t.api('/dependencies')).json() as { source: string }).source).toBe('derived');
  });
});

/** The CLI in a child process; asynchronous, so the test platform in this process keeps answering. */
function lifeline(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/lifeline.mjs', ...args], { env: { ...process.env, LIFELINE_FROM_SOURCE: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('lifeline scenario', () => {
  it('runs on the demo city by default and prints a summary, or JSON; a bad param exits 2 naming it', async () => {
    const [text, json, bad] = await Promise.all([
      lifeline('scenario', 'water-burst', '--pipe', pipe(300)),
      lifeline('scenario', 'gas-leak', '--asset', 'G-RS-1', '--hole-mm', '20', '--json'),
      lifeline('scenario', 'rainstorm', '--return-period', 'often', '--duration-min', '60'),
    ]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^water-burst pipe=/);
    expect(text.stdout).toMatch(/Actions:\n\s+1\. /);
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: null, kind: 'gas-leak', params: { asset: 'G-RS-1', holeMm: 20 } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/params\.returnPeriodYears/);
  }, 60_000);

  it('runs on a database with --store and saves the run there', async () => {
    const path = join(t.dir, 'cli.db');
    let store = await openSqliteStore({ path });
    await store.assets.upsert(city.assets.filter((a) => a.domain === 'power' || a.kind === 'facility'));
    await store.close();
    const ss = city.assets.find((a) => a.kind === 'substation' && a.domain === 'power')!;
    const r = await lifeline('scenario', 'outage', '--asset', ss.id, '--store', `sqlite:${path}`, '--name', 'feeder loss');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/saved as S-/);
    store = await openSqliteStore({ path });
    try {
      expect((await store.scenarios.list({ limit: 10 })).items.map((x) => [x.kind, x.name, x.createdBy])).toEqual([['outage', 'feeder loss', 'cli']]);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('asks a running server with --url, which saves the run', async () => {
    const ss = city.assets.find((a) => a.kind === 'substation' && a.domain === 'power')!;
    const r = await lifeline('scenario', 'outage', '--asset', ss.id, '--url', t.url, '--token', TEST_TOKEN, '--json');
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout) as ScenarioBody;
    expect((await t.api(`/scenarios/${s.id}`)).status).toBe(200);
  }, 60_000);
});
