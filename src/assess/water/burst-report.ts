import type { AffectedAsset, AffectedFacility, Impact, ImpactAction, ImpactFeature } from '../impact.js';
import { feature, layer, numberActions } from '../impact.js';
import type { Served } from './customers.js';
import { networkGeometry } from './geometry.js';
import type { NetworkGraph } from './graph.js';
import type { Closure, IsolationPlan, ValvePolicy } from './isolation.js';
import type { Pipe, WaterNetwork } from './network.js';
import type { RestorationGroup } from './restoration.js';

/** What the burst assessment found, in SI units: everything the report is written from. */
export interface BurstFindings {
  readonly network: WaterNetwork;
  /** The network with the burst node inserted. */
  readonly split: WaterNetwork;
  readonly pipe: Pipe;
  readonly burstNode: string;
  readonly hour: number;
  readonly serviceM: number;
  readonly pipeMm: number;
  readonly openingMm: number;
  readonly burstLps: number;
  /** Demand customers go without while the water pours out, L/s. */
  readonly shortfallLps: number;
  readonly graph: NetworkGraph;
  readonly policy: ValvePolicy;
  readonly plan: IsolationPlan;
  /** Pipes and junctions more than with every valve working. */
  readonly widened: number;
  /** Closures in the order to shut them. */
  readonly ordered: readonly Closure[];
  readonly fallbacks: readonly { valve: string; extra: readonly string[]; extraPipes: number }[];
  readonly cutOff: ReadonlySet<string>;
  readonly segmentNodes: ReadonlySet<string>;
  readonly lowWhileBursting: ReadonlyMap<string, { pressureM: number; normalM: number }>;
  readonly lowWhileIsolated: ReadonlyMap<string, { pressureM: number; normalM: number }>;
  readonly alreadyLow: number;
  readonly served: Served;
  readonly facilities: readonly AffectedFacility[];
  readonly groups: readonly RestorationGroup[];
  readonly crewMin: number;
  readonly repairH: number;
  readonly restoreMin: number;
}

/** The burst's Impact: affected assets, actions in order, summary and map layers. */
export function burstImpact(f: BurstFindings): Impact {
  const {
    network, split, pipe, burstNode, hour, serviceM, pipeMm, openingMm, burstLps, shortfallLps, graph, policy, plan, widened, ordered,
    fallbacks, cutOff, segmentNodes, lowWhileBursting, lowWhileIsolated, alreadyLow, served, facilities, groups, crewMin, repairH, restoreMin,
  } = f;
  const people = (ids: Iterable<string>): number => { let s = 0; for (const id of ids) s += served.people.get(id) ?? 0; return s; };
  const affectedNodes = new Set([...cutOff, ...lowWhileBursting.keys(), ...lowWhileIsolated.keys()]);
  const geometry = networkGeometry(split);
  const assets: AffectedAsset[] = [
    { id: pipe.id, kind: 'pipe', domain: 'water', effect: 'burst', atMin: 0, detail: { diameterMm: round(pipeMm), openingMm: round(openingMm), outflowLps: round(burstLps), shortfallLps: round(shortfallLps) } },
    ...plan.pipes.filter((id) => id !== pipe.id).map((id): AffectedAsset => ({ id, kind: 'pipe', domain: 'water', effect: 'isolated', atMin: crewMin })),
    ...ordered.map((c, k): AffectedAsset => ({ id: c.id, kind: c.kind === 'valve' ? 'valve' : 'link', domain: 'water', effect: 'close', atMin: crewMin, detail: { order: k + 1, pipe: c.link, node: c.node } })),
    ...[...cutOff].map((id): AffectedAsset => ({ id, kind: 'junction', domain: 'water', effect: 'cut_off', atMin: crewMin, detail: { people: served.people.get(id) ?? 0 } })),
    ...[...lowWhileBursting].map(([id, v]): AffectedAsset => ({ id, kind: 'junction', domain: 'water', effect: 'low_pressure', atMin: 0, detail: { pressureM: round(v.pressureM), normalM: round(v.normalM) } })),
    ...[...lowWhileIsolated].filter(([id]) => !lowWhileBursting.has(id)).map(([id, v]): AffectedAsset => ({ id, kind: 'junction', domain: 'water', effect: 'low_pressure_isolated', atMin: crewMin, detail: { pressureM: round(v.pressureM), normalM: round(v.normalM) } })),
  ];

  const actions = numberActions([
    { code: 'dispatch_crew', text: `Send a repair crew and valve operators to pipe ${pipe.id}; set up traffic control at the break.`, targets: [pipe.id], atMin: 0, by: 'water' },
    ...facilities.filter((f) => f.effect === 'no_water').map((f): Omit<ImpactAction, 'order'> => ({
      code: 'temporary_supply', text: `Arrange temporary water for ${f.name ?? f.id} (${f.facility}): tanker or hydrant standpipe before its supply is shut.`, targets: [f.id], atMin: 0, by: 'water',
    })),
    ...(cutOff.size > 0 ? [{ code: 'notify_customers', text: `Notify about ${people(cutOff).toLocaleString('en')} people at ${plural(cutOff.size, 'junction')} that water will be off for about ${Math.round(restoreMin / 60)} h.`, targets: [...cutOff], atMin: 0, by: 'water' }] : []),
    ...ordered.map((c, k): Omit<ImpactAction, 'order'> => ({
      code: 'close_valve', text: c.kind === 'valve' ? `Close valve ${c.id} (pipe ${c.link} at ${c.node})${k === 0 ? ', supply side first' : ''}.` : `Shut ${c.id} (${graph.links.get(c.link)?.kind ?? 'link'}).`,
      targets: [c.id], atMin: crewMin, by: 'water',
    })),
    ...plan.gaps.filter((g) => g.reason === 'failed').map((g): Omit<ImpactAction, 'order'> => ({
      code: 'report_failed_valve', text: `Valve ${g.valve} on ${g.pipe} at ${g.node} does not operate: the segment was widened past it; log it for replacement.`, targets: [g.valve!], by: 'water',
    })),
    ...(plan.sources.length > 0 ? [{ code: 'shut_source', text: `No valve between the segment and ${plan.sources.join(', ')}: shut the outlet there.`, targets: [...plan.sources], atMin: crewMin, by: 'water' }] : []),
    ...fallbacks.filter((f) => f.extra.length > 0).slice(0, 5).map((f): Omit<ImpactAction, 'order'> => ({
      code: 'fallback_valves', text: `If ${f.valve} will not close, close ${f.extra.join(', ')} instead (${f.extraPipes} more pipes out of service).`, targets: [f.valve, ...f.extra], by: 'water',
    })),
    { code: 'repair', text: `Repair ${pipe.id} (DN${Math.round(pipeMm)}): about ${repairH} h after isolation.`, targets: [pipe.id], atMin: crewMin, by: 'water' },
    { code: 'reopen_valves', text: `After the repair, reopen slowly in this order, bleeding air at hydrants at the far end: ${ordered.map((c) => c.id).join(', ') || 'none'}; flush and sample chlorine before use.`, targets: ordered.map((c) => c.id), atMin: crewMin + repairH * 60, by: 'water' },
    ...groups.map((g): Omit<ImpactAction, 'order'> => ({
      code: 'restore_area', text: `Restore area ${g.order}: ${plural(g.nodes.length, 'junction')}, ${g.population.toLocaleString('en')} people${g.facilities.length ? `, ${g.facilities.join(', ')}` : ''}; confirm pressure and water quality.`,
      targets: [...g.facilities, ...g.nodes], atMin: restoreMin, by: 'water',
    })),
  ]);

  const features = (ids: Iterable<string>, props: (id: string) => Record<string, unknown>): ImpactFeature[] => {
    const out: ImpactFeature[] = [];
    for (const id of ids) { const g = geometry.node(id); if (g) out.push(feature(g, props(id), id)); }
    return out;
  };
  const linkFeature = (id: string, props: Record<string, unknown>): ImpactFeature | undefined => {
    const l = split.pipes.find((p) => p.id === id);
    const g = l ? (id === pipe.id ? geometry.link(id, pipe.from, pipe.to) ?? undefined : geometry.link(id, l.from, l.to)) : undefined;
    return g ? feature(g, props, id) : undefined;
  };
  const burstPoint = geometry.node(burstNode);
  const closureFeature = (c: Closure, k: number): ImpactFeature | undefined => {
    const v = network.isolationValves?.find((x) => x.id === c.id);
    const link = graph.links.get(c.link)!;
    const g = v?.position ? { type: 'Point' as const, coordinates: [v.position[0], v.position[1]] as [number, number] } : geometry.nearEnd(c.link, link.from, link.to, c.node);
    return g ? feature(g, { role: 'close', order: k + 1, pipe: c.link, node: c.node }, c.id) : undefined;
  };
  const gapFeatures = plan.gaps.flatMap((g) => {
    const link = graph.links.get(g.pipe)!;
    const pos = geometry.nearEnd(g.pipe, link.from, link.to, g.node);
    return pos ? [feature(pos, { role: g.reason === 'failed' ? 'failed' : 'missing', pipe: g.pipe, node: g.node, ...(g.valve ? { valve: g.valve } : {}) }, g.valve ?? `${g.pipe}@${g.node}`)] : [];
  });

  const summary = [
    `Burst on ${pipe.id} (DN${Math.round(pipeMm)}, opening ${Math.round(openingMm)} mm) at ${String(Math.floor(hour)).padStart(2, '0')}:00: about ${round(burstLps)} L/s escapes until it is isolated`,
    shortfallLps >= 1 ? ` and customers go short of ${Math.round(shortfallLps)} L/s` : '',
    lowWhileBursting.size > 0 ? `; ${plural(lowWhileBursting.size, 'junction')} (${people(lowWhileBursting.keys()).toLocaleString('en')} people) ${lowWhileBursting.size === 1 ? 'drops' : 'drop'} below ${serviceM} m of pressure meanwhile` : '',
    `. Close ${plural(ordered.length, 'valve')} to isolate ${plural(plan.pipes.length, 'pipe')}`,
    widened > 0 ? ` (${plural(widened, 'pipe or junction', 'pipes or junctions')} more than with every valve working)` : '',
    `; ${plural(cutOff.size, 'junction')} and about ${people(cutOff).toLocaleString('en')} people are then without water`,
    facilities.length > 0 ? `, with ${facilities.length} critical facilit${facilities.length === 1 ? 'y' : 'ies'} affected, first ${facilities[0]!.name ?? facilities[0]!.id} (${facilities[0]!.facility})` : '',
    `. Repair about ${repairH} h; supply back after about ${Math.round(restoreMin / 60)} h.`,
    alreadyLow > 0 ? ` (${plural(alreadyLow, 'junction')} ${alreadyLow === 1 ? 'was' : 'were'} below service pressure before the burst.)` : '',
    plan.gaps.some((g) => g.reason === 'none') && policy === 'register' ? ` No valve at ${plural(plan.gaps.filter((g) => g.reason === 'none').length, 'pipe end')} the segment had to cross.` : '',
  ].join('');

  return {
    kind: 'water-burst',
    summary,
    affected: { assets, population: people(affectedNodes), facilities },
    actions,
    layers: {
      burst: layer(burstPoint ? [feature(burstPoint, { pipe: pipe.id, outflowLps: round(burstLps), openingMm: round(openingMm) }, `burst-${pipe.id}`)] : []),
      segment: layer(plan.pipes.map((id) => linkFeature(id, { role: id === pipe.id ? 'burst' : 'isolated' })).filter((f): f is ImpactFeature => !!f)),
      valves: layer([...ordered.map(closureFeature).filter((f): f is ImpactFeature => !!f), ...gapFeatures]),
      cutOff: layer(features(cutOff, (id) => ({ people: served.people.get(id) ?? 0, segment: segmentNodes.has(id) }))),
      lowPressure: layer([
        ...features(lowWhileBursting.keys(), (id) => ({ phase: 'burst', pressureM: round(lowWhileBursting.get(id)!.pressureM), normalM: round(lowWhileBursting.get(id)!.normalM), people: served.people.get(id) ?? 0 })),
        ...features([...lowWhileIsolated.keys()].filter((id) => !lowWhileBursting.has(id)), (id) => ({ phase: 'isolated', pressureM: round(lowWhileIsolated.get(id)!.pressureM), normalM: round(lowWhileIsolated.get(id)!.normalM), people: served.people.get(id) ?? 0 })),
      ]),
      facilities: layer(facilities.flatMap((f) => {
        const a = served.facilities.get(f.id);
        return a ? [feature(a.geometry, { name: f.name, facility: f.facility, priority: f.priority, effect: f.effect }, f.id)] : [];
      })),
    },
  };

}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? word : many}`;
}
