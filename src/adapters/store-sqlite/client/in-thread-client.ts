import type { Asset, LastReading, Sensor } from '../../../domain/index.js';
import type { AppendResult, NewSensor, RetentionSettings, StoreOp } from '../../../ports/index.js';
import type { Columns } from '../columns.js';
import { packColumns, unpackColumns } from '../columns.js';
import type { ResolvedOptions } from '../options.js';
import { StoreWriter } from '../write/writer.js';
import type { WriterClient } from './writer-client.js';
import { columnsToLastReadings } from './writer-client.js';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The writer on the calling thread (`worker: false`): each call writes before it returns, so calls
 * stay in order; housekeeping runs after each append and on a timer, like in the worker.
 */
export class InThreadWriterClient implements WriterClient {
  private readonly writer: StoreWriter;
  private readonly timer: NodeJS.Timeout;

  constructor(options: ResolvedOptions) {
    this.writer = new StoreWriter(options);
    this.timer = setInterval(() => this.maintain(), Math.max(50, Math.floor(options.flushIntervalMs / 4)));
    this.timer.unref();
  }

  async append(batch: Columns): Promise<AppendResult> {
    if (batch.length === 0) return { inserted: 0, duplicates: 0 };
    // A copy: the writer keeps staged rows in memory until they are sorted into a run, and the
    // caller may reuse its arrays.
    const [result] = this.writer.append([unpackColumns(packColumns(batch), batch.length)]);
    this.maintain();
    return result!;
  }

  async upsertAssets(assets: readonly Asset[]): Promise<void> {
    this.writer.upsertAssets(assets);
  }

  async upsertSensors(sensors: readonly NewSensor[]): Promise<Sensor[]> {
    return this.writer.upsertSensors(sensors);
  }

  async setSetting(key: string, json: string | undefined): Promise<void> {
    this.writer.setSetting(key, json);
  }

  async commit(ops: readonly StoreOp[]): Promise<void> {
    this.writer.commit(ops);
  }

  async lastReadings(): Promise<Map<number, LastReading>> {
    return columnsToLastReadings(this.writer.lastReadings());
  }

  async flush(): Promise<void> {
    this.writer.flush();
  }

  async retention(now: number, retention: RetentionSettings): Promise<{ dropped: number }> {
    const steps = this.writer.retention(now, retention);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await nextTurn();
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.writer.close();
  }

  async terminate(): Promise<void> {
    clearInterval(this.timer);
    this.writer.abandon();
  }

  private maintain(): void {
    try {
      // On this thread a run is written whole: there is no request loop to interleave with.
      while (this.writer.maintain());
    } catch (e) {
      console.error('lifeline store: housekeeping failed:', e);
    }
  }
}
