import type { Asset, AssetKind, Domain, Geometry } from '../../domain/index.js';
import { geometryBBox, validationError } from '../../domain/index.js';

/** An asset as stored: geometry and properties as JSON text, plus its bounding box for bbox queries. */
export interface AssetRow {
  id: string;
  kind: string;
  domain: string;
  name: string | null;
  department: string | null;
  geometry: string;
  properties: string;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
}

export function assetToRow(asset: Asset, index = 0): AssetRow {
  const box = geometryBBox(asset.geometry);
  if (!box.every(Number.isFinite)) throw validationError(`[${index}].geometry`, 'has no finite coordinates');
  return {
    id: asset.id,
    kind: asset.kind,
    domain: asset.domain,
    name: asset.name ?? null,
    department: asset.department ?? null,
    geometry: JSON.stringify(asset.geometry),
    properties: JSON.stringify(asset.properties ?? {}),
    min_lon: box[0],
    min_lat: box[1],
    max_lon: box[2],
    max_lat: box[3],
  };
}

export function rowToAsset(row: AssetRow): Asset {
  return {
    id: row.id,
    kind: row.kind as AssetKind,
    domain: row.domain as Domain,
    ...(row.name !== null ? { name: row.name } : {}),
    ...(row.department !== null ? { department: row.department } : {}),
    geometry: JSON.parse(row.geometry) as Geometry,
    properties: JSON.parse(row.properties) as Record<string, unknown>,
  };
}
