/**
 * Sustained end-to-end ingest over HTTP: NDJSON batches of 1,000 readings for 100,000 registered
 * sensors, posted to a `lifeline serve` child process (parse, validate, durable in SQLite, rollups).
 * Printed beside the raw better-sqlite3 insert rate of the same rows, measured in the same run.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerSensors, startServerProcess, writeResult } from './lib/server.js';

const SENSORS = Number(process.env.BENCH_SENSORS ?? 100_000);
const BATCH = 1000;
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 4);
const WARMUP_S = 3;
const MEASURE_S = Number(process.env.BENCH_SECONDS ?? 20);
const STEP_MS = 10_000;

/** Batch i of the stream: every sensor reports once per round, time advancing 10 s per round. */
function body(i: number, start: number): string {
  const perRound = SENSORS / BATCH;
  const round = Math.floor(i / perRound);
  const first = (i % perRound) * BATCH;
  const ts = start + round * STEP_MS;
  let s = '';
  for (let k = 0; k < BATCH; k++) s += `{"sensor":"S${first + k}","ts":${ts},"value":${(0.3 + ((first + k) % 97) / 1000).toFixed(3)}}\n`;
  return s;
}

/** The same rows written straight into a plain SQLite table: the physical limit on this machine. */
export function rawSqliteRate(rows: number, start: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'lifeline-raw-'));
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE r (sensor INTEGER NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL)');
  const insert = db.prepare('INSERT INTO r VALUES (?, ?, ?)');
  const perTx = 20_000;
  const tx = db.transaction((from: number, to: number) => {
    for (let j = from; j < to; j++) insert.run(j % SENSORS, start + Math.floor(j / SENSORS) * STEP_MS, 0.3 + (j % 97) / 1000);
  });
  const t0 = performance.now();
  for (let j = 0; j < rows; j += perTx) tx(j, Math.min(rows, j + perTx));
  const rate = rows / ((performance.now() - t0) / 1000);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
}

/** Ingest as specified (parse, validate, durable, rollups): detection off; `BENCH_DETECTION=on` adds it. */
export async function main(): Promise<Record<string, unknown>> {
  const detection = process.env.BENCH_DETECTION ?? 'off';
  const server = await startServerProcess(['--detection', detection]);
  try {
    process.stdout.write(`http-ingest: registering ${SENSORS.toLocaleString('en')} sensors…\n`);
    await registerSensors(server, SENSORS);
    const start = Date.now() - 3 * 86400_000;
    let next = 0;
    let accepted = 0;
    let measuring = false;
    let measured = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const i = next++;
        const res = await server.api('/readings', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: body(i, start) });
        const r = (await res.json()) as { accepted: number; rejected: unknown[] };
        if (res.status !== 202 || r.rejected.length) throw new Error(`batch ${i}: ${res.status} ${JSON.stringify(r).slice(0, 300)}`);
        accepted += r.accepted;
        if (measuring) measured += r.accepted;
      }
    };
    const workers = Array.from({ length: IN_FLIGHT }, worker);
    await new Promise((r) => setTimeout(r, WARMUP_S * 1000));
    measuring = true;
    const t0 = performance.now();
    const rss0 = server.rss();
    await new Promise((r) => setTimeout(r, MEASURE_S * 1000));
    const elapsed = (performance.now() - t0) / 1000;
    measuring = false;
    stop = true;
    await Promise.all(workers);
    const endToEnd = measured / elapsed;
    const rss = Math.max(rss0, server.rss());
    const code = await server.stop();
    const raw = rawSqliteRate(Math.min(accepted, 10_000_000), start);
    const result = {
      detection, sensors: SENSORS, batch: BATCH, inFlight: IN_FLIGHT, seconds: elapsed, readings: measured, totalReadings: accepted,
      endToEndPerSecond: Math.round(endToEnd), rawSqlitePerSecond: Math.round(raw), ratio: Number((endToEnd / raw).toFixed(3)),
      serverRssMiB: Math.round(rss / 2 ** 20), cleanExit: code === 0,
    };
    process.stdout.write(`http-ingest: ${result.endToEndPerSecond.toLocaleString('en')} readings/s end to end (HTTP NDJSON ×${BATCH}, ${SENSORS.toLocaleString('en')} sensors, ${IN_FLIGHT} in flight, ${elapsed.toFixed(1)} s, detection ${detection})\n`);
    process.stdout.write(`http-ingest: raw better-sqlite3 insert of the same rows ${result.rawSqlitePerSecond.toLocaleString('en')} rows/s; ratio ${result.ratio} (target ≥ 300,000/s, aim ratio ≥ 0.5)\n`);
    writeResult('http-ingest', result);
    return result;
  } finally {
    await server.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
