import { float32s } from '../arena.js';

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
 * (a bin's count is the difference of neighbours). State: (bins + 1 + QUEUE) float32 + 7 numbers
 * (≈ 0.3 KiB for 32 bins).
 */
const MIN = 1 / 4;
const QUEUE = 8;
const TAIL = 0.99;
const LOG10E = Math.LOG10E;

/** Bin edges and centres, shared by every calibrator of one shape: [0..bins] lower edges, [bins+1..] centres. */
const shapes = new Map<number, Float64Array>();
function shape(bins: number, perOctave: number): Float64Array {
  const key = bins * 100 + perOctave;
  let t = shapes.get(key);
  if (!t) {
    t = new Float64Array(2 * (bins + 1));
    for (let i = 0; i <= bins; i++) {
      t[i] = i <= 0 ? 0 : MIN * Math.pow(2, (i - 1) / perOctave);
      t[bins + 1 + i] = i <= 0 ? MIN / 2 : MIN * Math.pow(2, (i - 0.5) / perOctave);
    }
    shapes.set(key, t);
  }
  return t;
}

export class TailCalibrator {
  /** [0..bins]: survival (weight of samples in bins ≥ i); [bins+1 ..]: queued bins. */
  private readonly table: Float32Array;
  private readonly bins: number;
  private readonly perOctave: number;
  private readonly edges: Float64Array;
  private queued = 0;
  private total = 0;
  private q = Number.POSITIVE_INFINITY;
  private qShare = 1;
  private beta = 1;
  private readonly decay: number;

  constructor(memory: number, bins = 32, perOctave = 3) {
    this.decay = 1 - 1 / memory;
    this.bins = bins;
    this.perOctave = perOctave;
    this.table = float32s(bins + 1 + QUEUE);
    this.edges = shape(bins, perOctave);
  }

  get samples(): number {
    return this.total;
  }

  add(x: number): void {
    this.queue(this.bin(x));
  }

  /** Evidence of x against the history so far, then x joins the history (one bin lookup for both). */
  observe(x: number): number {
    const b = this.bin(x);
    const e = this.evidenceAt(x, b);
    this.queue(b);
    return e;
  }

  private queue(b: number): void {
    this.table[this.bins + 1 + this.queued] = b;
    // Early on every sample counts: fold at once while the history is short.
    if (++this.queued >= QUEUE || this.total < 4 * QUEUE) this.fold();
  }

  private fold(): void {
    const t = this.table, bins = this.bins, n = this.queued;
    const f = Math.pow(this.decay, n);
    for (let i = 0; i <= bins; i++) t[i] = t[i]! * f;
    for (let k = 0; k < n; k++) { const b = t[bins + 1 + k]!; for (let i = 0; i <= b; i++) t[i]! += 1; }
    this.queued = 0;
    const s = t[0]!;
    this.total = s;
    // Tail start: the lower edge of the bin holding the 99th percentile (so the tail is never empty).
    let qi = bins;
    for (let i = 1; i <= bins; i++) if (t[i]! <= (1 - TAIL) * s) { qi = i; break; }
    if (qi > 1) qi--;
    this.q = this.lower(qi);
    this.qShare = Math.max(t[qi]!, 0.5) / (s + 1);
    // Mean excess over q from the bins from q up (bin centres), at least 10 % of q.
    let w = 0, ex = 0;
    for (let i = qi; i <= bins; i++) { const c = t[i]! - (i < bins ? t[i + 1]! : 0); w += c; ex += c * (this.centre(i) - this.q); }
    this.beta = Math.max(w > 0 ? ex / w : this.q, 0.1 * this.q, 1e-3);
  }

  /** −log10 of the chance of a value ≥ x, from the learned distribution (0 while too few samples). */
  evidence(x: number): number {
    return this.evidenceAt(x, this.bin(x));
  }

  private evidenceAt(x: number, b: number): number {
    const total = this.total;
    if (total < 50) return 0;
    let e: number;
    if (x <= this.q) e = Math.log10((total + 1) / (this.table[b]! + 0.5));
    else e = -Math.log10(this.qShare) + ((x - this.q) / this.beta) * LOG10E;
    return e > 12 ? 12 : e > 0 ? e : 0;
  }

  /** The value below which a share p of the samples lie (bin resolution), NaN while empty. */
  quantile(p: number): number {
    if (this.total <= 0) return Number.NaN;
    const above = (1 - p) * this.total;
    for (let i = this.bins; i >= 1; i--) if (this.table[i]! > above) return this.lower(i + 1);
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

  stateBytes(): number {
    return (this.bins + 1 + QUEUE) * 4 + 72 + 8 * 16 + 24;
  }
}
