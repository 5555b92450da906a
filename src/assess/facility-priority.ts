import type { Asset } from '../domain/index.js';

/**
 * Who to protect first when a lifeline fails (重点防护目标): people who cannot leave or cannot do
 * without the service come first — patients, the elderly in care, small children — then the
 * services that handle the emergency, then crowded places. Lower is more critical.
 */
export const FACILITY_PRIORITY: Readonly<Record<string, number>> = {
  hospital: 1,
  elderly_home: 2,
  kindergarten: 3,
  school: 4,
  fire_station: 5,
  water_plant: 6,
  power_plant: 6,
  metro_station: 7,
  railway_station: 7,
  shelter: 8,
  government: 9,
  mall: 10,
  stadium: 10,
};

const UNKNOWN_PRIORITY = 11;

export function facilityType(asset: Asset): string {
  return typeof asset.properties.facility === 'string' ? asset.properties.facility : 'other';
}

export function facilityPriority(type: string): number {
  return FACILITY_PRIORITY[type] ?? UNKNOWN_PRIORITY;
}

/** Most critical first; among equals, more people first, then by id so the order is stable. */
export function byCriticality<T extends { priority: number; population?: number; id: string }>(a: T, b: T): number {
  return a.priority - b.priority || (b.population ?? 0) - (a.population ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function facilityPopulation(asset: Asset): number | undefined {
  const p = asset.properties.population;
  return typeof p === 'number' ? p : undefined;
}
