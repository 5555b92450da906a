import type { Connection } from '../connection.js';
import { StatementCache, openReaderConnection } from '../connection.js';
import { readMeta } from '../schema.js';

/**
 * The read side: a read-only connection on the calling thread. WAL lets it read while the writer
 * writes; each `snapshot` is one read transaction, so the queries inside it see one committed state.
 */
export class StoreReader {
  readonly db: Connection;
  readonly statements: StatementCache;
  readonly chunkMs: number;

  constructor(path: string) {
    this.db = openReaderConnection(path);
    this.statements = new StatementCache(this.db);
    this.chunkMs = Number(readMeta(this.db, 'chunk_ms'));
  }

  snapshot<T>(fn: () => T): T {
    return this.db.transaction(fn).deferred();
  }

  close(): void {
    this.db.close();
  }
}
