/**
 * Service population downstream of each network element, from the network's topology alone.
 * A pipe whose loss cuts part of the network off from every source (a bridge of the graph) puts
 * everyone on the far side out of service; a pipe in a loop is backed up, and only the customers
 * at its ends feel its repair. Bridges come from one Tarjan pass: O(nodes + links) for the whole
 * city, where re-running reachability per pipe would be O(pipes × network).
 */
export interface NetworkLinkInput {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

export interface ServiceInput {
  readonly links: readonly NetworkLinkInput[];
  /** Nodes that feed the network (reservoir, tank, regulator station …). */
  readonly sources: ReadonlySet<string>;
  /** Residents served at each node. */
  readonly population: ReadonlyMap<string, number>;
}

export interface ServiceResult {
  /** Residents out of service if the link fails. */
  readonly link: Map<string, number>;
  /** Which links are bridges (no alternative path). */
  readonly bridges: Set<string>;
  /** Residents served through each node (a source: its share of its network). */
  readonly node: Map<string, number>;
}

export function servicePopulation(input: ServiceInput): ServiceResult {
  const index = new Map<string, number>();
  const nodeIds: string[] = [];
  const id = (n: string): number => {
    let k = index.get(n);
    if (k === undefined) { k = nodeIds.length; index.set(n, k); nodeIds.push(n); }
    return k;
  };
  const ends = input.links.map((l) => [id(l.from), id(l.to)] as const);
  const n = nodeIds.length;
  const adj: number[][] = Array.from({ length: n }, () => []);
  ends.forEach(([a, b], e) => { adj[a]!.push(e); adj[b]!.push(e); });
  const pop = Float64Array.from(nodeIds, (x) => input.population.get(x) ?? 0);
  const isSource = Uint8Array.from(nodeIds, (x) => (input.sources.has(x) ? 1 : 0));

  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const subPop = new Float64Array(n);
  const subSrc = new Int32Array(n);
  const comp = new Int32Array(n);
  const compPop: number[] = [];
  const compSrc: number[] = [];
  const parentEdge = new Int32Array(n).fill(-1);
  const bridgeChild = new Map<number, number>(); // bridge edge → child node in the DFS tree
  let time = 0;

  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    const c = compPop.length;
    compPop.push(0); compSrc.push(0);
    // Iterative DFS: a stack of (node, next adjacency position).
    const stack: number[] = [root];
    const pos: number[] = [0];
    disc[root] = low[root] = time++;
    while (stack.length) {
      const u = stack[stack.length - 1]!;
      const k = pos[pos.length - 1]!;
      if (k < adj[u]!.length) {
        pos[pos.length - 1] = k + 1;
        const e = adj[u]![k]!;
        if (e === parentEdge[u]) continue;
        const [a, b] = ends[e]!;
        const v = a === u ? b : a;
        if (disc[v] === -1) {
          parentEdge[v] = e;
          disc[v] = low[v] = time++;
          stack.push(v); pos.push(0);
        } else low[u] = Math.min(low[u]!, disc[v]!);
        continue;
      }
      stack.pop(); pos.pop();
      comp[u] = c;
      subPop[u]! += pop[u]!;
      subSrc[u]! += isSource[u]!;
      compPop[c]! += pop[u]!;
      compSrc[c]! += isSource[u]!;
      const pe = parentEdge[u]!;
      if (pe >= 0) {
        const [a, b] = ends[pe]!;
        const p = a === u ? b : a;
        low[p] = Math.min(low[p]!, low[u]!);
        subPop[p]! += subPop[u]!;
        subSrc[p]! += subSrc[u]!;
        if (low[u]! > disc[p]!) bridgeChild.set(pe, u);
      }
    }
  }

  const link = new Map<string, number>();
  const bridges = new Set<string>();
  input.links.forEach((l, e) => {
    const child = bridgeChild.get(e);
    const [a, b] = ends[e]!;
    if (child === undefined) { link.set(l.id, (pop[a]! + pop[b]!) / 2); return; }
    bridges.add(l.id);
    const c = comp[child]!;
    const below = subPop[child]!;
    const above = compPop[c]! - below;
    const srcBelow = subSrc[child]! > 0;
    const srcAbove = compSrc[c]! - subSrc[child]! > 0;
    // The side left without a source loses service; with no source anywhere, the smaller side does.
    const lost = srcBelow && srcAbove ? 0 : srcBelow ? above : srcAbove ? below : Math.min(above, below);
    link.set(l.id, Math.max(lost, (pop[a]! + pop[b]!) / 2));
  });
  const node = new Map<string, number>();
  nodeIds.forEach((x, k) => {
    const c = comp[k]!;
    node.set(x, isSource[k] ? compPop[c]! / Math.max(1, compSrc[c]!) : pop[k]!);
  });
  return { link, bridges, node };
}
