import type { AssetFeature } from '../api/types';

/** Where a marker for an asset goes: its point, the middle vertex of a line, the mean vertex of a polygon (as the server places sensors). */
export function assetAnchor(geometry: AssetFeature['geometry'] | undefined): [number, number] | null {
  if (!geometry) return null;
  const c = geometry.coordinates as unknown;
  switch (geometry.type) {
    case 'Point': return c as [number, number];
    case 'LineString': { const l = c as [number, number][]; return l[Math.floor(l.length / 2)] ?? null; }
    case 'Polygon': { const ring = (c as [number, number][][])[0] ?? []; return centroid(ring); }
    case 'MultiLineString': { const l = (c as [number, number][][])[0] ?? []; return l[Math.floor(l.length / 2)] ?? null; }
    case 'MultiPolygon': { const ring = (c as [number, number][][][])[0]?.[0] ?? []; return centroid(ring); }
    default: return null;
  }
}

function centroid(ring: [number, number][]): [number, number] | null {
  if (!ring.length) return null;
  let x = 0; let y = 0;
  for (const p of ring) { x += p[0]; y += p[1]; }
  return [x / ring.length, y / ring.length];
}
