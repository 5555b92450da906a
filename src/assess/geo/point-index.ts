/**
 * A uniform-grid index over points in local metres: nearest-neighbour and radius queries in
 * O(points nearby). Cities are roughly uniform at this scale, so a grid beats a tree here.
 */
export class PointIndex<T> {
  private readonly cells = new Map<string, { xy: readonly [number, number]; item: T }[]>();
  private count = 0;
  private bounds = { i0: Infinity, j0: Infinity, i1: -Infinity, j1: -Infinity };

  constructor(private readonly cellM = 100) {}

  get size(): number {
    return this.count;
  }

  add(xy: readonly [number, number], item: T): void {
    const i = Math.floor(xy[0] / this.cellM);
    const j = Math.floor(xy[1] / this.cellM);
    const b = this.bounds;
    b.i0 = Math.min(b.i0, i); b.j0 = Math.min(b.j0, j); b.i1 = Math.max(b.i1, i); b.j1 = Math.max(b.j1, j);
    const key = this.key(i, j);
    const list = this.cells.get(key);
    if (list) list.push({ xy, item });
    else this.cells.set(key, [{ xy, item }]);
    this.count++;
  }

  /** Everything within `radiusM`, nearest first. */
  within(xy: readonly [number, number], radiusM: number): { item: T; distanceM: number; xy: readonly [number, number] }[] {
    const out: { item: T; distanceM: number; xy: readonly [number, number] }[] = [];
    const r = Math.ceil(radiusM / this.cellM);
    const ci = Math.floor(xy[0] / this.cellM);
    const cj = Math.floor(xy[1] / this.cellM);
    for (let i = ci - r; i <= ci + r; i++) {
      for (let j = cj - r; j <= cj + r; j++) {
        for (const e of this.cells.get(this.key(i, j)) ?? []) {
          const d = Math.hypot(e.xy[0] - xy[0], e.xy[1] - xy[1]);
          if (d <= radiusM) out.push({ item: e.item, distanceM: d, xy: e.xy });
        }
      }
    }
    return out.sort((a, b) => a.distanceM - b.distanceM);
  }

  /** The nearest item within `maxM` (searching outward ring by ring), or undefined. */
  nearest(xy: readonly [number, number], maxM = Infinity, accept: (item: T) => boolean = () => true): { item: T; distanceM: number } | undefined {
    if (this.count === 0) return undefined;
    const ci = Math.floor(xy[0] / this.cellM);
    const cj = Math.floor(xy[1] / this.cellM);
    let best: { item: T; distanceM: number } | undefined;
    // Beyond the farthest occupied cell there is nothing left to look at.
    const b = this.bounds;
    const toEdge = Math.max(Math.abs(ci - b.i0), Math.abs(ci - b.i1), Math.abs(cj - b.j0), Math.abs(cj - b.j1));
    const maxRing = Math.min(toEdge, Number.isFinite(maxM) ? Math.ceil(maxM / this.cellM) + 1 : toEdge);
    for (let r = 0; r <= maxRing; r++) {
      // Once the ring is farther than the best found, nothing outside can be nearer.
      if (best && (r - 1) * this.cellM > best.distanceM) break;
      for (let i = ci - r; i <= ci + r; i++) {
        for (let j = cj - r; j <= cj + r; j++) {
          if (Math.max(Math.abs(i - ci), Math.abs(j - cj)) !== r) continue;
          for (const e of this.cells.get(this.key(i, j)) ?? []) {
            if (!accept(e.item)) continue;
            const d = Math.hypot(e.xy[0] - xy[0], e.xy[1] - xy[1]);
            if (d <= maxM && (!best || d < best.distanceM)) best = { item: e.item, distanceM: d };
          }
        }
      }
    }
    return best;
  }

  private key(i: number, j: number): string {
    return `${i},${j}`;
  }
}
