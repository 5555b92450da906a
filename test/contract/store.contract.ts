/**
 * The Store contract: every storage adapter (SQLite, PostgreSQL) passes this suite.
 *
 *   describeStoreContract('sqlite', async () => ({ store, reopen, cleanup, crash }))
 *
 * `open` is called before each test and must give a store on a fresh, empty database. `reopen` opens
 * the same database again (the test closes or crashes the previous store first); `cleanup` closes
 * whatever the harness opened and removes the data; `crash`, when the adapter can simulate it, stops a
 * store the way a crash would (no flush, no close) so that the recovery test runs.
 *
 * Aggregation semantics pinned here: buckets are aligned to UTC multiples of the step; every bucket
 * that starts before `to` and ends after `from` is returned, over all of its readings.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AggregatePoint, Asset, ReadingBatch, Step } from '../../src/domain/index.js';
import { STEPS } from '../../src/domain/index.js';
import type { NewSensor, Store } from '../../src/ports/index.js';
import { describeWorkflowContract } from './workflow-store.contract.js';

export interface StoreHarness {
  readonly store: Store;
  reopen(): Promise<Store>;
  cleanup(): Promise<void>;
  crash?(store: Store): Promise<void>;
}

/** 2024-03-04T00:00:00Z: a Monday, midnight UTC. */
const T0 = Date.UTC(2024, 2, 4);
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

type Row = readonly [key: number, ts: number, value: number];

function batch(rows: readonly Row[]): ReadingBatch {
  return {
    length: rows.length,
    key: Int32Array.from(rows, (r) => r[0]),
    ts: Float64Array.from(rows, (r) => r[1]),
    value: Float64Array.from(rows, (r) => r[2]),
  };
}

function pointAsset(id: string, lon: number, lat: number, over: Partial<Asset> = {}): Asset {
  return { id, kind: 'valve', domain: 'gas', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: {}, ...over };
}

function newSensor(id: string, over: Partial<NewSensor> = {}): NewSensor {
  return { id, asset: 'a1', domain: 'gas', quantity: 'methane', unit: '%LEL', intervalS: 60, state: 'active', properties: {}, ...over };
}

/** A small seeded generator (mulberry32), so a failing random case can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], rnd: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** What the store should hold after appending `rows` in order: the first value of each (key, ts). */
function firstValues(rows: readonly Row[]): Map<string, Row> {
  const kept = new Map<string, Row>();
  for (const r of rows) if (!kept.has(`${r[0]}@${r[1]}`)) kept.set(`${r[0]}@${r[1]}`, r);
  return kept;
}

/** The aggregate computed the obvious way, with the contract's bucket semantics. */
function naiveAggregate(rows: Iterable<Row>, key: number, from: number, to: number, step: Step): AggregatePoint[] {
  const ms = STEPS[step];
  const start = Math.floor(from / ms) * ms;
  const end = Math.ceil(to / ms) * ms;
  const buckets = new Map<number, { min: number; max: number; sum: number; count: number }>();
  for (const [k, ts, v] of rows) {
    if (k !== key || ts < start || ts >= end) continue;
    const b = Math.floor(ts / ms) * ms;
    const cell = buckets.get(b);
    if (!cell) buckets.set(b, { min: v, max: v, sum: v, count: 1 });
    else {
      cell.min = Math.min(cell.min, v);
      cell.max = Math.max(cell.max, v);
      cell.sum += v;
      cell.count++;
    }
  }
  return [...buckets].sort((a, b) => a[0] - b[0]).map(([ts, c]) => ({ ts, min: c.min, max: c.max, avg: c.sum / c.count, count: c.count }));
}

function expectSameAggregates(actual: AggregatePoint[], expected: AggregatePoint[]): void {
  expect(actual.map((p) => [p.ts, p.count, p.min, p.max])).toEqual(expected.map((p) => [p.ts, p.count, p.min, p.max]));
  actual.forEach((p, i) => expect(p.avg).toBeCloseTo(expected[i]!.avg, 9));
}

async function allPages<T>(fetch: (cursor: string | null) => Promise<{ items: T[]; next: string | null }>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const page = await fetch(cursor);
    pages.push(page.items);
    cursor = page.next;
  } while (cursor !== null && pages.length < 10_000);
  return pages;
}

export function describeStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let h: StoreHarness;
    let store: Store;
    beforeEach(async () => {
      h = await open();
      store = h.store;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    async function registerSensors(count: number): Promise<number[]> {
      const sensors = await store.sensors.upsert(Array.from({ length: count }, (_, i) => newSensor(`s${i}`)));
      return sensors.map((s) => s.key);
    }

    describe('assets', () => {
      it('upsert then get returns the asset, and a second upsert replaces it', async () => {
        const pipe: Asset = {
          id: 'p1', kind: 'pipe', domain: 'water', name: '干管 1', department: 'water-co',
          geometry: { type: 'LineString', coordinates: [[116.1, 39.9], [116.2, 39.95]] },
          properties: { diameterMm: 600, material: 'ductile iron', installYear: 1998 },
        };
        await store.assets.upsert([pipe]);
        expect(await store.assets.get('p1')).toEqual(pipe);
        const moved = { ...pipe, name: 'renamed', geometry: { type: 'Point' as const, coordinates: [117, 40] as [number, number] }, properties: { diameterMm: 800 } };
        await store.assets.upsert([moved]);
        expect(await store.assets.get('p1')).toEqual(moved);
        expect(await store.assets.count()).toBe(1);
        expect(await store.assets.get('nope')).toBeUndefined();
      });

      it('list filters by domain, kind and department', async () => {
        await store.assets.upsert([
          pointAsset('a', 116, 39, { domain: 'gas', kind: 'valve', department: 'gas-co' }),
          pointAsset('b', 116, 39, { domain: 'water', kind: 'valve', department: 'water-co' }),
          pointAsset('c', 116, 39, { domain: 'water', kind: 'hydrant', department: 'fire' }),
          pointAsset('d', 116, 39, { domain: 'gas', kind: 'regulator_station' }),
        ]);
        const ids = async (q: object): Promise<string[]> => (await store.assets.list({ limit: 100, ...q })).items.map((a) => a.id);
        expect(await ids({ domain: 'gas' })).toEqual(['a', 'd']);
        expect(await ids({ kind: 'valve' })).toEqual(['a', 'b']);
        expect(await ids({ department: 'water-co' })).toEqual(['b']);
        expect(await ids({ domain: 'water', kind: 'hydrant' })).toEqual(['c']);
        expect(await ids({ domain: 'power' })).toEqual([]);
      });

      it('bbox returns the assets whose extent intersects the box', async () => {
        await store.assets.upsert([
          pointAsset('inside', 116.5, 39.5),
          pointAsset('outside', 118, 41),
          pointAsset('on-edge', 117, 40),
          { id: 'line-through', kind: 'pipe', domain: 'water', geometry: { type: 'LineString', coordinates: [[115, 39.5], [118, 39.5]] }, properties: {} },
          { id: 'line-beside', kind: 'pipe', domain: 'water', geometry: { type: 'LineString', coordinates: [[115, 38], [118, 38.5]] }, properties: {} },
          { id: 'zone-around', kind: 'facility', domain: 'building', geometry: { type: 'Polygon', coordinates: [[[110, 30], [120, 30], [120, 45], [110, 45], [110, 30]]] }, properties: {} },
        ]);
        const page = await store.assets.list({ limit: 100, bbox: [116, 39, 117, 40] });
        expect(page.items.map((a) => a.id)).toEqual(['inside', 'line-through', 'on-edge', 'zone-around']);
        const withDomain = await store.assets.list({ limit: 100, bbox: [116, 39, 117, 40], domain: 'water' });
        expect(withDomain.items.map((a) => a.id)).toEqual(['line-through']);
      });

      it('pages in id order with an opaque cursor, and next is null on the last page', async () => {
        const ids = Array.from({ length: 25 }, (_, i) => `asset-${String(i).padStart(3, '0')}`);
        await store.assets.upsert(shuffle(ids.map((id, i) => pointAsset(id, 116 + i * 0.01, 39)), random(1)));
        const pages = await allPages((cursor) => store.assets.list({ limit: 10, cursor }));
        expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
        expect(pages.flat().map((a) => a.id)).toEqual(ids);
        const exact = await allPages((cursor) => store.assets.list({ limit: 25, cursor }));
        expect(exact.map((p) => p.length)).toEqual([25]);
        const bboxed = await allPages((cursor) => store.assets.list({ limit: 4, cursor, bbox: [116.05, 38, 116.145, 40] }));
        expect(bboxed.flat().map((a) => a.id)).toEqual(ids.slice(5, 15));
      });

      it('limit 100000 returns a whole city in one page', async () => {
        const assets = Array.from({ length: 3000 }, (_, i) => pointAsset(`m${String(i).padStart(5, '0')}`, 116 + (i % 100) * 0.001, 39 + Math.floor(i / 100) * 0.001, { kind: 'manhole', domain: 'drainage' }));
        for (let i = 0; i < assets.length; i += 1000) await store.assets.upsert(assets.slice(i, i + 1000));
        const page = await store.assets.list({ limit: 100_000 });
        expect(page.items).toHaveLength(3000);
        expect(page.next).toBeNull();
        expect(page.items[2999]).toEqual(assets[2999]);
        expect(await store.assets.count()).toBe(3000);
      });

      it('refuses a cursor it did not issue', async () => {
        await expect(store.assets.list({ limit: 10, cursor: 'not-a-cursor!' })).rejects.toThrow();
      });
    });

    describe('sensors', () => {
      it('upsert assigns distinct positive integer keys and returns the stored sensors', async () => {
        const stored = await store.sensors.upsert([newSensor('s1'), newSensor('s2', { name: 'north', inputUnit: 'ppm', properties: { depthM: 1.5 } })]);
        expect(stored.map((s) => s.id)).toEqual(['s1', 's2']);
        const keys = stored.map((s) => s.key);
        for (const k of keys) expect(Number.isInteger(k) && k > 0 && k < 2 ** 31).toBe(true);
        expect(new Set(keys).size).toBe(2);
        expect(await store.sensors.get('s2')).toEqual({ ...newSensor('s2', { name: 'north', inputUnit: 'ppm', properties: { depthM: 1.5 } }), key: keys[1] });
        expect(await store.sensors.get('missing')).toBeUndefined();
      });

      it('an existing sensor keeps its key when upserted again, whatever key it is given', async () => {
        const [first] = await store.sensors.upsert([newSensor('s1')]);
        await store.sensors.upsert([newSensor('s2'), newSensor('s3')]);
        const [again] = await store.sensors.upsert([newSensor('s1', { key: first!.key + 1000, state: 'maintenance', quantity: 'pressure', unit: 'MPa' })]);
        expect(again!.key).toBe(first!.key);
        expect(again!.state).toBe('maintenance');
        expect((await store.sensors.get('s1'))!.quantity).toBe('pressure');
        expect(await store.sensors.count()).toBe(3);
        const keys = (await store.sensors.list({ limit: 10 })).items.map((s) => s.key);
        expect(new Set(keys).size).toBe(3);
      });

      it('list filters by domain, quantity, asset and state, and pages by id', async () => {
        await store.sensors.upsert([
          newSensor('g1', { domain: 'gas', quantity: 'methane', asset: 'v1' }),
          newSensor('w1', { domain: 'water', quantity: 'pressure', unit: 'MPa', asset: 'p1' }),
          newSensor('w2', { domain: 'water', quantity: 'flow', unit: 'm³/h', asset: 'p1', state: 'disabled' }),
          newSensor('b1', { domain: 'bridge', quantity: 'strain', unit: 'με', asset: 'br1' }),
        ]);
        const ids = async (q: object): Promise<string[]> => (await store.sensors.list({ limit: 100, ...q })).items.map((s) => s.id);
        expect(await ids({})).toEqual(['b1', 'g1', 'w1', 'w2']);
        expect(await ids({ domain: 'water' })).toEqual(['w1', 'w2']);
        expect(await ids({ quantity: 'pressure' })).toEqual(['w1']);
        expect(await ids({ asset: 'p1' })).toEqual(['w1', 'w2']);
        expect(await ids({ state: 'disabled' })).toEqual(['w2']);
        const pages = await allPages((cursor) => store.sensors.list({ limit: 3, cursor }));
        expect(pages.map((p) => p.map((s) => s.id))).toEqual([['b1', 'g1', 'w1'], ['w2']]);
      });

      it('scan yields every sensor in key order, in pages of the batch size', async () => {
        await store.sensors.upsert(Array.from({ length: 23 }, (_, i) => newSensor(`z${100 - i}`)));
        const pages: number[][] = [];
        for await (const page of store.sensors.scan(10)) pages.push(page.map((s) => s.key));
        expect(pages.map((p) => p.length)).toEqual([10, 10, 3]);
        const keys = pages.flat();
        expect(keys).toEqual([...keys].sort((a, b) => a - b));
        expect(new Set(keys).size).toBe(23);
      });
    });

    describe('readings', () => {
      it('range returns readings oldest first, from inclusive, to exclusive, at most limit', async () => {
        const [k1, k2] = await registerSensors(2);
        const rows: Row[] = [];
        for (let i = 0; i < 50; i++) rows.push([k1!, T0 + i * 10_000, i], [k2!, T0 + i * 10_000, -1 - i]);
        expect(await store.readings.append(batch(rows))).toEqual({ inserted: 100, duplicates: 0 });
        const all = await store.readings.range(k1!, T0, T0 + DAY);
        expect(all).toEqual(Array.from({ length: 50 }, (_, i) => ({ ts: T0 + i * 10_000, value: i })));
        const window = await store.readings.range(k1!, T0 + 100_000, T0 + 200_000);
        expect(window.map((r) => r.value)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
        expect((await store.readings.range(k2!, T0, T0 + DAY, 3)).map((r) => r.value)).toEqual([-1, -2, -3]);
        expect(await store.readings.range(k1!, T0 + DAY, T0 + 2 * DAY)).toEqual([]);
        expect(await store.readings.range(9999, T0, T0 + DAY)).toEqual([]);
      });

      it('a duplicate (same key and ts) is ignored and the first value stands, in counts and rollups', async () => {
        const [k] = await registerSensors(1);
        const rows: Row[] = Array.from({ length: 30 }, (_, i) => [k!, T0 + i * 5_000, i]);
        expect(await store.readings.append(batch(rows))).toEqual({ inserted: 30, duplicates: 0 });
        // Resent with other values, plus a new one, plus a duplicate inside the batch.
        const resent: Row[] = [...rows.map(([key, ts]) => [key, ts, 999] as Row), [k!, T0 + 200_000, 40], [k!, T0 + 200_000, 41]];
        expect(await store.readings.append(batch(resent))).toEqual({ inserted: 1, duplicates: 31 });
        expect(await store.readings.append(batch(resent.slice(0, 10)))).toEqual({ inserted: 0, duplicates: 10 });
        const stored = await store.readings.range(k!, T0, T0 + HOUR);
        expect(stored).toHaveLength(31);
        expect(stored.map((r) => r.value)).toEqual([...rows.map((r) => r[2]), 40]);
        const expected = naiveAggregate(firstValues([...rows, ...resent]).values(), k!, T0, T0 + HOUR, '1m');
        expectSameAggregates(await store.readings.aggregate(k!, T0, T0 + HOUR, '1m'), expected);
        const hour = await store.readings.aggregate(k!, T0, T0 + HOUR, '1h');
        expect(hour).toHaveLength(1);
        expect(hour[0]!.count).toBe(31);
        expect(hour[0]!.max).toBe(40);
      });

      it('out-of-order readings are kept and returned in time order', async () => {
        const [k] = await registerSensors(1);
        await store.readings.append(batch([[k!, T0 + 3 * HOUR, 3], [k!, T0 + 5 * HOUR, 5]]));
        await store.readings.append(batch([[k!, T0 + HOUR, 1], [k!, T0 + 4 * HOUR, 4], [k!, T0 + 2 * HOUR, 2], [k!, T0 + 6 * HOUR, 6]]));
        expect(await store.readings.append(batch([[k!, T0 + 4 * HOUR, 44], [k!, T0, 0]]))).toEqual({ inserted: 1, duplicates: 1 });
        expect((await store.readings.range(k!, T0, T0 + DAY)).map((r) => r.value)).toEqual([0, 1, 2, 3, 4, 5, 6]);
        expect((await store.readings.aggregate(k!, T0, T0 + DAY, '1h')).map((p) => [p.ts, p.count, p.avg])).toEqual(
          [0, 1, 2, 3, 4, 5, 6].map((h) => [T0 + h * HOUR, 1, h]),
        );
      });

      it('aggregate agrees with a naive computation over random data, for every step, before and after reopening', async () => {
        const rnd = random(42);
        const keys = await registerSensors(3);
        const rows: Row[] = [];
        for (const k of keys) {
          for (let i = 0; i < 700; i++) rows.push([k, T0 + Math.floor(rnd() * 2 * DAY / 1000) * 1000, Math.round((rnd() * 200 - 100) * 1000) / 1000]);
        }
        // Resend some readings with other values: the first value must stand.
        for (let i = 0; i < 150; i++) {
          const r = rows[Math.floor(rnd() * rows.length)]!;
          rows.push([r[0], r[1], r[2] + 1]);
        }
        // Mostly in time order, as devices send, with a shuffled tail arriving late.
        const ordered = rows.slice(0, 1800).sort((a, b) => a[1] - b[1]);
        const sequence = [...ordered, ...shuffle(rows.slice(1800), rnd)];
        for (let i = 0; i < sequence.length; i += 97) await store.readings.append(batch(sequence.slice(i, i + 97)));
        const truth = [...firstValues(sequence).values()];

        const check = async (s: Store): Promise<void> => {
          for (const step of Object.keys(STEPS) as Step[]) {
            for (const k of keys) {
              expectSameAggregates(await s.readings.aggregate(k, T0 - HOUR, T0 + 3 * DAY, step), naiveAggregate(truth, k, T0 - HOUR, T0 + 3 * DAY, step));
              // Bounds inside buckets: whole buckets are returned.
              const from = T0 + 37 * MINUTE + 5_000;
              const to = T0 + 30 * HOUR + 1;
              expectSameAggregates(await s.readings.aggregate(k, from, to, step), naiveAggregate(truth, k, from, to, step));
            }
          }
          const raw = await s.readings.range(keys[1]!, T0, T0 + 3 * DAY);
          const expected = truth.filter((r) => r[0] === keys[1]).sort((a, b) => a[1] - b[1]).map((r) => ({ ts: r[1], value: r[2] }));
          expect(raw).toEqual(expected);
        };
        await check(store);
        await store.close();
        await check(await h.reopen());
      });

      it('aggregate returns only non-empty buckets aligned to UTC, oldest first', async () => {
        const [k] = await registerSensors(1);
        await store.readings.append(batch([
          [k!, T0 + 23 * HOUR + 59 * MINUTE + 59_000, 1],
          [k!, T0 + DAY + 1_000, 3],
          [k!, T0 + DAY + 4 * MINUTE, 5],
          [k!, T0 + 3 * DAY + 7 * MINUTE, 7],
        ]));
        const days = await store.readings.aggregate(k!, T0, T0 + 5 * DAY, '1d');
        expect(days).toEqual([
          { ts: T0, min: 1, max: 1, avg: 1, count: 1 },
          { ts: T0 + DAY, min: 3, max: 5, avg: 4, count: 2 },
          { ts: T0 + 3 * DAY, min: 7, max: 7, avg: 7, count: 1 },
        ]);
        expect((await store.readings.aggregate(k!, T0 + DAY, T0 + DAY + HOUR, '5m')).map((p) => [p.ts, p.count])).toEqual([[T0 + DAY, 2]]);
        expect((await store.readings.aggregate(k!, T0 + DAY, T0 + DAY + HOUR, '1m')).map((p) => p.ts)).toEqual([T0 + DAY, T0 + DAY + 4 * MINUTE]);
        expect(await store.readings.aggregate(k!, T0 + 4 * DAY, T0 + 5 * DAY, '1h')).toEqual([]);
      });

      it('lastReadings gives each key its newest reading', async () => {
        const [k1, k2, k3] = await registerSensors(3);
        await store.readings.append(batch([[k1!, T0 + 10, 1], [k1!, T0 + 30, 3], [k2!, T0 + 5, 7]]));
        await store.readings.append(batch([[k1!, T0 + 20, 2], [k2!, T0 + 6, 8], [k2!, T0 + 6, 99]]));
        const last = await store.readings.lastReadings();
        expect(last.get(k1!)).toEqual({ ts: T0 + 30, value: 3 });
        expect(last.get(k2!)).toEqual({ ts: T0 + 6, value: 8 });
        expect(last.has(k3!)).toBe(false);
      });

      it('concurrent appends keep every reading and report each batch', async () => {
        const keys = await registerSensors(20);
        const batches: Row[][] = Array.from({ length: 40 }, (_, b) => keys.map((k, i) => [k, T0 + b * 10_000 + i, b] as Row));
        const duplicate = batches[3]!.slice(0, 5);
        const results = await Promise.all([...batches.map((rows) => store.readings.append(batch(rows)))]);
        expect(results).toEqual(batches.map((rows) => ({ inserted: rows.length, duplicates: 0 })));
        expect(await store.readings.append(batch(duplicate))).toEqual({ inserted: 0, duplicates: 5 });
        for (const [i, k] of keys.entries()) {
          const got = await store.readings.range(k, T0, T0 + DAY);
          expect(got.map((r) => r.ts)).toEqual(batches.map((_, b) => T0 + b * 10_000 + i));
        }
        const total = (await store.readings.aggregate(keys[0]!, T0, T0 + DAY, '1d'))[0]!;
        expect(total.count).toBe(40);
      });

      it('retention drops old raw readings and old rollups and keeps recent ones', async () => {
        const [k] = await registerSensors(1);
        const now = T0 + 20 * DAY;
        const ages = { a: 10.5 * DAY, b: 5.5 * DAY, c: 2.5 * DAY, d: HOUR };
        await store.readings.append(batch(Object.values(ages).map((age, i) => [k!, now - age, i] as Row)));
        const { dropped } = await store.readings.applyRetention(now, { rawDays: 1, minuteDays: 4, hourDays: 8 });
        expect(dropped).toBeGreaterThan(0);
        // What is older than a setting plus a day is gone; what is younger than the setting is kept.
        expect((await store.readings.range(k!, now - 30 * DAY, now + DAY)).map((r) => r.value)).toEqual([3]);
        const minutes = await store.readings.aggregate(k!, now - 30 * DAY, now + DAY, '1m');
        expect(minutes.map((p) => p.avg)).toEqual([2, 3]);
        const hours = await store.readings.aggregate(k!, now - 30 * DAY, now + DAY, '1h');
        expect(hours.map((p) => p.avg)).toEqual([1, 2, 3]);
        expect((await store.readings.lastReadings()).get(k!)).toEqual({ ts: now - HOUR, value: 3 });
        // Appending keeps working after retention, and a reading older than the raw and minute
        // periods still merges into the hour rollup that remains, before and after reopening.
        expect(await store.readings.append(batch([[k!, now, 4], [k!, now - ages.b + 1000, 10]]))).toEqual({ inserted: 2, duplicates: 0 });
        const hourOfB = async (s: Store): Promise<number[]> => (await s.readings.aggregate(k!, now - ages.b, now - ages.b + 1, '1h')).map((p) => p.count);
        expect(await hourOfB(store)).toEqual([2]);
        await store.close();
        expect(await hourOfB(await h.reopen())).toEqual([2]);
      });

      it('readings, rollups, last readings and registrations survive close and reopen', async () => {
        const keys = await registerSensors(4);
        await store.assets.upsert([pointAsset('v1', 116, 39)]);
        await store.settings.set('retention', { rawDays: 30 });
        const rows: Row[] = [];
        for (let i = 0; i < 400; i++) for (const k of keys) rows.push([k, T0 + i * 15_000, k * 1000 + i]);
        for (let i = 0; i < rows.length; i += 250) await store.readings.append(batch(rows.slice(i, i + 250)));
        const before = await store.readings.aggregate(keys[2]!, T0, T0 + DAY, '5m');
        await store.close();
        const again = await h.reopen();
        expect(await again.readings.range(keys[2]!, T0, T0 + DAY)).toHaveLength(400);
        expect(await again.readings.aggregate(keys[2]!, T0, T0 + DAY, '5m')).toEqual(before);
        expectSameAggregates(before, naiveAggregate(rows, keys[2]!, T0, T0 + DAY, '5m'));
        expect((await again.readings.lastReadings()).get(keys[3]!)).toEqual({ ts: T0 + 399 * 15_000, value: keys[3]! * 1000 + 399 });
        expect((await again.sensors.get('s1'))!.key).toBe(keys[1]);
        expect(await again.assets.get('v1')).toEqual(pointAsset('v1', 116, 39));
        expect(await again.settings.get('retention')).toEqual({ rawDays: 30 });
        expect(await again.readings.append(batch(rows.slice(0, 50)))).toEqual({ inserted: 0, duplicates: 50 });
      });

      it('after a crash, every acknowledged reading is there and rollups and duplicate detection are right', async (ctx) => {
        if (!h.crash) return ctx.skip();
        const rnd = random(7);
        const keys = await registerSensors(5);
        const rows: Row[] = [];
        for (let i = 0; i < 300; i++) for (const k of keys) rows.push([k, T0 + i * 7_000 + Math.floor(rnd() * 1000), Math.round(rnd() * 1e4) / 100]);
        const late = shuffle(rows.splice(1000, 200), rnd);
        const newest = rows.splice(rows.length - 100);
        for (let i = 0; i < rows.length; i += 123) await store.readings.append(batch(rows.slice(i, i + 123)));
        await store.readings.append(batch(late));
        await store.readings.append(batch(newest));
        const all = [...rows, ...late, ...newest];
        await h.crash(store);
        const again = await h.reopen();
        for (const step of ['1m', '1h'] as Step[]) {
          for (const k of keys) expectSameAggregates(await again.readings.aggregate(k, T0, T0 + DAY, step), naiveAggregate(all, k, T0, T0 + DAY, step));
        }
        expect(await again.readings.range(keys[4]!, T0, T0 + DAY)).toHaveLength(300);
        const last = all.filter((r) => r[0] === keys[0]).reduce((a, b) => (b[1] > a[1] ? b : a));
        expect((await again.readings.lastReadings()).get(keys[0]!)).toEqual({ ts: last[1], value: last[2] });
        expect(await again.readings.append(batch([...newest, ...all.slice(0, 100)]))).toEqual({ inserted: 0, duplicates: 200 });
        await again.close();
        const third = await h.reopen();
        for (const k of keys) expect(await third.readings.range(k, T0, T0 + DAY)).toHaveLength(300);
      });
    });

    describe('settings', () => {
      it('get of a missing key is undefined; set then get round-trips JSON; set again replaces', async () => {
        expect(await store.settings.get('missing')).toBeUndefined();
        await store.settings.set('thresholds', { gas: [10, 25], names: ['一级', 'two'], on: true });
        expect(await store.settings.get('thresholds')).toEqual({ gas: [10, 25], names: ['一级', 'two'], on: true });
        await store.settings.set('thresholds', 5);
        expect(await store.settings.get('thresholds')).toBe(5);
      });
    });

    describe('lifecycle', () => {
      it('describes itself, and fails calls after close', async () => {
        expect(store.describe()).toMatch(new RegExp(`^${store.kind}`));
        await store.close();
        await expect(store.readings.append(batch([[1, T0, 1]]))).rejects.toThrow();
        await expect(store.assets.count()).rejects.toThrow();
      });
    });
    describeWorkflowContract(open);
  });
}
