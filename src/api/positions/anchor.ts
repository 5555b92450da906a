import type { Geometry } from '../../domain/index.js';

type Position = readonly [number, number];

/** Where a sensor on an asset is drawn: the point, a line's middle vertex, a polygon's mean vertex. */
export function assetAnchor(geometry: Geometry | undefined): Position | null {
  if (!geometry) return null;
  const c = (geometry as { coordinates?: unknown }).coordinates;
  switch (geometry.type) {
    case 'Point': return c as Position;
    case 'LineString': return middle(c as Position[]);
    case 'MultiLineString': return middle((c as Position[][])[0] ?? []);
    case 'Polygon': return mean((c as Position[][])[0] ?? []);
    case 'MultiPolygon': return mean((c as Position[][][])[0]?.[0] ?? []);
    default: return null;
  }
}

function middle(line: readonly Position[]): Position | null {
  return line[Math.floor(line.length / 2)] ?? null;
}

function mean(ring: readonly Position[]): Position | null {
  if (!ring.length) return null;
  let x = 0; let y = 0;
  for (const p of ring) { x += p[0]; y += p[1]; }
  return [x / ring.length, y / ring.length];
}

/** The k-th sensor on one asset sits on a small spiral (a few metres), so several stay distinguishable. */
export function spiralOffset(k: number): Position {
  if (k === 0) return [0, 0];
  const r = 0.00004 * Math.sqrt(k);
  return [Math.cos(k * 2.4) * r, Math.sin(k * 2.4) * r];
}
