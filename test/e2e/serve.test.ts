import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../bench/lib/server.js';
import type { ServerProcess } from '../../bench/lib/server.js';

// `lifeline serve` as a user runs it: a separate process, signals, a restart on the same data.
describe('lifeline serve (process)', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => { await server?.destroy(); });

  it('keeps serving HTTP when the MQTT port is taken, and says so plainly', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as AddressInfo).port;
    let out = '';
    try {
      server = await startServerProcess(['--mqtt', 'embedded', '--mqtt-port', String(port)]);
      server.child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
      const health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as { mqtt: { state: string; detail: string } };
      expect(health.mqtt.state).toBe('port_in_use');
      expect(health.mqtt.detail).toContain(String(port));
    } finally {
      blocker.close();
    }
  });

  it('flushes on SIGTERM and finds every acknowledged reading after a restart', async () => {
    const s = server!;
    const features = [{ type: 'Feature', id: 'J1', geometry: { type: 'Point', coordinates: [117.2, 31.8] }, properties: { kind: 'junction', domain: 'water' } }];
    await s.api('/assets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'FeatureCollection', features }) });
    await s.api('/sensors', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ id: 'P1', asset: 'J1', quantity: 'pressure' }]) });
    const base = Date.now() - 3600_000;
    let acknowledged = 0;
    for (let b = 0; b < 20; b++) {
      const body = Array.from({ length: 500 }, (_, i) => JSON.stringify({ sensor: 'P1', ts: base + (b * 500 + i) * 100, value: 0.3 })).join('\n');
      const res = await s.api('/readings', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
      if (res.status === 202) acknowledged += ((await res.json()) as { accepted: number }).accepted;
    }
    expect(acknowledged).toBe(10_000);
    expect(await s.stop()).toBe(0);
    server = await startServerProcess([], s.dir);
    const rows = (await (await server.api(`/sensors/P1/readings?from=${base}&to=${base + 3600_000}`)).json()) as unknown[];
    expect(rows).toHaveLength(10_000);
    const sensor = (await (await server.api('/sensors/P1')).json()) as { last: { ts: string } };
    expect(Date.parse(sensor.last.ts)).toBe(base + 9_999 * 100);
  });
});
