import { createServer, type AddressInfo, type Server } from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedBroker } from '../../src/adapters/mqtt-embedded/index.js';
import type { GatedReadings } from '../helpers/memory-readings.js';
import { SqliteTestStore, type SqliteMqttPipeline } from '../helpers/mqtt-sqlite-pipeline.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// One SQLite store for the file; each test has its own two sensors on it.
let db: SqliteTestStore;
let n = 0;
let s1: string;
let s2: string;
/** What the store holds for this test's two sensors, oldest first. */
const stored = async () => (await pipeline.stored(s1, s2)).map((r) => ({ ...r, sensor: r.sensor === s1 ? 's1' : 's2' }));
const topic = (sensor: 's1' | 's2') => `lifeline/readings/${sensor === 's1' ? s1 : s2}`;

let readings: GatedReadings;
let pipeline: SqliteMqttPipeline;
let broker: EmbeddedBroker;
let url: string;
const clients: MqttClient[] = [];

async function connect(options: mqtt.IClientOptions = {}): Promise<MqttClient> {
  const c = await mqtt.connectAsync(url, { reconnectPeriod: 100, ...options });
  clients.push(c);
  return c;
}

describe('embedded MQTT broker', () => {
  beforeAll(async () => { db = await SqliteTestStore.open(); });
  afterAll(async () => { await db.close(); });

  beforeEach(async () => {
    n++;
    s1 = `s1-${n}`;
    s2 = `s2-${n}`;
    pipeline = await db.pipeline([s1, s2]);
    readings = pipeline.readings;
    broker = new EmbeddedBroker({ port: 0 });
    const status = await broker.start(pipeline.handler.handle);
    expect(status).toMatchObject({ mode: 'embedded', state: 'up' });
    url = `mqtt://127.0.0.1:${status.port}`;
  });

  afterEach(async () => {
    readings.release();
    readings.failWith(undefined);
    await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
    await broker.stop();
    await pipeline.close();
  });

  it('sends the QoS 1 PUBACK only once the reading is durable', async () => {
    const c = await connect();
    readings.hold();
    const started = readings.appendStarted();
    let acked = false;
    const ts = Date.now() - 1000;
    const published = c.publishAsync(topic('s1'), JSON.stringify({ ts, value: 0.35 }), { qos: 1 }).then(() => { acked = true; });
    await started;
    await sleep(150);
    expect(acked).toBe(false);
    expect(await stored()).toEqual([]);
    readings.release();
    await published;
    expect(await stored()).toEqual([{ sensor: 's1', ts, value: 0.35 }]);
  });

  it('takes both topic forms and still lets other clients subscribe to them', async () => {
    const sub = await connect();
    const seen: string[] = [];
    await sub.subscribeAsync(['lifeline/readings/#', 'city/#'], { qos: 1 });
    sub.on('message', (topic) => seen.push(topic));
    const c = await connect();
    const ts = Date.now() - 5000;
    await c.publishAsync(topic('s2'), JSON.stringify({ ts, value: 1.5 }), { qos: 1 });
    await c.publishAsync('lifeline/readings', JSON.stringify([{ sensor: s1, ts: ts + 1, value: 0.6 }, { sensor: s2, ts: ts + 1, value: 1.6 }]), { qos: 1 });
    await c.publishAsync(topic('s1'), '0.5', { qos: 1 }); // a bare number: timed on arrival
    await c.publishAsync('city/weather', 'not a reading', { qos: 1 });
    expect((await stored()).map((r) => [r.sensor, r.value])).toEqual([['s2', 1.5], ['s1', 0.6], ['s2', 1.6], ['s1', 0.5]]);
    await expect.poll(() => seen).toEqual([topic('s2'), 'lifeline/readings', topic('s1'), 'city/weather']);
    expect(pipeline.handler.stats).toMatchObject({ messages: 3, readings: 4, badMessages: 0 });
  });

  it('acknowledges bad payloads, counts them and keeps serving', async () => {
    const c = await connect();
    await c.publishAsync(topic('s1'), 'garbage', { qos: 1 });
    await c.publishAsync('lifeline/readings/unknown', '1', { qos: 1 });
    await c.publishAsync('lifeline/readings', JSON.stringify({ sensor: s1, value: 'x' }), { qos: 1 });
    await c.publishAsync(topic('s1'), Buffer.from([0xff, 0xfe, 0x00]), { qos: 1 });
    expect(pipeline.handler.stats).toMatchObject({ messages: 4, badMessages: 4, readings: 0 });
    expect(pipeline.service.stats.badMessages).toBe(4);
    expect(pipeline.logs.length).toBeGreaterThan(0);
    await c.publishAsync(topic('s1'), '0.7', { qos: 1 });
    expect(await stored()).toHaveLength(1);
    expect(c.connected).toBe(true);
  });

  it('does not acknowledge a reading the store failed to write; the client sends it again', async () => {
    const c = await connect();
    readings.failWith(new Error('disk full'));
    let acked = false;
    const published = c.publishAsync(topic('s1'), JSON.stringify({ ts: Date.now() - 10, value: 0.9 }), { qos: 1 }).then(() => { acked = true; });
    await expect.poll(() => pipeline.handler.stats.storeFailures).toBeGreaterThan(0);
    await sleep(100);
    expect(acked).toBe(false);
    readings.failWith(undefined);
    await published; // resent by the client after the broker dropped the connection
    expect(await stored()).toHaveLength(1);
  });

  it('stops after the publishes in flight are durable and acknowledged', async () => {
    const c = await connect();
    readings.hold();
    const started = readings.appendStarted();
    let acked = false;
    void c.publishAsync(topic('s2'), '2.5', { qos: 1 }).then(() => { acked = true; }, () => {});
    await started;
    let stopped = false;
    const stopping = broker.stop().then(() => { stopped = true; });
    await sleep(100);
    expect(stopped).toBe(false);
    readings.release();
    await stopping;
    expect(await stored()).toHaveLength(1);
    await expect.poll(() => acked).toBe(true);
    expect(broker.status().state).toBe('down');
  });
});

describe('embedded MQTT broker on a port already taken', () => {
  let blocker: Server;
  beforeEach(async () => {
    blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  });
  afterEach(async () => {
    await new Promise((r) => blocker.close(r));
  });

  it('reports port_in_use with a plain sentence and does not throw', async () => {
    const port = (blocker.address() as AddressInfo).port;
    const taken = new EmbeddedBroker({ host: '127.0.0.1', port });
    const status = await taken.start(async () => {});
    expect(status).toEqual({
      mode: 'embedded', state: 'port_in_use', port,
      detail: `MQTT port ${port} is already in use (another broker?); the embedded broker is not listening — use --mqtt-port or --mqtt mqtt://127.0.0.1:${port}`,
    });
    expect(taken.status()).toEqual(status);
    await taken.stop();
  });
});
