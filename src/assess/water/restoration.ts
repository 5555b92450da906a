import { byCriticality, facilityPriority, facilityType } from '../facility-priority.js';
import type { Served } from './customers.js';
import { otherEnd, type NetworkGraph } from './graph.js';
import type { Closure } from './isolation.js';

/**
 * Planning figures for a main repair, by diameter: hours from isolation to the pipe back in
 * service (excavation, repair clamp or cut-in, backfill). Typical of utility practice, not a
 * standard; a utility sets its own from its job records.
 */
export const REPAIR_HOURS_BY_DN: readonly (readonly [maxDiameterMm: number, hours: number])[] = [[300, 4], [600, 8], [1000, 12], [Infinity, 24]];

export function repairHours(diameterMm: number): number {
  return REPAIR_HOURS_BY_DN.find(([max]) => diameterMm <= max)![1];
}

/**
 * Shut the supply side first: valves whose outer node has the highest head carry water towards
 * the break, so closing them first stops most of the loss soonest. Reopen in the same order,
 * slowly, so the segment refills from the supply side and air leaves at the far end.
 */
export function closingOrder(closures: readonly Closure[], graph: NetworkGraph, baselineHead: ReadonlyMap<string, number>, segmentNodes: ReadonlySet<string>): Closure[] {
  const outerHead = (c: Closure): number => {
    const link = graph.links.get(c.link);
    if (!link) return -Infinity;
    const outer = segmentNodes.has(link.from) ? link.to : segmentNodes.has(link.to) ? link.from : otherEnd(link, c.node);
    return Math.max(baselineHead.get(outer) ?? -Infinity, baselineHead.get(c.node) ?? -Infinity);
  };
  return [...closures].sort((a, b) => outerHead(b) - outerHead(a) || (a.id < b.id ? -1 : 1));
}

export interface RestorationGroup {
  readonly order: number;
  readonly nodes: readonly string[];
  readonly population: number;
  readonly facilities: readonly string[];
  /** Most critical facility type in the group (for the text). */
  readonly lead?: string;
}

/**
 * Areas without water, grouped by what connects them, in the order to look after them: the
 * group with the most critical facility first (a hospital before a school), then by people.
 * Everything comes back when the segment is refilled; the order is for temporary supply
 * (tankers, hydrant standpipes), flushing and the water-quality checks before service resumes.
 */
export function restorationGroups(cutOff: ReadonlySet<string>, graph: NetworkGraph, served: Served): RestorationGroup[] {
  const facilitiesAt = new Map<string, string[]>();
  for (const [f, node] of served.facilityNode) {
    if (!cutOff.has(node)) continue;
    const list = facilitiesAt.get(node);
    if (list) list.push(f); else facilitiesAt.set(node, [f]);
  }
  const seen = new Set<string>();
  const groups: Omit<RestorationGroup, 'order'>[] = [];
  for (const start of cutOff) {
    if (seen.has(start)) continue;
    const nodes: string[] = [];
    const queue = [start];
    seen.add(start);
    for (let k = 0; k < queue.length; k++) {
      const n = queue[k]!;
      nodes.push(n);
      for (const lid of graph.linksAt.get(n) ?? []) {
        const m = otherEnd(graph.links.get(lid)!, n);
        if (cutOff.has(m) && !seen.has(m)) { seen.add(m); queue.push(m); }
      }
    }
    const facilities = nodes.flatMap((n) => facilitiesAt.get(n) ?? []);
    const ranked = facilities.map((id) => ({ id, priority: facilityPriority(facilityType(served.facilities.get(id)!)) })).sort(byCriticality);
    const lead = ranked[0] ? facilityType(served.facilities.get(ranked[0].id)!) : undefined;
    groups.push({
      nodes, facilities: ranked.map((r) => r.id),
      population: nodes.reduce((s, n) => s + (served.people.get(n) ?? 0), 0), ...(lead ? { lead } : {}),
    });
  }
  const rank = (g: Omit<RestorationGroup, 'order'>): number => (g.lead ? facilityPriority(g.lead) : 99);
  return groups.sort((a, b) => rank(a) - rank(b) || b.population - a.population).map((g, k) => ({ order: k + 1, ...g }));
}
