import { representativePoint, type Asset, type Geometry } from '../../domain/index.js';
import type { AssessContext } from '../context.js';
import { byCriticality, facilityPopulation, facilityPriority, facilityType } from '../facility-priority.js';
import { localFrame } from '../geo/local-frame.js';
import { PointIndex } from '../geo/point-index.js';
import { populationCells } from '../geo/population.js';
import { feature, layer, numberActions, type AffectedAsset, type AffectedFacility, type Impact, type ImpactAction } from '../impact.js';
import type { DependencyGraph } from './graph.js';
import { distributionNodes } from './infer.js';
import { propagate, type Failure } from './propagate.js';

/**
 * An outage of one asset (a substation, a pumping station, a bridge, a tunnel section) followed
 * through the dependency graph: what fails next and when, who loses power or water, which
 * critical facilities run out of backup first, and what to do before each deadline.
 */
export interface OutageScenario {
  readonly asset: string;
  /** Consider failures up to this many hours after the outage. Default 72. */
  readonly horizonH?: number;
}

export interface OutageOptions {
  /** Minutes to back-feed a ring main unit from the other end of its feeder (manual switching). Default 45. */
  readonly switchingMin?: number;
}

export function assessOutage(graph: DependencyGraph, scenario: OutageScenario, context: AssessContext, options: OutageOptions = {}): Impact {
  const byId = new Map(context.assets.map((a) => [a.id, a]));
  if (!graph.nodes.some((n) => n.id === scenario.asset)) {
    const a = byId.get(scenario.asset);
    if (!a) throw new Error(`unknown asset '${scenario.asset}'`);
    graph = { nodes: [...graph.nodes, { id: a.id, kind: 'asset', asset: a.id, ...(a.name ? { name: a.name } : {}) }], edges: graph.edges };
  }
  const horizonMin = (scenario.horizonH ?? 72) * 60;
  const switchingMin = options.switchingMin ?? 45;
  const failures = propagate(graph, [{ id: scenario.asset }], horizonMin);
  const nodeKind = new Map(graph.nodes.map((n) => [n.id, n]));
  const visible = failures.filter((f) => nodeKind.get(f.id)?.kind !== 'path');
  const failed = new Map(failures.map((f) => [f.id, f]));
  const first = byId.get(scenario.asset);

  // Who loses what: cells go to their nearest power node and nearest water junction.
  const origin = first ? representativePoint(first.geometry) : context.assets[0] ? representativePoint(context.assets[0].geometry) : undefined;
  // Ring main units that lost their normal feed but keep the other: interrupted until switched.
  const rescued = [...new Set(graph.nodes.filter((n) => n.kind === 'path' && n.id.endsWith(':A') && failed.has(n.id)).map((n) => n.id.split(':')[1]!))].filter((rmu) => !failed.has(rmu));
  const interruptedUnits = new Set(rescued);
  let noPower = 0;
  let interrupted = 0;
  let noWater = 0;
  if (origin) {
    const frame = localFrame(origin);
    const cells = populationCells(context.populationGrid, frame);
    const power = new PointIndex<string>(200);
    const water = new PointIndex<string>(200);
    const waterZone = zoneMembership(graph, context.assets);
    for (const a of distributionNodes(context.assets)) power.add(frame.toXY(representativePoint(a.geometry)), a.id);
    for (const a of context.assets) {
      if (a.domain === 'water' && a.kind === 'junction' && waterZone.has(a.id)) water.add(frame.toXY(representativePoint(a.geometry)), a.id);
    }
    for (const c of cells) {
      const p = power.nearest(c.centre, 1500)?.item;
      if (p && failed.has(p)) noPower += c.population;
      else if (p && interruptedUnits.has(p)) interrupted += c.population;
      const j = water.nearest(c.centre, 1000)?.item;
      if (j && failed.has(waterZone.get(j)!)) noWater += c.population;
    }
  }

  const facilities: AffectedFacility[] = visible.flatMap((f) => {
    const a = byId.get(f.id);
    if (!a || a.kind !== 'facility') return [];
    const type = facilityType(a);
    const pop = facilityPopulation(a);
    return [{
      id: a.id, ...(a.name ? { name: a.name } : {}), facility: type, priority: facilityPriority(type), effect: `loses_${f.need ?? 'service'}`, atMin: Math.round(f.atMin),
      ...(pop !== undefined ? { population: pop } : {}), detail: { causes: f.causes, ...(f.note ? { note: f.note } : {}) },
    }];
  }).sort((a, b) => (a.atMin ?? 0) - (b.atMin ?? 0) || byCriticality(a, b));

  const assets: AffectedAsset[] = visible.map((f): AffectedAsset => {
    const a = byId.get(f.id);
    const n = nodeKind.get(f.id);
    return {
      id: f.id, ...(a ? { kind: a.kind, domain: a.domain } : { kind: n?.kind ?? 'node' }), ...(a?.name ?? n?.name ? { name: a?.name ?? n?.name } : {}),
      effect: f.depth === 0 ? 'outage' : carried(f) ? 'fails_with_carrier' : `loses_${f.need ?? 'supply'}`, atMin: Math.round(f.atMin),
      detail: { depth: f.depth, causes: f.causes, ...(f.note ? { note: f.note } : {}) },
    };
  });

  const zonesDown = visible.filter((f) => f.id.startsWith('zone:'));
  const carriedItems = visible.filter(carried);
  const drainagePumps = visible.filter((f) => byId.get(f.id)?.domain === 'drainage' && byId.get(f.id)?.kind === 'pump_station');
  const name = (id: string): string => byId.get(id)?.name ?? nodeKind.get(id)?.name ?? id;
  const hours = (min: number): string => (min < 60 ? `${Math.round(min)} min` : `${(min / 60).toFixed(1).replace(/\.0$/, '')} h`);
  const when = (min: number): string => (min <= 0 ? 'at once' : `after ${hours(min)}`);
  const actions = numberActions([
    { code: 'restore', text: `Restore ${name(scenario.asset)}: every failure below follows from it.`, targets: [scenario.asset], atMin: 0, by: first?.domain ?? 'power' },
    ...(rescued.length > 0 ? [{ code: 'switch_feeder', text: `Back-feed ${rescued.length} ring main unit${rescued.length === 1 ? '' : 's'} from the far ends of their feeders (${rescued.slice(0, 6).map(name).join('、')}${rescued.length > 6 ? ' …' : ''}): about ${interrupted.toLocaleString('en')} residents are off until then (about ${switchingMin} min).`, targets: rescued, atMin: 0, by: 'power' }] : []),
    ...facilities.filter((f) => (f.atMin ?? 0) > 0).map((f): Omit<ImpactAction, 'order'> => ({
      code: f.effect === 'loses_water' ? 'water_tanker' : 'mobile_generator',
      text: `${f.effect === 'loses_water' ? 'Send water tankers' : 'Send a mobile generator'} to ${f.name ?? f.id} (${f.facility}) before ${hours(f.atMin!)} (${(f.detail as { note?: string }).note ?? 'backup runs out'}).`,
      targets: [f.id], atMin: Math.max(0, f.atMin! - 60), by: f.effect === 'loses_water' ? 'water' : 'power',
    })),
    ...facilities.filter((f) => (f.atMin ?? 0) === 0).map((f): Omit<ImpactAction, 'order'> => ({ code: 'notify_facility', text: `${f.name ?? f.id} (${f.facility}) ${words(f.effect)} at once: notify it and send support.`, targets: [f.id], atMin: 0, by: 'emergency' })),
    ...zonesDown.map((z): Omit<ImpactAction, 'order'> => ({ code: 'conserve_water', text: `${name(z.id)} runs dry after ${hours(z.atMin)}${z.note ? ` (${z.note})` : ''}: ask customers to save water, prepare tankers for ${noWater.toLocaleString('en')} residents.`, targets: [z.id], atMin: 0, by: 'water' })),
    ...drainagePumps.map((d): Omit<ImpactAction, 'order'> => ({ code: 'standby_pump', text: `${name(d.id)} has no power: it cannot drain its low point — send a mobile pump and close the road if rain is forecast.`, targets: [d.id], atMin: 0, by: 'drainage' })),
    ...carriedItems.filter((c) => byId.get(c.id)?.domain === 'water' || byId.get(c.id)?.domain === 'gas').map((c): Omit<ImpactAction, 'order'> => {
      const domain = byId.get(c.id)!.domain;
      return {
        code: domain === 'water' ? 'assess_water' : 'assess_gas',
        text: domain === 'water'
          ? `${c.id} (${name(c.id)}) is lost with ${name(c.causes[0]!)}: run a water-burst assessment on it for the valves to close and the customers affected.`
          : `${c.id} (${name(c.id)}) is lost with ${name(c.causes[0]!)}: shut it off and check for leaks (gas-leak assessment).`,
        targets: [c.id], atMin: 0, by: domain,
      };
    }),
  ]);

  const last = visible[visible.length - 1];
  const summary = [
    `Outage of ${name(scenario.asset)}: ${visible.length - 1} dependent item${visible.length === 2 ? '' : 's'} fail within ${scenario.horizonH ?? 72} h`,
    visible.length > 2 && last!.atMin > 0 ? `, the first ${name(visible[1]!.id)} ${when(visible[1]!.atMin)}, the last ${name(last!.id)} ${when(last!.atMin)}` : visible.length > 1 ? `, ${last!.atMin > 0 ? `by ${hours(last!.atMin)}` : 'all at once'}` : '',
    '.',
    noPower > 0 ? ` About ${noPower.toLocaleString('en')} residents lose power.` : '',
    zonesDown.length > 0 ? ` ${zonesDown.map((z) => `${name(z.id)} runs dry after ${hours(z.atMin)}`).join('; ')}, affecting about ${noWater.toLocaleString('en')} residents.` : '',
    facilities.length > 0 ? ` Critical facilities, most critical first: ${[...facilities].sort(byCriticality).slice(0, 4).map((f) => `${f.name ?? f.id} ${words(f.effect)} ${when(f.atMin ?? 0)}`).join('; ')}${facilities.length > 4 ? ` and ${facilities.length - 4} more` : ''}; the first deadline is ${hours(facilities[0]!.atMin ?? 0)} (${facilities[0]!.name ?? facilities[0]!.id}).` : '',
    rescued.length > 0 ? ` ${rescued.length} ring main unit${rescued.length === 1 ? '' : 's'} lose their normal feed and can be back-fed: about ${interrupted.toLocaleString('en')} residents off for about ${switchingMin} min.` : '',
  ].join('');

  const geometry = (id: string): Geometry | undefined => byId.get(id)?.geometry;
  const point = (id: string): [number, number] | undefined => { const g = geometry(id); return g ? representativePoint(g) : undefined; };
  return {
    kind: 'outage',
    summary,
    affected: { assets, population: Math.max(noPower + interrupted, noWater), facilities: [...facilities].sort(byCriticality) },
    actions,
    layers: {
      failures: layer(visible.flatMap((f, k) => {
        const g = geometry(f.id);
        return g ? [feature(g, { order: k + 1, atMin: Math.round(f.atMin), depth: f.depth, need: f.need ?? null, name: name(f.id) }, f.id)] : [];
      })),
      links: layer(graph.edges.flatMap((e) => {
        const to = failed.get(e.to);
        if (!to || !failed.has(e.from) || !to.causes.includes(e.from)) return [];
        const a = point(e.from);
        const b = point(e.to);
        return a && b && (a[0] !== b[0] || a[1] !== b[1]) ? [feature({ type: 'LineString', coordinates: [a, b] }, { kind: e.kind, delayMin: e.delayMin, note: e.note ?? null }, `${e.from}->${e.to}`)] : [];
      })),
    },
  };
}

function carried(f: Failure): boolean {
  return f.need?.startsWith('carried-by:') === true;
}

function words(effect: string): string {
  return effect.replace(/_/g, ' ');
}

/** Water junction → its zone node, by the zones the graph names and the pipes between junctions. */
function zoneMembership(graph: DependencyGraph, assets: readonly Asset[]): Map<string, string> {
  const zones = graph.nodes.filter((n) => n.kind === 'zone' && n.id.startsWith('zone:water:'));
  if (zones.length === 0) return new Map();
  // Pumping stations name the node they feed; the zone is everything connected to it.
  const seeds = new Map<string, string>();
  for (const e of graph.edges) {
    if (!e.to.startsWith('zone:water:')) continue;
    const pump = assets.find((a) => a.id === e.from);
    if (pump && typeof pump.properties.to === 'string') seeds.set(pump.properties.to, e.to);
  }
  const adjacency = new Map<string, string[]>();
  for (const a of assets) {
    if (a.domain !== 'water' || a.kind !== 'pipe') continue;
    const [x, y] = [a.properties.from as string, a.properties.to as string];
    (adjacency.get(x) ?? adjacency.set(x, []).get(x)!).push(y);
    (adjacency.get(y) ?? adjacency.set(y, []).get(y)!).push(x);
  }
  const out = new Map<string, string>();
  for (const [seed, zone] of seeds) {
    const queue = [seed];
    out.set(seed, zone);
    for (let k = 0; k < queue.length; k++) for (const m of adjacency.get(queue[k]!) ?? []) if (!out.has(m)) { out.set(m, zone); queue.push(m); }
  }
  return out;
}

export type { Failure };
