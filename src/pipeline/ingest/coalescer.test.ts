import { describe, expect, it } from 'vitest';
import type { ReadingBatch } from '../../domain/index.js';
import type { AppendResult, ReadingRepository } from '../../ports/index.js';
import { WriteCoalescer } from './coalescer.js';

/** A repository whose appends complete only when the test says so. */
function heldRepository() {
  const appends: { rows: number[]; done: () => void }[] = [];
  const repo = {
    append(batch: ReadingBatch): Promise<AppendResult> {
      return new Promise((resolve) => appends.push({ rows: [...batch.key], done: () => resolve({ inserted: batch.length, duplicates: 0 }) }));
    },
  } as unknown as ReadingRepository;
  return { repo, appends };
}
const turn = () => new Promise((r) => setTimeout(r, 5));

describe('WriteCoalescer (group commit)', () => {
  it('answers a caller only once its rows are durable, and gathers rows while a write is in progress', async () => {
    const { repo, appends } = heldRepository();
    const w = new WriteCoalescer(repo);
    const answered: number[] = [];
    void w.write([1], [0], [0], 1).then(() => answered.push(1));
    await turn();
    expect(appends).toHaveLength(1);
    for (const k of [2, 3, 4]) void w.write([k], [0], [0], 1).then(() => answered.push(k));
    await turn();
    expect(appends).toHaveLength(1); // still one write in flight: 2, 3, 4 wait together
    expect(answered).toEqual([]);
    appends[0]!.done();
    await turn();
    expect(answered).toEqual([1]);
    expect(appends).toHaveLength(2);
    expect(appends[1]!.rows).toEqual([2, 3, 4]);
    appends[1]!.done();
    await turn();
    expect(answered).toEqual([1, 2, 3, 4]);
  });

  it('bounds what is pending: writers wait when the limit is reached', async () => {
    const { repo, appends } = heldRepository();
    const w = new WriteCoalescer(repo, { maxRows: 10, maxPendingRows: 20 });
    const ten = Array(10).fill(0);
    let third = false;
    void w.write(ten, ten, ten, 10);
    void w.write(ten, ten, ten, 10);
    void w.write(ten, ten, ten, 10).then(() => { third = true; });
    await turn();
    expect(w.pending).toBeLessThanOrEqual(20);
    for (let i = 0; i < 10 && !third; i++) { appends.forEach((a) => a.done()); await turn(); }
    expect(third).toBe(true);
  });
});
