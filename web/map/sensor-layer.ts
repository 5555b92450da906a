import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { AssetFeature, Sensor } from '../api/types';
import { LEVEL_HEX, SENSOR_HEX } from '../ui/colours';

/** Numeric status codes kept in feature-state, so a live change is one setFeatureState, not a setData of 50,000 points. */
export const STATUS_CODE = { online: 0, offline: 1, maintenance: 2, disabled: 3 } as const;

/** Where a sensor sits: its asset's point, the middle vertex of a line, the first vertex of a polygon. */
export function assetAnchor(geometry: AssetFeature['geometry'] | undefined): [number, number] | null {
  if (!geometry) return null;
  const c = geometry.coordinates as unknown;
  switch (geometry.type) {
    case 'Point': return c as [number, number];
    case 'LineString': { const l = c as [number, number][]; return l[Math.floor(l.length / 2)] ?? null; }
    case 'Polygon': { const ring = (c as [number, number][][])[0] ?? []; return centroid(ring); }
    case 'MultiLineString': { const l = (c as [number, number][][])[0] ?? []; return l[Math.floor(l.length / 2)] ?? null; }
    default: return null;
  }
}

function centroid(ring: [number, number][]): [number, number] | null {
  if (!ring.length) return null;
  let x = 0; let y = 0;
  for (const p of ring) { x += p[0]; y += p[1]; }
  return [x / ring.length, y / ring.length];
}

export interface SensorIndex {
  /** sensor id → numeric feature id */
  readonly ids: Map<string, number>;
  readonly collection: GeoJSON.FeatureCollection<GeoJSON.Point>;
}

/** One point per sensor, small jitter so several sensors on one asset stay distinguishable. */
export function sensorFeatures(sensors: readonly Sensor[], assetsById: ReadonlyMap<string, AssetFeature>): SensorIndex {
  const ids = new Map<string, number>();
  const features: GeoJSON.Feature<GeoJSON.Point>[] = [];
  const perAsset = new Map<string, number>();
  for (const s of sensors) {
    const anchor = assetAnchor(assetsById.get(s.asset)?.geometry);
    if (!anchor) continue;
    const k = perAsset.get(s.asset) ?? 0;
    perAsset.set(s.asset, k + 1);
    const offset = k === 0 ? [0, 0] : [Math.cos(k * 2.4) * 0.00004 * Math.sqrt(k), Math.sin(k * 2.4) * 0.00004 * Math.sqrt(k)];
    const id = features.length;
    ids.set(s.id, id);
    features.push({ type: 'Feature', id, geometry: { type: 'Point', coordinates: [anchor[0] + offset[0]!, anchor[1] + offset[1]!] },
      properties: { id: s.id, domain: s.domain, quantity: s.quantity, status: STATUS_CODE[s.status] ?? 1 } });
  }
  return { ids, collection: { type: 'FeatureCollection', features } };
}

/** Status: feature-state when live data has changed it, else the status at load. Level: set while an alarm is active. */
const status: ExpressionSpecification = ['coalesce', ['feature-state', 'status'], ['get', 'status']];
const level: ExpressionSpecification = ['coalesce', ['feature-state', 'level'], 0];

export const sensorLayer: LayerSpecification = {
  id: 'sensors', type: 'circle', source: 'sensors',
  paint: {
    'circle-color': ['case',
      ['>', level, 0], ['match', level, 1, LEVEL_HEX[1]!, 2, LEVEL_HEX[2]!, 3, LEVEL_HEX[3]!, LEVEL_HEX[4]!],
      ['match', status, 0, SENSOR_HEX.online, 1, SENSOR_HEX.offline, 2, SENSOR_HEX.maintenance, SENSOR_HEX.disabled]],
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, ['case', ['>', level, 0], 3, 1.2], 17, ['case', ['>', level, 0], 8, 4]],
    'circle-stroke-color': '#0a1420',
    'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 13, 0, 16, 0.8],
  },
};
