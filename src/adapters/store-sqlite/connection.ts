import Database from 'better-sqlite3';

/** The one place that imports better-sqlite3; the rest of the adapter uses this type. */
export type Connection = Database.Database;
export type Statement = Database.Statement;

/**
 * The writer's connection: WAL (readers never block it, and it never blocks readers), fsync per
 * commit for 'full'. The WAL is checkpointed every ~40 MB rather than every 4 MB because each run
 * writes several MB at once, and truncated back to 64 MB so a burst does not leave a huge file.
 */
export function openWriterConnection(path: string, durability: 'full' | 'normal'): Connection {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('journal_size_limit = 67108864');
  db.pragma('cache_size = -16384');
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 10000');
  return db;
}

/** A read-only connection: sees each committed state as a snapshot, can never write. */
export function openReaderConnection(path: string): Connection {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('cache_size = -32768');
  db.pragma('busy_timeout = 10000');
  return db;
}

/**
 * Prepared statements by SQL text, for statements over chunk tables that are built at run time.
 * The least recently used are dropped beyond `capacity`: a long-lived process may query thousands
 * of chunk tables.
 */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();
  constructor(private readonly db: Connection, private readonly capacity = 500) {}

  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement) this.statements.delete(sql);
    else {
      statement = this.db.prepare(sql);
      if (this.statements.size >= this.capacity) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, statement);
    return statement;
  }

  /** Forget statements that mention a table (it was dropped). */
  forgetTable(table: string): void {
    for (const sql of this.statements.keys()) if (sql.includes(table)) this.statements.delete(sql);
  }
}
