import type { Geometry, Position } from '../domain/index.js';
import { FACILITY_PRIORITY } from '../assess/facility-priority.js';
import type { ContextFeatureCollection } from '../assess/context.js';
import { localFrame, type LocalFrame } from '../assess/geo/local-frame.js';
import type { Asset } from '../domain/index.js';
import type { Works } from './input.js';
import { BinGrid, pointInRing, segmentDistance } from './spatial.js';

/**
 * The city's context layers projected to local metres and binned, asked once per asset:
 * how many people, which critical facilities, which road and which works are within reach.
 */
interface Cell { readonly x: number; readonly y: number; readonly pop: number; readonly ring: [number, number][]; readonly box: [number, number, number, number]; readonly density: number }
interface Facility { readonly id: string; readonly type: string; readonly x: number; readonly y: number; readonly weight: number }
interface Segment { readonly ax: number; readonly ay: number; readonly bx: number; readonly by: number; readonly cls: string; readonly name: string }
interface Site { readonly id: string; readonly name: string; readonly x: number; readonly y: number; readonly radiusM: number; readonly from: number; readonly to: number; readonly geometry: Geometry; readonly segs: [number, number][] }
interface Zone { readonly id: string; readonly name: string; readonly ring: [number, number][]; readonly box: [number, number, number, number] }

/** Critical facilities weigh by who they shelter (assess's priority: hospital first). 1 → 1.0, 11 → 0.2. */
export function facilityWeight(type: string): number {
  const p = FACILITY_PRIORITY[type] ?? 11;
  return Math.max(0.2, 1 - 0.08 * (p - 1));
}

export class CityLayers {
  readonly frame: LocalFrame;
  private readonly cells = new BinGrid<Cell>(250);
  private readonly cellList: Cell[] = [];
  private readonly facilities = new BinGrid<Facility>(200);
  private readonly roads = new BinGrid<Segment>(100);
  private readonly works: Site[] = [];
  private readonly districts: Zone[] = [];

  constructor(origin: readonly [number, number], opts: {
    populationGrid?: ContextFeatureCollection; roads?: ContextFeatureCollection; districts?: ContextFeatureCollection;
    facilities?: readonly Asset[]; works?: readonly Works[];
  }) {
    this.frame = localFrame(origin);
    for (const f of opts.populationGrid?.features ?? []) {
      const pop = Number(f.properties.population ?? 0);
      const ring = outerRing(f.geometry, this.frame);
      if (!(pop > 0) || !ring) continue;
      const box = boxOf(ring);
      const cell = { x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2, pop, ring, box, density: pop / Math.max(1, ringArea(ring)) };
      this.cells.addBox(box, cell);
      this.cellList.push(cell);
    }
    for (const a of opts.facilities ?? []) {
      const [x, y] = this.frame.toXY(firstPoint(a.geometry));
      const type = typeof a.properties.facility === 'string' ? a.properties.facility : 'other';
      this.facilities.addPoint([x, y], { id: a.id, type, x, y, weight: facilityWeight(type) });
    }
    for (const f of opts.roads?.features ?? []) {
      const cls = String(f.properties.class ?? 'local');
      const name = String(f.properties.name ?? f.id ?? '');
      for (const line of lines(f.geometry)) {
        const xy = line.map((p) => this.frame.toXY(p));
        for (let k = 1; k < xy.length; k++) {
          const [ax, ay] = xy[k - 1]!; const [bx, by] = xy[k]!;
          this.roads.addBox([Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)], { ax, ay, bx, by, cls, name });
        }
      }
    }
    for (const w of opts.works ?? []) {
      const pts = allPoints(w.geometry).map((p) => this.frame.toXY(p));
      const [x, y] = pts[0] ?? [0, 0];
      this.works.push({ id: w.id, name: w.name ?? w.id, x, y, radiusM: w.radiusM ?? 50, from: w.from ?? -Infinity, to: w.to ?? Infinity, geometry: w.geometry, segs: pts });
    }
    for (const f of opts.districts?.features ?? []) {
      const ring = outerRing(f.geometry, this.frame);
      if (ring) this.districts.push({ id: String(f.id ?? this.districts.length), name: String(f.properties.name ?? f.id ?? ''), ring, box: boxOf(ring) });
    }
  }

  /** Residents within `r` m: the density of the cell the point is in × the circle's area. */
  population(x: number, y: number, r: number): number {
    let density = 0;
    this.cells.near(x, y, 0, (c) => {
      if (density === 0 && x >= c.box[0] && x <= c.box[2] && y >= c.box[1] && y <= c.box[3] && pointInRing(x, y, c.ring)) density = c.density;
    });
    return density * Math.PI * r * r;
  }

  /** The weightiest critical facility within `r` m (weight fading to half at the edge of reach). */
  facility(x: number, y: number, r: number): { id: string; type: string; distanceM: number; score: number } | undefined {
    let best: { id: string; type: string; distanceM: number; score: number } | undefined;
    this.facilities.near(x, y, r, (f) => {
      const d = Math.hypot(f.x - x, f.y - y);
      if (d > r) return;
      const score = f.weight * (1 - 0.5 * (d / r));
      if (!best || score > best.score) best = { id: f.id, type: f.type, distanceM: Math.round(d), score };
    });
    return best;
  }

  /** The most important road within `r` m of the point (arterial over local). */
  road(x: number, y: number, r: number): { cls: string; name: string } | undefined {
    let best: Segment | undefined;
    this.roads.near(x, y, r, (s) => {
      if (best?.cls === 'arterial' || segmentDistance(x, y, s.ax, s.ay, s.bx, s.by) > r) return;
      best = s;
    });
    return best && { cls: best.cls, name: best.name };
  }

  /** Works active at `at` within their radius of the point. */
  worksNear(x: number, y: number, at: number): { id: string; name: string; distanceM: number } | undefined {
    for (const w of this.works) {
      if (at < w.from || at > w.to) continue;
      let d = Infinity;
      if (w.segs.length === 1) d = Math.hypot(w.x - x, w.y - y);
      for (let k = 1; k < w.segs.length; k++) d = Math.min(d, segmentDistance(x, y, w.segs[k - 1]![0], w.segs[k - 1]![1], w.segs[k]![0], w.segs[k]![1]));
      if (d <= w.radiusM) return { id: w.id, name: w.name, distanceM: Math.round(d) };
    }
    return undefined;
  }

  /** Population cells as centre and residents, for allocating people to network nodes. */
  populationCells(): readonly { x: number; y: number; pop: number }[] {
    return this.cellList;
  }

  get hasDistricts(): boolean {
    return this.districts.length > 0;
  }

  district(x: number, y: number): { id: string; name: string } | undefined {
    for (const d of this.districts) {
      if (x >= d.box[0] && x <= d.box[2] && y >= d.box[1] && y <= d.box[3] && pointInRing(x, y, d.ring)) return d;
    }
    return undefined;
  }

  districtList(): readonly { id: string; name: string }[] {
    return this.districts;
  }
}

type P = Position;

export function firstPoint(g: Geometry): [number, number] {
  let c: unknown = g.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  const p = c as number[];
  return [p[0]!, p[1]!];
}

function allPoints(g: Geometry): P[] {
  const out: P[] = [];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') out.push(c as P); else for (const x of c as unknown[]) visit(x);
  };
  visit(g.coordinates);
  return out;
}

function lines(g: Geometry): readonly (readonly P[])[] {
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

function outerRing(g: Geometry, frame: LocalFrame): [number, number][] | undefined {
  const ring = g.type === 'Polygon' ? g.coordinates[0] : g.type === 'MultiPolygon' ? g.coordinates[0]?.[0] : undefined;
  return ring?.map((p) => frame.toXY(p));
}

function boxOf(ring: readonly (readonly [number, number])[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) { box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y); box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y); }
  return box;
}

function ringArea(ring: readonly (readonly [number, number])[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0] + ring[i]![0]) * (ring[j]![1] - ring[i]![1]);
  return Math.abs(a / 2);
}
