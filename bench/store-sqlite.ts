/**
 * SQLite store ingest benchmark.
 *
 *   node --import tsx bench/store-sqlite.ts        (BENCH_ROWS=… to change the 5M rows per run)
 *
 * 100,000 sensors; each round gives every sensor one reading, time advancing 10 s per round; batches
 * of 20,000 rows. The first adapter run appends twice as many rows (10M by default), printing the rate
 * per million rows to show that ingest stays flat as history grows. It measures (a) the physical limit: the same rows inserted by better-sqlite3 into a
 * plain table in this process (one prepared INSERT per row, 20k-row transactions, same fsync
 * setting); (b) the adapter's append rate, with a few appends in flight (as concurrent requests
 * would keep it) and one at a time, in sensor order and with the sensors shuffled within each round;
 * then the cost of close (the last run and rollup flush) and some read latencies on the result.
 * Prints the figures and writes them to bench/results/store-sqlite.json.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openSqliteStore } from '../src/adapters/store-sqlite/index.js';
import type { ReadingBatch } from '../src/domain/index.js';

const SENSORS = 100_000;
const BATCH = 20_000;
const ROUND_MS = 10_000;
const T0 = Date.UTC(2024, 2, 4);

interface Workload {
  readonly rows: number;
  readonly shuffled: boolean;
}

/** Batches of the workload, generated on the fly (sensor keys 1..100,000). */
function* batches(w: Workload): Generator<ReadingBatch> {
  const order = Int32Array.from({ length: SENSORS }, (_, i) => i + 1);
  if (w.shuffled) {
    let seed = 12345;
    for (let i = SENSORS - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  }
  for (let done = 0; done < w.rows; done += BATCH) {
    const n = Math.min(BATCH, w.rows - done);
    const key = new Int32Array(n);
    const ts = new Float64Array(n);
    const value = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const row = done + i;
      key[i] = order[row % SENSORS]!;
      ts[i] = T0 + Math.floor(row / SENSORS) * ROUND_MS;
      value[i] = ((row * 7919) % 10_000) / 100;
    }
    yield { length: n, key, ts, value };
  }
}

/** Peak resident memory (whole process, worker included), sampled while `fn` runs. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  try {
    const result = await fn();
    return { result, peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1e6) };
  } finally {
    clearInterval(timer);
  }
}

async function physicalLimit(dir: string, rows: number, synchronous: 'FULL' | 'NORMAL'): Promise<{ rowsPerS: number }> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(join(dir, 'plain.db'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec('CREATE TABLE readings (sensor INTEGER, ts REAL, value REAL)');
  const insert = db.prepare('INSERT INTO readings VALUES (?, ?, ?)');
  const start = performance.now();
  for (const b of batches({ rows, shuffled: false })) {
    db.exec('BEGIN');
    for (let i = 0; i < b.length; i++) insert.run(b.key[i], b.ts[i], b.value[i]);
    db.exec('COMMIT');
  }
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return { rowsPerS: Math.round(rows / seconds) };
}

interface AdapterRun {
  readonly label: string;
  readonly durability: 'full' | 'normal';
  readonly shuffled: boolean;
  readonly inFlight: number;
  readonly rows: number;
  readonly appendRowsPerS: number;
  readonly closeMs: number;
  readonly rowsPerSIncludingClose: number;
  readonly peakRssMb: number;
  readonly dbMb: number;
  /** Rows/s and resident memory over each successive million rows: flat means history does not slow ingest. */
  readonly perMillion: { rowsPerS: number; rssMb: number }[];
  readonly reads?: { rangeOneSensorMs: number; aggregate1mMs: number; aggregate1hMs: number; lastReadingsMs: number };
}

async function adapterRun(dir: string, label: string, w: Workload, durability: 'full' | 'normal', inFlight: number, measureReads: boolean): Promise<AdapterRun> {
  const path = join(dir, `${label}.db`);
  const { result, peakRssMb } = await withPeakRss(async () => {
    const store = await openSqliteStore({ path, durability });
    const start = performance.now();
    const window = new Set<Promise<unknown>>();
    const perMillion: AdapterRun['perMillion'] = [];
    let sent = 0;
    let segmentStart = start;
    for (const b of batches(w)) {
      const p: Promise<unknown> = store.readings.append(b).then(() => window.delete(p));
      window.add(p);
      if (window.size >= inFlight) await Promise.race(window);
      sent += b.length;
      if (sent % 1_000_000 === 0) {
        const now = performance.now();
        perMillion.push({ rowsPerS: Math.round(1_000_000 / ((now - segmentStart) / 1000)), rssMb: Math.round(process.memoryUsage().rss / 1e6) });
        segmentStart = now;
      }
    }
    await Promise.all(window);
    const appended = performance.now();
    let reads: AdapterRun['reads'];
    if (measureReads) {
      const timed = async (fn: () => Promise<unknown>): Promise<number> => {
        const t = performance.now();
        await fn();
        return Math.round((performance.now() - t) * 10) / 10;
      };
      const end = T0 + Math.ceil(w.rows / SENSORS) * ROUND_MS;
      reads = {
        rangeOneSensorMs: await timed(() => store.readings.range(4242, T0, end)),
        aggregate1mMs: await timed(() => store.readings.aggregate(4242, T0, end, '1m')),
        aggregate1hMs: await timed(() => store.readings.aggregate(4242, T0, end, '1h')),
        lastReadingsMs: await timed(() => store.readings.lastReadings()),
      };
    }
    const beforeClose = performance.now();
    await store.close();
    const closed = performance.now();
    return { appendMs: appended - start, closeMs: closed - beforeClose, reads, perMillion };
  });
  const dbMb = Math.round(statSync(path).size / 1e6);
  return {
    label,
    durability,
    shuffled: w.shuffled,
    inFlight,
    rows: w.rows,
    appendRowsPerS: Math.round(w.rows / (result.appendMs / 1000)),
    closeMs: Math.round(result.closeMs),
    rowsPerSIncludingClose: Math.round(w.rows / ((result.appendMs + result.closeMs) / 1000)),
    peakRssMb,
    dbMb,
    perMillion: result.perMillion,
    ...(result.reads ? { reads: result.reads } : {}),
  };
}

export async function main(): Promise<void> {
  const rows = Number(process.env.BENCH_ROWS ?? 5_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'lifeline-bench-store-'));
  try {
    console.log(`SQLite store ingest: ${SENSORS.toLocaleString()} sensors, ${rows.toLocaleString()} rows per run, batches of ${BATCH.toLocaleString()}`);
    const limit = await physicalLimit(dir, rows, 'FULL');
    console.log(`(a) physical limit, plain table, one process, synchronous=FULL: ${limit.rowsPerS.toLocaleString()} rows/s`);
    const runs: AdapterRun[] = [];
    const plan: [string, Workload, 'full' | 'normal', number, boolean][] = [
      ['full-4-in-flight', { rows: 2 * rows, shuffled: false }, 'full', 4, true],
      ['full-1-in-flight', { rows, shuffled: false }, 'full', 1, false],
      ['full-4-in-flight-shuffled', { rows, shuffled: true }, 'full', 4, false],
      ['normal-4-in-flight', { rows, shuffled: false }, 'normal', 4, false],
    ];
    for (const [label, w, durability, inFlight, reads] of plan) {
      const run = await adapterRun(dir, label, w, durability, inFlight, reads);
      runs.push(run);
      console.log(`(b) adapter ${label}: ${run.appendRowsPerS.toLocaleString()} rows/s appended (${(run.appendRowsPerS / limit.rowsPerS).toFixed(2)} × limit); `
        + `close ${run.closeMs} ms → ${run.rowsPerSIncludingClose.toLocaleString()} rows/s including close; peak RSS ${run.peakRssMb} MB; file ${run.dbMb} MB`);
      console.log(`    per million rows: ${run.perMillion.map((m) => `${Math.round(m.rowsPerS / 1000)}k`).join(' ')} rows/s; RSS ${run.perMillion.map((m) => m.rssMb).join(' ')} MB`);
      if (run.reads) console.log(`    reads on the result: range of one sensor ${run.reads.rangeOneSensorMs} ms, aggregate 1m ${run.reads.aggregate1mMs} ms, 1h ${run.reads.aggregate1hMs} ms, lastReadings (100k) ${run.reads.lastReadingsMs} ms`);
      rmSync(join(dir, `${label}.db`), { force: true });
    }
    const headline = runs[0]!;
    console.log(`ratio adapter/limit (${headline.label}): ${(headline.appendRowsPerS / limit.rowsPerS).toFixed(2)}`);
    const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'store-sqlite.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), sensors: SENSORS, batch: BATCH, rows, physicalLimit: limit, runs, ratio: headline.appendRowsPerS / limit.rowsPerS }, null, 2)}\n`);
    console.log(`written ${out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
