import type { DependencyEdge, DependencyGraph } from './graph.js';

/**
 * What fails next, and when. Failure spreads like a shortest-path search (Dijkstra), taking
 * failures in time order: when a node fails, each node depending on it checks the need that
 * edge serves; once every supplier of that need has failed, the dependent fails at the latest
 * of their failure times plus the edge delays (its backup lasts from when the last alternative
 * went). Delays are never negative, so a failure taken from the queue is final, and the result
 * is the earliest time each node can fail — exact for this AND/OR model, cycles included.
 */
export interface Failure {
  readonly id: string;
  readonly atMin: number;
  /** Hops from the first failure (0 for the initial ones). */
  readonly depth: number;
  /** The need that was lost and the suppliers whose loss caused it (empty for initial failures). */
  readonly need?: string;
  readonly causes: readonly string[];
  /** The longest delay on the way in (a backup that ran out), with its note. */
  readonly note?: string;
}

export interface InitialFailure {
  readonly id: string;
  readonly atMin?: number;
}

export function propagate(graph: DependencyGraph, initial: readonly InitialFailure[], horizonMin = Infinity): Failure[] {
  const known = new Set(graph.nodes.map((n) => n.id));
  for (const f of initial) if (!known.has(f.id)) throw new Error(`unknown node '${f.id}' in the dependency graph`);
  const out = new Map<string, DependencyEdge[]>();
  const needs = new Map<string, Map<string, DependencyEdge[]>>();
  for (const e of graph.edges) {
    (out.get(e.from) ?? out.set(e.from, []).get(e.from)!).push(e);
    const byNeed = needs.get(e.to) ?? needs.set(e.to, new Map()).get(e.to)!;
    const need = e.need ?? e.kind;
    (byNeed.get(need) ?? byNeed.set(need, []).get(need)!).push(e);
  }

  const final = new Map<string, Failure>();
  const best = new Map<string, Failure>();
  const queue = new MinHeap<Failure>((a, b) => a.atMin - b.atMin || a.depth - b.depth || (a.id < b.id ? -1 : 1));
  for (const f of initial) {
    const failure: Failure = { id: f.id, atMin: f.atMin ?? 0, depth: 0, causes: [] };
    if (!best.has(f.id) || best.get(f.id)!.atMin > failure.atMin) { best.set(f.id, failure); queue.push(failure); }
  }
  while (queue.size > 0) {
    const f = queue.pop()!;
    if (final.has(f.id) || f.atMin > horizonMin) continue;
    final.set(f.id, f);
    for (const e of out.get(f.id) ?? []) {
      if (final.has(e.to)) continue;
      const need = e.need ?? e.kind;
      const suppliers = needs.get(e.to)!.get(need)!;
      if (!suppliers.every((s) => final.has(s.from))) continue;
      let at = -Infinity;
      let longest: DependencyEdge | undefined;
      for (const s of suppliers) {
        const t = final.get(s.from)!.atMin + s.delayMin;
        if (t > at) at = t;
        if (!longest || s.delayMin > longest.delayMin) longest = s;
      }
      const candidate: Failure = {
        id: e.to, atMin: at, depth: Math.max(...suppliers.map((s) => final.get(s.from)!.depth)) + 1, need,
        causes: suppliers.map((s) => s.from), ...(longest?.note ? { note: longest.note } : {}),
      };
      const prev = best.get(e.to);
      if (!prev || candidate.atMin < prev.atMin) { best.set(e.to, candidate); queue.push(candidate); }
    }
  }
  return [...final.values()].sort((a, b) => a.atMin - b.atMin || a.depth - b.depth || (a.id < b.id ? -1 : 1));
}

/** A binary heap: the failure queue. */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => number) {}
  get size(): number { return this.items.length; }
  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.less(a[i]!, a[p]!) >= 0) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l]!, a[m]!) < 0) m = l;
        if (r < a.length && this.less(a[r]!, a[m]!) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}
