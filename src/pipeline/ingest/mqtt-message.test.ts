import { afterEach, describe, expect, it } from 'vitest';
import { MemoryReadings } from '../../../test/helpers/memory-readings.js';
import { buildMqttPipeline, pressureSensor, type MqttPipeline } from '../../../test/helpers/mqtt-pipeline.js';
import type { Clock } from '../../ports/index.js';
import { MqttMessageHandler } from './mqtt-message.js';

const T0 = Date.UTC(2024, 2, 4, 5, 6, 0);
const buf = (s: string) => Buffer.from(s);

function setup() {
  const clock = { t: T0, now() { return this.t; }, schedule: () => () => {} } satisfies Clock & { t: number };
  const readings = new MemoryReadings();
  const p: MqttPipeline = buildMqttPipeline(readings, [pressureSensor('p1', 1), pressureSensor('p2', 2)], clock);
  opened.push(p);
  return { clock, readings, p, handle: p.handler.handle };
}

const opened: MqttPipeline[] = [];
afterEach(async () => { for (const p of opened.splice(0)) await p.close(); });

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => { done = true; }, () => { done = true; });
  await new Promise((r) => setTimeout(r, 20));
  return done;
};

describe('MQTT messages into ingest', () => {
  it('stores {"ts","value"} on lifeline/readings/<id> and resolves only once the write is durable', async () => {
    const { readings, handle } = setup();
    readings.hold();
    const acked = handle('lifeline/readings/p1', buf(JSON.stringify({ ts: T0 - 1000, value: 0.42 })));
    expect(await settled(acked)).toBe(false);
    expect(readings.rows).toEqual([]);
    readings.release();
    await acked;
    expect(readings.rows).toEqual([{ key: 1, ts: T0 - 1000, value: 0.42 }]);
  });

  it('takes a bare number (JSON or loose like "+5" and ".5") timed by the clock', async () => {
    const { readings, handle } = setup();
    await handle('lifeline/readings/p1', buf('0.5'));
    await handle('lifeline/readings/p2', buf(' .25\n'));
    expect(readings.rows).toEqual([{ key: 1, ts: T0, value: 0.5 }, { key: 2, ts: T0, value: 0.25 }]);
  });

  it('stores a JSON array of {sensor, ts, value} on lifeline/readings', async () => {
    const { readings, handle, p } = setup();
    await handle('lifeline/readings', buf(JSON.stringify([{ sensor: 'p1', ts: T0 - 2, value: 1 }, { sensor: 'p2', ts: new Date(T0 - 1).toISOString(), value: 2 }])));
    expect(readings.rows).toEqual([{ key: 1, ts: T0 - 2, value: 1 }, { key: 2, ts: T0 - 1, value: 2 }]);
    expect(p.handler.stats).toMatchObject({ messages: 1, readings: 2, badMessages: 0 });
  });

  it('gathers the messages of one turn into one ingest call and one bus message', async () => {
    const { readings, handle, p } = setup();
    const batches: number[] = [];
    p.bus.subscribe<{ length: number }>('readings', (b) => { batches.push(b.length); });
    await Promise.all(Array.from({ length: 50 }, (_, i) => handle(`lifeline/readings/p${1 + (i % 2)}`, buf(JSON.stringify({ ts: T0 - 1000 + i, value: i / 100 })))));
    await p.bus.drain();
    expect(readings.rows).toHaveLength(50);
    expect(readings.appends).toBe(1);
    expect(batches).toEqual([50]);
  });

  it('counts, logs and acknowledges bad payloads without storing them', async () => {
    const { readings, handle, p } = setup();
    const bad = [
      ['lifeline/readings/p1', 'not json'],
      ['lifeline/readings/p1', ''],
      ['lifeline/readings/p1', 'true'],
      ['lifeline/readings/nope', '1'],
      ['lifeline/readings/p1', '{"value": 99}'],
      ['lifeline/readings/p1', '{"ts": "yesterday", "value": 1}'],
      ['lifeline/readings/', '1'],
      ['lifeline/readings', '5'],
      ['lifeline/readings', '[{"ts": 1, "value": 1}]'],
    ] as const;
    for (const [topic, payload] of bad) await expect(handle(topic, buf(payload))).resolves.toBeUndefined();
    expect(readings.rows).toEqual([]);
    expect(p.handler.stats).toMatchObject({ messages: bad.length, badMessages: bad.length, readings: 0 });
    expect(p.service.stats.badMessages).toBe(bad.length);
    expect(p.logs).toHaveLength(5); // rate-limited
    expect(p.logs[0]).toEqual({ msg: 'bad MQTT message', fields: expect.objectContaining({ topic: 'lifeline/readings/p1', reason: expect.stringMatching(/not JSON/) }) });
    expect(p.logs[3]!.fields).toMatchObject({ topic: 'lifeline/readings/nope', field: 'sensor', code: 'unknown_sensor' });
    expect(p.logs[4]!.fields).toMatchObject({ field: 'value', code: 'out_of_range' });
  });

  it('stores the good readings of a batch and names the bad one by its index in the message', async () => {
    const { readings, handle, p } = setup();
    await handle('lifeline/readings/p1', buf('0.1')); // an earlier message in the same ingest call shifts the indexes
    await handle('lifeline/readings', buf(JSON.stringify([{ sensor: 'p1', ts: T0 - 5, value: 1 }, { sensor: 'p2', ts: T0 - 5, value: 'high' }])));
    expect(readings.rows.map((r) => r.key)).toEqual([1, 1]);
    expect(p.handler.stats).toMatchObject({ badMessages: 1, rejectedReadings: 1, readings: 2 });
    expect(p.logs[0]!.fields).toMatchObject({ topic: 'lifeline/readings', field: '[1].value', code: 'not_numeric', rejected: 1, of: 2 });
  });

  it('logs at most a burst per window, then says how many it left out', async () => {
    const { clock, handle, p } = setup();
    for (let i = 0; i < 100; i++) await handle('lifeline/readings/p1', buf('{'));
    expect(p.logs).toHaveLength(5);
    expect(p.handler.stats.logSuppressed).toBe(95);
    clock.t += 60_000;
    await handle('lifeline/readings/p1', buf('{'));
    expect(p.logs[5]!.msg).toMatch(/95 more not logged/);
    expect(p.logs).toHaveLength(7);
  });

  it('rejects when the store fails, so the message is not acknowledged, and recovers after', async () => {
    const { readings, handle, p } = setup();
    readings.failWith(new Error('disk full'));
    await expect(handle('lifeline/readings/p1', buf('0.3'))).rejects.toThrow('disk full');
    expect(p.handler.stats.storeFailures).toBe(1);
    expect(p.logs[0]!.fields).toMatchObject({ error: 'disk full', messages: 1 });
    readings.failWith(undefined);
    await handle('lifeline/readings/p1', buf('0.3'));
    expect(readings.rows).toHaveLength(1);
  });

  it('ignores other topics and survives a throwing logger', async () => {
    const { clock, handle, p } = setup();
    await handle('city/other', buf('junk'));
    await handle('lifeline/readingsX', buf('1'));
    expect(p.handler.stats.messages).toBe(0);
    let calls = 0;
    const throwing = new MqttMessageHandler({ ingest: p.service, clock, log: () => { calls++; throw new Error('log down'); } });
    await expect(throwing.handle('lifeline/readings/p1', buf('nope'))).resolves.toBeUndefined();
    expect(calls).toBe(1);
  });
});
