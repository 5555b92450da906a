/**
 * MQTT ingest through the embedded broker into SQLite (durability 'full'): a publisher process sends
 * single-reading QoS 1 messages to `lifeline/readings/<id>` for 10,000 registered sensors with many
 * in flight; each PUBACK comes only once its reading is durable (group commit). Prints messages/s
 * acknowledged, then checks that every acknowledged reading is in the store.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryBus } from '../src/adapters/bus-memory/index.js';
import { systemClock } from '../src/adapters/clock-system/index.js';
import { EmbeddedBroker } from '../src/adapters/mqtt-embedded/index.js';
import { openSqliteStore } from '../src/adapters/store-sqlite/index.js';
import { WriteCoalescer } from '../src/pipeline/ingest/coalescer.js';
import { createMqttMessageHandler } from '../src/pipeline/ingest/mqtt-message.js';
import { IngestService } from '../src/pipeline/ingest/service.js';
import { SensorRegistry } from '../src/pipeline/registry.js';
import type { NewSensor } from '../src/ports/index.js';
import type { Job, PublisherResult } from './_mqtt-publisher.js';
import { writeResult } from './lib/server.js';

const SENSORS = Number(process.env.BENCH_SENSORS ?? 10_000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 1000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 1);
/** The group-commit window (WriteCoalescer maxDelayMs; the platform's default is 2). */
const COALESCE_MS = Number(process.env.BENCH_COALESCE_MS ?? 2);
const WARMUP_S = 2;
const MEASURE_S = Number(process.env.BENCH_SECONDS ?? 10);
const DURABILITY = process.env.BENCH_DURABILITY === 'normal' ? 'normal' : 'full';

function sensor(i: number): NewSensor {
  return { id: `S${i}`, asset: `BA-${i % 100}`, domain: 'water', quantity: 'pressure', unit: 'MPa', intervalS: 10, state: 'active', properties: {} };
}

export async function main(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'lifeline-mqtt-bench-'));
  const store = await openSqliteStore({ path: join(dir, 'lifeline.db'), durability: DURABILITY });
  const registry = new SensorRegistry();
  for (const s of await store.sensors.upsert(Array.from({ length: SENSORS }, (_, i) => sensor(i)))) registry.put(s);
  const writer = new WriteCoalescer(store.readings, { maxDelayMs: COALESCE_MS });
  const bus = new MemoryBus();
  const ingest = new IngestService({ registry, writer, bus, clock: systemClock });
  const handler = createMqttMessageHandler(ingest, (msg, fields) => process.stderr.write(`${msg} ${JSON.stringify(fields)}\n`));
  const broker = new EmbeddedBroker({ port: 0 });
  try {
    const status = await broker.start(handler);
    if (status.state !== 'up') throw new Error(status.detail);
    const url = `mqtt://127.0.0.1:${status.port}`;
    const publisher = fork(new URL('./_mqtt-publisher.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'] });
    const done = new Promise<PublisherResult>((resolve, reject) => {
      publisher.once('message', (m) => resolve(m as PublisherResult));
      publisher.once('exit', (code) => reject(new Error(`publisher exited (${code}) without a result`)));
    });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const job: Job = { url, sensors: SENSORS, inFlight: IN_FLIGHT, connections: CONNECTIONS, warmupS: WARMUP_S, seconds: MEASURE_S, start: Date.now() - 3 * 86400_000 };
    publisher.send(job);
    const r = await done;
    const cpu = process.cpuUsage(cpu0);
    const wall = (performance.now() - t0) / 1000;
    const perSecond = Math.round(r.acked / r.elapsed);
    let stored = 0;
    for (const entry of registry.entries()) stored += (await store.readings.range(entry.sensor.key, 0, Number.MAX_SAFE_INTEGER)).length;
    const result = {
      sensors: SENSORS, inFlight: IN_FLIGHT, connections: CONNECTIONS, coalesceMs: COALESCE_MS, seconds: Number(r.elapsed.toFixed(2)), acknowledged: r.acked, perSecond,
      totalAcknowledged: r.totalAcked, stored, badMessages: handler.stats.badMessages, publishErrors: r.errors,
      store: `sqlite, durability ${DURABILITY}`,
      // Broker, pipeline and the store's writer thread, in % of one core.
      serverCpuPercent: Math.round(((cpu.user + cpu.system) / 1e6 / wall) * 100),
    };
    process.stdout.write(`mqtt-ingest: ${perSecond.toLocaleString('en')} messages/s acknowledged after durable (QoS 1, 1 reading each, ${SENSORS.toLocaleString('en')} sensors, ${IN_FLIGHT} in flight over ${CONNECTIONS} connection(s), ${r.elapsed.toFixed(1)} s, ${result.store}; target ≥ 40,000/s)\n`);
    if (stored < r.totalAcked) throw new Error(`acknowledged ${r.totalAcked} readings but the store holds ${stored}`);
    writeResult('mqtt-ingest', result);
    return result;
  } finally {
    await broker.stop();
    await writer.close();
    await bus.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
