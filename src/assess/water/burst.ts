import type { AssessContext } from '../context.js';
import { localHour } from '../context.js';
import { byCriticality, facilityPopulation, facilityPriority, facilityType } from '../facility-priority.js';
import type { AffectedFacility, Impact } from '../impact.js';
import { burstImpact } from './burst-report.js';
import { servedBy, LITRES_PER_PERSON_DAY } from './customers.js';
import { networkGraph, reachableFromSources } from './graph.js';
import { solveSnapshots } from './hydraulics.js';
import { isolate, fallbackIfFails, type IsolationInput, type ValvePolicy } from './isolation.js';
import type { WaterNetwork } from './network.js';
import { closingOrder, repairHours, restorationGroups } from './restoration.js';
import { splitPipe } from './split-pipe.js';
import { orificeEmitterCoefficient, unitSystem } from './units.js';

/**
 * Rapid assessment of a burst (or a leak) on one pipe:
 *  1. the valves to close (valve-bounded segment search, widened past missing or failed valves);
 *  2. the junctions, people and facilities cut off once they are closed (no path to a source);
 *  3. the junctions whose pressure falls below the service level while water pours out
 *     (EPANET, pressure-driven, with an emitter at the break) and again while the segment is shut;
 *  4. critical facilities, hospitals first, and the order to restore supply.
 */
export interface WaterBurstScenario {
  readonly pipe: string;
  /** Where along the pipe, 0 at its start node … 1 at its end node. Default 0.5. */
  readonly position?: number;
  /** Equivalent diameter of the opening, mm. Default: the pipe's bore (a full break). */
  readonly openingMm?: number;
  /** Orifice discharge coefficient of the opening. Default 0.6 (sharp-edged). */
  readonly dischargeCoefficient?: number;
  /** Valves reported not to operate (seized, buried, missing). */
  readonly failedValves?: readonly string[];
}

export interface WaterBurstOptions {
  /** Service pressure, m of water. Default 14 m ≈ 0.14 MPa, the minimum at the network's extremities (CJ/T 316-2010). */
  readonly servicePressureM?: number;
  /** Which valves exist: the register, or one at every pipe end. Default: the register if the network has one. */
  readonly valvePolicy?: ValvePolicy;
  /** Hour of day the burst happens (patterns). Default: from `context.at`, else the peak-demand hour. */
  readonly hour?: number;
  readonly litresPerPersonDay?: number;
  /** Minutes for a crew to reach the valves. Default 30. */
  readonly crewArrivalMin?: number;
  /** Hours to flush, disinfect and sample before supply resumes. Default 2. */
  readonly flushHours?: number;
}

const BURST_NODE = 'LIFELINE-BURST';

export async function assessWaterBurst(network: WaterNetwork, scenario: WaterBurstScenario, context: AssessContext, options: WaterBurstOptions = {}): Promise<Impact> {
  const pipe = network.pipes.find((p) => p.id === scenario.pipe);
  if (!pipe) throw new Error(`no pipe '${scenario.pipe}' in the water network`);
  const units = unitSystem(network.options.units);
  const serviceM = options.servicePressureM ?? 14;
  const hour = options.hour ?? localHour(context) ?? peakHour(network);
  const pipeMm = pipe.diameter * units.mmPerDiameter;
  const openingMm = Math.min(scenario.openingMm ?? pipeMm, pipeMm);
  const cd = scenario.dischargeCoefficient ?? 0.6;

  // 1. Isolation.
  const graph = networkGraph(network);
  const policy: ValvePolicy = options.valvePolicy ?? ((network.isolationValves?.length ?? 0) > 0 ? 'register' : 'every-pipe-end');
  const failed = new Set(scenario.failedValves ?? []);
  const input: IsolationInput = { graph, valves: network.isolationValves ?? [], policy, failed };
  const plan = isolate(input, pipe.id);
  const asDesigned = failed.size > 0 || (network.isolationValves ?? []).some((v) => v.inoperable)
    ? isolate({ ...input, failed: new Set(), valves: (network.isolationValves ?? []).map((v) => ({ ...v, inoperable: false })) }, pipe.id)
    : plan;
  const widened = plan.pipes.length + plan.nodes.length - asDesigned.pipes.length - asDesigned.nodes.length;
  const segmentNodes = new Set(plan.nodes);
  const removed = new Set<string>([...plan.pipes, ...plan.closures.map((c) => c.link)]);
  const reachable = reachableFromSources(graph, removed);
  const cutOff = new Set(network.junctions.map((j) => j.id).filter((id) => !reachable.has(id)));

  // 2. Hydraulics: normal, bursting, isolated.
  const split = splitPipe(network, pipe.id, scenario.position ?? 0.5, BURST_NODE);
  const emitter = orificeEmitterCoefficient((Math.PI / 4) * (openingMm / 1000) ** 2, cd, units);
  const closedWhileIsolated = [...plan.pipes.flatMap((id) => (id === pipe.id ? [id, `${id}-B`] : [id])), ...plan.closures.map((c) => c.link)];
  const [normal, bursting, isolated] = await solveSnapshots(split, {
    patternHour: hour,
    pressureDriven: { minimum: 0, required: serviceM / units.mPerPressure },
  }, [
    {},
    { emitters: { [BURST_NODE]: emitter } },
    { closed: [...new Set(closedWhileIsolated)], noDemand: [...cutOff] },
  ]);
  const m = (p: number | undefined): number => (p ?? 0) * units.mPerPressure;
  const lps = (q: number | undefined): number => (q ?? 0) * units.lpsPerFlow;
  const burstLps = lps(bursting!.flow.get(pipe.id)) - lps(bursting!.flow.get(`${pipe.id}-B`));
  const shortfallLps = network.junctions.reduce((s, j) => s + Math.max(0, lps(normal!.demand.get(j.id)) - lps(bursting!.demand.get(j.id))), 0);

  const lowWhileBursting = new Map<string, { pressureM: number; normalM: number }>();
  const lowWhileIsolated = new Map<string, { pressureM: number; normalM: number }>();
  let alreadyLow = 0;
  for (const j of network.junctions) {
    const normalM = m(normal!.pressure.get(j.id));
    if (normalM < serviceM) { alreadyLow++; continue; }
    const burstM = m(bursting!.pressure.get(j.id));
    if (burstM < serviceM) lowWhileBursting.set(j.id, { pressureM: burstM, normalM });
    if (!cutOff.has(j.id)) {
      const isoM = m(isolated!.pressure.get(j.id));
      if (isoM < serviceM) lowWhileIsolated.set(j.id, { pressureM: isoM, normalM });
    }
  }

  // 3. People and facilities.
  const served = servedBy(network, context, options.litresPerPersonDay ?? LITRES_PER_PERSON_DAY);
  const facilities: AffectedFacility[] = [];
  for (const [fid, node] of served.facilityNode) {
    const f = served.facilities.get(fid)!;
    const effect = cutOff.has(node) ? 'no_water' : lowWhileIsolated.has(node) ? 'low_pressure' : lowWhileBursting.has(node) ? 'low_pressure_during_burst' : undefined;
    if (!effect) continue;
    const type = facilityType(f);
    const population = facilityPopulation(f);
    facilities.push({
      id: fid, ...(f.name ? { name: f.name } : {}), facility: type, priority: facilityPriority(type), effect,
      ...(population !== undefined ? { population } : {}), detail: { node },
    });
  }
  facilities.sort(byCriticality);

  // 4. Order of work.
  const ordered = closingOrder(plan.closures, graph, normal!.head, segmentNodes);
  const fallbacks = ordered.filter((c) => c.kind === 'valve' && policy === 'register').map((c) => {
    const alt = fallbackIfFails(input, pipe.id, c.id);
    const extra = alt.closures.filter((x) => !plan.closures.some((y) => y.id === x.id)).map((x) => x.id);
    return { valve: c.id, extra, extraPipes: alt.pipes.length - plan.pipes.length };
  });
  const groups = restorationGroups(cutOff, graph, served);
  const crewMin = options.crewArrivalMin ?? 30;
  const repairH = repairHours(pipeMm);
  const flushH = options.flushHours ?? 2;
  const restoreMin = crewMin + repairH * 60 + flushH * 60;

  return burstImpact({
    network, split, pipe, burstNode: BURST_NODE, hour, serviceM, pipeMm, openingMm, burstLps, shortfallLps,
    graph, policy, plan, widened, ordered, fallbacks, cutOff, segmentNodes, lowWhileBursting, lowWhileIsolated, alreadyLow,
    served, facilities, groups, crewMin, repairH, restoreMin,
  });
}

/** The hour with the highest multiplier of the default demand pattern (0 when flat). */
export function peakHour(net: WaterNetwork): number {
  const pattern = net.options.pattern ? net.patterns[net.options.pattern] : undefined;
  if (!pattern || pattern.length === 0) return 0;
  const stepH = parseHours(net.times['PATTERN TIMESTEP'] ?? '1:00');
  let best = 0;
  pattern.forEach((v, k) => { if (v > pattern[best]!) best = k; });
  return best * stepH;
}

function parseHours(s: string): number {
  const parts = s.trim().split(/\s+/);
  const [hms, unit] = [parts[0] ?? '1', (parts[1] ?? '').toUpperCase()];
  if (hms.includes(':')) {
    const [h, mm = '0', ss = '0'] = hms.split(':');
    return Number(h) + Number(mm) / 60 + Number(ss) / 3600;
  }
  const v = Number(hms);
  return unit.startsWith('MIN') ? v / 60 : unit.startsWith('SEC') ? v / 3600 : unit.startsWith('DAY') ? v * 24 : v;
}
