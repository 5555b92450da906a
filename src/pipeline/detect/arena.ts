/**
 * Typed arrays for detection state, carved from shared 64 KiB slabs: a sensor's dozen small arrays
 * then cost a view each, not an ArrayBuffer and a backing-store allocation each (≈ 150 B saved per
 * array, a third of a sensor's state). A forgotten sensor's slices are not reused; the slab is freed
 * once no view of it is left.
 */
const SLAB_BYTES = 64 * 1024;
let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

function carve(bytes: number): [ArrayBuffer, number] {
  const aligned = (bytes + 7) & ~7;
  if (aligned > SLAB_BYTES / 4) return [new ArrayBuffer(aligned), 0];
  if (used + aligned > SLAB_BYTES) { slab = new ArrayBuffer(SLAB_BYTES); used = 0; }
  const at = used;
  used += aligned;
  return [slab, at];
}

export function float32s(n: number): Float32Array {
  const [buffer, at] = carve(n * 4);
  return new Float32Array(buffer, at, n);
}

export function float64s(n: number): Float64Array {
  const [buffer, at] = carve(n * 8);
  return new Float64Array(buffer, at, n);
}
