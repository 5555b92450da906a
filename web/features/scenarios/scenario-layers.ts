import type { GeoJSONSource, Map as MapLibre } from 'maplibre-gl';
import type { Scenario } from '../../api/types';

/** A colour per result layer the scenario models return; unknown layers take the fallback. */
export const SCENARIO_LAYER_HEX: Record<string, string> = {
  burst: '#ff3b30', segment: '#ff9f0a', valves: '#ffd60a', cutOff: '#bf5af2', lowPressure: '#f2c81e', facilities: '#ffffff',
  leak: '#ff3b30', spaces: '#bf5af2', blast: '#ff6b00', zones: '#ff453a', buildings: '#ff9f0a',
  storm: '#5ac8fa', ponding: '#0a84ff', flooding: '#64d2ff', surcharged: '#30d158', pipes: '#ff9f0a', roads: '#5ac8fa',
  failures: '#ff3b30', links: '#ff9f0a',
};
export const FALLBACK_HEX = '#e3ebf4';
/** Big context polygons (the storm's extent) are outlined, not filled over the city. */
const OUTLINE_ONLY = new Set(['storm']);
/** Layers that say where, not what failed: drawn thinner. */
const CONTEXT = new Set(['roads', 'links']);

let drawn: string[] = [];

/** Replace the previous result on the map with this one's layers (one source each: fill, line, circle by geometry). */
export function drawScenario(map: MapLibre, scenario: Scenario | null, hidden: Set<string>): void {
  for (const name of drawn) {
    for (const suffix of ['fill', 'line', 'point']) if (map.getLayer(`scn-${name}-${suffix}`)) map.removeLayer(`scn-${name}-${suffix}`);
    if (map.getSource(`scn-${name}`)) map.removeSource(`scn-${name}`);
  }
  drawn = [];
  if (!scenario) return;
  for (const [name, fc] of Object.entries(scenario.layers ?? {})) {
    if (!fc || !Array.isArray(fc.features)) continue;
    const colour = SCENARIO_LAYER_HEX[name] ?? FALLBACK_HEX;
    const source = `scn-${name}`;
    const visibility = hidden.has(name) ? 'none' as const : 'visible' as const;
    map.addSource(source, { type: 'geojson', data: fc as never });
    map.addLayer({ id: `${source}-fill`, type: 'fill', source, filter: ['==', ['geometry-type'], 'Polygon'], layout: { visibility },
      paint: { 'fill-color': colour, 'fill-opacity': OUTLINE_ONLY.has(name) ? 0.04 : 0.3 } });
    map.addLayer({ id: `${source}-line`, type: 'line', source, filter: ['!=', ['geometry-type'], 'Point'], layout: { visibility, 'line-cap': 'round' },
      paint: { 'line-color': colour, 'line-width': ['match', ['geometry-type'], 'LineString', CONTEXT.has(name) ? 2 : 4, 1.5], 'line-opacity': CONTEXT.has(name) ? 0.6 : 0.95,
        ...(OUTLINE_ONLY.has(name) ? { 'line-dasharray': [3, 2] } : {}) } });
    map.addLayer({ id: `${source}-point`, type: 'circle', source, filter: ['==', ['geometry-type'], 'Point'], layout: { visibility },
      paint: { 'circle-radius': name === 'burst' || name === 'leak' ? 9 : 5, 'circle-color': colour, 'circle-stroke-color': '#0a1420', 'circle-stroke-width': 1.5 } });
    drawn.push(name);
  }
}

export function setScenarioLayerVisible(map: MapLibre, name: string, on: boolean): void {
  for (const suffix of ['fill', 'line', 'point']) {
    const id = `scn-${name}-${suffix}`;
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
  }
}

/** The bounds of a result, leaving out context layers that span the city. */
export function scenarioBounds(scenario: Scenario): [[number, number], [number, number]] | null {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      w = Math.min(w, c[0]); e = Math.max(e, c[0]); s = Math.min(s, c[1]); n = Math.max(n, c[1]);
    } else if (Array.isArray(c)) for (const x of c) visit(x);
  };
  for (const [name, fc] of Object.entries(scenario.layers ?? {})) {
    if (OUTLINE_ONLY.has(name)) continue;
    for (const f of fc?.features ?? []) visit(f.geometry?.coordinates);
  }
  return Number.isFinite(w) ? [[w, s], [e, n]] : null;
}

/** The marker of what is picked for the next run (a pipe, an asset or a point). */
export function drawPick(map: MapLibre, feature: GeoJSON.Feature | null): void {
  (map.getSource('scn-pick') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: feature ? [feature] : [] });
}

export function addPickLayers(map: MapLibre): void {
  map.addSource('scn-pick', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({ id: 'scn-pick-line', type: 'line', source: 'scn-pick', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#ffffff', 'line-width': 6, 'line-opacity': 0.85 } });
  map.addLayer({ id: 'scn-pick-point', type: 'circle', source: 'scn-pick', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 10, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 } });
}
