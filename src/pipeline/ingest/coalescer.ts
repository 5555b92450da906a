import type { ReadingBatch } from '../../domain/index.js';
import type { AppendResult, ReadingRepository } from '../../ports/index.js';

interface Waiter {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export interface CoalescerOptions {
  /** Flush when this many rows are pending. */
  readonly maxRows?: number;
  /**
   * How long rows wait for company when no write is in progress (ms; default 0 = one turn of the
   * event loop). While a write is in progress rows gather anyway and go as soon as it finishes.
   */
  readonly maxDelayMs?: number;
  /** At most this many rows pending: further callers wait (backpressure, no unbounded queue). */
  readonly maxPendingRows?: number;
}

/**
 * Group commit: readings from many concurrent callers (HTTP requests, MQTT publishes) are gathered
 * while the previous write is being made durable, then written in one append; each caller is answered
 * once its rows are durable. With no write in progress rows go at once (after one event-loop turn), so
 * a quiet system adds no latency and a busy one batches more: this is how single-reading MQTT
 * messages reach tens of thousands a second.
 */
export class WriteCoalescer {
  private key: Int32Array;
  private ts: Float64Array;
  private value: Float64Array;
  private length = 0;
  private waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();
  /** Rows handed to the store and not yet durable. */
  private flushing = 0;
  private readonly roomWaiters: (() => void)[] = [];
  private readonly maxRows: number;
  private readonly maxDelayMs: number;
  private readonly maxPendingRows: number;
  private closed = false;

  constructor(private readonly readings: ReadingRepository, options: CoalescerOptions = {}) {
    this.maxRows = options.maxRows ?? 20_000;
    this.maxDelayMs = options.maxDelayMs ?? 0;
    this.maxPendingRows = options.maxPendingRows ?? 200_000;
    this.key = new Int32Array(this.maxRows);
    this.ts = new Float64Array(this.maxRows);
    this.value = new Float64Array(this.maxRows);
  }

  /** Rows accepted but not yet durable. */
  get pending(): number {
    return this.length + this.flushing;
  }

  /** Append rows; resolves when they are durable. */
  async write(keys: ArrayLike<number>, ts: ArrayLike<number>, values: ArrayLike<number>, count: number): Promise<AppendResult> {
    if (this.closed) throw new Error('the writer is closed');
    if (count === 0) return { inserted: 0, duplicates: 0 };
    while (this.pending >= this.maxPendingRows) await new Promise<void>((r) => this.roomWaiters.push(r));
    const results: Promise<AppendResult>[] = [];
    let offset = 0;
    while (offset < count) {
      const room = this.maxRows - this.length;
      const n = Math.min(room, count - offset);
      for (let i = 0; i < n; i++) {
        this.key[this.length + i] = keys[offset + i]!;
        this.ts[this.length + i] = ts[offset + i]!;
        this.value[this.length + i] = values[offset + i]!;
      }
      this.length += n;
      offset += n;
      results.push(new Promise<AppendResult>((resolve, reject) => this.waiters.push({ resolve, reject })));
      if (this.length >= this.maxRows) this.flush();
      else if (this.flushing === 0) this.timer ??= setTimeout(() => this.flush(), this.maxDelayMs);
    }
    const all = await Promise.all(results);
    return all.reduce((a, b) => ({ inserted: a.inserted + b.inserted, duplicates: a.duplicates + b.duplicates }));
  }

  /** Write what is pending now (chained after any write in flight, so writes keep their order). */
  flush(): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    if (this.length === 0) return this.inFlight;
    const batch: ReadingBatch = { length: this.length, key: this.key.subarray(0, this.length), ts: this.ts.subarray(0, this.length), value: this.value.subarray(0, this.length) };
    const waiters = this.waiters;
    const rows = this.length;
    this.key = new Int32Array(this.maxRows);
    this.ts = new Float64Array(this.maxRows);
    this.value = new Float64Array(this.maxRows);
    this.length = 0;
    this.waiters = [];
    this.flushing += rows;
    this.inFlight = this.inFlight.then(async () => {
      try {
        const result = await this.readings.append(batch);
        // Each waiter learns the batch's totals; callers only need "durable or not".
        for (const w of waiters) w.resolve(result);
      } catch (e) {
        for (const w of waiters) w.reject(e);
      } finally {
        this.flushing -= rows;
        while (this.roomWaiters.length && this.pending < this.maxPendingRows) this.roomWaiters.shift()!();
        // What gathered during this write goes now.
        if (this.flushing === 0 && this.length > 0) this.flush();
      }
    });
    return this.inFlight;
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}
