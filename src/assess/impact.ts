import type { AssetKind, Domain, FacilityType, Geometry, Level } from '../domain/index.js';

/**
 * The one result shape every assessment returns (DESIGN.md, `POST /scenarios` and a case's
 * `impact`): `{ id?, kind, summary, affected: { assets, population, facilities }, actions, layers }`.
 * Plain JSON: it is stored with cases and served as it is.
 */
export type ImpactKind = 'water-burst' | 'rainstorm' | 'gas-leak' | 'outage';

export interface Impact {
  readonly id?: string;
  readonly kind: ImpactKind;
  /** One paragraph a duty officer reads first (English; numbers in SI). */
  readonly summary: string;
  readonly affected: Affected;
  /** What to do, in the order to do it. */
  readonly actions: readonly ImpactAction[];
  /** Map layers by name; each is a GeoJSON FeatureCollection (RFC 7946, lon/lat). */
  readonly layers: Readonly<Record<string, ImpactLayer>>;
}

export interface Affected {
  readonly assets: readonly AffectedAsset[];
  /** People affected (residents from the population grid, or customers from demand). */
  readonly population: number;
  /** Critical facilities, most critical first (hospitals first). */
  readonly facilities: readonly AffectedFacility[];
}

export interface AffectedAsset {
  readonly id: string;
  readonly kind?: AssetKind | string;
  readonly domain?: Domain;
  readonly name?: string;
  /** Why it is listed, as a short code: 'burst', 'isolated', 'cut_off', 'low_pressure', 'surcharged', 'flooding', 'fails' … */
  readonly effect: string;
  /** Minutes after the scenario starts (or the case opens) when the effect begins. */
  readonly atMin?: number;
  /** Level of the effect for this asset, when the model grades it. */
  readonly level?: Level;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface AffectedFacility {
  readonly id: string;
  readonly name?: string;
  readonly facility: FacilityType | string;
  /** 1 = most critical (hospital); see FACILITY_PRIORITY. */
  readonly priority: number;
  readonly effect: string;
  readonly atMin?: number;
  /** People usually inside. */
  readonly population?: number;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface ImpactAction {
  /** 1, 2, 3 … in the order to carry them out. */
  readonly order: number;
  /** A stable code the dashboard and plans can key on: 'close_valve', 'evacuate', 'cordon' … */
  readonly code: string;
  readonly text: string;
  /** Asset or facility ids the action is about. */
  readonly targets?: readonly string[];
  /** Minutes after the start by which it should be done (or at which it applies). */
  readonly atMin?: number;
  /** Department kind that carries it out ('water', 'gas', 'drainage', 'power', 'emergency', 'fire', 'police', 'health' …). */
  readonly by?: string;
}

export interface ImpactFeature {
  readonly type: 'Feature';
  readonly id?: string;
  readonly geometry: Geometry;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface ImpactLayer {
  readonly type: 'FeatureCollection';
  readonly features: readonly ImpactFeature[];
}

export function layer(features: readonly ImpactFeature[]): ImpactLayer {
  return { type: 'FeatureCollection', features };
}

export function feature(geometry: Geometry, properties: Record<string, unknown>, id?: string): ImpactFeature {
  return id === undefined ? { type: 'Feature', geometry, properties } : { type: 'Feature', id, geometry, properties };
}

/** Number the actions 1, 2, 3 … in the order given. */
export function numberActions(actions: readonly Omit<ImpactAction, 'order'>[]): ImpactAction[] {
  return actions.map((a, k) => ({ order: k + 1, ...a }));
}
