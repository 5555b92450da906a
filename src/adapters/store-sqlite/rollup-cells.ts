import { identityOrder, radixSortIndexes } from './radix-sort.js';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/**
 * Rollup cells in columns: for a (bucket start, sensor key), the min, max, sum and count of the
 * readings in that bucket. Cells of the same bucket and key merge exactly (min of mins, max of
 * maxes, sums and counts added), which is what lets rollups be accumulated in memory across appends
 * and upserted into the rollup tables later.
 */
export class CellList {
  length = 0;
  bucket: Float64Array;
  key: Int32Array;
  min: Float64Array;
  max: Float64Array;
  sum: Float64Array;
  count: Float64Array;

  constructor(capacity = 1024) {
    this.bucket = new Float64Array(capacity);
    this.key = new Int32Array(capacity);
    this.min = new Float64Array(capacity);
    this.max = new Float64Array(capacity);
    this.sum = new Float64Array(capacity);
    this.count = new Float64Array(capacity);
  }

  add(bucket: number, key: number, min: number, max: number, sum: number, count: number): void {
    if (this.length === this.bucket.length) this.grow();
    const i = this.length++;
    this.bucket[i] = bucket;
    this.key[i] = key;
    this.min[i] = min;
    this.max[i] = max;
    this.sum[i] = sum;
    this.count[i] = count;
  }

  append(other: CellList): void {
    for (let i = 0; i < other.length; i++) this.add(other.bucket[i]!, other.key[i]!, other.min[i]!, other.max[i]!, other.sum[i]!, other.count[i]!);
  }

  clear(): void {
    this.length = 0;
  }

  private grow(): void {
    const capacity = this.bucket.length * 2;
    const widen = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.bucket = widen(this.bucket, (n) => new Float64Array(n));
    this.key = widen(this.key, (n) => new Int32Array(n));
    this.min = widen(this.min, (n) => new Float64Array(n));
    this.max = widen(this.max, (n) => new Float64Array(n));
    this.sum = widen(this.sum, (n) => new Float64Array(n));
    this.count = widen(this.count, (n) => new Float64Array(n));
  }
}

/**
 * Merge cells into buckets of `bucketMs` (a multiple of the cells' own bucket size): one cell per
 * (bucket, key), sorted by bucket then key — the order of the rollup tables' primary keys, so
 * writing them walks each index forward.
 */
export function mergeCells(cells: CellList, bucketMs: number): CellList {
  const n = cells.length;
  const out = new CellList(Math.max(16, n));
  if (n === 0) return out;
  let first = Infinity;
  for (let i = 0; i < n; i++) first = Math.min(first, Math.floor(cells.bucket[i]! / bucketMs));
  const slot = new Float64Array(n);
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    slot[i] = Math.floor(cells.bucket[i]! / bucketMs) - first;
    key[i] = cells.key[i]! >>> 0;
  }
  let lastSlot = 0;
  for (let i = 0; i < n; i++) lastSlot = Math.max(lastSlot, slot[i]!);
  // Buckets more than 2^32 apart (millennia of minutes) do not fit the radix digits: compare instead.
  const order = lastSlot < 2 ** 32
    ? radixSortIndexes(radixSortIndexes(identityOrder(n), key), slot)
    : Uint32Array.from(identityOrder(n)).sort((a, b) => slot[a]! - slot[b]! || key[a]! - key[b]!);
  let prevSlot = -1;
  let prevKey = -1;
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    const s = slot[i]!;
    const k = cells.key[i]!;
    if (s === prevSlot && k === prevKey) {
      const o = out.length - 1;
      if (cells.min[i]! < out.min[o]!) out.min[o] = cells.min[i]!;
      if (cells.max[i]! > out.max[o]!) out.max[o] = cells.max[i]!;
      out.sum[o]! += cells.sum[i]!;
      out.count[o]! += cells.count[i]!;
    } else {
      out.add((s + first) * bucketMs, k, cells.min[i]!, cells.max[i]!, cells.sum[i]!, cells.count[i]!);
      prevSlot = s;
      prevKey = k;
    }
  }
  return out;
}

/** The floor of a time to a bucket of `ms`. */
export function bucketOf(ts: number, ms: number): number {
  return Math.floor(ts / ms) * ms;
}
