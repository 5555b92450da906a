import { EN, withProject, type EpanetProject } from './epanet-engine.js';
import { toInp } from './inp-write.js';
import type { WaterNetwork } from './network.js';

/** One steady state of the network: values in the network's own units. */
export interface Snapshot {
  readonly pressure: ReadonlyMap<string, number>;
  readonly head: ReadonlyMap<string, number>;
  /** Demand actually delivered (with pressure-driven analysis, less than asked where pressure is low). */
  readonly demand: ReadonlyMap<string, number>;
  readonly flow: ReadonlyMap<string, number>;
}

export interface SnapshotChange {
  /** Emitter coefficients to set (all others as in the network). */
  readonly emitters?: Readonly<Record<string, number>>;
  /** Links to shut. */
  readonly closed?: readonly string[];
  /** Junctions whose demand is dropped (customers cut off draw nothing). */
  readonly noDemand?: readonly string[];
}

export interface SnapshotOptions {
  /** Hours into the demand patterns (the time of day of the snapshot). */
  readonly patternHour: number;
  /**
   * Pressure-driven analysis (EPANET 2.2 PDA, Wagner's relation): demand falls from full at
   * `required` to nothing at `minimum`, in the network's pressure units.
   */
  readonly pressureDriven?: { readonly minimum: number; readonly required: number; readonly exponent?: number };
}

/**
 * Solve single-period steady states of `net`, one per change, in one open project. Changes
 * are applied from the base state each time (earlier changes are undone).
 */
export async function solveSnapshots(net: WaterNetwork, options: SnapshotOptions, changes: readonly SnapshotChange[]): Promise<Snapshot[]> {
  return withProject(toInp(net), (p) => {
    p.setTimeParameter(EN.DURATION, 0);
    p.setTimeParameter(EN.PATTERNSTART, Math.round(options.patternHour * 3600));
    if (options.pressureDriven) {
      const { minimum, required, exponent = 0.5 } = options.pressureDriven;
      p.setDemandModel(EN.PDA, minimum, Math.max(required, minimum + 0.1), exponent);
    }
    const nodeCount = p.getCount(EN.NODECOUNT);
    const linkCount = p.getCount(EN.LINKCOUNT);
    const nodeIds = Array.from({ length: nodeCount }, (_, k) => p.getNodeId(k + 1));
    const linkIds = Array.from({ length: linkCount }, (_, k) => p.getLinkId(k + 1));
    const baseStatus = linkIds.map((_, k) => p.getLinkValue(k + 1, EN.INITSTATUS));
    const baseEmitter = new Map<number, number>();
    const baseDemand = new Map<number, number>();

    const results: Snapshot[] = [];
    p.openH();
    try {
      for (const change of changes) {
        apply(p, change, baseStatus, baseEmitter, baseDemand);
        p.initH(EN.NOSAVE);
        p.runH();
        results.push(read(p, nodeIds, linkIds));
        restore(p, baseStatus, baseEmitter, baseDemand);
      }
    } finally {
      p.closeH();
    }
    return results;
  });
}

function apply(p: EpanetProject, change: SnapshotChange, baseStatus: readonly number[], baseEmitter: Map<number, number>, baseDemand: Map<number, number>): void {
  for (const [id, c] of Object.entries(change.emitters ?? {})) {
    const i = p.getNodeIndex(id);
    if (!baseEmitter.has(i)) baseEmitter.set(i, p.getNodeValue(i, EN.EMITTER));
    p.setNodeValue(i, EN.EMITTER, c);
  }
  for (const id of change.closed ?? []) {
    const i = p.getLinkIndex(id);
    if (baseStatus[i - 1] !== EN.CLOSED) p.setLinkValue(i, EN.INITSTATUS, EN.CLOSED);
  }
  for (const id of change.noDemand ?? []) {
    const i = p.getNodeIndex(id);
    if (p.getNodeType(i) !== EN.JUNCTION) continue;
    if (!baseDemand.has(i)) baseDemand.set(i, p.getNodeValue(i, EN.BASEDEMAND));
    p.setNodeValue(i, EN.BASEDEMAND, 0);
  }
}

function restore(p: EpanetProject, baseStatus: readonly number[], baseEmitter: Map<number, number>, baseDemand: Map<number, number>): void {
  baseStatus.forEach((s, k) => { if (p.getLinkValue(k + 1, EN.INITSTATUS) !== s) p.setLinkValue(k + 1, EN.INITSTATUS, s); });
  for (const [i, c] of baseEmitter) p.setNodeValue(i, EN.EMITTER, c);
  for (const [i, d] of baseDemand) p.setNodeValue(i, EN.BASEDEMAND, d);
  baseEmitter.clear();
  baseDemand.clear();
}

function read(p: EpanetProject, nodeIds: readonly string[], linkIds: readonly string[]): Snapshot {
  const pressure = new Map<string, number>();
  const head = new Map<string, number>();
  const demand = new Map<string, number>();
  const flow = new Map<string, number>();
  nodeIds.forEach((id, k) => {
    pressure.set(id, p.getNodeValue(k + 1, EN.PRESSURE));
    head.set(id, p.getNodeValue(k + 1, EN.HEAD));
    demand.set(id, p.getNodeValue(k + 1, EN.DEMAND));
  });
  linkIds.forEach((id, k) => flow.set(id, p.getLinkValue(k + 1, EN.FLOW)));
  return { pressure, head, demand, flow };
}

/** Results of an extended-period run at the given report times (seconds), as EPANET reports them. */
export async function runExtendedPeriod(inpText: string, reportAtS: readonly number[]): Promise<Map<number, Snapshot>> {
  return withProject(inpText, (p) => {
    const nodeIds = Array.from({ length: p.getCount(EN.NODECOUNT) }, (_, k) => p.getNodeId(k + 1));
    const linkIds = Array.from({ length: p.getCount(EN.LINKCOUNT) }, (_, k) => p.getLinkId(k + 1));
    const wanted = new Set(reportAtS);
    const out = new Map<number, Snapshot>();
    p.openH();
    try {
      p.initH(EN.NOSAVE);
      let step = 0;
      do {
        const t = p.runH();
        if (wanted.has(t)) out.set(t, read(p, nodeIds, linkIds));
        step = p.nextH();
      } while (step > 0);
    } finally {
      p.closeH();
    }
    return out;
  });
}
