import type { AlarmEvent, Quantity } from '../../domain/index.js';
import { createDetectionEngine } from './engine.js';
import type { Rule } from './rules/types.js';

/**
 * Deterministic synthetic signals with known answers, for tests and benches: a seeded generator,
 * and a runner that feeds a series through an engine and records what happened.
 */
export const T0 = Date.UTC(2024, 0, 1); // a Monday
export const MINUTE_MS = 60_000;

/** Seeded uniform [0, 1) (LCG) and standard normal (Box–Muller) draws. */
export function rng(seed: number): { uniform: () => number; normal: () => number } {
  let s = seed >>> 0;
  const uniform = (): number => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
  const normal = (): number => Math.sqrt(-2 * Math.log(uniform() || 1e-12)) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

/** Hour of the (UTC) day of reading i at `stepMs`. */
export function hourOf(i: number, stepMs = MINUTE_MS): number {
  return (((T0 + i * stepMs) % 86_400_000) / 3_600_000);
}

export interface RunResult {
  readonly events: AlarmEvent[];
  /** Per reading: the worst active level (0 none) and the anomaly score. */
  readonly levels: number[];
  readonly scores: number[];
}

export interface RunOptions {
  readonly quantity?: Quantity;
  readonly stepMs?: number;
  /** Only these rules (no templates) — or, with `templates: true`, the default templates plus these. */
  readonly rules?: readonly Rule[];
  readonly templates?: boolean;
  readonly properties?: Readonly<Record<string, unknown>>;
  /** Indexes of readings left out (a dropout). */
  readonly missing?: (i: number) => boolean;
}

/** Feed `values` (one per step, NaN = no reading) through an engine; record events, levels and scores. */
export function run(values: ArrayLike<number>, o: RunOptions = {}): RunResult {
  const engine = createDetectionEngine({ rules: o.rules ?? [], ...(o.templates ? {} : { templates: [] }) });
  const monitor = engine.monitor({ id: 's1', quantity: o.quantity ?? 'generic', properties: o.properties });
  const step = o.stepMs ?? MINUTE_MS;
  const events: AlarmEvent[] = [];
  const levels: number[] = [];
  const scores: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== v || o.missing?.(i)) { levels.push(-1); scores.push(-1); continue; }
    events.push(...monitor.process(T0 + i * step, v));
    levels.push(monitor.level);
    scores.push(monitor.score);
  }
  return { events, levels, scores };
}

/** First index at or after `from` with a level (−1 when none). */
export function firstAlarm(r: RunResult, from = 0, to = r.levels.length): number {
  for (let i = from; i < to; i++) if (r.levels[i]! > 0) return i;
  return -1;
}

/** Readings with a level in [from, to). */
export function alarmedCount(r: RunResult, from = 0, to = r.levels.length): number {
  let n = 0;
  for (let i = from; i < to; i++) if (r.levels[i]! > 0) n++;
  return n;
}
