/**
 * Flat bin grids over local metres: every lookup the scorer makes per asset (population density,
 * facilities and roads within reach) is a handful of array reads, so 100,000 assets score in
 * well under a second. Keys are numbers, not strings, to keep the hot loop allocation-free.
 */
export class BinGrid<T> {
  private readonly bins = new Map<number, T[]>();
  constructor(readonly binM: number) {}

  private key(i: number, j: number): number {
    return (i + 50_000) * 100_003 + (j + 50_000);
  }

  /** Put an item in every bin its box [x0, y0, x1, y1] touches. */
  addBox(box: readonly [number, number, number, number], item: T): void {
    const i0 = Math.floor(box[0] / this.binM); const i1 = Math.floor(box[2] / this.binM);
    const j0 = Math.floor(box[1] / this.binM); const j1 = Math.floor(box[3] / this.binM);
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) {
      const k = this.key(i, j);
      const list = this.bins.get(k);
      if (list) list.push(item); else this.bins.set(k, [item]);
    }
  }

  addPoint(xy: readonly [number, number], item: T): void {
    this.addBox([xy[0], xy[1], xy[0], xy[1]], item);
  }

  /** Call `visit` for each item in bins within `radiusM` of the point (items may repeat for boxes). */
  near(x: number, y: number, radiusM: number, visit: (item: T) => void): void {
    const i0 = Math.floor((x - radiusM) / this.binM); const i1 = Math.floor((x + radiusM) / this.binM);
    const j0 = Math.floor((y - radiusM) / this.binM); const j1 = Math.floor((y + radiusM) / this.binM);
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) {
      const list = this.bins.get(this.key(i, j));
      if (list) for (const item of list) visit(item);
    }
  }
}

/** Distance from a point to segment a–b, all in local metres. */
export function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax; const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export function pointInRing(x: number, y: number, ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!; const [xj, yj] = ring[j]!;
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
