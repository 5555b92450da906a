/** The GeoJSON (RFC 7946) shapes Lifeline uses. Coordinates are [longitude, latitude] in WGS 84. */
export type Position = [number, number] | [number, number, number];

export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export type BBox = [number, number, number, number];

const GEOMETRY_TYPES = new Set(['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon']);

/** Whether a value is a geometry with finite coordinates of the right nesting depth. */
export function isGeometry(value: unknown): value is Geometry {
  if (typeof value !== 'object' || value === null) return false;
  const g = value as { type?: unknown; coordinates?: unknown };
  if (typeof g.type !== 'string' || !GEOMETRY_TYPES.has(g.type)) return false;
  const depth = { Point: 0, LineString: 1, MultiPoint: 1, Polygon: 2, MultiLineString: 2, MultiPolygon: 3 }[g.type] ?? 0;
  return validCoordinates(g.coordinates, depth);
}

function validCoordinates(c: unknown, depth: number): boolean {
  if (!Array.isArray(c)) return false;
  if (depth === 0) {
    return (c.length === 2 || c.length === 3) && c.every((n) => typeof n === 'number' && Number.isFinite(n))
      && Math.abs(c[0] as number) <= 180 && Math.abs(c[1] as number) <= 90;
  }
  return c.length > 0 && c.every((x) => validCoordinates(x, depth - 1));
}

/** The bounding box [minLon, minLat, maxLon, maxLat] of a geometry. */
export function geometryBBox(g: Geometry): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      box[0] = Math.min(box[0], x!); box[1] = Math.min(box[1], y!);
      box[2] = Math.max(box[2], x!); box[3] = Math.max(box[3], y!);
    } else for (const inner of c as unknown[]) visit(inner);
  };
  visit(g.coordinates);
  return box;
}

export function bboxIntersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** A representative point: the point itself, or the middle vertex of the first part. */
export function representativePoint(g: Geometry): [number, number] {
  let c: unknown = g.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[Math.floor(c.length / 2)];
  const p = c as number[];
  return [p[0]!, p[1]!];
}
