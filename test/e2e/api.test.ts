import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, seedSmallCity, startTestPlatform } from '../helpers/platform.js';
import type { TestPlatform } from '../helpers/platform.js';

let t: TestPlatform;
const now = () => Date.now();

beforeAll(async () => {
  t = await startTestPlatform();
  await seedSmallCity(t);
});
afterAll(async () => { await t.destroy(); });

async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await res.json()) as { type: string; status: number; code: string; detail: string; errors?: { field: string; code: string; reason: string }[]; rejected?: unknown[] };
}

describe('auth and system routes', () => {
  it('answers health without a token', async () => {
    const res = await fetch(`${t.url}/api/v1/health`);
    expect(res.status).toBe(200);
    const h = await res.json();
    expect(h).toMatchObject({ status: 'ok', store: { kind: 'sqlite' }, bus: { kind: 'memory' }, mqtt: { state: 'off' } });
  });
  it('refuses every other route without a valid token, as problem+json', async () => {
    const res = await fetch(`${t.url}/api/v1/sensors`);
    expect(res.status).toBe(401);
    expect((await problemOf(res)).code).toBe('unauthorized');
    const bad = await fetch(`${t.url}/api/v1/assets`, { headers: { authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
  });
  it('logs in the bootstrap admin with its password and refuses a wrong one', async () => {
    const ok = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD }) });
    expect(ok.status).toBe(200);
    const { token, user } = await ok.json() as { token: string; user: { role: string } };
    expect(user.role).toBe('admin');
    const me = await t.api('/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    const wrong = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'x' }) });
    expect(wrong.status).toBe(401);
  });
  it('documents itself with OpenAPI at /api/docs', async () => {
    const html = await fetch(`${t.url}/api/docs`);
    expect(html.status).toBe(200);
    const spec = await (await fetch(`${t.url}/api/docs/json`)).json() as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/readings', '/api/v1/assets', '/api/v1/sensors/{id}/readings', '/api/v1/events']));
  });
  it('answers an unknown route with a 404 problem', async () => {
    const res = await t.api('/nothing-here');
    expect(res.status).toBe(404);
    expect((await problemOf(res)).code).toBe('not_found');
  });
});

describe('registry', () => {
  it('lists assets as a GeoJSON FeatureCollection with filters and a cursor', async () => {
    const all = await (await t.api('/assets')).json() as { type: string; features: { id: string }[]; next: string | null };
    expect(all.type).toBe('FeatureCollection');
    expect(all.features.map((f) => f.id)).toEqual(['G-MH-1', 'W-J-1', 'W-P-1']);
    expect(all.next).toBeNull();
    const water = await (await t.api('/assets?domain=water&kind=pipe')).json() as { features: { id: string }[] };
    expect(water.features.map((f) => f.id)).toEqual(['W-P-1']);
    const box = await (await t.api('/assets?bbox=117.22,31.81,117.24,31.83')).json() as { features: { id: string }[] };
    expect(box.features.map((f) => f.id)).toEqual(['G-MH-1']);
    const p1 = await (await t.api('/assets?limit=2')).json() as { features: { id: string }[]; next: string };
    expect(p1.features).toHaveLength(2);
    const p2 = await (await t.api(`/assets?limit=2&cursor=${encodeURIComponent(p1.next)}`)).json() as { features: { id: string }[]; next: null };
    expect(p2.features.map((f) => f.id)).toEqual(['W-P-1']);
    expect(p2.next).toBeNull();
    const one = await (await t.api('/assets/W-P-1')).json() as { type: string; properties: Record<string, unknown> };
    expect(one).toMatchObject({ type: 'Feature', properties: { kind: 'pipe', domain: 'water', diameterMm: 300 } });
  });
  it('reports a bad feature by index and keeps the good ones', async () => {
    const res = await t.api('/assets', { method: 'POST', json: { type: 'FeatureCollection', features: [
      { type: 'Feature', id: 'H-1', geometry: { type: 'Point', coordinates: [117.24, 31.82] }, properties: { kind: 'hydrant', domain: 'hydrant' } },
      { type: 'Feature', id: 'BAD-1', geometry: { type: 'Point', coordinates: [500, 31] }, properties: { kind: 'hydrant', domain: 'hydrant' } },
      { type: 'Feature', id: 'BAD-2', geometry: { type: 'Point', coordinates: [117, 31] }, properties: { kind: 'spaceship', domain: 'hydrant' } },
    ] } });
    expect(res.status).toBe(201);
    const body = await res.json() as { accepted: number; rejected: { index: number; field: string }[] };
    expect(body.accepted).toBe(1);
    expect(body.rejected.map((r) => [r.index, r.field])).toEqual([[1, '[1].geometry'], [2, '[2].properties.kind']]);
    expect((await t.api('/assets/BAD-1')).status).toBe(404);
  });
  it('refuses a sensor on an unknown asset, naming the field', async () => {
    const res = await t.api('/sensors', { method: 'POST', json: { id: 'X-1', asset: 'NOPE', quantity: 'methane' } });
    expect(res.status).toBe(400);
    const p = await problemOf(res);
    expect(p.errors?.[0]?.field).toBe('asset');
    const unit = await t.api('/sensors', { method: 'POST', json: { id: 'X-2', asset: 'G-MH-1', quantity: 'methane', unit: 'furlongs' } });
    expect((await problemOf(unit)).errors?.[0]?.field).toBe('unit');
  });
  it('shows a sensor with its canonical unit, status and last reading', async () => {
    const s = await (await t.api('/sensors/P-1')).json() as Record<string, unknown>;
    expect(s).toMatchObject({ id: 'P-1', asset: 'W-J-1', domain: 'water', quantity: 'pressure', unit: 'MPa', inputUnit: 'kPa' });
    expect(['online', 'offline']).toContain(s.status);
    const list = await (await t.api('/sensors?domain=gas')).json() as { items: { id: string }[]; next: null };
    expect(list.items.map((i) => i.id)).toEqual(['CH4-1']);
  });
});

describe('ingest over HTTP', () => {
  it('accepts a JSON batch, keeps the good items and reports the bad ones by index', async () => {
    const ts = now() - 60_000;
    const res = await t.api('/readings', { method: 'POST', json: [
      { sensor: 'CH4-1', ts, value: 1.5 },
      { sensor: 'GHOST', ts, value: 1 },
      { sensor: 'CH4-1', ts: ts + 1000, value: 'abc' },
      { sensor: 'CH4-1', ts: ts + 2000, value: Number.NaN },
      { sensor: 'CH4-1', ts: now() + 10 * 60_000, value: 1 },
      { sensor: 'CH4-1', ts: ts + 3000, value: 150 },
      { sensor: 'P-1', ts: new Date(ts).toISOString(), value: 320 },
    ] });
    expect(res.status).toBe(202);
    const body = await res.json() as { accepted: number; rejected: { index: number; field: string; code: string; error: string }[] };
    expect(body.accepted).toBe(2);
    expect(body.rejected.map((r) => [r.index, r.field, r.code])).toEqual([
      [1, '[1].sensor', 'unknown_sensor'],
      [2, '[2].value', 'not_numeric'],
      [3, '[3].value', 'missing_value'], // JSON has no NaN: JSON.stringify sends null
      [4, '[4].ts', 'future_time'],
      [5, '[5].value', 'out_of_range'],
    ]);
    const p = await (await t.api('/sensors/P-1')).json() as { last: { value: number } };
    expect(p.last.value).toBeCloseTo(0.32); // 320 kPa stored as 0.32 MPa
  });
  it('accepts NDJSON and reports a malformed line by index', async () => {
    const ts = now() - 30_000;
    const body = `{"sensor":"CH4-1","ts":${ts},"value":2}\n{not json\n{"sensor":"CH4-1","ts":${ts + 1},"value":"Infinity"}\n`;
    const res = await t.api('/readings', { method: 'POST', body, headers: { 'content-type': 'application/x-ndjson' } });
    expect(res.status).toBe(202);
    const r = await res.json() as { accepted: number; rejected: { index: number; code: string }[] };
    expect(r.accepted).toBe(1);
    expect(r.rejected.map((x) => [x.index, x.code])).toEqual([[1, 'invalid_json'], [2, 'not_finite']]);
  });
  it('answers a batch where everything is bad with a problem naming each item', async () => {
    const res = await t.api('/readings', { method: 'POST', json: [{ sensor: 'GHOST', value: 1 }] });
    expect(res.status).toBe(400);
    const p = await problemOf(res);
    expect(p.code).toBe('batch_rejected');
    expect(p.errors?.[0]).toMatchObject({ field: '[0].sensor', code: 'unknown_sensor' });
  });
  it('refuses malformed JSON, an empty batch and an oversized body with problems', async () => {
    const bad = await t.api('/readings', { method: 'POST', body: '[{"sensor":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).code).toBe('invalid_json');
    const empty = await t.api('/readings', { method: 'POST', json: [] });
    expect((await problemOf(empty)).errors?.[0]?.field).toBe('body');
    const huge = 'x'.repeat(t.platform.config.bodyLimit + 10);
    const big = await t.api('/readings', { method: 'POST', body: huge, headers: { 'content-type': 'application/x-ndjson' } });
    expect(big.status).toBe(413);
    expect((await problemOf(big)).code).toBe('payload_too_large');
    const xml = await t.api('/readings', { method: 'POST', body: '<r/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.status).toBe(415);
    await problemOf(xml);
  });
  it('is idempotent for duplicates and accepts out-of-order readings', async () => {
    const base = Date.UTC(2026, 0, 1, 8, 0);
    const post = (rows: [number, number][]) => t.api('/readings', { method: 'POST', json: rows.map(([ts, value]) => ({ sensor: 'CH4-1', ts, value })) });
    await post([[base + 120_000, 3], [base, 1], [base + 60_000, 2]]);
    await post([[base + 60_000, 9], [base, 1]]); // duplicates: the first value stands
    const raw = await (await t.api(`/sensors/CH4-1/readings?from=${base}&to=${base + 180_000}`)).json() as { ts: string; value: number }[];
    expect(raw).toEqual([
      { ts: new Date(base).toISOString(), value: 1 },
      { ts: new Date(base + 60_000).toISOString(), value: 2 },
      { ts: new Date(base + 120_000).toISOString(), value: 3 },
    ]);
    const agg = await (await t.api(`/sensors/CH4-1/readings?from=${new Date(base).toISOString()}&to=${new Date(base + 3600_000).toISOString()}&step=1h`)).json() as { ts: string; min: number; max: number; avg: number; count: number }[];
    expect(agg).toEqual([{ ts: new Date(base).toISOString(), min: 1, max: 3, avg: 2, count: 3 }]);
    const bad = await t.api('/sensors/CH4-1/readings?step=2m');
    expect((await problemOf(bad)).errors?.[0]?.field).toBe('step');
  });
});

describe('retention settings', () => {
  it('answers the defaults, changes them as admin and refuses a bad value naming the field', async () => {
    expect(await (await t.api('/settings/retention')).json()).toEqual({ rawDays: 90, minuteDays: 400, hourDays: 3650 });
    const ok = await t.api('/settings/retention', { method: 'PUT', json: { rawDays: 30 } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ rawDays: 30, minuteDays: 400, hourDays: 3650 });
    const bad = await t.api('/settings/retention', { method: 'PUT', json: { rawDays: 500 } });
    expect((await problemOf(bad)).errors?.[0]?.field).toBe('minuteDays');
    const worse = await t.api('/settings/retention', { method: 'PUT', json: { hourDays: 'forever' } });
    expect((await problemOf(worse)).errors?.[0]?.field).toBe('hourDays');
    expect((await (await t.api('/settings/retention')).json() as { rawDays: number }).rawDays).toBe(30);
  });
});

describe('live events', () => {
  it('streams readings over SSE', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${t.url}/api/v1/events?types=reading&access_token=test-admin-token`, { signal: ctrl.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    await t.api('/readings', { method: 'POST', json: [{ sensor: 'CH4-1', ts: now(), value: 4.25 }] });
    let text = '';
    const deadline = Date.now() + 5000;
    while (!text.includes('event: reading') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    ctrl.abort();
    expect(text).toContain('event: reading');
    expect(text).toContain('"value":4.25');
  });
});
