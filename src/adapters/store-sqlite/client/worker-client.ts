import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Asset, LastReading, Sensor } from '../../../domain/index.js';
import type { AppendResult, NewSensor, RetentionSettings, StoreOp } from '../../../ports/index.js';
import type { Columns } from '../columns.js';
import { packColumns } from '../columns.js';
import type { ResolvedOptions } from '../options.js';
import type { WriterRequest, WriterReply } from '../worker/messages.js';
import { deserializeError } from '../worker/messages.js';
import type { WriterClient } from './writer-client.js';
import { columnsToLastReadings } from './writer-client.js';

interface Waiter {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * The writer in a worker thread: better-sqlite3 is synchronous, so writing there leaves the main
 * thread free to parse requests while a transaction commits. Batches travel as one transferred
 * buffer (copied once here, so the caller may reuse its arrays).
 */
export class WorkerWriterClient implements WriterClient {
  private readonly waiters = new Map<number, Waiter>();
  private nextId = 1;
  private failure: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: WriterReply) => this.settle(reply));
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', (code) => this.fail(new Error(`the store's writer thread exited (code ${code})`)));
  }

  static async start(options: ResolvedOptions): Promise<WorkerWriterClient> {
    const worker = startWorker(options);
    await new Promise<void>((resolve, reject) => {
      const onMessage = (reply: WriterReply): void => {
        if (reply.id !== 0) return;
        cleanup();
        if (reply.ok) resolve();
        else reject(deserializeError(reply.error));
      };
      const onError = (e: Error): void => {
        cleanup();
        reject(e);
      };
      const onExit = (code: number): void => {
        cleanup();
        reject(new Error(`the store's writer thread exited while opening (code ${code})`));
      };
      const cleanup = (): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    }).catch(async (e: unknown) => {
      await worker.terminate();
      throw e;
    });
    // Idle, the worker does not keep the process alive (an application that forgets close() can
    // still exit; committed readings are safe either way); while a request waits, it does.
    worker.unref();
    return new WorkerWriterClient(worker);
  }

  append(batch: Columns): Promise<AppendResult> {
    if (batch.length === 0) return Promise.resolve({ inserted: 0, duplicates: 0 });
    const buffer = packColumns(batch);
    return this.request({ op: 'append', buffer, length: batch.length }, [buffer]) as Promise<AppendResult>;
  }

  async upsertAssets(assets: readonly Asset[]): Promise<void> {
    await this.request({ op: 'upsertAssets', assets });
  }

  upsertSensors(sensors: readonly NewSensor[]): Promise<Sensor[]> {
    return this.request({ op: 'upsertSensors', sensors }) as Promise<Sensor[]>;
  }

  async setSetting(key: string, json: string | undefined): Promise<void> {
    await this.request({ op: 'setSetting', key, json });
  }

  async commit(ops: readonly StoreOp[]): Promise<void> {
    await this.request({ op: 'commit', ops });
  }

  async lastReadings(): Promise<Map<number, LastReading>> {
    return columnsToLastReadings((await this.request({ op: 'lastReadings' })) as Columns);
  }

  async flush(): Promise<void> {
    await this.request({ op: 'flush' });
  }

  retention(now: number, retention: RetentionSettings): Promise<{ dropped: number }> {
    return this.request({ op: 'retention', now, retention }) as Promise<{ dropped: number }>;
  }

  async close(): Promise<void> {
    try {
      await this.request({ op: 'close' });
    } finally {
      this.failure ??= new Error('the store is closed');
      await this.worker.terminate();
    }
  }

  async terminate(): Promise<void> {
    this.fail(new Error('the store was terminated'));
    await this.worker.terminate();
  }

  private request(request: WriterRequest, transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.waiters.size === 0) this.worker.ref();
      this.waiters.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }

  private settle(reply: WriterReply): void {
    const waiter = this.waiters.get(reply.id);
    if (!waiter) return;
    this.waiters.delete(reply.id);
    if (this.waiters.size === 0) this.worker.unref();
    if (reply.ok) waiter.resolve(reply.result);
    else waiter.reject(deserializeError(reply.error));
  }

  /** The worker is gone: every waiting request fails, and so does every later one. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiters.values()) waiter.reject(this.failure);
    this.waiters.clear();
  }
}

/**
 * Compiled, the worker is writer-worker.js beside this module's folder. Run from the TypeScript
 * sources (tests, tsx), it is writer-worker.ts, loaded through tsx's loader registered inside the
 * worker (Node 20 workers do not inherit the main thread's loader hooks).
 */
function startWorker(options: ResolvedOptions): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`../worker/writer-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(entry, { workerData: options });
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true, workerData: options });
}
