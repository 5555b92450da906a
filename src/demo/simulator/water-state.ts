import type { Asset } from '../../domain/index.js';
import { hydraulicNetwork, waterModel } from '../city/water-model.js';
import { solveHydraulics, type HydraulicNetwork } from '../hydraulics.js';

/**
 * Junction pressures as the demand multiplier moves through the day, from steady-state solves of
 * the demo's own network at a few demand levels (interpolated between them), and what a burst main
 * does to them. Solved once when the simulator starts; every reading is then a table lookup.
 */
const MULTIPLIERS = [0.3, 0.7, 1.1, 1.5, 1.9];

export interface BurstEffect {
  /** Leak flow out of the main, L/s. */
  readonly flowLps: number;
  /** Pressure drop at each junction, m (only those that drop by more than 0.5 m). */
  readonly dropM: ReadonlyMap<string, number>;
}

export interface WaterState {
  /** Pressure head at a junction (m) at a demand multiplier; undefined for unknown junctions. */
  pressureM(junctionId: string, multiplier: number): number | undefined;
  readonly totalBaseDemandLps: number;
  /**
   * The smallest burst on a pipe (from a ladder of leak flows up to 450 L/s) that drops the pressure
   * by at least `minDropM` at two or more junctions; undefined when even the largest does not.
   */
  burst(pipeId: string, minDropM: number): BurstEffect | undefined;
}

export function createWaterState(assets: readonly Asset[]): WaterState {
  const model = waterModel(assets);
  const { net, index } = hydraulicNetwork(model);
  const table = new Map<string, Float64Array>();
  const solutions = MULTIPLIERS.map((m) => solveHydraulics(net, m));
  for (const j of model.junctions) {
    const i = index.get(j.id)!;
    table.set(j.id, Float64Array.from(solutions.map((s) => s.pressureM[i]!)));
  }
  const totalBaseDemandLps = model.junctions.reduce((s, j) => s + (j.properties.baseDemandLps as number), 0);
  const bursts = new Map<string, BurstEffect | undefined>();
  const pipes = new Map(model.pipes.map((p) => [p.id, p]));

  return {
    pressureM(junctionId, multiplier) {
      const row = table.get(junctionId);
      if (!row) return undefined;
      const last = MULTIPLIERS.length - 1;
      let k = 0;
      while (k < last - 1 && multiplier > MULTIPLIERS[k + 1]!) k++;
      const m0 = MULTIPLIERS[k]!;
      const m1 = MULTIPLIERS[k + 1]!;
      return row[k]! + ((row[k + 1]! - row[k]!) * (multiplier - m0)) / (m1 - m0);
    },
    totalBaseDemandLps,
    burst(pipeId, minDropM) {
      if (!bursts.has(pipeId)) bursts.set(pipeId, solveBurst(net, index, solutions[2]!.pressureM, pipes.get(pipeId), minDropM));
      return bursts.get(pipeId);
    },
  };
}

function solveBurst(net: HydraulicNetwork, index: Map<string, number>, normal: Float64Array, pipe: Asset | undefined, minDropM: number): BurstEffect | undefined {
  if (!pipe) return undefined;
  const a = index.get(pipe.properties.from as string);
  const b = index.get(pipe.properties.to as string);
  if (a === undefined || b === undefined || net.nodes[a]!.fixedHeadM !== undefined || net.nodes[b]!.fixedHeadM !== undefined) return undefined;
  const attempt = (flowLps: number): BurstEffect | undefined => {
    const solution = solveHydraulics(net, MULTIPLIERS[2]!, new Map([[a, flowLps / 2000], [b, flowLps / 2000]]));
    const dropM = new Map<string, number>();
    let strong = 0;
    net.nodes.forEach((node, i) => {
      const drop = normal[i]! - solution.pressureM[i]!;
      if (node.fixedHeadM !== undefined || drop <= 0.5) return;
      dropM.set(node.id, drop);
      if (drop >= minDropM) strong++;
    });
    return strong >= 2 ? { flowLps, dropM } : undefined;
  };
  // A main break discharges tens to hundreds of L/s. If even the largest leak is not felt, give
  // up at once; otherwise take the smallest leak that is.
  const largest = attempt(450);
  if (!largest) return undefined;
  for (const flowLps of [120, 170, 240, 330]) {
    const effect = attempt(flowLps);
    if (effect) return effect;
  }
  return largest;
}