import { describe, expect, it } from 'vitest';
import { identityOrder, radixSortIndexes } from './radix-sort.js';

describe('radixSortIndexes', () => {
  it('sorts indexes by digit, stably, for small and 32-bit digits', () => {
    for (const span of [50, 70_000, 2 ** 32 - 1]) {
      const digits = Float64Array.from({ length: 5000 }, (_, i) => Math.floor(((i * 2654435761) % 4294967296) / 4294967296 * span));
      const sorted = radixSortIndexes(identityOrder(digits.length), digits);
      const expected = Array.from(identityOrder(digits.length)).sort((a, b) => digits[a]! - digits[b]! || a - b);
      expect(Array.from(sorted)).toEqual(expected);
    }
  });

  it('sorts only the given indexes and leaves the input untouched', () => {
    const digits = [5, 1, 4, 1, 3];
    const order = Uint32Array.from([4, 3, 1, 0]);
    expect(Array.from(radixSortIndexes(order, digits))).toEqual([3, 1, 4, 0]);
    expect(Array.from(order)).toEqual([4, 3, 1, 0]);
  });
});
