import { representativePoint, type Level } from '../domain/index.js';
import type { AffectedAsset, AffectedFacility, AssessContext, ImpactAction, ImpactLayer } from '../assess/index.js';
import { facilityPriority } from '../assess/index.js';
import { byCriticality, facilityPopulation, facilityType } from '../assess/facility-priority.js';
import { circleRing, distanceToGeometry, localFrame } from '../assess/geo/local-frame.js';
import { populationCells, populationWithin } from '../assess/geo/population.js';

/** How far around the asset a case of each level is taken to reach, m. */
export const RADIUS_BY_LEVEL: Readonly<Record<Level, number>> = { 1: 500, 2: 300, 3: 200, 4: 100 };

/** Assets listed and drawn, nearest first: the case document stays small (the counts say the rest). */
const MAX_LISTED = 200;

/** What a radius assessment says: the Impact shape with kind 'radius'. */
export interface RadiusImpact {
  readonly kind: 'radius';
  readonly summary: string;
  readonly affected: { readonly assets: AffectedAsset[]; readonly population: number; readonly facilities: AffectedFacility[] };
  readonly actions: ImpactAction[];
  readonly layers: Record<string, ImpactLayer>;
}

export interface RadiusInput {
  /** The centre, [lon, lat]. */
  readonly centre: readonly [number, number];
  readonly radiusM: number;
  /** The asset the case is about, left out of the affected list. */
  readonly asset?: string;
  /** What is going on, for the summary ('ponding at the Tongling Rd underpass'). */
  readonly what: string;
  /** Department kind that inspects (the case's domain). */
  readonly by: string;
}

/**
 * For lifelines without a network model (bridges, buildings, hydrants …) or as a fallback: what
 * lies within reach of the asset — buildings, other assets, residents from the population grid,
 * critical facilities (hospitals first). A model-free first answer, clearly labelled as such.
 */
export function assessRadius(input: RadiusInput, context: AssessContext): RadiusImpact {
  const frame = localFrame(input.centre);
  const r = input.radiusM;
  const near = context.assets
    .filter((a) => a.id !== input.asset)
    .map((a) => ({ a, d: distanceToGeometry([0, 0], a.geometry, frame) }))
    .filter((x) => x.d <= r)
    .sort((x, y) => x.d - y.d);
  const facilities: AffectedFacility[] = near.filter((x) => x.a.kind === 'facility').map(({ a, d }) => {
    const type = facilityType(a);
    const population = facilityPopulation(a);
    return { id: a.id, ...(a.name ? { name: a.name } : {}), facility: type, priority: facilityPriority(type), effect: 'within_reach', ...(population !== undefined ? { population } : {}), detail: { distanceM: Math.round(d) } };
  }).sort(byCriticality);
  const assets: AffectedAsset[] = near.filter((x) => x.a.kind !== 'facility').slice(0, MAX_LISTED).map(({ a, d }) => ({
    id: a.id, kind: a.kind, domain: a.domain, ...(a.name ? { name: a.name } : {}), effect: 'within_reach', detail: { distanceM: Math.round(d) },
  }));
  const buildings = near.filter((x) => x.a.kind === 'building');
  const population = Math.round(populationWithin(populationCells(context.populationGrid, frame), [0, 0], r));
  const critical = facilities.slice(0, 3).map((f) => f.name ?? f.id);
  const actions: Omit<ImpactAction, 'order'>[] = [
    { code: 'inspect', text: `Send a crew to inspect ${input.asset ?? 'the site'} and confirm the situation`, ...(input.asset ? { targets: [input.asset] } : {}), atMin: 30, by: input.by },
    { code: 'cordon', text: `Keep people back within ${r} m until the site is assessed`, atMin: 30, by: 'police' },
    ...(facilities.length ? [{ code: 'notify_facilities', text: `Warn the critical facilities within reach: ${critical.join(', ')}${facilities.length > 3 ? ` and ${facilities.length - 3} more` : ''}`, targets: facilities.map((f) => f.id), atMin: 15, by: 'emergency' }] : []),
  ];
  return {
    kind: 'radius',
    summary: `${input.what}: within ${r} m lie ${buildings.length} building(s), ${near.length - facilities.length - buildings.length} other asset(s), about ${population.toLocaleString('en')} residents and ${facilities.length} critical facilit${facilities.length === 1 ? 'y' : 'ies'}${critical.length ? ` (${critical.join(', ')})` : ''}. A radius estimate: no network model applies.`,
    affected: { assets, population, facilities },
    actions: actions.map((a, k) => ({ order: k + 1, ...a })),
    layers: {
      reach: { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'reach', geometry: { type: 'Polygon', coordinates: [circleRing([0, 0], r, frame)] }, properties: { radiusM: r } }] },
      assets: { type: 'FeatureCollection', features: near.slice(0, MAX_LISTED).map(({ a, d }) => ({ type: 'Feature', id: a.id, geometry: { type: 'Point', coordinates: representativePoint(a.geometry) }, properties: { kind: a.kind, domain: a.domain, distanceM: Math.round(d) } })) },
    },
  };
}
