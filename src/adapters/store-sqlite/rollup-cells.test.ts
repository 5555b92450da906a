import { describe, expect, it } from 'vitest';
import { CellList, HOUR_MS, MINUTE_MS, mergeCells } from './rollup-cells.js';

describe('mergeCells', () => {
  it('merges cells of the same bucket and key exactly, sorted by bucket then key', () => {
    const cells = new CellList(2);
    cells.add(2 * MINUTE_MS, 7, 1, 5, 6, 2);
    cells.add(0, 9, 3, 3, 3, 1);
    cells.add(2 * MINUTE_MS, 7, -2, 4, 2, 1);
    cells.add(MINUTE_MS, 7, 8, 8, 8, 1);
    cells.add(0, 2, 1, 1, 1, 1);
    const minutes = mergeCells(cells, MINUTE_MS);
    const rows = (c: CellList): number[][] => Array.from({ length: c.length }, (_, i) => [c.bucket[i]!, c.key[i]!, c.min[i]!, c.max[i]!, c.sum[i]!, c.count[i]!]);
    expect(rows(minutes)).toEqual([
      [0, 2, 1, 1, 1, 1],
      [0, 9, 3, 3, 3, 1],
      [MINUTE_MS, 7, 8, 8, 8, 1],
      [2 * MINUTE_MS, 7, -2, 5, 8, 3],
    ]);
    expect(rows(mergeCells(minutes, HOUR_MS))).toEqual([
      [0, 2, 1, 1, 1, 1],
      [0, 7, -2, 8, 16, 4],
      [0, 9, 3, 3, 3, 1],
    ]);
  });

  it('handles buckets too far apart for radix digits', () => {
    const far = 133_333_333_333 * MINUTE_MS;
    const cells = new CellList();
    cells.add(far, 1, 1, 1, 1, 1);
    cells.add(0, 1, 2, 2, 2, 1);
    cells.add(far, 1, 3, 3, 3, 1);
    const merged = mergeCells(cells, MINUTE_MS);
    expect(Array.from(merged.bucket.subarray(0, merged.length))).toEqual([0, far]);
    expect(Array.from(merged.count.subarray(0, merged.length))).toEqual([1, 2]);
  });
});
