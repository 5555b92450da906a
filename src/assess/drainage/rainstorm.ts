import type { AssessContext } from '../context.js';
import { localFrame, type LocalFrame } from '../geo/local-frame.js';
import { PointIndex } from '../geo/point-index.js';
import type { Impact } from '../impact.js';
import { chicagoHyetograph, seriesHyetograph, type Hyetograph } from './hyetograph.js';
import type { DrainageNetwork, DrainageNode } from './network.js';
import { describeRainstorm } from './rainstorm-report.js';
import { route } from './routing.js';
import { subcatchmentRunoff } from './runoff.js';
import type { RainstormOptions, StormInput } from './storm-input.js';
import { HEFEI_STORM } from './storm-intensity.js';

export type { StormInput, RainstormOptions } from './storm-input.js';

/**
 * A rainstorm over the drainage network: the design storm (GB 50014 formula, Chicago pattern) or
 * a given series (a forecast, a radar nowcast, a past event), runoff from every subcatchment,
 * routing through the pipes, and what that means in the streets, minute by minute: manholes
 * that surcharge and flood, pipes over capacity, water standing at low points and underpasses,
 * the roads, people and critical facilities nearby, and what to do before the rain arrives.
 */
export function assessRainstorm(network: DrainageNetwork, storm: StormInput, context: AssessContext, options: RainstormOptions = {}): Impact {
  const stepS = options.stepS ?? 60;
  const rain: Hyetograph = stormHyetograph(storm);
  const rainMin = rain.depthMm.length * rain.stepMin;
  const steps = Math.ceil(((rainMin + (options.tailMin ?? 60)) * 60) / stepS);

  const inflow = new Map<string, Float64Array>();
  for (const s of network.subcatchments) {
    const q = subcatchmentRunoff(s, rain, stepS, steps);
    const acc = inflow.get(s.outlet);
    if (acc) for (let k = 0; k < steps; k++) acc[k] = acc[k]! + q[k]!;
    else inflow.set(s.outlet, q);
  }
  for (const [node, q] of options.baseInflowM3s ?? []) {
    const acc = inflow.get(node) ?? new Float64Array(steps);
    for (let k = 0; k < steps; k++) acc[k] = acc[k]! + q;
    inflow.set(node, acc);
  }
  const georeferenced = network.crs === 'lonlat' && network.nodes.some((n) => n.position);
  const frame = georeferenced ? localFrame(network.nodes.find((n) => n.position)!.position!) : undefined;
  const overflowTo = frame ? overlandTargets(network, frame, options.overlandReachM ?? 300) : new Map<string, string>();
  const result = route({ network, inflow, stepS, steps, overflowTo, ...(options.initialDepthM ? { initialDepthM: options.initialDepthM } : {}) });
  return describeRainstorm(network, storm, rain, result, context, frame, options);
}

/** The rain of a storm input, step by step. */
export function stormHyetograph(storm: StormInput): Hyetograph {
  return 'returnPeriodYears' in storm
    ? chicagoHyetograph(storm.formula ?? HEFEI_STORM, storm.returnPeriodYears, storm.durationMin, storm.stepMin ?? 5, storm.peakRatio ?? 0.4)
    : 'hyetograph' in storm ? storm.hyetograph : seriesHyetograph(storm.intensityMmPerHour, storm.stepMin);
}

/** Flood water runs downhill: to the nearest low point within reach whose ground is lower. */
export function overlandTargets(network: DrainageNetwork, frame: LocalFrame, reachM: number): Map<string, string> {
  const index = new PointIndex<DrainageNode>(100);
  for (const n of network.nodes) if (n.kind === 'low_point' && n.position) index.add(frame.toXY(n.position), n);
  const out = new Map<string, string>();
  if (index.size === 0) return out;
  for (const n of network.nodes) {
    if (n.kind !== 'junction' || !n.position) continue;
    const target = index.nearest(frame.toXY(n.position), reachM, (lp) => lp.groundM < n.groundM);
    if (target) out.set(n.id, target.item.id);
  }
  return out;
}
