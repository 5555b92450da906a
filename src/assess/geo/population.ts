import type { ContextFeatureCollection } from '../context.js';
import { distance, geometryCentre, pointInRing, type LocalFrame } from './local-frame.js';

/** A population cell in local metres: its outline, centre and residents. */
export interface PopulationCell {
  readonly id: string;
  readonly ring: readonly (readonly [number, number])[];
  readonly centre: readonly [number, number];
  readonly population: number;
  /** Bounding box [x0, y0, x1, y1]. */
  readonly box: readonly [number, number, number, number];
}

const cache = new WeakMap<ContextFeatureCollection, { frame: LocalFrame; cells: PopulationCell[] }>();

/** The grid's cells in `frame` (cached per grid and frame origin). Cells without residents are skipped. */
export function populationCells(grid: ContextFeatureCollection | undefined, frame: LocalFrame): PopulationCell[] {
  if (!grid) return [];
  const hit = cache.get(grid);
  if (hit && hit.frame.origin[0] === frame.origin[0] && hit.frame.origin[1] === frame.origin[1]) return hit.cells;
  const cells: PopulationCell[] = [];
  for (const f of grid.features) {
    const population = Number(f.properties.population ?? 0);
    if (!(population > 0) || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
    const outer = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0]! : f.geometry.coordinates[0]![0]!;
    const ring = outer.map((c) => frame.toXY(c));
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    cells.push({
      id: String(f.id ?? cells.length), ring, centre: geometryCentre(f.geometry, frame), population,
      box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
    });
  }
  cache.set(grid, { frame, cells });
  return cells;
}

/** Share of a cell inside a circle, by sampling the cell on an n × n lattice (n = 12: ±1 %). */
export function cellShareInCircle(cell: PopulationCell, centre: readonly [number, number], radiusM: number, n = 12): number {
  const [x0, y0, x1, y1] = cell.box;
  // Quick accept and reject by the box.
  const far = Math.max(distance(centre, [x0, y0]), distance(centre, [x1, y0]), distance(centre, [x0, y1]), distance(centre, [x1, y1]));
  if (far <= radiusM) return 1;
  const nx = Math.max(x0, Math.min(centre[0], x1));
  const ny = Math.max(y0, Math.min(centre[1], y1));
  if (distance(centre, [nx, ny]) > radiusM) return 0;
  let inCell = 0;
  let inBoth = 0;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const p: [number, number] = [x0 + ((a + 0.5) * (x1 - x0)) / n, y0 + ((b + 0.5) * (y1 - y0)) / n];
      if (!pointInRing(p, cell.ring)) continue;
      inCell++;
      if (distance(p, centre) <= radiusM) inBoth++;
    }
  }
  return inCell === 0 ? 0 : inBoth / inCell;
}

/** Residents within `radiusM` of `centre` (local metres), area-weighted per cell. */
export function populationWithin(cells: readonly PopulationCell[], centre: readonly [number, number], radiusM: number): number {
  let total = 0;
  for (const c of cells) total += c.population * cellShareInCircle(c, centre, radiusM);
  return Math.round(total);
}

/**
 * Share each cell's residents among the points that serve it: every cell goes to the point
 * nearest its centre (a Voronoi allocation at cell resolution). Returns residents per point id.
 */
export function allocateToNearest(cells: readonly PopulationCell[], nearestId: (xy: readonly [number, number]) => string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of cells) {
    const id = nearestId(c.centre);
    if (id !== undefined) out.set(id, (out.get(id) ?? 0) + c.population);
  }
  return out;
}

/** Residents within reach of any of several circles (each counted once), sampling each cell. */
export function populationWithinAny(cells: readonly PopulationCell[], circles: readonly { centre: readonly [number, number]; radiusM: number }[], n = 12): number {
  if (circles.length === 0) return 0;
  let total = 0;
  for (const c of cells) {
    const near = circles.filter((k) => circleTouchesBox(k.centre, k.radiusM, c.box));
    if (near.length === 0) continue;
    if (near.length === 1) { total += c.population * cellShareInCircle(c, near[0]!.centre, near[0]!.radiusM, n); continue; }
    const [x0, y0, x1, y1] = c.box;
    let inCell = 0;
    let inAny = 0;
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        const p: [number, number] = [x0 + ((a + 0.5) * (x1 - x0)) / n, y0 + ((b + 0.5) * (y1 - y0)) / n];
        if (!pointInRing(p, c.ring)) continue;
        inCell++;
        if (near.some((k) => distance(p, k.centre) <= k.radiusM)) inAny++;
      }
    }
    if (inCell > 0) total += (c.population * inAny) / inCell;
  }
  return Math.round(total);
}

function circleTouchesBox(centre: readonly [number, number], radiusM: number, box: readonly [number, number, number, number]): boolean {
  const nx = Math.max(box[0], Math.min(centre[0], box[2]));
  const ny = Math.max(box[1], Math.min(centre[1], box[3]));
  return distance(centre, [nx, ny]) <= radiusM;
}
