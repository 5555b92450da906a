import type { DrainageNetwork } from './network.js';

/** A connected sewer system: the nodes and links that drain together, named after its outfall. */
export interface DrainageSystem {
  /** Its (first) outfall's id, or its first node's when it has none: stable while the network is. */
  readonly key: string;
  readonly name: string;
  readonly nodes: ReadonlySet<string>;
  readonly links: ReadonlySet<string>;
}

/**
 * Split the network into connected systems (links taken both ways): one situation on one connected
 * part of a network is one case (DESIGN.md), so a forecast opens a case per system, not per manhole.
 */
export function drainageSystems(network: DrainageNetwork): DrainageSystem[] {
  const parent = new Map(network.nodes.map((n) => [n.id, n.id]));
  const find = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  for (const l of network.links) {
    if (!parent.has(l.from) || !parent.has(l.to)) continue;
    const [a, b] = [find(l.from), find(l.to)];
    if (a !== b) parent.set(a, b);
  }
  const groups = new Map<string, { nodes: Set<string>; links: Set<string> }>();
  for (const n of network.nodes) {
    const root = find(n.id);
    if (!groups.has(root)) groups.set(root, { nodes: new Set(), links: new Set() });
    groups.get(root)!.nodes.add(n.id);
  }
  for (const l of network.links) if (parent.has(l.from)) groups.get(find(l.from))?.links.add(l.id);
  return [...groups.values()].map(({ nodes, links }) => {
    const members = network.nodes.filter((n) => nodes.has(n.id));
    const outfall = members.filter((n) => n.kind === 'outfall').sort((a, b) => a.id.localeCompare(b.id))[0];
    const first = outfall ?? [...members].sort((a, b) => a.id.localeCompare(b.id))[0]!;
    return { key: first.id, name: outfall ? (outfall.name ?? outfall.id) : first.name ?? first.id, nodes, links };
  });
}
