import type { Asset } from '../../../domain/index.js';
import { validationError } from '../../../domain/index.js';
import type { AssetQuery, Page } from '../../../ports/index.js';
import type { AssetRow } from '../asset-rows.js';
import { rowToAsset } from '../asset-rows.js';
import { checkLimit, decodeCursor, encodeCursor } from '../cursor.js';
import type { StoreReader } from './reader.js';

/** Asset reads. A bbox filter goes through the R-tree, then checks the exact stored box. */
export class AssetQueries {
  constructor(private readonly reader: StoreReader) {}

  get(id: string): Asset | undefined {
    const row = this.reader.statements.get('SELECT * FROM assets WHERE id = ?').get(id) as AssetRow | undefined;
    return row && rowToAsset(row);
  }

  count(): number {
    return this.reader.statements.get('SELECT count(*) FROM assets').pluck().get() as number;
  }

  list(query: AssetQuery): Page<Asset> {
    const limit = checkLimit(query.limit);
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: limit + 1 };
    const after = decodeCursor(query.cursor);
    if (after !== undefined) {
      where.push('a.id > @after');
      params.after = after;
    }
    for (const field of ['domain', 'kind', 'department'] as const) {
      if (query[field] === undefined) continue;
      where.push(`a.${field} = @${field}`);
      params[field] = query[field];
    }
    if (query.bbox) {
      const [minLon, minLat, maxLon, maxLat] = query.bbox;
      if (!query.bbox.every(Number.isFinite) || minLon > maxLon || minLat > maxLat) throw validationError('bbox', 'must be minLon,minLat,maxLon,maxLat with min <= max');
      Object.assign(params, { minLon, minLat, maxLon, maxLat });
      where.push(`a.rowid IN (SELECT rid FROM asset_bbox WHERE max_lon >= @minLon AND min_lon <= @maxLon AND max_lat >= @minLat AND min_lat <= @maxLat)`);
      // The R-tree stores 32-bit floats rounded outwards; the stored box decides.
      where.push('a.max_lon >= @minLon AND a.min_lon <= @maxLon AND a.max_lat >= @minLat AND a.min_lat <= @maxLat');
    }
    const sql = `SELECT a.* FROM assets a ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id LIMIT @limit`;
    const rows = this.reader.statements.get(sql).all(params) as AssetRow[];
    const more = rows.length > limit;
    if (more) rows.pop();
    return { items: rows.map(rowToAsset), next: more ? encodeCursor(rows.at(-1)!.id) : null };
  }
}
