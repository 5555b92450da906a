import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect as tcpConnect, createServer, type AddressInfo, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExternalBrokerSubscriber } from '../../src/adapters/mqtt-client/index.js';
import type { GatedReadings } from '../helpers/memory-readings.js';
import { SqliteTestStore, type SqliteMqttPipeline } from '../helpers/mqtt-sqlite-pipeline.js';

// The machine's Mosquitto, shared with other tests: unique client ids and sensor ids per run.
const MOSQUITTO = 'mqtt://127.0.0.1:1883';
const run = randomBytes(4).toString('hex');
let sensorA: string;
let sensorB: string;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let db: SqliteTestStore;
let readings: GatedReadings;
let pipeline: SqliteMqttPipeline;
let publisher: MqttClient;
const subscribers: ExternalBrokerSubscriber[] = [];
let n = 0;

function subscriber(clientId = `lifeline-test-${run}-${++n}`): ExternalBrokerSubscriber {
  const s = new ExternalBrokerSubscriber({ url: MOSQUITTO, clientId, sessionExpirySeconds: 120, reconnectMs: 100, connectTimeoutMs: 3000 });
  subscribers.push(s);
  return s;
}

/** What the SQLite store holds for this test's sensors, oldest first. */
const ours = () => pipeline.stored(sensorA, sensorB);
/** Messages of this run handed to the core (the broker is shared: others may publish readings too). */
let delivered: string[] = [];
const counting = (topic: string, payload: Buffer) => {
  if (topic.includes(run) || payload.includes(run)) delivered.push(topic);
  return pipeline.handler.handle(topic, payload);
};

beforeAll(async () => { db = await SqliteTestStore.open(); });
afterAll(async () => { await db.close(); });

beforeEach(async () => {
  n++;
  sensorA = `ext-${run}-${n}-a`;
  sensorB = `ext-${run}-${n}-b`;
  delivered = [];
  pipeline = await db.pipeline([sensorA, sensorB]);
  readings = pipeline.readings;
  publisher = await mqtt.connectAsync(MOSQUITTO, { clientId: `lifeline-test-pub-${run}-${++n}` });
});

afterEach(async () => {
  readings.release();
  readings.failWith(undefined);
  for (const s of subscribers.splice(0)) await s.stop();
  await publisher.endAsync(true);
  await pipeline.close();
});

describe('subscriber to an external MQTT broker', () => {
  it('stores both topic forms and acknowledges them, so a restart gets nothing twice', async () => {
    const clientId = `lifeline-test-${run}-both`;
    const s = subscriber(clientId);
    expect(await s.start(counting)).toMatchObject({ mode: MOSQUITTO, state: 'up' });
    const ts = Date.now() - 2000;
    await publisher.publishAsync(`lifeline/readings/${sensorA}`, '0.25', { qos: 1 });
    await publisher.publishAsync(`lifeline/readings/${sensorB}`, JSON.stringify({ ts, value: 1.25 }), { qos: 1 });
    await publisher.publishAsync('lifeline/readings', JSON.stringify([{ sensor: sensorA, ts: ts + 1, value: 0.5 }]), { qos: 1 });
    await publisher.publishAsync(`lifeline/readings/${sensorA}`, 'garbage', { qos: 1 });
    await expect.poll(() => delivered).toHaveLength(4);
    await expect.poll(async () => (await ours()).length).toBe(3);
    expect(pipeline.handler.stats.badMessages).toBeGreaterThanOrEqual(1);
    await s.stop();

    const again = subscriber(clientId);
    expect(await again.start(counting)).toMatchObject({ state: 'up' });
    await sleep(300);
    expect(delivered).toHaveLength(4); // every message, the bad one too, was acknowledged
    expect(await ours()).toHaveLength(3);
  });

  it('delivers again what a subscriber took but had not acknowledged when its process died', async () => {
    const clientId = `lifeline-test-${run}-crash`;
    const child = fork(fileURLToPath(new URL('../helpers/mqtt-stuck-subscriber.ts', import.meta.url)), [MOSQUITTO, clientId], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
    const messages: string[] = [];
    child.on('message', (m) => messages.push(String(m)));
    try {
      await expect.poll(() => messages, { timeout: 15_000 }).toContain('up');
      const ts = Date.now() - 1000;
      await publisher.publishAsync(`lifeline/readings/${sensorA}`, JSON.stringify({ ts, value: 0.75 }), { qos: 1 });
      await expect.poll(() => messages).toContain('received');
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((r) => child.once('exit', r));

    const s = subscriber(clientId);
    await s.start(pipeline.handler.handle);
    await expect.poll(async () => (await ours()).map((r) => r.value)).toEqual([0.75]);
  });

  it('does not acknowledge readings the store failed to write, and gets them again', async () => {
    const s = subscriber();
    await s.start(pipeline.handler.handle);
    readings.failWith(new Error('disk full'));
    await publisher.publishAsync(`lifeline/readings/${sensorB}`, JSON.stringify({ ts: Date.now() - 500, value: 2.5 }), { qos: 1 });
    await expect.poll(() => pipeline.handler.stats.storeFailures).toBeGreaterThanOrEqual(1);
    expect(await ours()).toEqual([]);
    readings.failWith(undefined);
    await expect.poll(async () => (await ours()).map((r) => r.value)).toEqual([2.5]);
    await expect.poll(() => s.status().state).toBe('up');
  });

  it('acknowledges only once durable: held writes keep messages unacknowledged across a reconnect', async () => {
    const s = subscriber();
    await s.start(pipeline.handler.handle);
    readings.hold();
    const started = readings.appendStarted();
    await publisher.publishAsync(`lifeline/readings/${sensorA}`, JSON.stringify({ ts: Date.now() - 300, value: 3.5 }), { qos: 1 });
    await started;
    // Drop the connection while the write is held: the PUBACK must not have gone, so the broker sends it again.
    (s as unknown as { client: MqttClient }).client.stream.destroy();
    readings.release();
    await expect.poll(() => readings.appends).toBeGreaterThanOrEqual(2);
    expect((await ours()).map((r) => r.value)).toEqual([3.5]);
  });

  it('reflects the connection in its status and reconnects when the broker comes back', async () => {
    const proxy = await tcpProxy(1883);
    try {
      const s = new ExternalBrokerSubscriber({ url: `mqtt://127.0.0.1:${proxy.port}`, clientId: `lifeline-test-${run}-proxy`, sessionExpirySeconds: 120, reconnectMs: 100 });
      subscribers.push(s);
      expect((await s.start(counting)).state).toBe('up');
      await proxy.down();
      await expect.poll(() => s.status().state).toBe('down');
      expect(s.status().detail).toMatch(/lost the connection|not connected/);
      await proxy.up();
      await expect.poll(() => s.status().state, { timeout: 5000 }).toBe('up');
      await publisher.publishAsync(`lifeline/readings/${sensorB}`, '4.5', { qos: 1 });
      await expect.poll(async () => (await ours()).map((r) => r.value)).toEqual([4.5]);
    } finally {
      await proxy.down();
    }
  });

  it('reports a broker it cannot reach without throwing', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r)); // a port nobody listens on
    const s = new ExternalBrokerSubscriber({ url: `mqtt://127.0.0.1:${port}`, reconnectMs: 200, connectTimeoutMs: 1000 });
    subscribers.push(s);
    const status = await s.start(async () => {});
    expect(status).toMatchObject({ mode: `mqtt://127.0.0.1:${port}`, state: 'down' });
    expect(status.detail).toMatch(/not connected to mqtt:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
  });
});

/** A TCP proxy to a broker that the test can take down (cutting every connection) and bring back on the same port. */
async function tcpProxy(target: number) {
  const sockets = new Set<Socket>();
  let server: ReturnType<typeof createServer> | undefined;
  let port = 0;
  const up = async () => {
    const srv = createServer((client) => {
      const upstream = tcpConnect(target, '127.0.0.1');
      for (const s of [client, upstream]) { sockets.add(s); s.on('close', () => sockets.delete(s)); s.on('error', () => {}); }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((r) => srv.listen(port, '127.0.0.1', r));
    port = (srv.address() as AddressInfo).port;
    server = srv;
  };
  const down = async () => {
    const srv = server;
    server = undefined;
    for (const s of sockets) s.destroy();
    if (srv) await new Promise((r) => srv.close(r));
  };
  await up();
  return { get port() { return port; }, up, down };
}
