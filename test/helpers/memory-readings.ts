import type { AggregatePoint, LastReading, ReadingBatch, Step } from '../../src/domain/index.js';
import type { AppendResult, ReadingRepository, RetentionSettings } from '../../src/ports/index.js';

export interface RecordedReading {
  readonly key: number;
  readonly ts: number;
  readonly value: number;
}

/**
 * Wraps a ReadingRepository (in memory or a real store) for tests: `hold()` makes appends wait until
 * `release()` (to see that nothing is acknowledged before the write is durable), `failWith()` makes
 * them fail (a store failure), `appendStarted()` tells when one has begun.
 */
export class GatedReadings implements ReadingRepository {
  appends = 0;
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;
  private failure: Error | undefined;
  private readonly startedWaiters: (() => void)[] = [];

  constructor(readonly inner: ReadingRepository) {}

  hold(): void {
    this.gate ??= new Promise<void>((resolve) => { this.open = resolve; });
  }

  release(): void {
    this.open?.();
    this.gate = undefined;
    this.open = undefined;
  }

  failWith(error: Error | undefined): void {
    this.failure = error;
  }

  /** Resolves when an append has started (and is maybe held). */
  appendStarted(): Promise<void> {
    return new Promise((resolve) => this.startedWaiters.push(resolve));
  }

  async append(batch: ReadingBatch): Promise<AppendResult> {
    for (const w of this.startedWaiters.splice(0)) w();
    if (this.gate) await this.gate;
    if (this.failure) throw this.failure;
    const result = await this.inner.append(batch);
    this.appends++;
    return result;
  }

  range(key: number, from: number, to: number, limit?: number): Promise<{ ts: number; value: number }[]> {
    return this.inner.range(key, from, to, limit);
  }

  aggregate(key: number, from: number, to: number, step: Step): Promise<AggregatePoint[]> {
    return this.inner.aggregate(key, from, to, step);
  }

  lastReadings(): Promise<Map<number, LastReading>> {
    return this.inner.lastReadings();
  }

  applyRetention(now: number, retention: RetentionSettings): Promise<{ dropped: number }> {
    return this.inner.applyRetention(now, retention);
  }
}

/** Keeps appended rows in memory, in arrival order; a (key, ts) seen before is a duplicate. */
export class RecordingReadings implements ReadingRepository {
  readonly rows: RecordedReading[] = [];
  private readonly seen = new Set<string>();

  async append(batch: ReadingBatch): Promise<AppendResult> {
    let inserted = 0;
    for (let i = 0; i < batch.length; i++) {
      const id = `${batch.key[i]}@${batch.ts[i]}`;
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      this.rows.push({ key: batch.key[i]!, ts: batch.ts[i]!, value: batch.value[i]! });
      inserted++;
    }
    return { inserted, duplicates: batch.length - inserted };
  }

  async range(key: number, from: number, to: number, limit = Number.POSITIVE_INFINITY): Promise<{ ts: number; value: number }[]> {
    return this.rows.filter((r) => r.key === key && r.ts >= from && r.ts < to).sort((a, b) => a.ts - b.ts).slice(0, limit).map(({ ts, value }) => ({ ts, value }));
  }

  async aggregate(_key: number, _from: number, _to: number, _step: Step): Promise<AggregatePoint[]> {
    return [];
  }

  async lastReadings(): Promise<Map<number, LastReading>> {
    const last = new Map<number, LastReading>();
    for (const r of this.rows) if ((last.get(r.key)?.ts ?? -Infinity) <= r.ts) last.set(r.key, { ts: r.ts, value: r.value });
    return last;
  }

  async applyRetention(_now: number, _retention: RetentionSettings): Promise<{ dropped: number }> {
    return { dropped: 0 };
  }
}

/** Rows kept in memory, with the gates: for unit tests. */
export class MemoryReadings extends GatedReadings {
  readonly rows: RecordedReading[];

  constructor() {
    const recording = new RecordingReadings();
    super(recording);
    this.rows = recording.rows;
  }
}
