/**
 * Dependencies between lifelines and facilities, as data (editable through the API, stored as
 * JSON): a substation feeds a pumping station, a pumping station feeds a pressure zone, a zone
 * feeds a hospital, a bridge carries a main, a tunnel carries cables and pipes.
 *
 * An edge says "`to` needs `from`". Edges into one node with the same `need` are alternatives
 * (a ring main fed from either end, two water sources): the node loses that need only when all
 * of them have failed. A node fails as soon as any one of its needs is lost. `delayMin` is how
 * long the node keeps going after losing that supplier — backup power, storage in a tank.
 */
export type DependencyKind = 'power' | 'water' | 'gas' | 'heat' | 'drainage' | 'carries' | 'comms' | 'path';

export interface DependencyNode {
  readonly id: string;
  /** An asset id, a zone ('zone:water:1') or a path through a network ('path:…'). */
  readonly kind: 'asset' | 'zone' | 'path';
  readonly name?: string;
  /** The asset it stands for (assets and their zones). */
  readonly asset?: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface DependencyEdge {
  /** The supplier or carrier. */
  readonly from: string;
  /** The node that depends on it. */
  readonly to: string;
  readonly kind: DependencyKind;
  /** Alternatives share a need; defaults to `kind`. */
  readonly need?: string;
  /** Minutes the dependent lasts once this supplier is gone (0: at once). */
  readonly delayMin: number;
  /** Why the delay is what it is ('backup generator 24 h', 'tower storage 2.0 h'). */
  readonly note?: string;
}

export interface DependencyGraph {
  readonly nodes: readonly DependencyNode[];
  readonly edges: readonly DependencyEdge[];
}

/** Problems with a graph (unknown nodes, negative delays, duplicates), each with the index it concerns. */
export function validateDependencyGraph(graph: DependencyGraph): { path: string; reason: string }[] {
  const problems: { path: string; reason: string }[] = [];
  const ids = new Set<string>();
  graph.nodes.forEach((n, k) => {
    if (typeof n.id !== 'string' || n.id === '') problems.push({ path: `nodes[${k}].id`, reason: 'must be a non-empty string' });
    else if (ids.has(n.id)) problems.push({ path: `nodes[${k}].id`, reason: `duplicate node '${n.id}'` });
    ids.add(n.id);
  });
  graph.edges.forEach((e, k) => {
    if (!ids.has(e.from)) problems.push({ path: `edges[${k}].from`, reason: `unknown node '${e.from}'` });
    if (!ids.has(e.to)) problems.push({ path: `edges[${k}].to`, reason: `unknown node '${e.to}'` });
    if (e.from === e.to) problems.push({ path: `edges[${k}]`, reason: 'a node cannot depend on itself' });
    if (!(typeof e.delayMin === 'number' && e.delayMin >= 0 && Number.isFinite(e.delayMin))) problems.push({ path: `edges[${k}].delayMin`, reason: 'must be a finite number of minutes ≥ 0' });
  });
  return problems;
}
