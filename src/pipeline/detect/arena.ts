/**
 * Numeric state of detection, carved from shared 64 KiB slabs. A typed-array view costs ≈ 100 B
 * (its object, plus an ArrayBuffer of its own when not carved), more than most of a sensor's small
 * arrays hold, so state is handed out as a run of a slab: the slab's one Float64Array (or
 * Float32Array) view, shared by every run in it, and the index where the run starts. Holders keep
 * the two (16 B) and index `array[at + i]`. A forgotten sensor's runs are not reused; a slab is
 * freed once nothing refers to it.
 */
const SLAB_BYTES = 64 * 1024;

export interface Run<A> {
  readonly array: A;
  /** Index of the run's first element in `array`. */
  readonly at: number;
}

let buffer = new ArrayBuffer(SLAB_BYTES);
let slab64 = new Float64Array(buffer);
let slab32 = new Float32Array(buffer);
let used = 0;

/** Byte offset of `bytes` (a multiple of 8) in the current slab, starting a new slab when full. */
function carve(bytes: number): number {
  if (used + bytes > SLAB_BYTES) {
    buffer = new ArrayBuffer(SLAB_BYTES);
    slab64 = new Float64Array(buffer);
    slab32 = new Float32Array(buffer);
    used = 0;
  }
  const at = used;
  used += bytes;
  return at;
}

/** Runs larger than this get an array of their own (a long configured window), not a slab's room. */
const LARGE_BYTES = SLAB_BYTES / 4;

/** n zeroed float64 (exact: timestamps in ms, sums, counts). */
export function float64Run(n: number): Run<Float64Array> {
  if (n * 8 > LARGE_BYTES) return { array: new Float64Array(n), at: 0 };
  const at = carve(n * 8);
  return { array: slab64, at: at / 8 };
}

/** n zeroed float32 (profiles and histograms, where 7 digits are plenty). */
export function float32Run(n: number): Run<Float32Array> {
  if (n * 4 > LARGE_BYTES) return { array: new Float32Array(n), at: 0 };
  const at = carve(((n * 4 + 7) >> 3) << 3);
  return { array: slab32, at: at / 4 };
}

/** Bytes an object takes on the heap: a 24-byte header (map, properties, elements) and 8 per field. */
export function objectBytes(fields: number): number {
  return 24 + 8 * fields;
}
