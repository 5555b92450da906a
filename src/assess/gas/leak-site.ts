import { representativePoint, type Asset, type Geometry } from '../../domain/index.js';
import { distanceToSegment, type LocalFrame } from '../geo/local-frame.js';

/** Where on a gas main a leak is: the pipe, and the point in local metres and in lon/lat. */
export interface LeakSite {
  readonly pipe: Asset;
  readonly xy: [number, number];
  readonly lonLat: [number, number];
}

/** How far from a point an asset may be to count as "on" a gas pipe, m. */
export const PIPE_SEARCH_M = 100;

/**
 * The leak's place: on the named pipe (at `point` if given, else its middle), or on the pipe
 * nearest the point or asset given, within PIPE_SEARCH_M.
 */
export function leakSite(pipes: readonly Asset[], scenario: { readonly asset?: string; readonly point?: readonly [number, number] }, frame: LocalFrame): LeakSite {
  const own = scenario.asset ? pipes.find((p) => p.id === scenario.asset) : undefined;
  // Without a point or a pipe of its own, the target is the frame's origin: the asset named.
  const target = scenario.point ? frame.toXY(scenario.point) : own ? frame.toXY(midpoint(own.geometry)) : [0, 0] as [number, number];
  const candidates = own ? [own] : pipes;
  let best: { pipe: Asset; xy: [number, number]; d: number } | undefined;
  for (const pipe of candidates) {
    const hit = nearestOnLine(pipe.geometry, target, frame);
    if (hit && (!best || hit.d < best.d)) best = { pipe, ...hit };
  }
  if (!best || (!own && best.d > PIPE_SEARCH_M)) throw new Error(`no gas pipe within ${PIPE_SEARCH_M} m of the leak`);
  return { pipe: best.pipe, xy: best.xy, lonLat: frame.toLonLat(best.xy) };
}

export function nearestOnLine(g: Geometry, p: readonly [number, number], frame: LocalFrame): { xy: [number, number]; d: number } | undefined {
  const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  let best: { xy: [number, number]; d: number } | undefined;
  for (const line of lines) {
    const xy = line.map((c) => frame.toXY(c));
    for (let k = 1; k < xy.length; k++) {
      const [a, b] = [xy[k - 1]!, xy[k]!];
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
      const q: [number, number] = [a[0] + t * dx, a[1] + t * dy];
      const d = distanceToSegment(p, a, b);
      if (!best || d < best.d) best = { xy: q, d };
    }
  }
  return best;
}

function midpoint(g: Geometry): [number, number] {
  if (g.type === 'LineString' && g.coordinates.length >= 2) {
    const a = g.coordinates[0]!;
    const b = g.coordinates[g.coordinates.length - 1]!;
    return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  }
  return representativePoint(g);
}

export function pointOf(assets: readonly Asset[], id: string): [number, number] | undefined {
  const a = assets.find((x) => x.id === id);
  if (!a) throw new Error(`unknown asset '${id}'`);
  return a.kind === 'pipe' ? midpoint(a.geometry) : representativePoint(a.geometry);
}
