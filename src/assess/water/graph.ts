import { networkLinks, nodeKinds, type NetworkLink, type NodeKind, type WaterNetwork } from './network.js';

/** The network's topology: which links meet at each node. Built once per assessment. */
export interface NetworkGraph {
  readonly links: ReadonlyMap<string, NetworkLink>;
  readonly nodeKind: ReadonlyMap<string, NodeKind>;
  /** Link ids at each node. */
  readonly linksAt: ReadonlyMap<string, readonly string[]>;
}

export function networkGraph(net: WaterNetwork): NetworkGraph {
  const links = new Map<string, NetworkLink>();
  const linksAt = new Map<string, string[]>();
  const nodeKind = nodeKinds(net);
  for (const id of nodeKind.keys()) linksAt.set(id, []);
  for (const l of networkLinks(net)) {
    links.set(l.id, l);
    for (const n of [l.from, l.to]) {
      const list = linksAt.get(n);
      if (!list) throw new Error(`link ${l.id} refers to unknown node ${n}`);
      list.push(l.id);
    }
  }
  return { links, nodeKind, linksAt };
}

export function otherEnd(link: NetworkLink, node: string): string {
  return link.from === node ? link.to : link.from;
}

/**
 * Nodes that can still be reached from a water source (reservoir or tank) over links that are
 * neither closed in the base state nor in `removed`. Direction is ignored: this is the question
 * "is there still a pipe path", which is what cuts a customer off.
 */
export function reachableFromSources(graph: NetworkGraph, removed: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const [id, kind] of graph.nodeKind) if (kind !== 'junction') { seen.add(id); queue.push(id); }
  for (let k = 0; k < queue.length; k++) {
    const n = queue[k]!;
    for (const lid of graph.linksAt.get(n) ?? []) {
      if (removed.has(lid)) continue;
      const link = graph.links.get(lid)!;
      if (link.closed) continue;
      const m = otherEnd(link, n);
      if (!seen.has(m)) { seen.add(m); queue.push(m); }
    }
  }
  return seen;
}
