import type { Geometry, Position } from '../../domain/index.js';

/**
 * A local metric frame (x east, y north, metres) around an origin in WGS 84. Equirectangular:
 * within a few kilometres of the origin the error is well under a metre, which is all a city
 * district needs and keeps every distance a square root.
 */
export interface LocalFrame {
  readonly origin: readonly [number, number];
  toXY(lonLat: Position | readonly [number, number]): [number, number];
  toLonLat(xy: readonly [number, number]): [number, number];
}

const METRES_PER_DEGREE_LAT = 110_574;
const METRES_PER_DEGREE_LON_EQUATOR = 111_320;

export function localFrame(origin: readonly [number, number]): LocalFrame {
  const mLon = METRES_PER_DEGREE_LON_EQUATOR * Math.cos((origin[1] * Math.PI) / 180);
  return {
    origin,
    toXY: (p) => [(p[0]! - origin[0]) * mLon, (p[1]! - origin[1]) * METRES_PER_DEGREE_LAT],
    toLonLat: ([x, y]) => [round7(origin[0] + x / mLon), round7(origin[1] + y / METRES_PER_DEGREE_LAT)],
  };
}

/** A frame centred on the first coordinate of a geometry (any point of the area will do). */
export function frameNear(g: Geometry): LocalFrame {
  let c: unknown = g.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  const p = c as number[];
  return localFrame([p[0]!, p[1]!]);
}

export function distance(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** Shortest distance from a point to a segment, in the same units. */
export function distanceToSegment(p: readonly [number, number], a: readonly [number, number], b: readonly [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Shortest distance from a point (local metres) to a geometry projected with `frame`. */
export function distanceToGeometry(p: readonly [number, number], g: Geometry, frame: LocalFrame): number {
  switch (g.type) {
    case 'Point': return distance(p, frame.toXY(g.coordinates));
    case 'MultiPoint': return Math.min(...g.coordinates.map((c) => distance(p, frame.toXY(c))));
    case 'LineString': return distanceToLine(p, g.coordinates, frame);
    case 'MultiLineString': return Math.min(...g.coordinates.map((l) => distanceToLine(p, l, frame)));
    case 'Polygon': return distanceToPolygon(p, g.coordinates, frame);
    case 'MultiPolygon': return Math.min(...g.coordinates.map((poly) => distanceToPolygon(p, poly, frame)));
  }
}

function distanceToLine(p: readonly [number, number], line: readonly Position[], frame: LocalFrame): number {
  const xy = line.map((c) => frame.toXY(c));
  if (xy.length === 1) return distance(p, xy[0]!);
  let best = Infinity;
  for (let k = 1; k < xy.length; k++) best = Math.min(best, distanceToSegment(p, xy[k - 1]!, xy[k]!));
  return best;
}

function distanceToPolygon(p: readonly [number, number], rings: readonly Position[][], frame: LocalFrame): number {
  const xy = rings.map((r) => r.map((c) => frame.toXY(c)));
  if (xy[0] && pointInRing(p, xy[0]) && !xy.slice(1).some((hole) => pointInRing(p, hole))) return 0;
  let best = Infinity;
  for (const ring of xy) for (let k = 1; k < ring.length; k++) best = Math.min(best, distanceToSegment(p, ring[k - 1]!, ring[k]!));
  return best;
}

/** Even–odd rule. */
export function pointInRing(p: readonly [number, number], ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if ((yi > p[1]) !== (yj > p[1]) && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The centroid of the vertices (good enough for cells and building footprints). */
export function geometryCentre(g: Geometry, frame: LocalFrame): [number, number] {
  const pts: [number, number][] = [];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') pts.push(frame.toXY(c as Position));
    else for (const inner of c as unknown[]) visit(inner);
  };
  visit(g.type === 'Polygon' ? g.coordinates[0] : g.coordinates);
  // A closed ring repeats its first vertex; count it once.
  if (pts.length > 1 && pts[0]![0] === pts[pts.length - 1]![0] && pts[0]![1] === pts[pts.length - 1]![1]) pts.pop();
  const sx = pts.reduce((s, q) => s + q[0], 0);
  const sy = pts.reduce((s, q) => s + q[1], 0);
  return [sx / pts.length, sy / pts.length];
}

/** A circle as a closed polygon ring in lon/lat, for map layers. */
export function circleRing(centre: readonly [number, number], radiusM: number, frame: LocalFrame, segments = 48): [number, number][] {
  const ring: [number, number][] = [];
  for (let k = 0; k <= segments; k++) {
    const a = (2 * Math.PI * (k % segments)) / segments;
    ring.push(frame.toLonLat([centre[0] + radiusM * Math.cos(a), centre[1] + radiusM * Math.sin(a)]));
  }
  return ring;
}

function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}
