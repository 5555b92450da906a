import type { LayerSpecification, Map as MapLibre } from 'maplibre-gl';
import type { AssetFeature } from '../api/types';
import { assetLayers, GROUP_KINDS, sourceOfGroup, type AssetGroup } from './asset-layers';
import { CITY_SOURCE_MAXZOOM } from './basemap-style';

/** The drawn basemap's label layers, bottom first (a configured style URL has its own, or none). */
export const BASEMAP_LABELS = ['water-label', 'road-label', 'district-label'];

export interface AssetSourceOptions {
  /** Asset groups shown (`pipes`, `stations` …); the rest start hidden. Default: the situation map's defaults. */
  groups?: readonly string[];
  /** Insert the asset layers below the first of these layers that the map has. */
  before?: readonly string[];
}

/**
 * The asset sources (see POINT_GROUPS) and their layers, by default under the
 * basemap's labels (a pipe drawn over a street name hides letters of it). Ids go into the properties: MapLibre keeps only numeric
 * feature ids, and asset ids are text, so picking and tooltips read `properties.id`.
 */
export function addAssets(map: MapLibre, assets: readonly AssetFeature[], nameField: 'name' | 'nameEn', options: AssetSourceOptions = {}): void {
  options = { before: BASEMAP_LABELS, ...options };
  const before = options.before?.find((id) => map.getLayer(id));
  const groupOfKind = new Map<string, AssetGroup>(Object.entries(GROUP_KINDS).flatMap(([g, kinds]) => kinds.map((k) => [k, g as AssetGroup] as const)));
  const bySource = new Map<string, AssetFeature[]>([['assets', []], ['assets-points', []]]);
  for (const f of assets) {
    const group = groupOfKind.get(String(f.properties.kind));
    if (group) bySource.get(sourceOfGroup(group))!.push({ ...f, properties: { ...f.properties, id: f.id } });
  }
  for (const [source, features] of bySource) {
    map.addSource(source, { type: 'geojson', data: { type: 'FeatureCollection', features: features as never }, maxzoom: CITY_SOURCE_MAXZOOM });
  }
  for (const layer of assetLayers(nameField)) {
    const group = layer.id.replace(/^assets-/, '').replace(/-label$/, '');
    const spec = options.groups
      ? { ...layer, layout: { ...(layer.layout ?? {}), visibility: options.groups.includes(group) ? 'visible' : 'none' } } as LayerSpecification
      : layer;
    map.addLayer(spec, before);
  }
}
