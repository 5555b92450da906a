import type { Geometry } from '../domain/index.js';
import { circleRing, localFrame } from '../assess/geo/local-frame.js';

interface Layered {
  readonly layers: Readonly<Record<string, { readonly features: readonly { readonly geometry: Geometry }[] }>>;
}

/** Layers that show context (the whole storm, every dependency link, roads), not the area at risk. */
const CONTEXT_LAYERS = new Set(['links', 'storm', 'roads']);
const MARGIN_M = 50;

/**
 * The area at risk as one GeoJSON Polygon (what a CAP warning's `<polygon>` needs): the convex hull
 * of everything the impact's layers put at risk and the case's own location, widened by a margin so
 * a single point still makes an area.
 */
export function impactArea(impact: Layered, centre: readonly [number, number]): { type: 'Polygon'; coordinates: [number, number][][] } {
  const frame = localFrame(centre);
  const points: [number, number][] = [[0, 0]];
  for (const [name, layer] of Object.entries(impact.layers)) {
    if (CONTEXT_LAYERS.has(name)) continue;
    for (const f of layer.features) collect(f.geometry, (p) => points.push(frame.toXY(p)));
  }
  const widened = hull(points).flatMap((p) => circleRing(p, MARGIN_M, frame, 8).slice(0, 8).map((q) => frame.toXY(q)));
  const ring = hull(widened).map((p) => frame.toLonLat(p));
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

function collect(g: Geometry, add: (p: [number, number]) => void): void {
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') add([c[0] as number, c[1] as number]);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk(g.coordinates);
}

/** Andrew's monotone chain, counter-clockwise (the GeoJSON outer-ring order). */
function hull(points: readonly [number, number][]): [number, number][] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const q of p) { while (lower.length >= 2 && cross(lower.at(-2)!, lower.at(-1)!, q) <= 0) lower.pop(); lower.push(q); }
  const upper: [number, number][] = [];
  for (const q of p.reverse()) { while (upper.length >= 2 && cross(upper.at(-2)!, upper.at(-1)!, q) <= 0) upper.pop(); upper.push(q); }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}
