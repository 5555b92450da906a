import { float32Run, float64Run } from '../arena.js';

/**
 * How rare a non-negative statistic is on this sensor, learned online, so a score adapts to each
 * series' own distribution instead of assuming a Gaussian (adaptive thresholds):
 *  - a log-spaced histogram (`perOctave` bins per octave from 2⁻²; the statistics are in σ units)
 *    with exponential forgetting (memory ≈ `memory` samples) gives the body of the distribution;
 *  - from q, the lower edge of the histogram bin holding its 99th percentile, the tail is taken as
 *    exponential with the mean excess β measured above q (peaks over threshold, Pickands–Balkema–de Haan), so a value never seen before still
 *    gets a finite, calibrated rarity: P(X ≥ x) = P(X ≥ q) · e^(−(x − q)/β).
 * `evidence(x)` = −log10 P(X ≥ x), capped at 12. O(1) per sample: new samples wait in a small
 * queue and are folded into the survival table every QUEUE samples. Only the survival table is kept
 * (a bin's count is the difference of neighbours).
 * State: `TAIL_NUMBERS` (7) float64 and bins + 1 float32 (≈ 0.19 KiB for 32 bins), kept by the owner
 * in its runs: a `TailShape` (the size, forgetting and bin edges, shared by every sensor) works on
 * them, so a calibrator costs no object of its own. `TailCalibrator` is one with runs of its own.
 */
const MIN = 1 / 4;
const QUEUE = 8;
const TAIL = 0.99;
const LOG10E = Math.LOG10E;
/** The queued bins are packed in one float64, 6 bits each (8 × 6 = 48 bits: exact integers). */
const PACK = 64;
const PLACE = Float64Array.from({ length: QUEUE }, (_, k) => Math.pow(PACK, k));
/** Scratch for `fold`: queued samples per bin (left all zero after each fold). */
const QUEUED_PER_BIN = new Float64Array(PACK);

/**
 * `observe` does not learn from what it flags: a reading rarer than 1 in 10^RARE is left out of the
 * history, or each anomaly would widen the learned tail and the next one like it would score low.
 * Except while the history is short (LEARN_ALL samples: everything is new then) and once RARE_RUN
 * rare readings come in a row: that is a new normal, and it is learned.
 */
const RARE = 4, LEARN_ALL = 200, RARE_RUN = 24;

/** Where each number sits in a calibrator's numbers. */
const TOTAL = 0, Q = 1, Q_SHARE = 2, BETA = 3, QUEUED = 4, PACKED = 5, RUN = 6;
export const TAIL_NUMBERS = 7;

/** A calibrator's settings, shared by every sensor: size, forgetting, bin edges and centres. */
export class TailShape {
  readonly decay: number;
  /** decay^n for n queued samples (0..QUEUE): computed once, not by Math.pow per fold. */
  private readonly decayPow: Float64Array;
  /** Float32 of state per calibrator: the survival table, [0..bins]. */
  readonly tableLength: number;
  /** [0..bins] lower edges, [bins+1 ..] centres. */
  private readonly edges: Float64Array;

  constructor(memory: number, readonly bins = 32, private readonly perOctave = 3) {
    if (bins >= PACK) throw new Error(`tail: at most ${PACK - 1} bins`);
    this.decay = 1 - 1 / memory;
    this.decayPow = Float64Array.from({ length: QUEUE + 1 }, (_, n) => Math.pow(this.decay, n));
    this.tableLength = bins + 1;
    this.edges = new Float64Array(2 * (bins + 1));
    for (let i = 0; i <= bins; i++) {
      this.edges[i] = i <= 0 ? 0 : MIN * Math.pow(2, (i - 1) / perOctave);
      this.edges[bins + 1 + i] = i <= 0 ? MIN / 2 : MIN * Math.pow(2, (i - 0.5) / perOctave);
    }
  }

  /** A fresh calibrator's numbers at `s[at…]` (its table, zeroed, is ready as it is). */
  init(s: Float64Array, at: number): void {
    s[at + TOTAL] = 0;
    s[at + Q] = Number.POSITIVE_INFINITY;
    s[at + Q_SHARE] = 1;
    s[at + BETA] = 1;
    s[at + QUEUED] = 0;
    s[at + PACKED] = 0;
    s[at + RUN] = 0;
  }

  /** Weight of the samples learned (forgetting included). */
  samples(s: Float64Array, at: number): number {
    return s[at + TOTAL]!;
  }

  add(s: Float64Array, at: number, t: Float32Array, tAt: number, x: number): void {
    this.queue(s, at, t, tAt, this.bin(x));
  }

  /**
   * Evidence of x against the history so far, then x joins the history (one bin lookup for both)
   * unless it is rare (RARE, above).
   */
  observe(s: Float64Array, at: number, t: Float32Array, tAt: number, x: number): number {
    const b = this.bin(x);
    const e = this.evidenceAt(s, at, t, tAt, x, b);
    const run = e >= RARE ? s[at + RUN]! + 1 : 0;
    s[at + RUN] = run;
    if (run === 0 || run > RARE_RUN || s[at + TOTAL]! < LEARN_ALL) this.queue(s, at, t, tAt, b);
    return e;
  }

  private queue(s: Float64Array, at: number, t: Float32Array, tAt: number, b: number): void {
    const queued = s[at + QUEUED]!;
    s[at + PACKED] = s[at + PACKED]! + b * PLACE[queued]!;
    s[at + QUEUED] = queued + 1;
    // Early on every sample counts: fold at once while the history is short.
    if (queued + 1 >= QUEUE || s[at + TOTAL]! < 4 * QUEUE) this.fold(s, at, t, tAt);
  }

  private fold(s: Float64Array, at: number, t: Float32Array, o: number): void {
    const bins = this.bins, n = s[at + QUEUED]!;
    const f = this.decayPow[n]!;
    // Count the queued samples per bin, then decay and add them in one pass from the top: a sample
    // in bin b adds 1 to the survival of every bin ≤ b.
    const added = QUEUED_PER_BIN;
    let packed = s[at + PACKED]!;
    for (let k = 0; k < n; k++) {
      const rest = Math.floor(packed / PACK); // exact: a power of two, integers below 2^53
      added[packed - rest * PACK]! += 1;
      packed = rest;
    }
    // The table never rises with the bin (each bin's survival includes the next's), so the top
    // bins still empty stay empty (0 · f + 0): start below them.
    let top = bins;
    while (top > 0 && t[o + top] === 0 && added[top] === 0) top--;
    let above = 0;
    for (let i = top; i >= 0; i--) {
      above += added[i]!;
      added[i] = 0;
      t[o + i] = t[o + i]! * f + above;
    }
    s[at + QUEUED] = 0;
    s[at + PACKED] = 0;
    const total = t[o]!;
    s[at + TOTAL] = total;
    // Tail start: the lower edge of the bin holding the 99th percentile (so the tail is never empty).
    let qi = bins;
    for (let i = 1; i <= bins; i++) if (t[o + i]! <= (1 - TAIL) * total) { qi = i; break; }
    if (qi > 1) qi--;
    const q = this.lower(qi);
    s[at + Q] = q;
    s[at + Q_SHARE] = Math.max(t[o + qi]!, 0.5) / (total + 1);
    // Mean excess over q from the bins from q up (bin centres), at least 10 % of q.
    let w = 0, ex = 0;
    for (let i = qi; i <= top; i++) { const c = t[o + i]! - (i < bins ? t[o + i + 1]! : 0); w += c; ex += c * (this.centre(i) - q); }
    s[at + BETA] = Math.max(w > 0 ? ex / w : q, 0.1 * q, 1e-3);
  }

  /** −log10 of the chance of a value ≥ x, from the learned distribution (0 while too few samples). */
  evidence(s: Float64Array, at: number, t: Float32Array, tAt: number, x: number): number {
    return this.evidenceAt(s, at, t, tAt, x, this.bin(x));
  }

  private evidenceAt(s: Float64Array, at: number, t: Float32Array, tAt: number, x: number, b: number): number {
    const total = s[at + TOTAL]!;
    if (total < 50) return 0;
    const q = s[at + Q]!;
    let e: number;
    if (x <= q) e = Math.log10((total + 1) / (t[tAt + b]! + 0.5));
    else e = -Math.log10(s[at + Q_SHARE]!) + ((x - q) / s[at + BETA]!) * LOG10E;
    return e > 12 ? 12 : e > 0 ? e : 0;
  }

  /** The value below which a share p of the samples lie (bin resolution), NaN while empty. */
  quantile(s: Float64Array, at: number, t: Float32Array, tAt: number, p: number): number {
    const total = s[at + TOTAL]!;
    if (total <= 0) return Number.NaN;
    const above = (1 - p) * total;
    for (let i = this.bins; i >= 1; i--) if (t[tAt + i]! > above) return this.lower(i + 1);
    return MIN;
  }

  private bin(x: number): number {
    if (!(x > MIN)) return 0;
    const i = Math.floor(Math.log2(x / MIN) * this.perOctave) + 1;
    return i > this.bins ? this.bins : i;
  }

  /** Lower edge of bin i (bin 0 holds everything up to MIN). */
  private lower(i: number): number {
    return this.edges[i > this.bins ? this.bins : i]!;
  }

  private centre(i: number): number {
    return this.edges[this.bins + 1 + i]!;
  }

  /** Bytes of state per calibrator. */
  get stateBytes(): number {
    return TAIL_NUMBERS * 8 + ((this.tableLength * 4 + 7) & ~7);
  }
}

/** Shapes by settings, so calibrators made alike share one. */
const shapes = new Map<string, TailShape>();
export function tailShape(memory: number, bins = 32, perOctave = 3): TailShape {
  const key = `${memory}/${bins}/${perOctave}`;
  let shape = shapes.get(key);
  if (!shape) shapes.set(key, shape = new TailShape(memory, bins, perOctave));
  return shape;
}

/** A calibrator with runs of its own, for use outside a monitor. */
export class TailCalibrator {
  private readonly shape: TailShape;
  private readonly s: Float64Array;
  private readonly at: number;
  private readonly t: Float32Array;
  private readonly tAt: number;

  constructor(memory: number, bins = 32, perOctave = 3) {
    this.shape = tailShape(memory, bins, perOctave);
    const numbers = float64Run(TAIL_NUMBERS), table = float32Run(this.shape.tableLength);
    this.s = numbers.array;
    this.at = numbers.at;
    this.t = table.array;
    this.tAt = table.at;
    this.shape.init(this.s, this.at);
  }

  get samples(): number {
    return this.shape.samples(this.s, this.at);
  }

  add(x: number): void {
    this.shape.add(this.s, this.at, this.t, this.tAt, x);
  }

  observe(x: number): number {
    return this.shape.observe(this.s, this.at, this.t, this.tAt, x);
  }

  evidence(x: number): number {
    return this.shape.evidence(this.s, this.at, this.t, this.tAt, x);
  }

  quantile(p: number): number {
    return this.shape.quantile(this.s, this.at, this.t, this.tAt, p);
  }
}
