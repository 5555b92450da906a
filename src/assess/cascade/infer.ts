import { representativePoint, type Asset, type Position } from '../../domain/index.js';
import { facilityType } from '../facility-priority.js';
import { localFrame, type LocalFrame } from '../geo/local-frame.js';
import { PointIndex } from '../geo/point-index.js';
import type { DependencyEdge, DependencyGraph, DependencyNode } from './graph.js';

/**
 * A first dependency graph read from the asset register, for a city to correct and extend:
 * - power: each ring main unit is fed along its 10 kV feeder from either end substation (an open
 *   ring, 手拉手); each end is a path that fails if any cable, unit or substation on it does;
 * - facilities, pumping stations and heat stations draw power from the nearest unit or
 *   substation, lasting as long as their backup power (BACKUP_POWER_H);
 * - a water pressure zone (a connected part of the network) needs its pumping stations, lasting
 *   as long as its tanks' storage covers the zone's demand; facilities need their zone, lasting
 *   as long as their own storage (ON_SITE_WATER_H);
 * - heat exchange stations need the heat source; drainage pumping stations need power;
 * - bridges carry the pipes marked `onBridge`; tunnel sections carry the pipes and cables that
 *   run along them.
 * Backup and storage figures are planning assumptions, not standards: a city puts its own in.
 */
export const BACKUP_POWER_H: Readonly<Record<string, number>> = {
  hospital: 24, fire_station: 24, government: 8, elderly_home: 4, water_plant: 0, metro_station: 0, school: 0,
  kindergarten: 0, mall: 0, stadium: 0, shelter: 0, railway_station: 2, power_plant: 0,
};
export const ON_SITE_WATER_H: Readonly<Record<string, number>> = {
  hospital: 8, elderly_home: 4, kindergarten: 4, school: 4, government: 4, fire_station: 2, metro_station: 2, mall: 2, stadium: 2, shelter: 0,
};
const POWER_SEARCH_M = 1000;
const WATER_SEARCH_M = 500;
const CARRY_DISTANCE_M = 25;

export interface InferOptions {
  readonly backupPowerH?: Readonly<Record<string, number>>;
  readonly onSiteWaterH?: Readonly<Record<string, number>>;
}

export function dependenciesFromAssets(assets: readonly Asset[], options: InferOptions = {}): DependencyGraph {
  const backup = { ...BACKUP_POWER_H, ...options.backupPowerH };
  const water = { ...ON_SITE_WATER_H, ...options.onSiteWaterH };
  const first = assets[0];
  if (!first) return { nodes: [], edges: [] };
  const frame = localFrame(representativePoint(first.geometry));
  const byId = new Map(assets.map((a) => [a.id, a]));
  const nodes = new Map<string, DependencyNode>();
  const edges: DependencyEdge[] = [];
  const asset = (a: Asset): string => {
    if (!nodes.has(a.id)) nodes.set(a.id, { id: a.id, kind: 'asset', asset: a.id, ...(a.name ? { name: a.name } : {}) });
    return a.id;
  };
  const edge = (from: string, to: string, e: Omit<DependencyEdge, 'from' | 'to'>): void => { edges.push({ from, to, ...e }); };

  // Power: feeders as chains from one substation to another.
  // Customers and stations take power from the 10 kV ring main units where there are any.
  const powerNodes = distributionNodes(assets);
  const powerIndex = new PointIndex<Asset>(200);
  for (const p of powerNodes) powerIndex.add(frame.toXY(representativePoint(p.geometry)), p);
  const cables = assets.filter((a) => a.domain === 'power' && a.kind === 'cable' && typeof a.properties.feeder === 'string');
  const feeders = new Map<string, Asset[]>();
  for (const c of cables) (feeders.get(c.properties.feeder as string) ?? feeders.set(c.properties.feeder as string, []).get(c.properties.feeder as string)!).push(c);
  for (const [feeder, list] of feeders) {
    const chain = orderChain(list);
    if (!chain) continue;
    // Elements along the feeder: substation, cable, unit, cable, unit … cable, substation.
    const elements: string[] = [chain.start];
    for (const c of chain.cables) elements.push(c.id, c.properties.to as string);
    elements.forEach((id, k) => {
      const a = byId.get(id);
      if (!a || a.properties.type !== 'ring_main_unit') return;
      for (const [side, path] of [['A', elements.slice(0, k)], ['B', elements.slice(k + 1).reverse()]] as const) {
        // Only a path that starts at a substation brings power.
        if (byId.get(path[0] ?? '')?.properties.type === 'ring_main_unit' || path.length === 0) continue;
        const pathId = `path:${id}:${side}`;
        nodes.set(pathId, { id: pathId, kind: 'path', name: `${feeder} ${side === 'A' ? 'from' : 'back from'} ${path[0]}`, detail: { feeder, elements: path } });
        for (const element of path) {
          const el = byId.get(element);
          if (el) edge(asset(el), pathId, { kind: 'path', need: `element:${element}`, delayMin: 0 });
        }
        edge(pathId, asset(a), { kind: 'power', delayMin: 0, note: `feeder ${feeder}, ${side === 'A' ? 'normal' : 'back-fed'} supply` });
      }
    });
  }

  const nearestPower = (a: Asset): Asset | undefined => powerIndex.nearest(frame.toXY(representativePoint(a.geometry)), POWER_SEARCH_M)?.item;
  const powered = (a: Asset, hours: number, why: string): void => {
    const p = nearestPower(a);
    if (p) edge(asset(p), asset(a), { kind: 'power', delayMin: hours * 60, note: hours > 0 ? `${why} ${hours} h` : why });
  };

  // Water: pressure zones are the connected parts of the pipe network.
  const zoneOf = waterZones(assets);
  const junctionIndex = new PointIndex<Asset>(200);
  for (const a of assets) if (a.domain === 'water' && a.kind === 'junction') junctionIndex.add(frame.toXY(representativePoint(a.geometry)), a);
  for (const [zone, members] of groupBy(zoneOf)) {
    const zoneAssets = members.map((id) => byId.get(id)!).filter(Boolean);
    const demandM3h = zoneAssets.reduce((s, a) => s + (num(a.properties.baseDemandLps) ?? 0), 0) * 3.6;
    const pumps = assets.filter((a) => a.domain === 'water' && a.kind === 'pump_station' && zoneOf.get(a.properties.to as string) === zone);
    if (pumps.length === 0 || demandM3h <= 0) continue;
    const storageM3 = zoneAssets.filter((a) => a.kind === 'tank').reduce((s, t) => s + tankUsableM3(t), 0);
    const hours = storageM3 / demandM3h;
    const zoneId = `zone:water:${zone}`;
    nodes.set(zoneId, { id: zoneId, kind: 'zone', name: `Water pressure zone ${zone}`, detail: { junctions: zoneAssets.filter((a) => a.kind === 'junction').length, demandM3h: Math.round(demandM3h), storageM3: Math.round(storageM3) } });
    for (const p of pumps) {
      edge(asset(p), zoneId, { kind: 'water', delayMin: Math.round(hours * 60), note: storageM3 > 0 ? `tank storage ${hours.toFixed(1)} h at average demand` : 'no storage' });
      powered(p, 0, 'no backup power');
      const source = byId.get(p.properties.from as string);
      if (source) edge(asset(source), asset(p), { kind: 'water', delayMin: 0, note: 'suction from the clear-water reservoir' });
    }
  }

  // Facilities: power and water, with their backups.
  for (const f of assets.filter((a) => a.kind === 'facility')) {
    const type = facilityType(f);
    powered(f, backup[type] ?? 0, 'backup power');
    const j = junctionIndex.nearest(frame.toXY(representativePoint(f.geometry)), WATER_SEARCH_M)?.item;
    const zone = j ? zoneOf.get(j.id) : undefined;
    if (zone !== undefined && nodes.has(`zone:water:${zone}`)) {
      const h = water[type] ?? 2;
      edge(`zone:water:${zone}`, asset(f), { kind: 'water', delayMin: h * 60, note: h > 0 ? `on-site water ${h} h` : 'no on-site storage' });
    }
  }
  // Heat and drainage stations.
  for (const a of assets) {
    if (a.domain === 'heating' && a.kind === 'pump_station') powered(a, 0, 'no backup power');
    if (a.domain === 'drainage' && a.kind === 'pump_station') powered(a, 0, 'no backup power');
  }
  const heatSources = assets.filter((a) => a.domain === 'heating' && a.kind === 'pump_station');
  for (const hs of assets.filter((a) => a.domain === 'heating' && a.kind === 'substation')) {
    for (const src of heatSources) edge(asset(src), asset(hs), { kind: 'heat', delayMin: 120, note: 'thermal inertia of the network about 2 h' });
    powered(hs, 0, 'no backup power');
  }

  // Structures that carry lines.
  const linear = assets.filter((a) => (a.kind === 'pipe' || a.kind === 'cable') && a.geometry.type === 'LineString');
  for (const b of assets.filter((a) => a.kind === 'bridge')) {
    for (const l of linear) if (l.properties.onBridge === true && runsAlong(l, b, frame, 60)) edge(asset(b), asset(l), { kind: 'carries', need: `carried-by:${b.id}`, delayMin: 0, note: 'carried by the bridge' });
  }
  for (const t of assets.filter((a) => a.kind === 'tunnel_section')) {
    // Each carrier is a need of its own: losing any one section loses what runs through it.
    for (const l of linear) if (l.domain !== 'drainage' && runsAlong(l, t, frame, CARRY_DISTANCE_M)) edge(asset(t), asset(l), { kind: 'carries', need: `carried-by:${t.id}`, delayMin: 0, note: 'carried in the utility tunnel' });
  }
  return { nodes: [...nodes.values()], edges };
}

/** Where customers connect: ring main units, or substations where a register has no units. */
export function distributionNodes(assets: readonly Asset[]): Asset[] {
  const all = assets.filter((a) => a.domain === 'power' && a.kind === 'substation');
  const units = all.filter((a) => a.properties.type === 'ring_main_unit');
  return units.length > 0 ? units : all;
}

/** Cables of one feeder in order, from its starting substation to its far end. */
function orderChain(cables: readonly Asset[]): { start: string; cables: Asset[] } | undefined {
  const from = new Map(cables.map((c) => [c.properties.from as string, c]));
  const targets = new Set(cables.map((c) => c.properties.to as string));
  const start = cables.find((c) => !targets.has(c.properties.from as string))?.properties.from as string | undefined;
  if (!start) return undefined;
  const out: Asset[] = [];
  for (let at: string | undefined = start; at !== undefined && from.has(at) && out.length <= cables.length;) {
    const c: Asset = from.get(at)!;
    out.push(c);
    at = c.properties.to as string;
  }
  return { start, cables: out };
}

/** Connected parts of the water network (junctions, tanks, reservoirs via pipes), by node id. */
function waterZones(assets: readonly Asset[]): Map<string, number> {
  const parent = new Map<string, string>();
  const find = (x: string): string => { let r = x; while (parent.get(r) !== r) r = parent.get(r)!; parent.set(x, r); return r; };
  for (const a of assets) if (a.domain === 'water' && (a.kind === 'junction' || a.kind === 'tank' || a.kind === 'reservoir')) parent.set(a.id, a.id);
  for (const a of assets) {
    if (a.domain !== 'water' || a.kind !== 'pipe') continue;
    const [x, y] = [a.properties.from as string, a.properties.to as string];
    if (parent.has(x) && parent.has(y)) parent.set(find(x), find(y));
  }
  const roots = new Map<string, number>();
  const zone = new Map<string, number>();
  for (const id of parent.keys()) {
    const r = find(id);
    if (!roots.has(r)) roots.set(r, roots.size + 1);
    zone.set(id, roots.get(r)!);
  }
  return zone;
}

function groupBy(zoneOf: ReadonlyMap<string, number>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [id, z] of zoneOf) (out.get(z) ?? out.set(z, []).get(z)!).push(id);
  return out;
}

function tankUsableM3(t: Asset): number {
  const d = num(t.properties.diameterM) ?? 0;
  const level = (num(t.properties.initLevelM) ?? 0) - (num(t.properties.minLevelM) ?? 0);
  return Math.max(0, (Math.PI / 4) * d * d * level);
}

/**
 * Whether a line runs along a structure: a segment of it parallel to a segment of the structure
 * (within about 25°), no farther than `withinM` to the side, and overlapping it lengthwise.
 */
function runsAlong(line: Asset, structure: Asset, frame: LocalFrame, withinM: number): boolean {
  if (structure.geometry.type !== 'LineString' || line.geometry.type !== 'LineString') return false;
  const s = structure.geometry.coordinates.map((c: Position) => frame.toXY(c));
  const l = line.geometry.coordinates.map((c: Position) => frame.toXY(c));
  for (let k = 1; k < s.length; k++) {
    const [p, q] = [s[k - 1]!, s[k]!];
    const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
    if (len === 0) continue;
    const ux = (q[0] - p[0]) / len;
    const uy = (q[1] - p[1]) / len;
    for (let i = 1; i < l.length; i++) {
      const [a, b] = [l[i - 1]!, l[i]!];
      const segLen = Math.hypot(b[0] - a[0], b[1] - a[1]);
      if (segLen === 0) continue;
      const cos = Math.abs(((b[0] - a[0]) * ux + (b[1] - a[1]) * uy) / segLen);
      if (cos < 0.9) continue;
      const along = (x: readonly [number, number]): number => (x[0] - p[0]) * ux + (x[1] - p[1]) * uy;
      const side = (x: readonly [number, number]): number => Math.abs(-(x[0] - p[0]) * uy + (x[1] - p[1]) * ux);
      const [t0, t1] = [along(a), along(b)].sort((x, y) => x - y) as [number, number];
      if (t1 < 0 || t0 > len) continue;
      if (Math.max(side(a), side(b)) <= withinM) return true;
    }
  }
  return false;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
