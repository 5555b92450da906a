import type { XY } from '../geo.js';
import { BLOCK, EW_STREETS, NS_STREETS, groundElevation, inLake, riverY, type Street } from './plan.js';

/**
 * The street graph: intersections (nodes) and the street segments between them (edges).
 * Water, gas, drainage, heating and power are all laid along it, as buried utilities follow streets.
 * Intersections inside the lake are left out; only main roads cross the river (on the three bridges).
 */
export interface GridNode {
  /** 'i,j': column (ns street index) and row (ew street index). */
  readonly key: string;
  readonly i: number;
  readonly j: number;
  readonly xy: XY;
  readonly groundM: number;
  readonly nsStreet: Street;
  readonly ewStreet: Street;
}

export interface GridEdge {
  readonly key: string;
  readonly a: GridNode;
  readonly b: GridNode;
  readonly street: Street;
  readonly lengthM: number;
  /** Whether it crosses the river: then it is a bridge deck. */
  readonly bridge: boolean;
}

export interface StreetGrid {
  readonly nodes: readonly GridNode[];
  readonly edges: readonly GridEdge[];
  node(i: number, j: number): GridNode | undefined;
  /** Edges meeting at a node. */
  edgesAt(node: GridNode): readonly GridEdge[];
  other(edge: GridEdge, node: GridNode): GridNode;
}

let cached: StreetGrid | undefined;

/** The grid is pure geometry (no randomness), so one instance serves every seed. */
export function streetGrid(): StreetGrid {
  cached ??= buildGrid();
  return cached;
}

function buildGrid(): StreetGrid {
  const byKey = new Map<string, GridNode>();
  const nodes: GridNode[] = [];
  for (const ew of EW_STREETS) {
    for (const ns of NS_STREETS) {
      const i = ns.at / BLOCK;
      const j = ew.at / BLOCK;
      if (inLake(ns.at, ew.at, 40)) continue;
      const node: GridNode = { key: `${i},${j}`, i, j, xy: [ns.at, ew.at], groundM: groundElevation(ns.at, ew.at), nsStreet: ns, ewStreet: ew };
      byKey.set(node.key, node);
      nodes.push(node);
    }
  }
  const edges: GridEdge[] = [];
  const incident = new Map<GridNode, GridEdge[]>();
  const link = (a: GridNode | undefined, b: GridNode | undefined, street: Street): void => {
    if (!a || !b) return;
    const mid: XY = [(a.xy[0] + b.xy[0]) / 2, (a.xy[1] + b.xy[1]) / 2];
    if (inLake(mid[0], mid[1], 20)) return;
    const ry = riverY(a.xy[0]);
    const bridge = street.axis === 'ns' && a.xy[1] < ry && b.xy[1] > ry;
    if (bridge && !street.arterial) return;
    const edge: GridEdge = { key: `${a.key}|${b.key}`, a, b, street, lengthM: BLOCK, bridge };
    edges.push(edge);
    for (const n of [a, b]) {
      const list = incident.get(n) ?? [];
      list.push(edge);
      incident.set(n, list);
    }
  };
  for (const node of nodes) {
    link(node, byKey.get(`${node.i + 1},${node.j}`), node.ewStreet);
    link(node, byKey.get(`${node.i},${node.j + 1}`), node.nsStreet);
  }
  return {
    nodes,
    edges,
    node: (i, j) => byKey.get(`${i},${j}`),
    edgesAt: (node) => incident.get(node) ?? [],
    other: (edge, node) => (edge.a === node ? edge.b : edge.a),
  };
}

/** Breadth-first reach from some nodes over the edges that `use` admits. */
export function reachable(grid: StreetGrid, from: readonly GridNode[], use: (e: GridEdge) => boolean): Set<GridNode> {
  const seen = new Set<GridNode>(from);
  const queue = [...from];
  for (let k = 0; k < queue.length; k++) {
    const n = queue[k]!;
    for (const e of grid.edgesAt(n)) {
      if (!use(e)) continue;
      const m = grid.other(e, n);
      if (!seen.has(m)) { seen.add(m); queue.push(m); }
    }
  }
  return seen;
}

/** The shortest street path between two nodes (by edges), as a node list; [] when unreachable. */
export function streetPath(grid: StreetGrid, from: GridNode, to: GridNode, use: (e: GridEdge) => boolean = () => true): GridNode[] {
  const previous = new Map<GridNode, GridNode>();
  const seen = new Set<GridNode>([from]);
  const queue = [from];
  for (let k = 0; k < queue.length; k++) {
    const n = queue[k]!;
    if (n === to) break;
    for (const e of grid.edgesAt(n)) {
      if (!use(e)) continue;
      const m = grid.other(e, n);
      if (seen.has(m)) continue;
      seen.add(m);
      previous.set(m, n);
      queue.push(m);
    }
  }
  if (!seen.has(to)) return [];
  const path = [to];
  while (path[path.length - 1] !== from) path.push(previous.get(path[path.length - 1]!)!);
  return path.reverse();
}

/** The edge joining two adjacent nodes, if any. */
export function edgeBetween(grid: StreetGrid, a: GridNode, b: GridNode): GridEdge | undefined {
  return grid.edgesAt(a).find((e) => grid.other(e, a) === b);
}
