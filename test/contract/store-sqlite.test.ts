import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/store-sqlite/index.js';
import type { SqliteStore, SqliteStoreOptions } from '../../src/adapters/store-sqlite/index.js';
import type { Store } from '../../src/ports/index.js';
import type { StoreHarness } from './store.contract.js';
import { describeStoreContract } from './store.contract.js';

/**
 * Batch b of the kill test: 50 readings per key, 1 s apart; every 7th batch resends the times of the
 * batch before with other values (duplicates), and each batch sends its rows slightly out of order.
 * Self-contained: its source is also run in the child process.
 */
function batchRows(b: number, keys: number[]): [number, number, number][] {
  const rows: [number, number, number][] = [];
  const base = Date.UTC(2024, 2, 4) + (b % 7 === 6 ? b - 1 : b) * 50_000;
  for (let i = 0; i < 150; i++) rows.push([keys[i % 3]!, base + Math.floor(i / 3) * 1_000, (b * 31 + i * 17) % 101]);
  for (let i = 0; i + 4 < rows.length; i += 10) [rows[i], rows[i + 4]] = [rows[i + 4]!, rows[i]!];
  return rows;
}

function sqliteHarness(options: Omit<SqliteStoreOptions, 'path'>): () => Promise<StoreHarness> {
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeline-store-'));
    const path = join(dir, 'lifeline.db');
    const opened: SqliteStore[] = [];
    const openOne = async (): Promise<SqliteStore> => {
      const store = await openSqliteStore({ path, ...options });
      opened.push(store);
      return store;
    };
    return {
      store: await openOne(),
      reopen: openOne,
      crash: (store: Store) => (store as SqliteStore).terminate(),
      cleanup: async () => {
        for (const store of opened) await store.close().catch(() => undefined);
        await rm(dir, { recursive: true, force: true });
      },
    };
  };
}

describeStoreContract('sqlite, writer in a worker thread', sqliteHarness({}));

// Tiny runs, chunks and flush thresholds, so that every test crosses runs, chunk tables and flushes.
describeStoreContract('sqlite, writer on the calling thread, tiny runs and chunks', sqliteHarness({ worker: false, runRows: 97, flushCells: 300, chunkMs: 10 * 60_000 }));

// In the worker, runs are written a few rows per turn, with requests between the slices.
describeStoreContract('sqlite, writer in a worker thread, tiny runs written in slices', sqliteHarness({ runRows: 97, runSliceRows: 13, flushCells: 300, chunkMs: 10 * 60_000 }));

describe('SQLite store', () => {
  it('loses nothing acknowledged when its process is killed, and its rollups match its raw readings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeline-store-kill-'));
    const path = join(dir, 'lifeline.db');
    try {
      const setup = await openSqliteStore({ path });
      const keys = (await setup.sensors.upsert(['k1', 'k2', 'k3'].map((id) => ({ id, asset: 'a', domain: 'gas', quantity: 'methane', unit: '%LEL', intervalS: 10, state: 'active', properties: {} })))).map((s) => s.key);
      await setup.close();

      // The child appends batch after batch and reports each acknowledgement; then it is killed.
      const storeUrl = pathToFileURL(join(process.cwd(), 'src/adapters/store-sqlite/index.ts')).href;
      const child = `
        const { openSqliteStore } = await import(${JSON.stringify(storeUrl)});
        const store = await openSqliteStore({ path: ${JSON.stringify(path)}, runRows: 700, runSliceRows: 50, flushCells: 400 });
        const batchRows = ${batchRows.toString()};
        for (let b = 0; ; b++) {
          const rows = batchRows(b, ${JSON.stringify(keys)});
          const n = rows.length;
          await store.readings.append({ length: n, key: Int32Array.from(rows, (r) => r[0]), ts: Float64Array.from(rows, (r) => r[1]), value: Float64Array.from(rows, (r) => r[2]) });
          process.stdout.write('ack ' + b + '\\n');
        }`;
      const proc = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
      let acked = -1;
      await new Promise<void>((resolve, reject) => {
        proc.stdout.setEncoding('utf8').on('data', (text: string) => {
          for (const m of text.matchAll(/ack (\d+)/g)) acked = Math.max(acked, Number(m[1]));
          if (acked >= 40) {
            proc.kill('SIGKILL');
            resolve();
          }
        });
        proc.on('exit', () => resolve());
        proc.on('error', reject);
      });
      expect(acked).toBeGreaterThanOrEqual(40);

      const store = await openSqliteStore({ path });
      try {
        const from = Date.UTC(2024, 2, 4);
        const to = from + 6 * 3600_000;
        const acknowledged = new Map<string, number>();
        for (let b = 0; b <= acked; b++) for (const [k, ts, v] of batchRows(b, keys)) if (!acknowledged.has(`${k}@${ts}`)) acknowledged.set(`${k}@${ts}`, v);
        for (const k of keys) {
          const raw = await store.readings.range(k, from, to);
          // Every acknowledged reading is there, with its first value.
          const stored = new Map(raw.map((r) => [`${k}@${r.ts}`, r.value]));
          for (const [id, v] of acknowledged) if (id.startsWith(`${k}@`)) expect(stored.get(id)).toBe(v);
          // The rollups agree with whatever raw readings the store holds.
          for (const [step, ms] of [['1m', 60_000], ['1h', 3600_000]] as const) {
            const naive = new Map<number, { count: number; min: number; max: number }>();
            for (const r of raw) {
              const b = Math.floor(r.ts / ms) * ms;
              const c = naive.get(b) ?? { count: 0, min: Infinity, max: -Infinity };
              naive.set(b, { count: c.count + 1, min: Math.min(c.min, r.value), max: Math.max(c.max, r.value) });
            }
            const agg = await store.readings.aggregate(k, from, to, step);
            expect(agg.map((p) => [p.ts, p.count, p.min, p.max])).toEqual([...naive].map(([ts, c]) => [ts, c.count, c.min, c.max]));
          }
          expect((await store.readings.lastReadings()).get(k)).toEqual(raw.at(-1));
        }
        // Resending acknowledged batches stores nothing twice.
        for (let b = 0; b <= acked; b += 5) {
          const rows = batchRows(b, keys);
          const n = rows.length;
          const result = await store.readings.append({ length: n, key: Int32Array.from(rows, (r) => r[0]), ts: Float64Array.from(rows, (r) => r[1]), value: Float64Array.from(rows, (r) => r[2]) });
          expect(result).toEqual({ inserted: 0, duplicates: n });
        }
      } finally {
        await store.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to open the same file twice in one process, and :memory:', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeline-store-twice-'));
    try {
      const store = await openSqliteStore({ path: join(dir, 'a.db'), worker: false });
      await expect(openSqliteStore({ path: join(dir, 'a.db'), worker: false })).rejects.toThrow(/already open/);
      await store.close();
      await (await openSqliteStore({ path: join(dir, 'a.db'), worker: false })).close();
      await expect(openSqliteStore({ path: ':memory:' })).rejects.toThrow(/file path/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
