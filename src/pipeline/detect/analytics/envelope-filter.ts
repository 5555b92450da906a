import { float64s } from '../arena.js';

/**
 * The lower (or upper) envelope of the last n readings: the quasi-static part of a signal whose
 * disturbances go one way only. A bridge gauge's live load only adds tension, so the minimum of a
 * few minutes is the structure's own (thermal, permanent) strain. 'none' passes readings through.
 * State: n float64 + 2 numbers.
 */
export class EnvelopeFilter {
  private readonly window: Float64Array;
  private filled = 0;
  private next = 0;

  constructor(private readonly side: 'lower' | 'upper' | 'none', n: number) {
    this.window = float64s(side === 'none' ? 1 : Math.max(1, Math.floor(n)));
  }

  /** The filtered value after x, or NaN until the window is full. */
  push(x: number): number {
    if (this.side === 'none') return x;
    const w = this.window;
    w[this.next] = x;
    this.next = (this.next + 1) % w.length;
    if (this.filled < w.length) this.filled++;
    if (this.filled < w.length) return Number.NaN;
    let v = w[0]!;
    if (this.side === 'lower') { for (let i = 1; i < w.length; i++) if (w[i]! < v) v = w[i]!; }
    else for (let i = 1; i < w.length; i++) if (w[i]! > v) v = w[i]!;
    return v;
  }

  stateBytes(): number {
    return this.window.length * 8 + 64 + 2 * 8;
  }
}
