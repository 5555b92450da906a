import { resolve } from 'node:path';
import { isStep, validationError } from '../../domain/index.js';
import type { Store } from '../../ports/index.js';
import type { ReadingBatch } from '../../domain/index.js';
import type { WriterClient } from './client/writer-client.js';
import { InThreadWriterClient } from './client/in-thread-client.js';
import { WorkerWriterClient } from './client/worker-client.js';
import type { SqliteStoreOptions } from './options.js';
import { resolveOptions } from './options.js';
import { aggregate } from './read/aggregate.js';
import { AssetQueries } from './read/asset-queries.js';
import { rawRowsOfKey } from './read/raw-rows.js';
import { StoreReader } from './read/reader.js';
import { SensorQueries } from './read/sensor-queries.js';
import { WorkflowQueries } from './read/workflow-queries.js';

/** The SQLite store: the Store port, plus what tests and operators need beyond it. */
export interface SqliteStore extends Store {
  readonly kind: 'sqlite';
  /** Write pending rollups and last readings now (otherwise done every `flushIntervalMs` and on close). */
  flush(): Promise<void>;
  /** Stop at once without flushing, as a crash would; the next open recovers. For tests. */
  terminate(): Promise<void>;
}

/** Database files open in this process: a second writer would break the first one's bookkeeping. */
const openPaths = new Set<string>();

/**
 * Open (creating if needed) a SQLite store. Writes go through one writer (a worker thread by
 * default); reads use a read-only connection on the calling thread.
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<SqliteStore> {
  const resolved = resolveOptions(options);
  const id = resolve(resolved.path);
  if (openPaths.has(id)) throw new Error(`${resolved.path} is already open in this process`);
  openPaths.add(id);
  let writer: WriterClient;
  try {
    writer = resolved.worker ? await WorkerWriterClient.start(resolved) : new InThreadWriterClient(resolved);
  } catch (e) {
    openPaths.delete(id);
    throw e;
  }
  let reader: StoreReader;
  try {
    reader = new StoreReader(resolved.path);
  } catch (e) {
    await writer.close();
    openPaths.delete(id);
    throw e;
  }
  return createStore(resolved.path, writer, reader, () => openPaths.delete(id));
}

function createStore(path: string, writer: WriterClient, reader: StoreReader, release: () => void): SqliteStore {
  const assets = new AssetQueries(reader);
  const sensors = new SensorQueries(reader);
  const workflow = new WorkflowQueries(reader);
  let closed = false;
  /** Reads are synchronous underneath; wrapping them keeps a closed store's errors uniform. */
  const read = async <T>(fn: () => T): Promise<T> => {
    if (closed) throw new Error('the store is closed');
    return fn();
  };
  const shut = async (how: 'close' | 'terminate'): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      await (how === 'close' ? writer.close() : writer.terminate());
    } finally {
      reader.close();
      release();
    }
  };

  return {
    kind: 'sqlite',
    describe: () => `sqlite ${path}`,
    assets: {
      upsert: (list) => writer.upsertAssets(list),
      get: (id) => read(() => assets.get(id)),
      list: (query) => read(() => assets.list(query)),
      count: () => read(() => assets.count()),
    },
    sensors: {
      upsert: (list) => writer.upsertSensors(list),
      get: (id) => read(() => sensors.get(id)),
      list: (query) => read(() => sensors.list(query)),
      count: () => read(() => sensors.count()),
      async *scan(batch = 10_000) {
        let after = -Infinity;
        for (;;) {
          const page = await read(() => sensors.pageByKey(after, batch));
          if (page.length === 0) return;
          yield page;
          after = page.at(-1)!.key;
          if (page.length < batch) return;
        }
      },
    },
    readings: {
      append: (batch: ReadingBatch) => (closed ? Promise.reject(new Error('the store is closed')) : writer.append(batch)),
      range: (key, from, to, limit) => read(() => reader.snapshot(() => rawRowsOfKey(reader.db, reader.statements, reader.chunkMs, key, from, to, limit))),
      aggregate: (key, from, to, step) => read(() => {
        if (!isStep(step)) throw validationError('step', 'must be one of 1m, 5m, 1h, 1d');
        return aggregate(reader, key, from, to, step);
      }),
      lastReadings: () => (closed ? Promise.reject(new Error('the store is closed')) : writer.lastReadings()),
      applyRetention: (now, retention) => (closed ? Promise.reject(new Error('the store is closed')) : writer.retention(now, retention)),
    },
    settings: {
      get: <T>(key: string) => read(() => {
        const json = reader.statements.get('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
        return json === undefined ? undefined : (JSON.parse(json) as T);
      }),
      set: async <T>(key: string, value: T) => writer.setSetting(key, value === undefined ? undefined : JSON.stringify(value)),
    },
    departments: {
      get: (id) => read(() => workflow.department(id)),
      list: (options) => read(() => workflow.departments(options)),
    },
    users: {
      get: (id) => read(() => workflow.user(id)),
      byUsername: (username) => read(() => workflow.userByName(username)),
      list: (options) => read(() => workflow.users(options)),
    },
    tokens: {
      get: (hash) => read(() => workflow.token(hash)),
      listApi: (options) => read(() => workflow.apiTokens(options)),
    },
    cases: {
      get: (id) => read(() => workflow.case(id)),
      list: (query) => read(() => workflow.cases(query)),
    },
    audit: {
      last: () => read(() => workflow.lastAudit()),
      after: (after, limit) => read(() => workflow.auditAfter(after, limit)),
      of: (type, id, limit = 10_000) => read(() => workflow.auditOf(type, id, limit)),
    },
    deliveries: {
      get: (id) => read(() => workflow.delivery(id)),
      due: (now, limit) => read(() => workflow.dueDeliveries(now, limit)),
      list: (options) => read(() => workflow.deliveries(options)),
    },
    scenarios: {
      get: (id) => read(() => workflow.scenario(id)),
      list: (options) => read(() => workflow.scenarios(options)),
    },
    commit: (ops) => (closed ? Promise.reject(new Error('the store is closed')) : writer.commit(ops)),
    flush: () => writer.flush(),
    close: () => shut('close'),
    terminate: () => shut('terminate'),
  };
}
