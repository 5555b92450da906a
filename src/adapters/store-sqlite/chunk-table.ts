/**
 * A raw chunk holds the readings of one aligned time window of `chunkMs`. Its rows are grouped in
 * runs: run n ≥ 1 is a batch of staged readings sorted by (sensor, ts) and appended in that order, so
 * writing it only touches pages at the end of the index; run 0 collects readings that arrived out of
 * order. The primary key (run, sensor, ts) lets a range query seek straight to one sensor in each run.
 */
export const LATE_RUN = 0;

/** The window index of a time: chunk ids are window indexes. */
export function chunkIdOf(ts: number, chunkMs: number): number {
  return Math.floor(ts / chunkMs);
}

export function chunkTableName(id: number): string {
  if (!Number.isSafeInteger(id)) throw new Error(`bad chunk id ${id}`);
  return id < 0 ? `raw_m${-id}` : `raw_${id}`;
}

export function createChunkTableSql(id: number): string {
  return `CREATE TABLE IF NOT EXISTS ${chunkTableName(id)} (
    run INTEGER NOT NULL, sensor INTEGER NOT NULL, ts REAL NOT NULL, value REAL NOT NULL,
    PRIMARY KEY (run, sensor, ts)) WITHOUT ROWID`;
}
