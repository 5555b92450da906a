import type { Map as MapLibre } from 'maplibre-gl';
import { request } from '../../api/client';
import { LEVEL_HEX } from '../../ui/colours';

/**
 * Four-colour risk zones (GET /risk/zones: a GeoJSON grid, each cell with its `level`), drawn
 * under the assets. Loaded the first time the layer is switched on; false when the server has none.
 */
export async function showRiskZones(map: MapLibre): Promise<boolean> {
  if (map.getSource('risk')) return true;
  let zones: GeoJSON.FeatureCollection;
  try { zones = await request<GeoJSON.FeatureCollection>('/risk/zones'); } catch { return false; }
  if (map.getSource('risk')) return true;
  map.addSource('risk', { type: 'geojson', data: zones });
  const before = map.getLayer('assets-buildings') ? 'assets-buildings' : undefined;
  map.addLayer({
    id: 'risk-zones', type: 'fill', source: 'risk',
    paint: {
      'fill-color': ['match', ['to-number', ['get', 'level']], 1, LEVEL_HEX[1]!, 2, LEVEL_HEX[2]!, 3, LEVEL_HEX[3]!, LEVEL_HEX[4]!],
      'fill-opacity': 0.28, 'fill-outline-color': 'rgba(0,0,0,0)',
    },
  }, before);
  return true;
}
