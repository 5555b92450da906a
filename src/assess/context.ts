import type { Asset, Geometry } from '../domain/index.js';

/** A GeoJSON FeatureCollection as the basemap keeps it (population grid, roads). */
export interface ContextFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly { readonly id?: string | number; readonly geometry: Geometry; readonly properties: Readonly<Record<string, unknown>> }[];
}

/**
 * What an assessment may look at besides the network it models, all passed in as data
 * (the core does no I/O): the city's assets (facilities, buildings, valves, underground spaces …),
 * the population grid (cells with `properties.population`), optionally the roads, and the time.
 */
export interface AssessContext {
  readonly assets: readonly Asset[];
  /** Critical facilities; defaults to the assets of kind 'facility'. */
  readonly facilities?: readonly Asset[];
  readonly populationGrid?: ContextFeatureCollection;
  /** Street centre lines (name, class) for "roads affected". */
  readonly roads?: ContextFeatureCollection;
  /** When the scenario starts or the case opened, epoch ms. Time is a value: nothing reads a clock. */
  readonly at?: number;
  /** Local time offset of the city, for demand patterns by hour of day (Hefei: +8). */
  readonly utcOffsetHours?: number;
}

export function contextFacilities(context: AssessContext): readonly Asset[] {
  return context.facilities ?? context.assets.filter((a) => a.kind === 'facility');
}

/** Local hour of day (0–23.99) at `at`, or undefined when no time was given. */
export function localHour(context: AssessContext): number | undefined {
  if (context.at === undefined) return undefined;
  const ms = context.at + (context.utcOffsetHours ?? 0) * 3_600_000;
  return (((ms / 3_600_000) % 24) + 24) % 24;
}
