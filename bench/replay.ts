/**
 * Replay throughput and detection state per sensor. Writes synthetic histories (1-minute pressure
 * and methane series with a daily cycle and noise, a generic series, and 1,000 and 10,000 interleaved sensors),
 * replays them in this process through the same code as `lifeline replay` (CSV in, CSV out, default
 * templates: device health, rules, analytics, detectors), and reports readings per CPU-second (one
 * core: the replay is single-threaded), the engine alone (no CSV), and the heap each sensor's
 * detection state takes (measured: heap growth over 4,000 warmed-up sensors ÷ 4,000 — their state, ids
 * and metas, the engine's map entries and any alarms they hold).
 * Targets (issue 3): ≥ 1,000,000 readings/s per core; ≤ 4 KiB of state per sensor.
 * Figures go to bench/results/replay.json.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replayFile } from '../src/app/commands/replay.js';
import type { Quantity } from '../src/domain/index.js';
import { createDetectionEngine } from '../src/pipeline/detect/engine.js';

const ROWS = Number(process.env.BENCH_REPLAY_ROWS ?? 2_000_000);
const T0 = Date.UTC(2024, 0, 1);

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
}

/** A reading of a plausible 1-minute series of `quantity` at minute i. */
function valueAt(quantity: string, i: number, r: () => number): number {
  const day = Math.cos(((i % 1440) / 1440) * 2 * Math.PI);
  if (quantity === 'pressure') return 0.33 + 0.06 * day + (r() - 0.5) * 0.004;
  if (quantity === 'methane') return Math.max(0, 0.8 + (r() - 0.5) * 1.2);
  if (quantity === 'strain') return -30 + 40 * day + (r() - 0.5) * 3 + (r() < 0.1 ? 20 + r() * 50 : 0);
  if (quantity === 'flow') return 200 + 100 * day + (r() - 0.5) * 10;
  if (quantity === 'level_ratio') return 0.18 + 0.06 * day + (r() - 0.5) * 0.005;
  if (quantity === 'h2s') return Math.max(0, 0.5 + (r() - 0.5) * 0.4);
  if (quantity === 'temperature') return 22 + 3 * day + (r() - 0.5) * 0.2;
  return 50 + 20 * day + (r() - 0.5) * 6;
}

/**
 * Writes lines to a file in chunks of 10,000, so the generator's strings die young: a 2M-line array
 * would be collected by a major GC during the replay being timed, and counted against it.
 */
function lineWriter(path: string): { line(text: string): void; close(): void } {
  const fd = openSync(path, 'w');
  let chunk: string[] = [];
  const flush = () => { if (chunk.length) { writeSync(fd, `${chunk.join('\n')}\n`); chunk = []; } };
  return {
    line(text) { chunk.push(text); if (chunk.length >= 10_000) flush(); },
    close() { flush(); closeSync(fd); },
  };
}

function writeSeries(path: string, quantity: string, rows: number): void {
  const r = random(7);
  const out = lineWriter(path);
  out.line('timestamp,value');
  for (let i = 0; i < rows; i++) out.line(`${new Date(T0 + i * 60_000).toISOString().slice(0, 19)}Z,${valueAt(quantity, i, r).toFixed(4)}`);
  out.close();
}

function writeMulti(path: string, sensors: number, perSensor: number): void {
  const r = random(11);
  const out = lineWriter(path);
  out.line('timestamp,sensor,value');
  for (let k = 0; k < perSensor; k++) {
    const ts = new Date(T0 + k * 60_000).toISOString().slice(0, 19).replace('T', ' ');
    for (let s = 0; s < sensors; s++) out.line(`${ts},m${s},${valueAt('methane', k, r).toFixed(2)}`);
  }
  out.close();
}

function timed<T>(fn: () => T): { result: T; wallS: number; cpuS: number } {
  const w = performance.now(), c = process.cpuUsage();
  const result = fn();
  const u = process.cpuUsage(c);
  return { result, wallS: (performance.now() - w) / 1000, cpuS: (u.user + u.system) / 1e6 };
}

function replayCase(dir: string, name: string, quantity: Quantity, write: (path: string) => void): Record<string, number | string> {
  const input = join(dir, `${name}.csv`);
  write(input);
  const t = timed(() => replayFile({ input, out: join(dir, `${name}.out.csv`), quantity, progress: false }));
  const perCore = Math.round(t.result.rows / t.cpuS);
  process.stdout.write(`replay ${name.padEnd(16)} ${t.result.rows.toLocaleString('en')} rows, ${t.result.sensors} sensor(s): ${perCore.toLocaleString('en')} readings/s per core (CPU time), ${Math.round(t.result.rows / t.wallS).toLocaleString('en')} /s wall\n`);
  return { quantity, rows: t.result.rows, sensors: t.result.sensors, readingsPerCpuSecond: perCore, readingsPerWallSecond: Math.round(t.result.rows / t.wallS) };
}

function engineOnly(quantity: Quantity, rows: number): number {
  const r = random(3);
  const values = new Float64Array(rows);
  for (let i = 0; i < rows; i++) values[i] = valueAt(quantity, i, r);
  const monitor = createDetectionEngine().monitor({ id: 'e', quantity });
  const t = timed(() => { for (let i = 0; i < rows; i++) monitor.process(T0 + i * 60_000, values[i]!); });
  return Math.round(rows / t.cpuS);
}

/** Heap bytes per sensor, measured in a fresh process (so no other engine's garbage is counted). */
function stateBytes(quantity: Quantity): { measured: number; estimated: number } {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', new URL(import.meta.url).pathname, 'state', quantity], { encoding: 'utf8' });
  const parsed = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { measured?: number; estimated?: number };
  return { measured: parsed.measured ?? Number.NaN, estimated: parsed.estimated ?? Number.NaN };
}

/** In the child: 4,000 sensors, each warmed up with 600 readings; heap growth ÷ 4,000. */
function measureState(quantity: Quantity, gc: () => void): { measured: number; estimated: number } {
  const n = 4000;
  gc(); gc();
  const m0 = process.memoryUsage();
  const engine = createDetectionEngine();
  const monitors = Array.from({ length: n }, (_, i) => engine.monitor({ id: `${quantity}-${i}`, quantity }));
  const r = random(5);
  for (let k = 0; k < 600; k++) for (let i = 0; i < n; i++) monitors[i]!.process(T0 + k * 60_000, valueAt(quantity, k + i, r));
  gc(); gc();
  const m1 = process.memoryUsage();
  const measured = Math.round((m1.heapUsed + m1.arrayBuffers - m0.heapUsed - m0.arrayBuffers) / n);
  const estimated = Math.round(engine.stateBytes() / n);
  monitors.length = 0;
  return { measured, estimated };
}

export async function main(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'lifeline-bench-replay-'));
  try {
    const replay = [
      replayCase(dir, 'pressure', 'pressure', (p) => writeSeries(p, 'pressure', ROWS)),
      replayCase(dir, 'methane', 'methane', (p) => writeSeries(p, 'methane', ROWS)),
      replayCase(dir, 'generic', 'generic', (p) => writeSeries(p, 'generic', ROWS)),
      replayCase(dir, 'methane-1000', 'methane', (p) => writeMulti(p, 1000, Math.round(ROWS / 1000))),
      replayCase(dir, 'methane-10000', 'methane', (p) => writeMulti(p, 10_000, Math.round(ROWS / 10_000))),
    ];
    const engine: Record<string, number> = {};
    for (const q of ['pressure', 'methane', 'generic'] as Quantity[]) engine[q] = engineOnly(q, Math.min(ROWS, 1_000_000));
    process.stdout.write(`engine alone (no CSV): ${Object.entries(engine).map(([q, v]) => `${q} ${v.toLocaleString('en')}`).join(', ')} readings/s per core\n`);
    const state: Record<string, { measured: number; estimated: number }> = {};
    for (const q of ['generic', 'temperature', 'h2s', 'flow', 'strain', 'methane', 'pressure', 'level_ratio'] as Quantity[]) state[q] = stateBytes(q);
    process.stdout.write(`state per sensor (measured heap, bytes): ${Object.entries(state).map(([q, v]) => `${q} ${v.measured}`).join(', ')}; target ≤ 4096\n`);
    const result = { replay, engineReadingsPerCpuSecond: engine, stateBytesPerSensor: state, targets: { readingsPerSecondPerCore: 1_000_000, stateBytesPerSensor: 4096 } };
    const out = new URL('./results/', import.meta.url).pathname;
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'replay.json'), `${JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2)}\n`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === 'state') {
    const gc = (globalThis as { gc?: () => void }).gc!;
    process.stdout.write(`${JSON.stringify(measureState(process.argv[3] as Quantity, gc))}\n`);
  } else await main();
}
