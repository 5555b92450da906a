import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { SensorPositions } from '../api/types';
import { LEVEL_HEX, SENSOR_HEX } from '../ui/colours';

/** Numeric status codes kept in feature-state, so a live change is one setFeatureState, not a setData of 50,000 points. */
export const STATUS_CODE = { online: 0, offline: 1, maintenance: 2, disabled: 3 } as const;

/**
 * One point per sensor, feature id = index in the positions' columns. Properties hold only the two
 * small numbers the paint reads (status `s`, level `l`), so the worker's tiles stay small.
 */
export function sensorCollection(p: SensorPositions): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const code = p.statuses.map((name) => STATUS_CODE[name] ?? STATUS_CODE.offline);
  const features: GeoJSON.Feature<GeoJSON.Point>[] = new Array(p.count);
  for (let i = 0; i < p.count; i++) {
    features[i] = { type: 'Feature', id: i, geometry: { type: 'Point', coordinates: [p.lon[i]!, p.lat[i]!] },
      properties: { s: code[p.status[i]!] ?? STATUS_CODE.offline, l: p.level[i] ?? 0 } };
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Tiles cut up to zoom 16 and overzoomed beyond (0.1 m precision there): a tile drawn at zoom 17–18
 * holds at most four times the points in view, where a coarser cut would draw a whole district's.
 * A small buffer: a few-pixel circle never reaches far into the next tile, and each point in
 * several tiles' buffers is drawn several times.
 */
export function sensorSource(p: SensorPositions): GeoJSONSourceSpecification {
  return { type: 'geojson', data: sensorCollection(p), maxzoom: 16, buffer: 8, tolerance: 0 };
}

/** Status and level: feature-state once live data has changed them, else the values loaded with the positions. */
const status: ExpressionSpecification = ['coalesce', ['feature-state', 'status'], ['get', 's']];
const level: ExpressionSpecification = ['coalesce', ['feature-state', 'level'], ['get', 'l']];
const alarmed: ExpressionSpecification = ['>', level, 0];

/**
 * One circle layer, cheap per pixel: in software WebGL the cost of a frame is the pixels drawn, so
 * far out a sensor is a 1–2 px dot without stroke; alarmed sensors stay larger so they are seen.
 */
export const sensorLayer: LayerSpecification = {
  id: 'sensors', type: 'circle', source: 'sensors',
  paint: {
    'circle-color': ['case',
      alarmed, ['match', level, 1, LEVEL_HEX[1]!, 2, LEVEL_HEX[2]!, 3, LEVEL_HEX[3]!, LEVEL_HEX[4]!],
      ['match', status, 0, SENSOR_HEX.online, 1, SENSOR_HEX.offline, 2, SENSOR_HEX.maintenance, SENSOR_HEX.disabled]],
    'circle-radius': ['interpolate', ['linear'], ['zoom'],
      12, ['case', alarmed, 3, 1.2],
      15, ['case', alarmed, 5, 2],
      17, ['case', alarmed, 8, 4]],
    'circle-stroke-color': '#0a1420',
    'circle-stroke-width': ['step', ['zoom'], 0, 16, 0.8],
  },
};
