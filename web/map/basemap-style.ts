import type { StyleSpecification } from 'maplibre-gl';
import type { Basemap } from '../api/types';

/**
 * Font stacks name fonts installed on the operator's machine. The style sets no `glyphs` URL, so
 * MapLibre draws every label locally (TinySDF): no font server, 汉字 included, on a closed network.
 */
export const LABEL_FONT = ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', 'sans-serif'];

/**
 * The city's own GeoJSON layers are cut into tiles up to zoom 14 and overzoomed beyond (1 px
 * precision at zoom 18). Each tile is drawn once per layer, so at street zoom this draws a
 * quarter to a sixteenth of the tiles a zoom-18 cut would, and panning cuts fewer new ones.
 */
export const CITY_SOURCE_MAXZOOM = 14;

/** The basemap drawn from the city's own layers: districts, water, roads, population, with their names. */
export function basemapStyle(basemap: Basemap, nameField: 'name' | 'nameEn'): StyleSpecification {
  const name = ['coalesce', ['get', nameField], ['get', 'name']] as unknown as string;
  return {
    version: 8,
    sources: {
      districts: { type: 'geojson', data: basemap.districts as never, maxzoom: CITY_SOURCE_MAXZOOM },
      water: { type: 'geojson', data: basemap.waterBodies as never, maxzoom: CITY_SOURCE_MAXZOOM },
      roads: { type: 'geojson', data: basemap.roads as never, maxzoom: CITY_SOURCE_MAXZOOM },
      population: { type: 'geojson', data: basemap.populationGrid as never, maxzoom: CITY_SOURCE_MAXZOOM },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#0a1420' } },
      { id: 'districts-fill', type: 'fill', source: 'districts', paint: { 'fill-color': '#102236', 'fill-opacity': 1 } },
      { id: 'population', type: 'fill', source: 'population', layout: { visibility: 'none' },
        paint: { 'fill-color': ['interpolate', ['linear'], ['get', 'population'], 0, 'rgba(255,160,0,0)', 3000, 'rgba(255,160,0,0.45)'], 'fill-outline-color': 'rgba(0,0,0,0)' } },
      { id: 'districts-line', type: 'line', source: 'districts', paint: { 'line-color': '#2c4a6b', 'line-width': 1.2, 'line-dasharray': [3, 2] } },
      { id: 'water', type: 'fill', source: 'water', paint: { 'fill-color': '#123f5e' } },
      { id: 'roads-local', type: 'line', source: 'roads', filter: ['==', ['get', 'class'], 'local'],
        paint: { 'line-color': '#22364d', 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1.5, 17, 8] } },
      { id: 'roads-arterial', type: 'line', source: 'roads', filter: ['==', ['get', 'class'], 'arterial'],
        paint: { 'line-color': '#2d4765', 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 3, 17, 16] } },
      { id: 'water-label', type: 'symbol', source: 'water',
        layout: { 'text-field': name, 'text-font': LABEL_FONT, 'text-size': 13 },
        paint: { 'text-color': '#7fb8e0', 'text-halo-color': '#0a1420', 'text-halo-width': 1.2 } },
      { id: 'road-label', type: 'symbol', source: 'roads', minzoom: 14,
        layout: { 'symbol-placement': 'line', 'text-field': name, 'text-font': LABEL_FONT, 'text-size': 12 },
        paint: { 'text-color': '#8ea4bd', 'text-halo-color': '#0a1420', 'text-halo-width': 1.5 } },
      { id: 'district-label', type: 'symbol', source: 'districts', maxzoom: 15.5,
        layout: { 'text-field': name, 'text-font': LABEL_FONT, 'text-size': 15, 'text-letter-spacing': 0.1 },
        paint: { 'text-color': '#9fb6cf', 'text-halo-color': '#0a1420', 'text-halo-width': 1.5, 'text-opacity': 0.85 } },
    ],
  };
}
