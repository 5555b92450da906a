/**
 * Stable sort of row indexes by an unsigned 32-bit digit per row, by counting: one pass when the
 * digits span fewer than 2^20 values (sensor keys of a city), else two 16-bit passes. Linear time:
 * sorting a run's rows by sensor key costs tens of nanoseconds per row, where a comparison sort
 * costs ten times more.
 *
 * `order` holds the row indexes to sort (for example, already sorted by a minor key: the sort is
 * stable, so sorting by the minor key first and the major key second gives (major, minor) order).
 * Returns a new array; `digitOf[row]` must be an integer in [0, 2^32).
 */
export function radixSortIndexes(order: Uint32Array, digitOf: ArrayLike<number>): Uint32Array {
  const n = order.length;
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const d = digitOf[order[i]!]!;
    if (d > max) max = d;
    if (d < min) min = d;
  }
  if (n === 0) return order.slice();
  if (max - min < 1 << 20) return countingPass(order, max - min + 1, (row) => digitOf[row]! - min);
  const low = countingPass(order, 0x10000, (row) => digitOf[row]! & 0xffff);
  return countingPass(low, 0x10000, (row) => digitOf[row]! >>> 16);
}

/** One stable counting pass on slot(row), which lies in [0, size). */
function countingPass(from: Uint32Array, size: number, slot: (row: number) => number): Uint32Array {
  const n = from.length;
  const counts = new Uint32Array(size + 1);
  for (let i = 0; i < n; i++) counts[slot(from[i]!) + 1]!++;
  for (let d = 0; d < size; d++) counts[d + 1]! += counts[d]!;
  const to = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const row = from[i]!;
    to[counts[slot(row)]!++] = row;
  }
  return to;
}

/** The identity order 0..n-1. */
export function identityOrder(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}
