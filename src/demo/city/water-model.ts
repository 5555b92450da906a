import type { Asset } from '../../domain/index.js';
import type { HydraulicLink, HydraulicNetwork, HydraulicNode } from '../hydraulics.js';

/**
 * The water network read back from assets (domain 'water'): what the EPANET writer and the
 * hydraulic solver both need, so an edited or imported network exports and solves the same way.
 */
export interface WaterModel {
  readonly junctions: readonly Asset[];
  readonly reservoirs: readonly Asset[];
  readonly tanks: readonly Asset[];
  /** Pipes with both ends on modelled nodes. */
  readonly pipes: readonly Asset[];
  /** Pump stations modelled as one pump link each (`from` → `to`, `curve` [[L/s, m]]). */
  readonly pumps: readonly Asset[];
}

export function waterModel(assets: readonly Asset[]): WaterModel {
  const water = assets.filter((a) => a.domain === 'water');
  const junctions = water.filter((a) => a.kind === 'junction');
  const reservoirs = water.filter((a) => a.kind === 'reservoir');
  const tanks = water.filter((a) => a.kind === 'tank');
  const nodeIds = new Set([...junctions, ...reservoirs, ...tanks].map((a) => a.id));
  const isLink = (a: Asset): boolean => nodeIds.has(a.properties.from as string) && nodeIds.has(a.properties.to as string);
  return {
    junctions, reservoirs, tanks,
    pipes: water.filter((a) => a.kind === 'pipe' && isLink(a)),
    pumps: water.filter((a) => a.kind === 'pump_station' && isLink(a)),
  };
}

export const num = (a: Asset, key: string): number => {
  const v = a.properties[key];
  if (typeof v !== 'number') throw new Error(`${a.id}: property ${key} is not a number`);
  return v;
};

/** The model as solver input; `index` maps an asset id to its node index. */
export function hydraulicNetwork(model: WaterModel): { net: HydraulicNetwork; index: Map<string, number> } {
  const nodes: HydraulicNode[] = [];
  const index = new Map<string, number>();
  const addNode = (node: HydraulicNode): void => { index.set(node.id, nodes.length); nodes.push(node); };
  for (const j of model.junctions) addNode({ id: j.id, elevationM: num(j, 'elevationM'), demandM3s: num(j, 'baseDemandLps') / 1000 });
  for (const r of model.reservoirs) addNode({ id: r.id, elevationM: num(r, 'headM'), demandM3s: 0, fixedHeadM: num(r, 'headM') });
  // A tank is held at its initial level: the state EPANET solves at the first time step.
  for (const t of model.tanks) addNode({ id: t.id, elevationM: num(t, 'elevationM'), demandM3s: 0, fixedHeadM: num(t, 'elevationM') + num(t, 'initLevelM') });
  const links: HydraulicLink[] = [];
  for (const p of model.pipes) {
    links.push({
      id: p.id, kind: 'pipe', from: index.get(p.properties.from as string)!, to: index.get(p.properties.to as string)!,
      lengthM: num(p, 'lengthM'), diameterM: num(p, 'diameterMm') / 1000, roughnessC: num(p, 'roughnessC'),
    });
  }
  for (const pump of model.pumps) {
    links.push({
      id: pump.id, kind: 'pump', from: index.get(pump.properties.from as string)!, to: index.get(pump.properties.to as string)!,
      designFlowM3s: num(pump, 'designFlowLps') / 1000, designHeadM: num(pump, 'designHeadM'),
    });
  }
  return { net: { nodes, links }, index };
}
