import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Map as MapLibre, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import { useCity } from '../api/city';
import { addAssets } from './asset-source';
import { MapLoading } from './MapLoading';
import { MapTooltip, type Hover } from './MapTooltip';
import { exposeMap, useBaseMap } from './use-base-map';

export const ASSET_LAYERS = ['assets-facilities', 'assets-stations', 'assets-bridges', 'assets-tunnel', 'assets-hydrants', 'assets-manholes', 'assets-valves', 'assets-pipes', 'assets-buildings'];

export interface BaseMapProps {
  /** Called once the basemap and the assets are on the map: the page adds its own sources and layers. */
  onReady(map: MapLibre): void;
  /** A click, with the assets under it (within a few pixels), topmost first. */
  onClick?(e: MapMouseEvent, assets: MapGeoJSONFeature[], map: MapLibre): void;
  /** Layers whose features the page explains on hover (instead of the asset tooltip). */
  hoverText?(f: MapGeoJSONFeature): { title: string; lines: string[] } | null;
  hoverLayers?: string[];
  /** Asset layers shown (the rest hidden): a page map is quieter than the situation map. */
  assetGroups?: string[];
  children?: ReactNode;
}

const NO_SENSORS = new Map<string, number>();

/**
 * The city's basemap and assets without the live parts (sensors, cases): the canvas the risk and
 * scenario pages draw on. Sets `window.__lifeline` like the situation map so tests can wait for it.
 */
export function BaseMap({ onReady, onClick, hoverText, hoverLayers = [], assetGroups, children }: BaseMapProps) {
  const city = useCity();
  const container = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const [custom, setCustom] = useState<{ x: number; y: number; title: string; lines: string[] } | null>(null);
  const handlers = useRef({ onReady, onClick, hoverText, hoverLayers });
  handlers.current = { onReady, onClick, hoverText, hoverLayers };

  const { map: mapRef, styleReady, nameField } = useBaseMap(container, {
    padding: 30,
    onStyle: (map) => {
      const assetsUnder = (e: MapMouseEvent) => {
        const layers = ASSET_LAYERS.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
        const box: [[number, number], [number, number]] = [[e.point.x - 4, e.point.y - 4], [e.point.x + 4, e.point.y + 4]];
        return layers.length ? map.queryRenderedFeatures(box, { layers }) : [];
      };
      map.on('mousemove', (e) => {
        const own = handlers.current.hoverLayers.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
        const asset = assetsUnder(e)[0];
        const mine = !asset && own.length ? map.queryRenderedFeatures(e.point, { layers: own })[0] : undefined;
        const text = mine ? handlers.current.hoverText?.(mine) ?? null : null;
        map.getCanvas().style.cursor = asset || text ? 'pointer' : '';
        setHover(asset ? { x: e.point.x, y: e.point.y, layer: asset.layer.id, properties: asset.properties as Record<string, unknown>, id: asset.id } : null);
        setCustom(text ? { x: e.point.x, y: e.point.y, ...text } : null);
      });
      map.on('mouseout', () => { setHover(null); setCustom(null); });
      map.on('click', (e) => handlers.current.onClick?.(e, assetsUnder(e), map));
    },
  });

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady || !city.loaded) return;
    addAssets(map, city.assets, nameField, { groups: assetGroups });
    handlers.current.onReady(map);
    exposeMap(map, NO_SENSORS);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [styleReady, city.loaded]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" />
      {hover && <MapTooltip hover={hover} />}
      {custom && !hover && (
        <div className="map-tooltip" style={{ left: custom.x + 14, top: custom.y + 14 }}>
          <strong>{custom.title}</strong>
          {custom.lines.map((l) => <div key={l}>{l}</div>)}
        </div>
      )}
      <MapLoading />
      {children}
    </div>
  );
}
