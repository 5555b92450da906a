import type { Geometry, Position } from '../domain/geojson.js';

/**
 * The demo city is laid out in a local metric frame (x east, y north, metres) whose origin is
 * placed on real coordinates in Hefei's 政务区/蜀山区, then projected to WGS 84 for GeoJSON.
 * An equirectangular projection is exact to well under a metre over a few kilometres.
 */
export const ORIGIN_LON = 117.22;
export const ORIGIN_LAT = 31.8;

const METRES_PER_DEGREE_LAT = 110_574;
const METRES_PER_DEGREE_LON = 111_320 * Math.cos((ORIGIN_LAT * Math.PI) / 180);

export type XY = readonly [number, number];

/** Local metres to [lon, lat], rounded to 1e-6° (about 0.1 m). */
export function toLonLat([x, y]: XY): [number, number] {
  return [round6(ORIGIN_LON + x / METRES_PER_DEGREE_LON), round6(ORIGIN_LAT + y / METRES_PER_DEGREE_LAT)];
}

/** [lon, lat] back to local metres. */
export function toXY(position: Position): [number, number] {
  return [(position[0] - ORIGIN_LON) * METRES_PER_DEGREE_LON, (position[1] - ORIGIN_LAT) * METRES_PER_DEGREE_LAT];
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

export function pointGeometry(xy: XY): Geometry {
  return { type: 'Point', coordinates: toLonLat(xy) };
}

export function lineGeometry(points: readonly XY[]): Geometry {
  return { type: 'LineString', coordinates: points.map(toLonLat) };
}

/** A polygon from an open or closed ring (closed here, as RFC 7946 requires). */
export function polygonGeometry(ring: readonly XY[]): Geometry {
  const coords = ring.map(toLonLat);
  const first = coords[0];
  const last = coords[coords.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) coords.push([first[0], first[1]]);
  return { type: 'Polygon', coordinates: [coords] };
}

export function rectangle(x0: number, y0: number, x1: number, y1: number): XY[] {
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
}

export function distance(a: XY, b: XY): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

/** The point a fraction `t` of the way from a to b, pushed `side` metres to the left of travel. */
export function along(a: XY, b: XY, t: number, side = 0): [number, number] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy) || 1;
  return [a[0] + dx * t - (dy / len) * side, a[1] + dy * t + (dx / len) * side];
}

export function polylineLength(points: readonly XY[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += distance(points[i - 1]!, points[i]!);
  return total;
}
