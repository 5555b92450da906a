import { describe, expect, it } from 'vitest';
import { PointGrid } from './point-grid';

describe('point grid', () => {
  // 100 × 100 points on a unit lattice, shuffled.
  const xs: number[] = []; const ys: number[] = [];
  for (let i = 0; i < 10_000; i++) { const k = (i * 7919) % 10_000; xs.push(k % 100); ys.push(Math.floor(k / 100)); }
  const grid = new PointGrid(xs, ys, 10);

  it('orders every point once, and maps slots and points both ways', () => {
    const seen = new Set(grid.order);
    expect(seen.size).toBe(10_000);
    for (let i = 0; i < 10_000; i++) expect(grid.order[grid.slotOf[i]!]).toBe(i);
  });

  it('returns exactly the points of the cells a rectangle meets, in few runs', () => {
    const runs = grid.runs(25, 42, 47, 61);
    const inRuns = new Set<number>();
    for (const [first, count] of runs) for (let s = first; s < first + count; s++) inRuns.add(grid.order[s]!);
    // Cells are 9.9 wide: x 25–47 meets columns 2–4 (x 19.8–49.5), y 42–61 rows 4–6 (y 39.6–69.3).
    const expected = [...Array(10_000).keys()].filter((i) => xs[i]! >= 19.8 && xs[i]! < 49.6 && ys[i]! >= 39.6 && ys[i]! < 69.4);
    expect([...inRuns].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(runs.length).toBe(3);
  });

  it('merges rows into one run across the full width, and returns nothing outside', () => {
    expect(grid.runs(-5, 0, 200, 200)).toEqual([[0, 10_000]]);
    expect(grid.runs(500, 500, 600, 600)).toEqual([]);
  });
});
