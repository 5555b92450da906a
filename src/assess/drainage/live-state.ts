import { sectionHeight } from './manning.js';
import { MIN_SLOPE, type DrainageLink, type DrainageNetwork, type DrainageNode } from './network.js';
import { partialFlow } from './partial-flow.js';

/** The latest reading of one drainage level sensor, as the store has it. */
export interface LiveLevel {
  readonly sensor: string;
  /** The asset the sensor sits on: a manhole, a pipe, an outfall or a pump station's wet well. */
  readonly asset: string;
  /** `level_ratio`: sewer level ÷ pipe depth (充满度); `level`: m. */
  readonly quantity: 'level_ratio' | 'level';
  readonly value: number;
  /** The sensor's own properties (`pipeDepthM` for a ratio; `datum: 'elevation'` for a level given as an elevation). */
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** What the network holds now, as the routing takes it. */
export interface LiveState {
  /**
   * Water depth at the start, m, in nodes already surcharged (above their outlet's crown). A level
   * below the crown is water on the move, carried as `baseInflowM3s`: the routing stores water in
   * a node only once its outlets run full, so a part-full level given as storage would be emptied
   * down the pipe in the first step.
   */
  readonly initialDepthM: ReadonlyMap<string, number>;
  /**
   * Flow the sewers already carry, m³/s, added at each node for the whole run: a level that is
   * steady now is fed by something (rain already fallen upstream, groundwater, a blockage backing
   * it up), so it does not drain away by itself before the forecast rain arrives.
   */
  readonly baseInflowM3s: ReadonlyMap<string, number>;
  /** Receiving-water levels at outfalls, m (elevation): a high river backs water into the sewers. */
  readonly outfallStageM: ReadonlyMap<string, number>;
  readonly used: readonly string[];
  readonly ignored: readonly { readonly sensor: string; readonly reason: string }[];
}

/**
 * Turn live level readings into the routing's starting state. A ratio on a manhole (or on a pipe:
 * its upstream manhole) is a depth of ratio × the outlet pipe's height (or the sensor's
 * `pipeDepthM`); a level is a depth above the node's invert, except at an outfall, where it is the
 * receiving water's elevation (as river gauges report it), and where the sensor says
 * `datum: 'elevation'`. The flow a sensed level implies (Manning at that normal depth in the outlet
 * pipe) becomes a steady inflow, less what sensed nodes upstream already send down, so a chain of
 * half-full manholes is not counted twice.
 */
export function liveStateFromLevels(network: DrainageNetwork, levels: readonly LiveLevel[]): LiveState {
  const nodeById = new Map(network.nodes.map((n) => [n.id, n]));
  const linkById = new Map(network.links.map((l) => [l.id, l]));
  const outlet = new Map<string, DrainageLink>();
  const incoming = new Map<string, DrainageLink[]>();
  for (const l of network.links) {
    if (l.shape && !outlet.has(l.from)) outlet.set(l.from, l);
    incoming.set(l.to, [...(incoming.get(l.to) ?? []), l]);
  }
  const depth = new Map<string, number>();
  const stage = new Map<string, number>();
  const used: string[] = [];
  const ignored: { sensor: string; reason: string }[] = [];
  for (const r of levels) {
    if (!Number.isFinite(r.value) || r.value < 0) { ignored.push({ sensor: r.sensor, reason: 'not a level' }); continue; }
    const pipe = linkById.get(r.asset);
    const node = nodeById.get(pipe ? pipe.from : r.asset);
    if (!node) { ignored.push({ sensor: r.sensor, reason: `asset ${r.asset} is not in the drainage network` }); continue; }
    const elevation = r.properties?.datum === 'elevation';
    if (node.kind === 'outfall') {
      if (r.quantity !== 'level') { ignored.push({ sensor: r.sensor, reason: 'a ratio at an outfall' }); continue; }
      stage.set(node.id, Math.max(stage.get(node.id) ?? -Infinity, r.properties?.datum === 'depth' ? node.invertM + r.value : r.value));
      used.push(r.sensor);
      continue;
    }
    let d: number;
    if (r.quantity === 'level_ratio') {
      const shape = (pipe ?? outlet.get(node.id))?.shape;
      const pipeDepth = typeof r.properties?.pipeDepthM === 'number' ? r.properties.pipeDepthM : shape ? sectionHeight(shape) : undefined;
      if (pipeDepth === undefined) { ignored.push({ sensor: r.sensor, reason: 'no pipe depth to scale the ratio' }); continue; }
      d = r.value * pipeDepth + (pipe?.inOffsetM ?? 0);
    } else d = elevation ? r.value - node.invertM : r.value;
    d = Math.max(0, Math.min(d, node.groundM - node.invertM));
    depth.set(node.id, Math.max(depth.get(node.id) ?? 0, d));
    used.push(r.sensor);
  }
  const surcharged = new Map([...depth].filter(([id, d]) => {
    const out = outlet.get(id);
    return out?.shape !== undefined && d > (out.inOffsetM ?? 0) + sectionHeight(out.shape);
  }));
  return { initialDepthM: surcharged, baseInflowM3s: baseInflows(network, depth, outlet, incoming), outfallStageM: stage, used, ignored };
}

/** The network with outfall stages replaced by live receiving-water levels. */
export function withOutfallStages(network: DrainageNetwork, stages: ReadonlyMap<string, number>): DrainageNetwork {
  if (stages.size === 0) return network;
  return { ...network, nodes: network.nodes.map((n): DrainageNode => (n.kind === 'outfall' && stages.has(n.id) ? { ...n, stageM: stages.get(n.id)! } : n)) };
}

/**
 * Flow each sensed node's level implies, passed down the network (unsensed nodes carry what
 * arrives); each node's own inflow is what it carries beyond what arrives from upstream.
 */
function baseInflows(network: DrainageNetwork, depth: ReadonlyMap<string, number>, outlet: ReadonlyMap<string, DrainageLink>, incoming: ReadonlyMap<string, DrainageLink[]>): Map<string, number> {
  const carried = new Map<string, number>();
  const visiting = new Set<string>();
  const flowOut = (id: string): number => {
    const known = carried.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0; // a loop: count each node once
    visiting.add(id);
    const arriving = (incoming.get(id) ?? []).reduce((s, l) => s + flowOut(l.from) / outgoingCount(network, l.from), 0);
    const out = outlet.get(id);
    const d = depth.get(id);
    const sensed = d !== undefined && out?.shape ? partialFlow(out.shape, out.manningN ?? 0.013, Math.max(out.slope ?? MIN_SLOPE, MIN_SLOPE), d - (out.inOffsetM ?? 0)) : 0;
    const q = Math.max(arriving, sensed);
    carried.set(id, q);
    visiting.delete(id);
    return q;
  };
  const local = new Map<string, number>();
  for (const n of network.nodes) {
    if (!depth.has(n.id)) continue;
    const arriving = (incoming.get(n.id) ?? []).reduce((s, l) => s + flowOut(l.from) / outgoingCount(network, l.from), 0);
    const own = flowOut(n.id) - arriving;
    if (own > 1e-9) local.set(n.id, own);
  }
  return local;
}

const outCounts = new WeakMap<DrainageNetwork, Map<string, number>>();
function outgoingCount(network: DrainageNetwork, id: string): number {
  let counts = outCounts.get(network);
  if (!counts) {
    counts = new Map();
    for (const l of network.links) counts.set(l.from, (counts.get(l.from) ?? 0) + 1);
    outCounts.set(network, counts);
  }
  return counts.get(id) ?? 1;
}
