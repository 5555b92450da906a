import type { Columns } from '../columns.js';
import { unpackColumns } from '../columns.js';
import type { StoreWriter } from '../write/writer.js';
import type { Envelope, WriterReply } from './messages.js';
import { serializeError } from './messages.js';

interface Job {
  readonly id: number;
  readonly steps: Generator<void, unknown>;
}

/**
 * Runs requests against the writer in arrival order. Requests that arrive while a transaction is
 * being written queue up; consecutive appends among them are then committed together (group commit,
 * up to `maxGroupRows` rows), each answered with its own counts. Retention runs as a job, one short
 * transaction per turn, so appends keep flowing while it works. Housekeeping (sorting the staging log
 * into a run, a slice per turn; flushing rollups) runs after the queue is answered, so it delays no
 * reply already due, and requests that arrive meanwhile go between its slices.
 */
export class WriterLoop {
  private readonly queue: Envelope[] = [];
  private job: Job | undefined;
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly writer: StoreWriter,
    private readonly reply: (message: WriterReply) => void,
    private readonly maxGroupRows: number,
    private readonly onClosed: () => void,
  ) {}

  push(request: Envelope): void {
    this.queue.push(request);
    this.schedule();
  }

  /** Called by a timer so time-based flushes happen when no request arrives. */
  tick(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    while (this.queue.length > 0 && !this.closed) {
      const head = this.queue[0]!;
      if (head.op === 'append') this.appendGroup();
      else this.handle(this.queue.shift()!);
    }
    if (this.closed) return;
    if (this.job) this.stepJob();
    let more = false;
    try {
      more = this.writer.maintain();
    } catch (e) {
      // The data stays staged or pending and the next attempt retries; nothing to answer here.
      console.error('lifeline store: housekeeping failed:', e);
    }
    if (this.job || more) this.schedule();
  }

  private appendGroup(): void {
    const group: { id: number; batch: Columns }[] = [];
    let rows = 0;
    while (this.queue.length > 0 && this.queue[0]!.op === 'append') {
      const next = this.queue[0] as Extract<Envelope, { op: 'append' }>;
      if (group.length > 0 && rows + next.length > this.maxGroupRows) break;
      this.queue.shift();
      group.push({ id: next.id, batch: unpackColumns(next.buffer, next.length) });
      rows += next.length;
    }
    try {
      const results = this.writer.append(group.map((g) => g.batch));
      group.forEach((g, i) => this.reply({ id: g.id, ok: true, result: results[i] }));
    } catch (e) {
      if (group.length === 1) {
        this.reply({ id: group[0]!.id, ok: false, error: serializeError(e) });
        return;
      }
      // One bad batch must not fail its neighbours: retry them one by one.
      for (const g of group) {
        try {
          this.reply({ id: g.id, ok: true, result: this.writer.append([g.batch])[0] });
        } catch (e2) {
          this.reply({ id: g.id, ok: false, error: serializeError(e2) });
        }
      }
    }
  }

  private handle(request: Envelope): void {
    try {
      switch (request.op) {
        case 'upsertAssets':
          this.writer.upsertAssets(request.assets);
          return this.reply({ id: request.id, ok: true, result: undefined });
        case 'upsertSensors':
          return this.reply({ id: request.id, ok: true, result: this.writer.upsertSensors(request.sensors) });
        case 'setSetting':
          this.writer.setSetting(request.key, request.json);
          return this.reply({ id: request.id, ok: true, result: undefined });
        case 'commit':
          this.writer.commit(request.ops);
          return this.reply({ id: request.id, ok: true, result: undefined });
        case 'lastReadings':
          return this.reply({ id: request.id, ok: true, result: this.writer.lastReadings() });
        case 'flush':
          this.writer.flush();
          return this.reply({ id: request.id, ok: true, result: undefined });
        case 'retention':
          if (this.job) throw new Error('retention is already running');
          this.job = { id: request.id, steps: this.writer.retention(request.now, request.retention) };
          return;
        case 'close':
          this.finishJob();
          this.writer.close();
          this.closed = true;
          this.reply({ id: request.id, ok: true, result: undefined });
          return this.onClosed();
        case 'append':
          throw new Error('appends are handled in groups');
      }
    } catch (e) {
      this.reply({ id: request.id, ok: false, error: serializeError(e) });
    }
  }

  private stepJob(): void {
    const job = this.job!;
    try {
      const step = job.steps.next();
      if (step.done) {
        this.job = undefined;
        this.reply({ id: job.id, ok: true, result: step.value });
      }
    } catch (e) {
      this.job = undefined;
      this.reply({ id: job.id, ok: false, error: serializeError(e) });
    }
  }

  private finishJob(): void {
    while (this.job) this.stepJob();
  }
}
