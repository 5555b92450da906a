import { useEffect, useRef, useState, type ReactNode } from 'react';
import maplibregl, { type Map as MapLibre, type MapGeoJSONFeature, type MapMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useCity } from '../api/city';
import { useI18n } from '../i18n';
import { assetLayers } from './asset-layers';
import { basemapStyle, LABEL_FONT } from './basemap-style';
import { boundsOf } from './city-bounds';
import { MapTooltip, type Hover } from './MapTooltip';

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

/**
 * The city's basemap and assets without the live parts (sensors, cases): the canvas the risk and
 * scenario pages draw on. Sets `window.__lifeline` like the situation map so tests can wait for it.
 */
export function BaseMap({ onReady, onClick, hoverText, hoverLayers = [], assetGroups, children }: BaseMapProps) {
  const city = useCity();
  const { lang, t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibre | null>(null);
  const [styleReady, setStyleReady] = useState(false);
  const [hover, setHover] = useState<Hover | null>(null);
  const [custom, setCustom] = useState<{ x: number; y: number; title: string; lines: string[] } | null>(null);
  const handlers = useRef({ onReady, onClick, hoverText, hoverLayers });
  handlers.current = { onReady, onClick, hoverText, hoverLayers };
  const nameField = lang === 'en' ? 'nameEn' : 'name';

  useEffect(() => {
    if (!city.basemap || !container.current) return;
    const basemap = city.basemap;
    const map = new maplibregl.Map({
      container: container.current,
      style: basemap.styleUrl ?? basemapStyle(basemap, nameField),
      bounds: boundsOf(basemap.districts) ?? undefined,
      fitBoundsOptions: { padding: 30 },
      attributionControl: false,
      localIdeographFontFamily: LABEL_FONT.join(', '),
      fadeDuration: 0,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    mapRef.current = map;
    map.on('load', () => setStyleReady(true));
    const assetsUnder = (e: MapMouseEvent) => {
      const layers = ASSET_LAYERS.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
      const box: [[number, number], [number, number]] = [[e.point.x - 4, e.point.y - 4], [e.point.x + 4, e.point.y + 4]];
      return layers.length ? map.queryRenderedFeatures(box, { layers }) : [];
    };
    const assetUnder = (e: MapMouseEvent) => assetsUnder(e)[0];
    map.on('mousemove', (e) => {
      const own = handlers.current.hoverLayers.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
      const asset = assetUnder(e);
      const mine = !asset && own.length ? map.queryRenderedFeatures(e.point, { layers: own })[0] : undefined;
      const text = mine ? handlers.current.hoverText?.(mine) ?? null : null;
      map.getCanvas().style.cursor = asset || text ? 'pointer' : '';
      setHover(asset ? { x: e.point.x, y: e.point.y, layer: asset.layer.id, properties: asset.properties as Record<string, unknown>, id: asset.id } : null);
      setCustom(text ? { x: e.point.x, y: e.point.y, ...text } : null);
    });
    map.on('mouseout', () => { setHover(null); setCustom(null); });
    map.on('click', (e) => handlers.current.onClick?.(e, assetsUnder(e), map));
    return () => {
      map.remove(); mapRef.current = null; setStyleReady(false);
      delete (window as unknown as { __lifeline?: unknown }).__lifeline;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [city.basemap]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady || !city.loaded) return;
    // Ids into the properties: MapLibre keeps only numeric feature ids, and the asset ids are text.
    const features = city.assets.map((f) => ({ ...f, properties: { ...f.properties, id: f.id } }));
    map.addSource('assets', { type: 'geojson', data: { type: 'FeatureCollection', features: features as never } });
    for (const layer of assetLayers(nameField)) {
      const group = layer.id.replace(/^assets-/, '').replace(/-label$/, '');
      const on = assetGroups ? assetGroups.includes(group) : true;
      map.addLayer({ ...layer, layout: { ...(layer.layout ?? {}), visibility: on ? 'visible' : 'none' } } as maplibregl.LayerSpecification);
    }
    handlers.current.onReady(map);
    (window as unknown as { __lifeline?: unknown }).__lifeline = { map, sensorIds: new Map(), ready: true };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [styleReady, city.loaded]);

  // Labels follow the language.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    for (const id of ['water-label', 'road-label', 'district-label', 'assets-facilities-label']) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', ['coalesce', ['get', nameField], ['get', 'name']]);
    }
  }, [nameField, styleReady]);

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
      {!city.loaded && <div className="map-loading">{t('common.loading')}</div>}
      {city.error && <div className="map-loading">{t('common.error', { message: city.error })}</div>}
      {children}
    </div>
  );
}
