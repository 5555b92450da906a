import { representativePoint, type Asset } from '../../domain/index.js';
import type { AssessContext } from '../context.js';
import { contextFacilities } from '../context.js';
import { localFrame, type LocalFrame } from '../geo/local-frame.js';
import { PointIndex } from '../geo/point-index.js';
import { allocateToNearest, populationCells } from '../geo/population.js';
import type { WaterNetwork } from './network.js';
import { unitSystem } from './units.js';

/**
 * Who each junction serves. With a population grid and a georeferenced network, the residents of
 * the cells the network reaches (a junction within FACILITY_SERVICE_RADIUS_M of the cell centre)
 * are shared among junctions in proportion to their base demand: demand is what the utility
 * allocated to each node from its billing, so it is the best guide to where people draw water.
 * Otherwise people are inferred from demand at `litresPerPersonDay` (GB 50013-2018 Table 4.0.3-2
 * gives 150–280 L per resident per day for the comprehensive domestic use of a large city).
 */
export const LITRES_PER_PERSON_DAY = 240;
/** Largest distance from a facility to the junction assumed to serve it. */
export const FACILITY_SERVICE_RADIUS_M = 500;

export interface Served {
  /** Residents (or customers) per junction id. */
  readonly people: ReadonlyMap<string, number>;
  /** Junction serving each critical facility. */
  readonly facilityNode: ReadonlyMap<string, string>;
  readonly facilities: ReadonlyMap<string, Asset>;
  /** Local frame of the network (georeferenced networks only). */
  readonly frame?: LocalFrame;
}

export function servedBy(net: WaterNetwork, context: AssessContext, litresPerPersonDay = LITRES_PER_PERSON_DAY): Served {
  const facilities = new Map(contextFacilities(context).map((f) => [f.id, f]));
  const withDemand = net.junctions.filter((j) => j.demand > 0);
  const first = net.crs === 'lonlat' ? Object.values(net.coordinates)[0] : undefined;
  if (!first) return { people: demandPeople(net, litresPerPersonDay), facilityNode: new Map(), facilities };

  const frame = localFrame(first);
  const allIndex = new PointIndex<string>(200);
  for (const j of net.junctions) {
    const c = net.coordinates[j.id];
    if (c) allIndex.add(frame.toXY(c), j.id);
  }
  const cells = populationCells(context.populationGrid, frame);
  const reached = allocateToNearest(cells, (xy) => allIndex.nearest(xy, FACILITY_SERVICE_RADIUS_M)?.item);
  const servedPopulation = [...reached.values()].reduce((s, v) => s + v, 0);
  const totalDemand = withDemand.reduce((s, j) => s + j.demand, 0);
  const people = servedPopulation > 0 && totalDemand > 0
    ? new Map(withDemand.map((j) => [j.id, Math.round((servedPopulation * j.demand) / totalDemand)]))
    : demandPeople(net, litresPerPersonDay);

  // A facility's bulk meter names its junction; otherwise take the nearest one.
  const junctionIds = new Set(net.junctions.map((j) => j.id));
  const metered = new Map<string, string>();
  for (const a of context.assets) {
    if (a.kind === 'meter' && typeof a.properties.facility === 'string' && junctionIds.has(a.properties.node as string)) {
      metered.set(a.properties.facility, a.properties.node as string);
    }
  }
  const facilityNode = new Map<string, string>();
  for (const f of facilities.values()) {
    const node = metered.get(f.id) ?? allIndex.nearest(frame.toXY(representativePoint(f.geometry)), FACILITY_SERVICE_RADIUS_M)?.item;
    if (node) facilityNode.set(f.id, node);
  }
  return { people, facilityNode, facilities, frame };
}

function demandPeople(net: WaterNetwork, litresPerPersonDay: number): Map<string, number> {
  const lps = unitSystem(net.options.units).lpsPerFlow * net.options.demandMultiplier;
  return new Map(net.junctions.filter((j) => j.demand > 0).map((j) => [j.id, Math.round((j.demand * lps * 86_400) / litresPerPersonDay)]));
}
