import type { LayerSpecification } from 'maplibre-gl';
import type { AssetFeature, Case } from '../api/types';
import { LEVEL_HEX } from '../ui/colours';
import { LABEL_FONT } from './basemap-style';
import { assetAnchor } from './asset-anchor';

/** Where a case is: its own location or geometry, else its (first) asset's. */
export function caseAnchor(c: Case, assetsById: ReadonlyMap<string, AssetFeature>): [number, number] | null {
  const loc = c.location;
  if (Array.isArray(loc) && loc.length === 2) return loc;
  if (loc && !Array.isArray(loc) && loc.type === 'Point') return loc.coordinates;
  if (c.geometry) { const a = assetAnchor(c.geometry); if (a) return a; }
  const assetId = c.asset ?? c.assets?.[0];
  return assetId ? assetAnchor(assetsById.get(assetId)?.geometry) : null;
}

export function caseFeatures(cases: readonly Case[], assetsById: ReadonlyMap<string, AssetFeature>, labelOf: (c: Case) => string): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  for (const c of cases) {
    const at = caseAnchor(c, assetsById);
    if (!at) continue;
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { id: c.id, level: c.level, label: labelOf(c), urgent: c.level <= 2 && c.class !== 'device', device: c.class === 'device' } });
  }
  // Worst on top: symbols later in the collection draw above.
  features.sort((a, b) => (b.properties!.level as number) - (a.properties!.level as number));
  return { type: 'FeatureCollection', features };
}

const levelColour = ['match', ['get', 'level'], 1, LEVEL_HEX[1]!, 2, LEVEL_HEX[2]!, 3, LEVEL_HEX[3]!, LEVEL_HEX[4]!] as never;

export const caseLayers: LayerSpecification[] = [
  // A still halo for red and orange (the pulsing ring over it is a CSS marker: case-pulse.ts).
  { id: 'cases-halo', type: 'circle', source: 'cases', filter: ['==', ['get', 'urgent'], true],
    paint: { 'circle-color': levelColour, 'circle-opacity': 0.25, 'circle-radius': 18, 'circle-stroke-color': levelColour, 'circle-stroke-width': 2, 'circle-stroke-opacity': 0.8 } },
  // Device-fault cases (a sensor needs a visit) stay small and quiet; hazard cases are the big markers.
  { id: 'cases', type: 'circle', source: 'cases',
    paint: { 'circle-color': ['case', ['get', 'device'], '#5f6b7a', levelColour], 'circle-radius': ['case', ['get', 'urgent'], 9, ['get', 'device'], 4, 7],
      'circle-stroke-color': ['case', ['get', 'device'], levelColour, '#ffffff'], 'circle-stroke-width': ['case', ['get', 'device'], 1.5, 2] } },
  { id: 'cases-label', type: 'symbol', source: 'cases', filter: ['!', ['get', 'device']],
    layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONT, 'text-size': 13, 'text-offset': [0, -1.6], 'text-anchor': 'bottom', 'text-allow-overlap': false },
    paint: { 'text-color': '#ffffff', 'text-halo-color': '#0a1420', 'text-halo-width': 1.8 } },
];
