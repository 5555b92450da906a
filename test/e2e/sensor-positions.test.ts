import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN, seedSmallCity, startTestPlatform } from '../helpers/platform.js';
import type { TestPlatform } from '../helpers/platform.js';

interface Positions {
  count: number; ids: string[]; lon: number[]; lat: number[]; status: number[]; level: number[];
  domain: number[]; quantity: number[]; statuses: string[]; domains: string[]; quantities: string[];
}

let t: TestPlatform;
const positions = async () => (await (await t.api('/sensors/positions')).json()) as Positions;
const at = (p: Positions, id: string) => p.ids.indexOf(id);

beforeAll(async () => {
  t = await startTestPlatform();
  await seedSmallCity(t);
  await t.api('/assets', { method: 'POST', json: { type: 'FeatureCollection', features: [
    { type: 'Feature', id: 'D-LINE', geometry: { type: 'LineString', coordinates: [[117.2, 31.8], [117.21, 31.81], [117.22, 31.82]] }, properties: { kind: 'pipe', domain: 'drainage' } },
  ] } });
  await t.api('/sensors', { method: 'POST', json: [
    { id: 'D-RAIN-1', asset: 'D-LINE', quantity: 'rainfall', intervalS: 60 },
    { id: 'D-RAIN-2', asset: 'D-LINE', quantity: 'rainfall', intervalS: 60 },
  ] });
});
afterAll(async () => { await t.destroy(); });

describe('GET /sensors/positions', () => {
  it('needs a token like /sensors', async () => {
    expect((await fetch(`${t.url}/api/v1/sensors/positions`)).status).toBe(401);
  });

  it('answers every located sensor as aligned columns with dictionary-coded domain and quantity', async () => {
    const p = await positions();
    expect(p.count).toBe(p.ids.length);
    for (const col of [p.lon, p.lat, p.status, p.level, p.domain, p.quantity]) expect(col).toHaveLength(p.count);
    expect(p.statuses).toEqual(['online', 'offline', 'maintenance', 'disabled']);
    const i = at(p, 'D-RAIN-1');
    expect(p.domains[p.domain[i]!]).toBe('drainage');
    expect(p.quantities[p.quantity[i]!]).toBe('rainfall');
    // A line's middle vertex; the second sensor on the same asset a few metres away on the spiral.
    expect([p.lon[i], p.lat[i]]).toEqual([117.21, 31.81]);
    const j = at(p, 'D-RAIN-2');
    const metres = Math.hypot((p.lon[j]! - 117.21) * 94_600, (p.lat[j]! - 31.81) * 111_000);
    expect(metres).toBeGreaterThan(1);
    expect(metres).toBeLessThan(10);
  });

  it('gives status and the level of an active hazard alarm, as /sensors and /alarms do', async () => {
    const before = await positions();
    expect(before.statuses[before.status[at(before, 'D-RAIN-1')]!]).toBe('offline');
    expect(before.level[at(before, 'D-RAIN-1')]).toBe(0);
    // Heavy rain (≥ 100 mm/h) is red at the first reading.
    expect((await t.api('/readings', { method: 'POST', json: [{ sensor: 'D-RAIN-1', ts: Date.now(), value: 120 }] })).status).toBe(202);
    await expect.poll(async () => { const p = await positions(); return p.level[at(p, 'D-RAIN-1')]; }, { timeout: 5000 }).toBe(1);
    const p = await positions();
    expect(p.statuses[p.status[at(p, 'D-RAIN-1')]!]).toBe('online');
  });

  it('includes a sensor on an asset registered after the last answer', async () => {
    await positions();
    await t.api('/assets', { method: 'POST', json: { type: 'Feature', id: 'NEW-A', geometry: { type: 'Point', coordinates: [117.3, 31.9] }, properties: { kind: 'manhole', domain: 'gas' } } });
    await t.api('/sensors', { method: 'POST', json: { id: 'NEW-S', asset: 'NEW-A', quantity: 'methane' } });
    const p = await positions();
    expect([p.lon[at(p, 'NEW-S')], p.lat[at(p, 'NEW-S')]]).toEqual([117.3, 31.9]);
  });

  it('is gzipped for a client that accepts it', async () => {
    const url = new URL(`${t.url}/api/v1/sensors/positions`);
    const { headers, body } = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      request(url, { headers: { authorization: `Bearer ${TEST_TOKEN}`, 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject).end();
    });
    expect(headers['content-encoding']).toBe('gzip');
    expect((JSON.parse(gunzipSync(body).toString('utf8')) as Positions).ids).toContain('D-RAIN-1');
  });

  it('is documented in the OpenAPI description', async () => {
    const spec = await (await fetch(`${t.url}/api/docs/json`)).json() as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toContain('/api/v1/sensors/positions');
  });
});
