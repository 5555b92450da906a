import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Columns } from '../columns.js';
import { openSqliteStore } from '../index.js';
import { resolveOptions } from '../options.js';
import { rawRowsOfKey } from '../read/raw-rows.js';
import { StoreReader } from '../read/reader.js';
import { StoreWriter } from './writer.js';

const T0 = Date.UTC(2026, 10, 25, 2, 0, 0);
const KEYS = [1, 2, 3, 4];

/** `n` readings per key, 1 s apart from `from`, value = key × 1000 + second. */
function rows(from: number, n: number): Columns {
  const length = n * KEYS.length;
  const c = { length, key: new Int32Array(length), ts: new Float64Array(length), value: new Float64Array(length) };
  let i = 0;
  for (let s = 0; s < n; s++) {
    for (const k of KEYS) {
      c.key[i] = k;
      c.ts[i] = from + s * 1000;
      c.value[i] = k * 1000 + (from - T0) / 1000 + s;
      i++;
    }
  }
  return c;
}

let dir: string | undefined;
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); dir = undefined; });

describe('a run written a slice at a time', () => {
  it('shows every row exactly once to a reader while the run is half written', () => {
    dir = mkdtempSync(join(tmpdir(), 'lifeline-run-job-'));
    const path = join(dir, 'l.db');
    const writer = new StoreWriter(resolveOptions({ path, runRows: 40, runSliceRows: 7, flushIntervalMs: 3_600_000 }));
    writer.append([rows(T0, 30)]);
    // Past runRows: the first call sorts the staged rows and writes one slice of 7 rows, no more.
    expect(writer.maintain(T0)).toBe(true);
    // Appends keep going between slices; these stay staged for the next run.
    writer.append([rows(T0 + 30_000, 5)]);
    expect(writer.maintain(T0)).toBe(true);

    // A reader beside the live writer, as the store's read side is.
    const reader = new StoreReader(path);
    for (const k of KEYS) {
      const seen = reader.snapshot(() => rawRowsOfKey(reader.db, reader.statements, reader.chunkMs, k, T0, T0 + 3_600_000));
      expect(seen.map((r) => r.ts)).toEqual(Array.from({ length: 35 }, (_, s) => T0 + s * 1000));
    }
    reader.close();
    writer.close();
  });

  it('after a crash half way, recovery keeps each row once and the rollups match', async () => {
    dir = mkdtempSync(join(tmpdir(), 'lifeline-run-job-'));
    const path = join(dir, 'l.db');
    const writer = new StoreWriter(resolveOptions({ path, runRows: 40, runSliceRows: 7, flushIntervalMs: 3_600_000 }));
    writer.append([rows(T0, 30)]);
    writer.maintain(T0);
    writer.maintain(T0);
    writer.abandon();

    const store = await openSqliteStore({ path, worker: false });
    for (const k of KEYS) {
      const seen = await store.readings.range(k, T0, T0 + 3_600_000);
      expect(seen).toHaveLength(30);
      expect(seen.map((r) => r.value)).toEqual(Array.from({ length: 30 }, (_, s) => k * 1000 + s));
      const [minute] = await store.readings.aggregate(k, T0, T0 + 60_000, '1m');
      expect(minute).toMatchObject({ count: 30, min: k * 1000, max: k * 1000 + 29 });
    }
    await store.close();
  });

  it('finishes a run in progress before a late reading is looked up, so a resent one stays a duplicate', () => {
    dir = mkdtempSync(join(tmpdir(), 'lifeline-run-job-'));
    const path = join(dir, 'l.db');
    const writer = new StoreWriter(resolveOptions({ path, runRows: 40, runSliceRows: 7, flushIntervalMs: 3_600_000 }));
    writer.append([rows(T0, 30)]);
    writer.maintain(T0);
    const [resent] = writer.append([rows(T0 + 5_000, 1)]);
    expect(resent).toEqual({ inserted: 0, duplicates: KEYS.length });
    writer.close();
  });
});
