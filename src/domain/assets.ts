import type { Domain } from './domains.js';
import type { Geometry } from './geojson.js';

/** Asset kinds (设施类型). Extend the list; keep these names. */
export const ASSET_KINDS = [
  'pipe', 'valve', 'junction', 'manhole', 'outfall', 'pump_station', 'tank', 'reservoir',
  'regulator_station', 'substation', 'cable', 'bridge', 'tunnel_section', 'building', 'hydrant',
  'facility', 'meter', 'inlet', 'well',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** Types of critical facility (`kind: facility`), the places an impact assessment looks for first. */
export const FACILITY_TYPES = [
  'hospital', 'school', 'kindergarten', 'metro_station', 'elderly_home', 'shelter', 'government',
  'fire_station', 'stadium', 'mall', 'railway_station', 'water_plant', 'power_plant',
] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

export function isAssetKind(value: unknown): value is AssetKind {
  return typeof value === 'string' && (ASSET_KINDS as readonly string[]).includes(value);
}

/**
 * A mapped thing (设施). `properties` holds kind-specific attributes, for example a pipe's
 * `diameterMm`, `material`, `installYear`, `from`/`to` node ids, or a facility's `facility` type.
 */
export interface Asset {
  readonly id: string;
  readonly kind: AssetKind;
  readonly domain: Domain;
  readonly name?: string;
  readonly department?: string;
  readonly geometry: Geometry;
  readonly properties: Readonly<Record<string, unknown>>;
}
