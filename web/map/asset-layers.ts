import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { AGE_HEX, DOMAIN_HEX, MATERIAL_HEX } from '../ui/colours';
import { LABEL_FONT } from './basemap-style';

export type PipeColouring = 'domain' | 'material' | 'age';
/** Toggle groups shown in the layer panel, each the map layers it switches. */
export const LAYER_GROUPS = {
  buildings: ['assets-buildings'],
  pipes: ['assets-pipes'],
  tunnel: ['assets-tunnel'],
  bridges: ['assets-bridges'],
  manholes: ['assets-manholes'],
  valves: ['assets-valves'],
  hydrants: ['assets-hydrants'],
  stations: ['assets-stations'],
  facilities: ['assets-facilities', 'assets-facilities-label'],
  sensors: ['sensors'],
  cases: ['cases-halo', 'cases', 'cases-label'],
  population: ['population'],
  risk: ['risk-zones'],
} as const;
export type LayerGroup = keyof typeof LAYER_GROUPS;
export const DEFAULT_VISIBLE: Record<LayerGroup, boolean> = {
  buildings: true, pipes: true, tunnel: true, bridges: true, manholes: false, valves: false, hydrants: false,
  stations: true, facilities: true, sensors: true, cases: true, population: false, risk: false,
};

/** The asset kinds each drawn group shows. */
export const GROUP_KINDS = {
  buildings: ['building'],
  tunnel: ['tunnel_section'],
  pipes: ['pipe', 'cable'],
  bridges: ['bridge'],
  manholes: ['manhole', 'inlet', 'outfall', 'well'],
  valves: ['valve', 'junction', 'meter'],
  hydrants: ['hydrant'],
  stations: ['pump_station', 'tank', 'reservoir', 'regulator_station', 'substation'],
  facilities: ['facility'],
} as const satisfies Partial<Record<LayerGroup, readonly string[]>>;
export type AssetGroup = keyof typeof GROUP_KINDS;

/**
 * Two asset sources. The many small points (manholes, valves and meters, hydrants: hidden at first)
 * have one of their own, which loads no tiles while its layers are hidden (MapLibre tiles only
 * sources a visible layer uses): 50,000 meters cost nothing until shown. Everything else shares
 * one source: each source a frame draws costs a stencil pass over the screen for its tiles' clipping.
 */
export const POINT_GROUPS: readonly AssetGroup[] = ['manholes', 'valves', 'hydrants'];
export const sourceOfGroup = (group: AssetGroup): string => (POINT_GROUPS.includes(group) ? 'assets-points' : 'assets');
const kindIn = (group: AssetGroup): ExpressionSpecification => ['in', ['get', 'kind'], ['literal', GROUP_KINDS[group]]];
const byDomain = (): ExpressionSpecification => ['match', ['get', 'domain'], ...Object.entries(DOMAIN_HEX).flat(), '#8899aa'] as unknown as ExpressionSpecification;

/** Pipe colour by lifeline, by material, or by age (installYear against this year). */
export function pipeColour(mode: PipeColouring, year = new Date().getFullYear()): ExpressionSpecification {
  if (mode === 'material') return ['match', ['get', 'material'], ...Object.entries(MATERIAL_HEX).flat(), '#90a4ae'] as unknown as ExpressionSpecification;
  if (mode === 'age') {
    return ['step', ['-', year, ['coalesce', ['get', 'installYear'], year]], AGE_HEX.new, 10, AGE_HEX.mid, 30, AGE_HEX.old];
  }
  return byDomain();
}

/** Asset layers over the basemap, bottom to top; all read the one `assets` source. */
export function assetLayers(nameField: 'name' | 'nameEn'): LayerSpecification[] {
  const name: ExpressionSpecification = nameField === 'nameEn' ? ['coalesce', ['get', 'nameEn'], ['get', 'name']] : ['get', 'name'];
  const visible = (g: LayerGroup) => ({ visibility: DEFAULT_VISIBLE[g] ? 'visible' as const : 'none' as const });
  return [
    { id: 'assets-buildings', type: 'fill', source: sourceOfGroup('buildings'), filter: kindIn('buildings'), layout: visible('buildings'),
      paint: { 'fill-color': '#2a3f58', 'fill-opacity': 0.85, 'fill-outline-color': '#3e5978' } },
    { id: 'assets-tunnel', type: 'line', source: sourceOfGroup('tunnel'), filter: kindIn('tunnel'), layout: { ...visible('tunnel'), 'line-cap': 'round' },
      paint: { 'line-color': DOMAIN_HEX.tunnel!, 'line-opacity': 0.35, 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 4, 17, 18] } },
    { id: 'assets-pipes', type: 'line', source: sourceOfGroup('pipes'), filter: kindIn('pipes'), layout: visible('pipes'),
      paint: { 'line-color': pipeColour('domain'), 'line-opacity': 0.9, 'line-offset': ['match', ['get', 'domain'], 'gas', -3, 'drainage', 3, 'heating', -6, 'power', 6, 0],
        'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1.2, 15, 2, 17, ['max', 2.5, ['/', ['coalesce', ['get', 'diameterMm'], 200], 60]]] } },
    { id: 'assets-bridges', type: 'line', source: sourceOfGroup('bridges'), filter: kindIn('bridges'), layout: visible('bridges'),
      paint: { 'line-color': DOMAIN_HEX.bridge!, 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 4, 17, 20], 'line-opacity': 0.9 } },
    { id: 'assets-manholes', type: 'circle', source: sourceOfGroup('manholes'), filter: kindIn('manholes'), layout: visible('manholes'),
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 1, 17, 4], 'circle-color': byDomain(), 'circle-stroke-color': '#0a1420', 'circle-stroke-width': 0.5 } },
    { id: 'assets-valves', type: 'circle', source: sourceOfGroup('valves'), filter: kindIn('valves'), layout: visible('valves'),
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 1, 17, 3.5], 'circle-color': byDomain(), 'circle-opacity': 0.8 } },
    { id: 'assets-hydrants', type: 'circle', source: sourceOfGroup('hydrants'), filter: kindIn('hydrants'), layout: visible('hydrants'),
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 1.2, 17, 4.5], 'circle-color': DOMAIN_HEX.hydrant! } },
    { id: 'assets-stations', type: 'circle', source: sourceOfGroup('stations'), filter: kindIn('stations'), layout: visible('stations'),
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 3, 17, 8], 'circle-color': '#0a1420', 'circle-stroke-color': byDomain(), 'circle-stroke-width': 2 } },
    { id: 'assets-facilities', type: 'circle', source: sourceOfGroup('facilities'), filter: kindIn('facilities'), layout: visible('facilities'),
      paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 4, 17, 10], 'circle-color': '#dfe8f2', 'circle-stroke-color': '#2f6fb0', 'circle-stroke-width': 2.5 } },
    { id: 'assets-facilities-label', type: 'symbol', source: sourceOfGroup('facilities'), filter: kindIn('facilities'), minzoom: 14, layout: {
      ...visible('facilities'), 'text-field': name, 'text-font': LABEL_FONT, 'text-size': 12, 'text-offset': [0, 1.2], 'text-anchor': 'top', 'text-optional': true },
      paint: { 'text-color': '#e8eef5', 'text-halo-color': '#0a1420', 'text-halo-width': 1.5 } },
  ];
}
