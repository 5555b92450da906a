/**
 * Points sorted into a G × G grid over their extent, row by row, so the points of any rectangle
 * of cells form one contiguous run per grid row. A frame then hands the GPU only the rows of cells
 * in view (a few dozen draws) instead of every point: a software renderer pays per point drawn,
 * on screen or not.
 */
export class PointGrid {
  /** Slot (drawing order) → point index. */
  readonly order: Uint32Array;
  /** Point index → slot. */
  readonly slotOf: Uint32Array;
  /** First slot of each cell, row by row; `cellStart[G * G]` is the count. */
  private readonly cellStart: Uint32Array;
  private readonly minX: number; private readonly minY: number;
  private readonly cellW: number; private readonly cellH: number;

  constructor(xs: ArrayLike<number>, ys: ArrayLike<number>, readonly size = 32) {
    const n = xs.length;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      if (xs[i]! < minX) minX = xs[i]!; if (xs[i]! > maxX) maxX = xs[i]!;
      if (ys[i]! < minY) minY = ys[i]!; if (ys[i]! > maxY) maxY = ys[i]!;
    }
    if (n === 0) { minX = minY = 0; maxX = maxY = 1; }
    this.minX = minX; this.minY = minY;
    // A hair wider than the extent, so the last point falls inside the last cell.
    this.cellW = (maxX - minX || 1e-9) / size * (1 + 1e-9);
    this.cellH = (maxY - minY || 1e-9) / size * (1 + 1e-9);
    const cell = new Uint32Array(n);
    const counts = new Uint32Array(size * size + 1);
    for (let i = 0; i < n; i++) {
      cell[i] = this.row(ys[i]!) * size + this.col(xs[i]!);
      counts[cell[i]! + 1]!++;
    }
    for (let c = 0; c < size * size; c++) counts[c + 1]! += counts[c]!;
    this.cellStart = counts.slice();
    this.order = new Uint32Array(n);
    this.slotOf = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const slot = counts[cell[i]!]!++;
      this.order[slot] = i;
      this.slotOf[i] = slot;
    }
  }

  private col(x: number): number { return Math.min(this.size - 1, Math.max(0, Math.floor((x - this.minX) / this.cellW))); }
  private row(y: number): number { return Math.min(this.size - 1, Math.max(0, Math.floor((y - this.minY) / this.cellH))); }

  /**
   * The slot runs [first, count] of the cells that meet the rectangle, one per grid row (adjacent
   * rows merged when the rectangle spans the grid's full width).
   */
  runs(minX: number, minY: number, maxX: number, maxY: number): [number, number][] {
    const out: [number, number][] = [];
    const size = this.size;
    if (maxX < this.minX || maxY < this.minY || minX > this.minX + this.cellW * size || minY > this.minY + this.cellH * size) return out;
    const c0 = this.col(minX), c1 = this.col(maxX), r0 = this.row(minY), r1 = this.row(maxY);
    for (let r = r0; r <= r1; r++) {
      const first = this.cellStart[r * size + c0]!;
      const end = this.cellStart[r * size + c1 + 1]!;
      if (end === first) continue;
      const last = out[out.length - 1];
      if (last && last[0] + last[1] === first) last[1] += end - first;
      else out.push([first, end - first]);
    }
    return out;
  }
}
