import { cellToBoundary, cellToLatLng, isValidCell } from 'h3-js';
import type { Level } from '../domain/index.js';
import { LIKELIHOOD_FACTORS, CONSEQUENCE_FACTORS } from './factors.js';
import { RISK_LEVEL_NAMES } from './levels.js';
import type { RiskModel, Zone } from './model.js';

export interface ZoneFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: { type: 'Polygon'; coordinates: [number, number][][] } | null;
  readonly properties: {
    readonly kind: 'h3' | 'district';
    readonly name: string | null;
    readonly level: Level;
    readonly colour: string;
    readonly levelName: { zh: string; en: string };
    readonly risk: number;
    readonly assets: number;
    readonly levels: Record<Level, number>;
    readonly openCases: number;
    readonly worst: { id: string; name: string | null; domain: string; risk: number };
    /** Mean value of each factor over the zone's assets (0..1): what makes the zone risky. */
    readonly factors: { likelihood: Record<string, number>; consequence: Record<string, number> };
  };
}

export interface ZoneCollection {
  readonly type: 'FeatureCollection';
  readonly kind: 'h3' | 'district';
  readonly resolution: number | null;
  readonly features: ZoneFeature[];
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * The four-colour map: zones as GeoJSON polygons with level and factors. `district` polygons come from
 * the districts passed in (their geometry is the caller's); H3 cells at `resolution` are aggregated
 * from the model's cells when coarser than the model's own.
 */
export function zoneFeatures(model: RiskModel, by: 'h3' | 'district', options: { res?: number; districtGeometry?: (id: string) => ZoneFeature['geometry'] } = {}): ZoneCollection {
  const res = options.res ?? model.config.h3Resolution;
  const zones = by === 'district' ? [...model.districts.values()] : [...model.zonesAt(res).values()];
  const districtGeometry = options.districtGeometry ?? ((id: string) => districtPolygon(model, id));
  return {
    type: 'FeatureCollection', kind: by, resolution: by === 'h3' ? res : null,
    features: zones.map((z) => zoneFeature(model, z, by, by === 'h3' ? hexagon(z.id) : districtGeometry?.(z.id) ?? null)),
  };
}

export function zoneFeature(model: RiskModel, z: Zone, kind: 'h3' | 'district', geometry: ZoneFeature['geometry']): ZoneFeature {
  const levels: Record<Level, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  const lSum = new Float64Array(LIKELIHOOD_FACTORS.length);
  const cSum = new Float64Array(CONSEQUENCE_FACTORS.length);
  const cases = new Set<string>();
  for (const i of z.members) {
    levels[model.level[i] as Level]++;
    for (let k = 0; k < lSum.length; k++) lSum[k]! += model.lf[i * lSum.length + k]!;
    for (let k = 0; k < cSum.length; k++) cSum[k]! += model.cf[i * cSum.length + k]!;
    for (const c of model.openCasesOn(i)) cases.add(c.id);
  }
  const n = z.members.length;
  const w = model.assets[z.worst]!;
  return {
    type: 'Feature', id: z.id, geometry,
    properties: {
      kind, name: z.name ?? null, level: z.level, colour: RISK_LEVEL_NAMES[z.level].colour,
      levelName: { zh: RISK_LEVEL_NAMES[z.level].zh, en: RISK_LEVEL_NAMES[z.level].en },
      risk: r2(z.risk), assets: n, levels, openCases: cases.size,
      worst: { id: w.id, name: w.name ?? null, domain: w.domain, risk: r2(model.risk[z.worst]!) },
      factors: {
        likelihood: Object.fromEntries(LIKELIHOOD_FACTORS.map((k, j) => [k, r2(lSum[j]! / n)])),
        consequence: Object.fromEntries(CONSEQUENCE_FACTORS.map((k, j) => [k, r2(cSum[j]! / n)])),
      },
    },
  };
}

/** An H3 cell as a closed GeoJSON ring ([lng, lat]). */
export function hexagon(cell: string): ZoneFeature['geometry'] {
  if (!isValidCell(cell)) return null;
  // GeoJSON order ([lng, lat]) and already closed.
  return { type: 'Polygon', coordinates: [cellToBoundary(cell, true) as [number, number][]] };
}

export function cellCentre(cell: string): [number, number] {
  const [lat, lng] = cellToLatLng(cell);
  return [lng, lat];
}

function districtPolygon(model: RiskModel, id: string): ZoneFeature['geometry'] {
  const f = model.districtInput?.features.find((d) => String(d.id) === id);
  return f && f.geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: f.geometry.coordinates as [number, number][][] } : null;
}
