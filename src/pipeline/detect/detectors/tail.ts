/**
 * How rare a non-negative statistic is on this sensor, learned online: a log-spaced histogram
 * (4 bins per octave over 2⁻²..2¹⁰; the statistics are in σ units) with exponential forgetting, so the answer adapts to each
 * series' own heavy tails instead of assuming a Gaussian. `evidence(x)` = −log10 P(X ≥ x), with a
 * pseudo-count so it never claims more than the history supports, and a conservative exponential
 * extrapolation beyond the largest value seen. O(1) per reading: the survival table is rebuilt
 * every REBUILD samples. State: 2 × 49 float32 + 6 numbers ≈ 0.5 KiB.
 */
const BINS = 48;
const PER_OCTAVE = 4;
const MIN = 1 / 4;
const REBUILD = 64;

export class TailCalibrator {
  private readonly counts = new Float32Array(BINS + 1);
  /** survival[i] = weight of samples in bins ≥ i, as of the last rebuild. */
  private readonly survival = new Float32Array(BINS + 1);
  private total = 0;
  private sinceRebuild = 0;
  private maxSeen = 0;
  /** Forget with this factor per sample: memory ≈ 1 / (1 − decay) samples. */
  private readonly decay: number;

  constructor(memory: number) {
    this.decay = 1 - 1 / memory;
  }

  get samples(): number {
    return this.total;
  }

  add(x: number): void {
    const i = bin(x);
    this.counts[i]! += 1;
    if (x > this.maxSeen) this.maxSeen = x;
    // Early on every sample counts: rebuild at once while the history is short.
    if (++this.sinceRebuild >= REBUILD || this.total < 4 * REBUILD) this.rebuild();
  }

  private rebuild(): void {
    const f = Math.pow(this.decay, this.sinceRebuild);
    let s = 0;
    for (let i = BINS; i >= 0; i--) {
      this.counts[i] = this.counts[i]! * f;
      s += this.counts[i]!;
      this.survival[i] = s;
    }
    this.total = s;
    this.maxSeen *= Math.pow(this.decay, this.sinceRebuild / 8);
    this.sinceRebuild = 0;
  }

  /** −log10 of the chance of a value ≥ x, from the learned distribution (0 while too few samples). */
  evidence(x: number): number {
    const total = this.total;
    if (total < 50) return 0;
    const i = bin(x);
    const tail = this.survival[i]! + 0.5;
    let e = Math.log10((total + 1) / tail);
    // Beyond anything seen: one more decade per doubling of the largest value seen.
    if (x > this.maxSeen && this.maxSeen > 0) e += Math.log2(x / this.maxSeen);
    return e > 0 ? e : 0;
  }

  /** The value below which a share p of the samples lie (bin resolution, 19 %), NaN while empty. */
  quantile(p: number): number {
    if (this.total <= 0) return Number.NaN;
    const above = (1 - p) * this.total;
    for (let i = BINS; i >= 1; i--) if (this.survival[i]! > above) return MIN * Math.pow(2, i / PER_OCTAVE);
    return MIN;
  }

  stateBytes(): number {
    return 2 * (BINS + 1) * 4 + 6 * 8 + 2 * 64;
  }
}

function bin(x: number): number {
  if (!(x > MIN)) return 0;
  const i = Math.floor(Math.log2(x / MIN) * PER_OCTAVE) + 1;
  return i > BINS ? BINS : i;
}
