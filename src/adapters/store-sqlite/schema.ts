import type { Connection } from './connection.js';
import { WORKFLOW_DDL } from './schema-workflow.js';

export const SCHEMA_VERSION = 1;

/**
 * The fixed tables. Raw readings live in chunk tables (see chunk-table.ts) listed in `chunks`; each
 * chunk holds sorted runs listed in `runs`. Rows not yet sorted into a run wait in `staging_log`
 * (one row per commit, the columns as blobs). Rollup tables lead with the bucket so that writing the
 * newest buckets appends at the end of the index instead of touching pages all over it.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS assets (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, domain TEXT NOT NULL, name TEXT, department TEXT,
  geometry TEXT NOT NULL, properties TEXT NOT NULL,
  min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL);
CREATE INDEX IF NOT EXISTS assets_by_domain ON assets (domain, id);
CREATE INDEX IF NOT EXISTS assets_by_kind ON assets (kind, id);
CREATE INDEX IF NOT EXISTS assets_by_department ON assets (department, id);
CREATE VIRTUAL TABLE IF NOT EXISTS asset_bbox USING rtree (rid, min_lon, max_lon, min_lat, max_lat);

CREATE TABLE IF NOT EXISTS sensors (
  key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, asset TEXT NOT NULL, domain TEXT NOT NULL,
  quantity TEXT NOT NULL, unit TEXT NOT NULL, input_unit TEXT, name TEXT, interval_s REAL NOT NULL,
  state TEXT NOT NULL, properties TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sensors_by_domain ON sensors (domain, id);
CREATE INDEX IF NOT EXISTS sensors_by_quantity ON sensors (quantity, id);
CREATE INDEX IF NOT EXISTS sensors_by_asset ON sensors (asset, id);
CREATE INDEX IF NOT EXISTS sensors_by_state ON sensors (state, id);

CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS chunks (
  id INTEGER PRIMARY KEY, start_ts REAL NOT NULL, end_ts REAL NOT NULL, rows INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS runs (
  chunk INTEGER NOT NULL, run INTEGER NOT NULL, min_ts REAL NOT NULL, max_ts REAL NOT NULL,
  rows INTEGER NOT NULL, PRIMARY KEY (chunk, run)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS staging_log (
  id INTEGER PRIMARY KEY, rows INTEGER NOT NULL, min_ts REAL NOT NULL, max_ts REAL NOT NULL,
  keys BLOB NOT NULL, ts BLOB NOT NULL, vals BLOB NOT NULL);

CREATE TABLE IF NOT EXISTS rollup_minute (
  bucket INTEGER NOT NULL, sensor INTEGER NOT NULL, min REAL NOT NULL, max REAL NOT NULL,
  sum REAL NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (bucket, sensor)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rollup_hour (
  bucket INTEGER NOT NULL, sensor INTEGER NOT NULL, min REAL NOT NULL, max REAL NOT NULL,
  sum REAL NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (bucket, sensor)) WITHOUT ROWID;
-- Minutes with readings whose rollup contributions are not yet written (see write/flush.ts).
CREATE TABLE IF NOT EXISTS rollup_dirty (minute INTEGER PRIMARY KEY);
-- Each sensor's newest reading as of the last flush.
CREATE TABLE IF NOT EXISTS latest (sensor INTEGER PRIMARY KEY, ts REAL NOT NULL, value REAL NOT NULL);
`;

/** Create the schema if needed; returns the stored chunk span (set from `chunkMs` on creation). */
export function migrate(db: Connection, chunkMs: number): { chunkMs: number } {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(DDL);
    db.exec(WORKFLOW_DDL);
    const version = readMeta(db, 'schema_version');
    if (version === undefined) writeMeta(db, 'schema_version', SCHEMA_VERSION);
    else if (version !== SCHEMA_VERSION) throw new Error(`database schema version ${String(version)} is not supported (expected ${SCHEMA_VERSION})`);
    let stored = readMeta(db, 'chunk_ms');
    if (stored === undefined) {
      writeMeta(db, 'chunk_ms', chunkMs);
      stored = chunkMs;
    }
    db.exec('COMMIT');
    return { chunkMs: Number(stored) };
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
}

export function readMeta(db: Connection, key: string): number | string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: number | string } | undefined;
  return row?.value;
}

export function writeMeta(db: Connection, key: string, value: number | string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
