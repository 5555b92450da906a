import { representativePoint, type Asset, type Case } from '../domain/index.js';
import { assessGasLeak, assessOutage, assessWaterBurst, type Impact } from '../assess/index.js';
import { distanceToGeometry, localFrame } from '../assess/geo/local-frame.js';
import type { CitySnapshot } from './city-models.js';
import { assessRadius, RADIUS_BY_LEVEL, type RadiusImpact } from './radius-impact.js';
import { assessDrainageCase } from './drainage-case.js';

/** The hole a gas case of each level is assessed with, mm: a pinhole for blue, a broken service for red. */
const GAS_HOLE_MM = { 1: 50, 2: 30, 3: 20, 4: 10 } as const;
/** The opening a water case is assessed with, mm; undefined: a full break of the pipe's bore. */
const WATER_OPENING_MM = { 1: undefined, 2: undefined, 3: 100, 4: 50 } as const;
/** A water asset further than this from every pipe gets a radius assessment instead, m. */
const NEAREST_PIPE_M = 300;

export type CaseImpactModel = Impact | RadiusImpact;

/**
 * Pick the model for a case from its domain and asset, and run it:
 * water → a burst on the case's pipe (or the nearest pipe); gas → a leak at the asset; drainage →
 * a design storm's effects around the asset; power, or a bridge or tunnel that carries something →
 * the cascade; anything else → what lies within reach of the asset for the level.
 */
export async function assessCase(city: CitySnapshot, c: Case): Promise<CaseAssessment | undefined> {
  const asset = city.byId.get(c.asset);
  const centre = asset ? representativePoint(asset.geometry) : c.location ? [c.location[0], c.location[1]] as [number, number] : undefined;
  if (!centre) return undefined;
  const context = city.context(c.openedAt);
  const radius = (fallback?: string): CaseAssessment => ({
    model: 'radius', centre, ...(fallback ? { fallback } : {}),
    impact: assessRadius({ centre, radiusM: RADIUS_BY_LEVEL[c.level], what: `${c.title} (${c.asset})`, by: c.domain, ...(asset ? { asset: asset.id } : {}) }, context),
  });
  if (!asset) return radius();
  // A model that cannot answer for this asset must not leave the case without any impact.
  try {
    return (await networkModel(city, c, asset, centre)) ?? radius();
  } catch (e) {
    return radius((e as Error).message);
  }
}

export interface CaseAssessment {
  readonly model: string;
  readonly impact: CaseImpactModel;
  readonly centre: [number, number];
  /** Why the network model gave way to the radius assessment. */
  readonly fallback?: string;
}

async function networkModel(city: CitySnapshot, c: Case, asset: Asset, centre: [number, number]): Promise<CaseAssessment | undefined> {
  const context = city.context(c.openedAt);
  if (c.domain === 'water') {
    const pipe = nearestWaterPipe(city, asset);
    if (!pipe || !city.water) return undefined;
    const openingMm = WATER_OPENING_MM[c.level];
    return { model: 'water-burst', centre, impact: await assessWaterBurst(city.water, { pipe, ...(openingMm ? { openingMm } : {}) }, context) };
  }
  if (c.domain === 'gas' && city.assets.some((a) => a.domain === 'gas' && a.kind === 'pipe')) {
    const lel = methaneLel(c);
    return { model: 'gas-leak', centre, impact: assessGasLeak({ asset: asset.id, holeMm: GAS_HOLE_MM[c.level], ...(lel ? { measuredLel: lel } : {}) }, context) };
  }
  if (c.domain === 'drainage' && city.drainage && city.drainage.nodes.length > 0) {
    return { model: 'rainstorm-local', centre, impact: assessDrainageCase(city, c, centre) };
  }
  if (c.domain === 'power' || ((c.domain === 'bridge' || c.domain === 'tunnel') && city.graph.edges.some((e) => e.from === asset.id))) {
    return { model: 'outage', centre, impact: assessOutage(city.graph, { asset: asset.id }, context) };
  }
  return undefined;
}

/** The case's pipe, or the water pipe nearest its asset (a junction, a valve, a meter). */
function nearestWaterPipe(city: CitySnapshot, asset: Asset): string | undefined {
  if (!city.water) return undefined;
  const pipes = new Set(city.water.pipes.map((p) => p.id));
  if (pipes.has(asset.id)) return asset.id;
  const at = representativePoint(asset.geometry);
  const frame = localFrame(at);
  let best: { id: string; d: number } | undefined;
  for (const a of city.assets) {
    if (a.domain !== 'water' || a.kind !== 'pipe' || !pipes.has(a.id)) continue;
    const d = distanceToGeometry([0, 0], a.geometry, frame);
    if (d <= NEAREST_PIPE_M && (!best || d < best.d)) best = { id: a.id, d };
  }
  return best?.id;
}

/** Methane alarms say how much gas is already in a space; the alarm message is all a case keeps. */
function methaneLel(c: Case): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const a of c.alarms) {
    const m = /(\d+(?:\.\d+)?)\s*%\s*LEL/i.exec(a.message);
    if (m && a.clearedAt === undefined) out[a.asset] = Math.max(out[a.asset] ?? 0, Number(m[1]));
  }
  return Object.keys(out).length ? out : undefined;
}
