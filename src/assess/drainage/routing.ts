import { celerity } from './celerity.js';
import { fullArea, fullFlowCapacity, sectionHeight, sectionWidth } from './manning.js';
import { MIN_SLOPE, type DrainageLink, type DrainageNetwork, type DrainageNode } from './network.js';

/**
 * Routing through the network: a storage-cell model with time-lagged conduits, simple enough to
 * check by hand and fast enough to run in the platform for every forecast.
 *
 * - A conduit carries what reaches its upstream node up to its full-flow Manning capacity; the
 *   water arrives downstream after its travel time L/c, c the kinematic wave celerity of half the
 *   full flow (rounded to whole steps, at least one): translation without attenuation.
 * - When the upstream node is surcharged (water above the conduit's crown) the conduit runs
 *   under pressure: its capacity scales with √(Sf/S0), Sf being the slope of the water surface
 *   from the upstream node to the downstream node (or the downstream crown, or an outfall's stage),
 *   so a backed-up downstream node throttles the conduits feeding it.
 * - Water a node cannot pass on is stored. Below the crown of its pipes a node stores over its
 *   shaft plus half the water surface of the pipes meeting it (the backwater filling them, as
 *   SWMM assigns half of each conduit's surface to its end nodes); above, over its shaft alone.
 *   At the rim it floods: the excess runs overland to the node's `overflowTo` (a lower sag) or
 *   ponds there over `pondAreaM2`, and drains back in when the sewer has room.
 * - Outfalls take everything (free outfalls; a stage above the outfall only slows the last pipe).
 * - A node's outflow is implicit in its own depth (what its outlets take at the depth left after
 *   it: backward Euler, by bisection) and explicit in the downstream heads (last step's), so a
 *   surcharged manhole whose shaft holds little cannot empty and refill in alternate steps.
 */
export interface RoutingInput {
  readonly network: DrainageNetwork;
  /** Inflow at each node per step, m³/s (runoff from subcatchments, dry-weather flow …). */
  readonly inflow: ReadonlyMap<string, Float64Array>;
  readonly stepS: number;
  readonly steps: number;
  /** Where each node's flood water runs overland (a nearby lower low point). */
  readonly overflowTo?: ReadonlyMap<string, string>;
  /** Water depth in nodes at the start, m (from live level sensors). */
  readonly initialDepthM?: ReadonlyMap<string, number>;
}

export interface NodeRouting {
  readonly peakDepthM: number;
  readonly peakHeadM: number;
  /** Step at which water first rose above the crown of the node's outlet pipe. */
  readonly surchargeStep?: number;
  readonly surchargeSteps: number;
  /** Step at which water first reached the rim. */
  readonly floodStep?: number;
  readonly floodSteps: number;
  /** Total volume that left the node onto the street, m³. */
  readonly floodVolumeM3: number;
  /** Largest volume standing on the street at the node, m³, and its depth over pondAreaM2. */
  readonly peakPondedM3: number;
  readonly peakPondDepthM: number;
  /** Steps with ponding deeper than 15 cm (GB 51222-2017's waterlogging depth for roads). */
  readonly waterloggedSteps: number;
  readonly waterloggedStep?: number;
}

export interface LinkRouting {
  readonly capacityM3s: number;
  readonly peakFlowM3s: number;
  /** Peak flow ÷ full-flow capacity. */
  readonly peakRatio: number;
  /** Step at which it first ran at capacity. */
  readonly fullStep?: number;
  readonly travelSteps: number;
}

export interface RoutingResult {
  readonly stepS: number;
  readonly steps: number;
  readonly nodes: ReadonlyMap<string, NodeRouting>;
  readonly links: ReadonlyMap<string, LinkRouting>;
  /** System totals per step. */
  readonly series: { readonly inflowM3s: Float64Array; readonly outfallM3s: Float64Array; readonly pondedM3: Float64Array; readonly surcharged: Int32Array; readonly flooding: Int32Array };
  /** Volumes, m³: what came in, what left at outfalls, what is still in the system. */
  readonly balance: { readonly inflowM3: number; readonly outfallM3: number; readonly storedM3: number; readonly errorM3: number };
}

/** Ponding deeper than this waterlogs a road (GB 51222-2017 《城镇内涝防治技术标准》). */
export const WATERLOGGING_DEPTH_M = 0.15;

interface NodeState {
  readonly node: DrainageNode;
  readonly out: number[];
  /** Storage area below the crown of its pipes, and above. */
  readonly areaLow: number;
  readonly areaHigh: number;
  readonly crownM: number;
  readonly maxDepthM: number;
  readonly capacityM3: number;
  /** Crown of the outlet conduit above the invert, for the surcharge test. */
  readonly outletCrownM: number;
}

export function route(input: RoutingInput): RoutingResult {
  const { network, stepS: dt, steps } = input;
  const nodeIndex = new Map(network.nodes.map((n, k) => [n.id, k]));
  const links = network.links.filter((l) => nodeIndex.has(l.from) && nodeIndex.has(l.to));

  const connected = network.nodes.map(() => [] as DrainageLink[]);
  const outgoing = network.nodes.map(() => [] as number[]);
  links.forEach((l, k) => {
    outgoing[nodeIndex.get(l.from)!]!.push(k);
    connected[nodeIndex.get(l.from)!]!.push(l);
    connected[nodeIndex.get(l.to)!]!.push(l);
  });
  const state: NodeState[] = network.nodes.map((node, k) => {
    const maxDepthM = Math.max(0.1, node.groundM - node.invertM);
    let crownM = 0;
    let pipeSurface = 0;
    for (const l of connected[k]!) {
      if (!l.shape) continue;
      const offset = l.from === node.id ? (l.inOffsetM ?? 0) : (l.outOffsetM ?? 0);
      crownM = Math.max(crownM, offset + sectionHeight(l.shape));
      pipeSurface += (l.lengthM / 2) * sectionWidth(l.shape);
    }
    crownM = Math.min(crownM, maxDepthM);
    const areaHigh = node.shaftAreaM2;
    const areaLow = areaHigh + pipeSurface;
    const firstOut = outgoing[k]!.map((i) => links[i]!).find((l) => l.shape);
    const outletCrownM = firstOut?.shape ? (firstOut.inOffsetM ?? 0) + sectionHeight(firstOut.shape) : maxDepthM;
    return { node, out: outgoing[k]!, areaLow, areaHigh, crownM, maxDepthM, capacityM3: areaLow * crownM + areaHigh * (maxDepthM - crownM), outletCrownM };
  });
  const depthOf = (s: NodeState, v: number): number => {
    const low = s.areaLow * s.crownM;
    if (v <= low) return v / s.areaLow;
    return Math.min(s.maxDepthM, s.crownM + (v - low) / s.areaHigh);
  };
  const volumeAt = (s: NodeState, h: number): number => (h <= s.crownM ? s.areaLow * h : s.areaLow * s.crownM + s.areaHigh * (Math.min(h, s.maxDepthM) - s.crownM));

  // Links: capacity, travel time and a ring buffer of water in transit.
  const linkCap = links.map((l) => capacityOf(l));
  const slope = links.map((l) => Math.max(l.slope ?? MIN_SLOPE, MIN_SLOPE));
  // Travel time at the kinematic celerity of half the full flow (celerity.ts). One lag per conduit:
  // a lag that varied with the flow would let bigger flows overtake smaller ones and pile up.
  const lag = links.map((l, k) => {
    if (l.kind !== 'conduit' || !l.shape) return 1;
    const c = celerity(l.shape, l.manningN ?? 0.013, slope[k]!, 0.5);
    return Math.max(1, Math.round(l.lengthM / Math.max(c, 0.1) / dt));
  });
  const transit = links.map((_, k) => new Float64Array(lag[k]!));
  const peakFlow = new Float64Array(links.length);
  const fullStep: (number | undefined)[] = links.map(() => undefined);

  const volume = new Float64Array(network.nodes.length);
  const head = new Float64Array(network.nodes.length);
  network.nodes.forEach((n, k) => {
    const d = input.initialDepthM?.get(n.id) ?? 0;
    volume[k] = n.kind === 'outfall' ? 0 : volumeAt(state[k]!, d);
    head[k] = n.invertM + d;
  });
  const storedAtStart = volume.reduce((s, v) => s + v, 0);
  const overflowTo = new Map<number, number>();
  for (const [from, to] of input.overflowTo ?? []) {
    const a = nodeIndex.get(from);
    const b = nodeIndex.get(to);
    if (a !== undefined && b !== undefined && a !== b) overflowTo.set(a, b);
  }
  const inflowSeries = network.nodes.map((n) => input.inflow.get(n.id));

  const stats = network.nodes.map(() => ({
    peakDepthM: 0, peakHeadM: -Infinity, surchargeStep: undefined as number | undefined, surchargeSteps: 0, floodStep: undefined as number | undefined,
    floodSteps: 0, floodVolumeM3: 0, peakPondedM3: 0, peakPondDepthM: 0, waterloggedSteps: 0, waterloggedStep: undefined as number | undefined,
  }));
  const series = {
    inflowM3s: new Float64Array(steps), outfallM3s: new Float64Array(steps), pondedM3: new Float64Array(steps),
    surcharged: new Int32Array(steps), flooding: new Int32Array(steps),
  };
  let inflowM3 = 0;
  let outfallM3 = 0;
  const arriving = new Float64Array(network.nodes.length);
  // Per-node scratch for its outlets (sized to the widest fan-out).
  const fanOut = Math.max(1, ...state.map((st) => st.out.length));
  const outCap = new Float64Array(fanOut);
  const outCrown = new Float64Array(fanOut);
  const outDownHead = new Float64Array(fanOut);
  const overland = new Float64Array(network.nodes.length);

  for (let k = 0; k < steps; k++) {
    // Water (m³) leaving the far end of each conduit this step.
    arriving.fill(0);
    links.forEach((l, i) => {
      const buf = transit[i]!;
      const slot = k % buf.length;
      arriving[nodeIndex.get(l.to)!]! += buf[slot]!;
      buf[slot] = 0;
    });
    let stepIn = 0;
    let stepOut = 0;
    let ponded = 0;
    let nSurcharged = 0;
    let nFlooding = 0;
    const nextOverland = new Float64Array(network.nodes.length);

    for (let n = 0; n < state.length; n++) {
      const s = state[n]!;
      const q = inflowSeries[n]?.[k] ?? 0;
      stepIn += q * dt;
      let avail = volume[n]! + q * dt + arriving[n]! + overland[n]!;
      if (s.node.kind === 'outfall') {
        stepOut += avail;
        volume[n] = 0;
        continue;
      }
      // What the node's outlets can take at an upstream depth h, given last step's downstream heads.
      const outs = s.out;
      for (let m = 0; m < outs.length; m++) {
        const i = outs[m]!;
        const l = links[i]!;
        outCap[m] = l.kind === 'pump' && avail <= 0 ? 0 : linkCap[i]!;
        outCrown[m] = Infinity;
        if (l.kind !== 'conduit' || !l.shape) continue;
        const to = nodeIndex.get(l.to)!;
        const down = state[to]!;
        const downCrown = down.node.invertM + (l.outOffsetM ?? 0) + sectionHeight(l.shape);
        outDownHead[m] = Math.max(downCrown, down.node.kind === 'outfall' ? (down.node.stageM ?? -Infinity) : head[to]!);
        // Below its crown at both ends a conduit carries its full-flow capacity whatever the depth.
        outCrown[m] = outDownHead[m]! > downCrown ? -Infinity : (l.inOffsetM ?? 0) + sectionHeight(l.shape);
      }
      const capAt = (m: number, h: number): number => {
        if (h <= outCrown[m]!) return outCap[m]!;
        const i = outs[m]!;
        const crown = (links[i]!.inOffsetM ?? 0) + sectionHeight(links[i]!.shape!);
        const sf = (s.node.invertM + Math.max(h, crown) - outDownHead[m]!) / links[i]!.lengthM;
        return linkCap[i]! * Math.sqrt(Math.max(0, sf) / slope[i]!);
      };
      const totalAt = (h: number): number => {
        let t = 0;
        for (let m = 0; m < outs.length; m++) t += capAt(m, h);
        return t;
      };
      // Implicit in the node's own depth: the outflow is what the outlets take at the depth left
      // after it (backward Euler), so a surcharged manhole with a small shaft cannot empty itself in
      // one step and refill in the next. Q − Σcap(depth after Q) grows with Q: bisection.
      const depthAfter = (q: number) => depthOf(s, Math.min(Math.max(avail - q * dt, 0), s.capacityM3));
      // The depth can only fall from its value with nothing let out: below every crown then, gravity.
      let hEnd = depthAfter(0);
      let pressurised = false;
      for (let m = 0; m < outs.length; m++) if (hEnd > outCrown[m]!) pressurised = true;
      if (pressurised && avail > 0) {
        let lo = 0;
        let hi = avail / dt;
        if (hi - totalAt(depthAfter(hi)) > 0) {
          for (let it = 0; it < 30 && hi - lo > 1e-9 * (1 + hi); it++) {
            const mid = (lo + hi) / 2;
            if (mid - totalAt(depthAfter(mid)) > 0) hi = mid;
            else lo = mid;
          }
        }
        hEnd = depthAfter(hi);
      }
      const caps = outs.map((_, m) => capAt(m, hEnd));
      const capTotal = caps.reduce((a, b) => a + b, 0);
      const outRate = capTotal === Infinity ? avail / dt : Math.min(avail / dt, capTotal);
      s.out.forEach((i, m) => {
        const share = capTotal === Infinity ? (caps[m] === Infinity ? 1 / caps.filter((c) => c === Infinity).length : 0) : capTotal > 0 ? caps[m]! / capTotal : 0;
        const flow = outRate * share;
        const buf = transit[i]!;
        const slot = (k + lag[i]!) % buf.length;
        buf[slot] = buf[slot]! + flow * dt;
        if (flow > peakFlow[i]!) peakFlow[i] = flow;
        if (fullStep[i] === undefined && flow >= linkCap[i]! * 0.999 && linkCap[i]! > 0 && linkCap[i]! < Infinity) fullStep[i] = k;
      });
      avail -= outRate * dt;

      // Flooding: water above the rim runs overland or stands on the street.
      const st = stats[n]!;
      let onStreet = 0;
      if (avail > s.capacityM3) {
        const excess = avail - s.capacityM3;
        st.floodVolumeM3 += Math.max(0, excess - Math.max(0, volume[n]! - s.capacityM3));
        const target = overflowTo.get(n);
        if (target !== undefined) { nextOverland[target] = nextOverland[target]! + excess; avail = s.capacityM3; }
        else onStreet = excess;
        st.floodSteps++;
        st.floodStep ??= k;
        nFlooding++;
      }
      volume[n] = avail;
      const depth = depthOf(s, Math.min(avail, s.capacityM3));
      head[n] = s.node.invertM + depth;
      if (depth > st.peakDepthM) st.peakDepthM = depth;
      if (head[n]! > st.peakHeadM) st.peakHeadM = head[n]!;
      if (depth > s.outletCrownM + 1e-6 && s.out.length > 0) {
        st.surchargeSteps++;
        st.surchargeStep ??= k;
        nSurcharged++;
      }
      ponded += onStreet;
      if (onStreet > st.peakPondedM3) st.peakPondedM3 = onStreet;
      const pondDepth = pondDepthM(s.node, onStreet);
      if (pondDepth > st.peakPondDepthM) st.peakPondDepthM = pondDepth;
      if (pondDepth > WATERLOGGING_DEPTH_M) { st.waterloggedSteps++; st.waterloggedStep ??= k; }
    }
    overland.set(nextOverland);
    inflowM3 += stepIn;
    outfallM3 += stepOut;
    series.inflowM3s[k] = stepIn / dt;
    series.outfallM3s[k] = stepOut / dt;
    series.pondedM3[k] = ponded;
    series.surcharged[k] = nSurcharged;
    series.flooding[k] = nFlooding;
  }

  const inTransit = transit.reduce((s, b) => s + b.reduce((x, y) => x + y, 0), 0);
  const storedM3 = volume.reduce((s, v) => s + v, 0) + inTransit + overland.reduce((s, v) => s + v, 0);
  return {
    stepS: dt,
    steps,
    nodes: new Map(network.nodes.map((n, k) => {
      const st = stats[k]!;
      return [n.id, {
        peakDepthM: st.peakDepthM, peakHeadM: st.peakHeadM === -Infinity ? n.invertM : st.peakHeadM,
        ...(st.surchargeStep !== undefined ? { surchargeStep: st.surchargeStep } : {}), surchargeSteps: st.surchargeSteps,
        ...(st.floodStep !== undefined ? { floodStep: st.floodStep } : {}), floodSteps: st.floodSteps, floodVolumeM3: st.floodVolumeM3,
        peakPondedM3: st.peakPondedM3, peakPondDepthM: st.peakPondDepthM, waterloggedSteps: st.waterloggedSteps,
        ...(st.waterloggedStep !== undefined ? { waterloggedStep: st.waterloggedStep } : {}),
      }];
    })),
    links: new Map(links.map((l, k) => [l.id, {
      capacityM3s: linkCap[k]!, peakFlowM3s: peakFlow[k]!, peakRatio: linkCap[k]! > 0 && linkCap[k]! < Infinity ? peakFlow[k]! / linkCap[k]! : 0,
      ...(fullStep[k] !== undefined ? { fullStep: fullStep[k] } : {}), travelSteps: lag[k]!,
    }])),
    series,
    balance: { inflowM3, outfallM3, storedM3, errorM3: storedAtStart + inflowM3 - outfallM3 - storedM3 },
  };
}

/**
 * Depth of water standing on the street: a pond whose floor is `pondAreaM2` and whose sides rise
 * at `pondSlope`, an inverted truncated cone: V = (π·s/3)·((r0 + h/s)³ − r0³), r0 = √(A0/π).
 */
export function pondDepthM(node: { readonly pondAreaM2: number; readonly pondSlope?: number }, volumeM3: number): number {
  if (volumeM3 <= 0) return 0;
  const s = node.pondSlope ?? 0.01;
  const r0 = Math.sqrt(Math.max(node.pondAreaM2, 0) / Math.PI);
  return s * (Math.cbrt(r0 ** 3 + (3 * volumeM3) / (Math.PI * s)) - r0);
}

/** Full-flow capacity of a conduit, a pump's rating, or no limit for other links. */
export function capacityOf(l: DrainageLink): number {
  if (l.kind === 'pump') return l.pumpCapacityM3s ?? Infinity;
  if (l.kind !== 'conduit' || !l.shape) return Infinity;
  return fullFlowCapacity(l.shape, l.manningN ?? 0.013, Math.max(l.slope ?? MIN_SLOPE, MIN_SLOPE));
}

export { fullArea };
