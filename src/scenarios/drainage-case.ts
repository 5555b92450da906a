import type { Case } from '../domain/index.js';
import { assessRainstorm, type AffectedAsset, type AssessContext, type Impact, type ImpactFeature } from '../assess/index.js';
import { distanceToGeometry, localFrame } from '../assess/geo/local-frame.js';
import type { CitySnapshot } from './city-models.js';
import { assessRadius, RADIUS_BY_LEVEL } from './radius-impact.js';

/** The design storm a drainage case is tested against, by level: how much more rain the spot can take. */
const STORM_YEARS = { 1: 20, 2: 10, 3: 5, 4: 2 } as const;
const STORM_MIN = 60;
/** How far around the case's asset the storm's effects are kept, m. */
export const LOCAL_M = 1000;

/**
 * The design storm does not depend on the case, only on the city's network: run once per level
 * and city snapshot, so a wave of ponding cases during a storm costs one routing, not one each.
 */
const storms = new WeakMap<CitySnapshot, Map<number, Impact>>();
function cityStorm(city: CitySnapshot, years: number, context: AssessContext): Impact {
  let byYears = storms.get(city);
  if (!byYears) storms.set(city, (byYears = new Map()));
  let storm = byYears.get(years);
  if (!storm) byYears.set(years, (storm = assessRainstorm(city.drainage!, { returnPeriodYears: years, durationMin: STORM_MIN }, context)));
  return storm;
}

/**
 * A drainage case (a high level in a sewer, water standing at an underpass): what a one-hour
 * design storm would do around it — surcharged and overflowing manholes, ponding, facilities —
 * from the city-wide rainstorm model, cut to the neighbourhood; the people within reach of the
 * asset from the population grid. The storm is the question "what if it keeps raining".
 */
export function assessDrainageCase(city: CitySnapshot, c: Case, centre: readonly [number, number]): Impact {
  const context = city.context(c.openedAt);
  const years = STORM_YEARS[c.level];
  const storm = cityStorm(city, years, context);
  const frame = localFrame(centre);
  const near = (f: { geometry: ImpactFeature['geometry'] }) => distanceToGeometry([0, 0], f.geometry, frame) <= LOCAL_M;
  const localIds = new Set<string>();
  const layers = Object.fromEntries(Object.entries(storm.layers).map(([name, l]) => {
    if (name === 'storm') return [name, l];
    const features = l.features.filter(near);
    for (const f of features) if (f.id !== undefined) localIds.add(String(f.id));
    return [name, { type: 'FeatureCollection' as const, features }];
  }));
  const position = (a: AffectedAsset) => city.byId.get(a.id);
  const assets = storm.affected.assets.filter((a) => {
    const asset = position(a);
    return asset ? distanceToGeometry([0, 0], asset.geometry, frame) <= LOCAL_M : localIds.has(a.id);
  });
  const facilities = storm.affected.facilities.filter((f) => {
    const asset = city.byId.get(f.id);
    return asset ? distanceToGeometry([0, 0], asset.geometry, frame) <= LOCAL_M : false;
  });
  const ids = new Set([...assets.map((a) => a.id), ...facilities.map((f) => f.id)]);
  const actions = storm.actions.filter((a) => !a.targets || a.targets.some((t) => ids.has(t))).map((a, k) => ({ ...a, order: k + 1 }));
  const around = assessRadius({ centre, radiusM: RADIUS_BY_LEVEL[c.level], what: c.title, asset: c.asset, by: 'drainage' }, context);
  const count = (effect: string) => assets.filter((a) => a.effect === effect).length;
  const deepest = assets.filter((a) => a.effect === 'ponding').map((a) => ({ a, cm: Number((a.detail as { peakDepthCm?: number } | undefined)?.peakDepthCm ?? 0) })).sort((x, y) => y.cm - x.cm)[0];
  return {
    kind: 'rainstorm',
    summary: `${c.title}: if a ${years}-year ${STORM_MIN}-minute storm falls now, within ${LOCAL_M} m of ${c.asset} ${count('surcharged') + count('flooding')} manhole(s) surcharge or overflow and water stands at ${count('ponding')} place(s)${deepest ? ` (deepest ${Math.round(deepest.cm)} cm at ${deepest.a.name ?? deepest.a.id})` : ''}; ${facilities.length} critical facilit${facilities.length === 1 ? 'y is' : 'ies are'} near the water. About ${around.affected.population.toLocaleString('en')} residents live within ${RADIUS_BY_LEVEL[c.level]} m of the asset.`,
    affected: { assets, population: around.affected.population, facilities },
    actions: actions.length ? actions : around.actions,
    layers: { ...layers, reach: around.layers.reach! },
  };
}
