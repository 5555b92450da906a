import { otherEnd, type NetworkGraph } from './graph.js';
import type { IsolationValve } from './network.js';

/**
 * Valve-bounded segment search (Walski 1993, "Water distribution valve topology for reliability
 * analysis"; Jun & Loganathan 2007, "Valve-controlled segments in water distribution systems").
 * A segment is what closing valves cuts out together: starting from the broken pipe, cross every
 * pipe end that has no working valve on it, collecting nodes and pipes, until valves (or EPANET
 * control valves and pumps, which can be shut) bound it on every side.
 */
export type ValvePolicy =
  /** Only the valves in the register (plus EPANET valve links and pumps). */
  | 'register'
  /** Assume a valve at both ends of every pipe: the ideal case, for networks without a register. */
  | 'every-pipe-end';

export interface Closure {
  /** The isolation valve's id, or the EPANET link's id when a control valve or pump is shut. */
  readonly id: string;
  readonly kind: 'valve' | 'link';
  /** The link it closes (a pipe for isolation valves). */
  readonly link: string;
  /** The node the valve sits next to (isolation valves), or the link's segment-side node. */
  readonly node: string;
}

export interface MissingValve {
  /** A pipe end without a working valve that the segment had to be widened across. */
  readonly pipe: string;
  readonly node: string;
  /** 'none' (no valve in the register) or 'failed' (a valve there does not operate). */
  readonly reason: 'none' | 'failed';
  readonly valve?: string;
}

export interface IsolationPlan {
  readonly pipes: readonly string[];
  readonly nodes: readonly string[];
  readonly closures: readonly Closure[];
  /** Ends of the segment's pipes where a valve was missing or failed (why the segment grew). */
  readonly gaps: readonly MissingValve[];
  /** Reservoirs or tanks the segment reaches without a valve: their outlet must be shut. */
  readonly sources: readonly string[];
}

export interface IsolationInput {
  readonly graph: NetworkGraph;
  readonly valves: readonly IsolationValve[];
  readonly policy: ValvePolicy;
  /** Valve ids that will not operate (on top of those marked inoperable in the register). */
  readonly failed?: ReadonlySet<string>;
}

export function isolate(input: IsolationInput, brokenPipe: string): IsolationPlan {
  const { graph, policy } = input;
  if (!graph.links.has(brokenPipe)) throw new Error(`unknown pipe ${brokenPipe}`);
  const failed = input.failed ?? new Set<string>();
  const valveAt = new Map<string, IsolationValve[]>();
  for (const v of input.valves) {
    const key = `${v.pipe}@${v.node}`;
    const list = valveAt.get(key);
    if (list) list.push(v); else valveAt.set(key, [v]);
  }
  const working = (v: IsolationValve): boolean => !v.inoperable && !failed.has(v.id);

  const pipes = new Set<string>([brokenPipe]);
  const nodes = new Set<string>();
  const closures = new Map<string, Closure>();
  const gaps: MissingValve[] = [];
  const sources = new Set<string>();

  /** The valve that bounds the segment at this pipe end, or why there is none. */
  const endValve = (pipe: string, node: string): { closure?: Closure; gap?: MissingValve } => {
    if (policy === 'every-pipe-end') return { closure: { id: `${pipe}@${node}`, kind: 'valve', link: pipe, node } };
    const here = valveAt.get(`${pipe}@${node}`) ?? [];
    const ok = here.find(working);
    if (ok) return { closure: { id: ok.id, kind: 'valve', link: pipe, node } };
    const broken = here[0];
    return { gap: broken ? { pipe, node, reason: 'failed', valve: broken.id } : { pipe, node, reason: 'none' } };
  };

  const queue: string[] = [brokenPipe];
  for (let k = 0; k < queue.length; k++) {
    const pipe = queue[k]!;
    const link = graph.links.get(pipe)!;
    for (const node of [link.from, link.to]) {
      if (nodes.has(node)) continue;
      const end = endValve(pipe, node);
      if (end.closure) { closures.set(end.closure.id, end.closure); continue; }
      gaps.push(end.gap!);
      if (graph.nodeKind.get(node) !== 'junction') { sources.add(node); continue; }
      nodes.add(node);
      for (const lid of graph.linksAt.get(node) ?? []) {
        if (pipes.has(lid)) continue;
        const next = graph.links.get(lid)!;
        if (next.closed) continue; // already shut: bounds the segment for free
        if (next.kind !== 'pipe') {
          // EPANET control valves and pumps can be shut where they stand.
          closures.set(lid, { id: lid, kind: 'link', link: lid, node });
          continue;
        }
        const entry = endValve(lid, node);
        if (entry.closure) { closures.set(entry.closure.id, entry.closure); continue; }
        gaps.push(entry.gap!);
        pipes.add(lid);
        queue.push(lid);
      }
    }
  }
  // A pipe end already inside the segment needs no valve: drop closures that sit between two
  // segment elements (a loop closing on itself).
  for (const [id, c] of closures) {
    if (c.kind === 'valve' && pipes.has(c.link) && nodes.has(c.node)) closures.delete(id);
  }
  return { pipes: [...pipes], nodes: [...nodes], closures: [...closures.values()], gaps, sources: [...sources] };
}

/** The plan if a given valve fails too: what the crew falls back on. */
export function fallbackIfFails(input: IsolationInput, brokenPipe: string, valve: string): IsolationPlan {
  return isolate({ ...input, failed: new Set([...(input.failed ?? []), valve]) }, brokenPipe);
}

export { otherEnd };
