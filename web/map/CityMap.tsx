import { useEffect, useRef, useState } from 'react';
import maplibregl, { type Map as MapLibre, type MapGeoJSONFeature } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { api } from '../api/client';
import { useCity } from '../api/city';
import type { Case } from '../api/types';
import { useI18n } from '../i18n';
import { assetLayers, LAYER_GROUPS, pipeColour, type LayerGroup, type PipeColouring } from './asset-layers';
import { basemapStyle, LABEL_FONT } from './basemap-style';
import { caseFeatures, caseLayers, startCasePulse } from './case-layer';
import { boundsOf } from './city-bounds';
import { followLiveSensors, paintActiveAlarms } from './live-sensors';
import { sensorFeatures, sensorLayer } from './sensor-layer';
import { MapTooltip, type Hover } from './MapTooltip';
import { showRiskZones } from '../features/risk/risk-zones';

export interface CityMapProps {
  visible: Record<LayerGroup, boolean>;
  pipeColouring: PipeColouring;
  cases: Case[];
  /** Fly here when it changes (the opened case or sensor). */
  focus: [number, number] | null;
  onPick(kind: 'case' | 'sensor' | 'asset', id: string): void;
  /** Told when a layer the server cannot provide was asked for (risk zones before the risk API exists). */
  onUnavailable?(group: LayerGroup): void;
}

const INTERACTIVE = ['cases', 'sensors', 'assets-facilities', 'assets-stations', 'assets-bridges', 'assets-tunnel', 'assets-hydrants', 'assets-manholes', 'assets-valves', 'assets-pipes', 'assets-buildings'];
const LABEL_LAYERS = ['water-label', 'road-label', 'district-label', 'assets-facilities-label'];

/** The city map: basemap from the city's own layers, assets per domain, 50,000-capable sensors, live cases. */
export function CityMap({ visible, pipeColouring, cases, focus, onPick, onUnavailable }: CityMapProps) {
  const city = useCity();
  const { lang, t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibre | null>(null);
  const [styleReady, setStyleReady] = useState(false);
  const [ready, setReady] = useState(false);
  const [hover, setHover] = useState<Hover | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const urgent = useRef(false);
  const nameField = lang === 'en' ? 'nameEn' : 'name';

  // The map starts with the basemap alone; assets and sensors join when they arrive (the fetches overlap the map's start).
  useEffect(() => {
    if (!city.basemap || !container.current) return;
    const basemap = city.basemap;
    const map = new maplibregl.Map({
      container: container.current,
      style: basemap.styleUrl ?? basemapStyle(basemap, nameField),
      bounds: boundsOf(basemap.districts) ?? undefined,
      fitBoundsOptions: { padding: { top: 30, bottom: 30, left: window.innerWidth > 1500 ? 220 : 40, right: 30 } },
      attributionControl: false,
      localIdeographFontFamily: LABEL_FONT.join(', '),
      fadeDuration: 0,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    mapRef.current = map;
    let stopPulse = () => {};
    map.on('load', () => {
      map.addSource('cases', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      for (const layer of caseLayers) map.addLayer(layer);
      // A ring around what the side panel shows (the opened case, sensor or asset).
      map.addSource('focus', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({ id: 'focus', type: 'circle', source: 'focus', paint: { 'circle-radius': 16, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 } });
      stopPulse = startCasePulse(map, () => urgent.current);
      setStyleReady(true);
    });
    map.on('mousemove', (e) => {
      const layers = INTERACTIVE.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
      const f: MapGeoJSONFeature | undefined = map.queryRenderedFeatures(e.point, { layers })[0];
      map.getCanvas().style.cursor = f ? 'pointer' : '';
      setHover(f ? { x: e.point.x, y: e.point.y, layer: f.layer.id, properties: f.properties as Record<string, unknown>, id: f.id, live: f.state as Record<string, unknown> } : null);
    });
    map.on('mouseout', () => setHover(null));
    map.on('click', (e) => {
      const layers = INTERACTIVE.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
      const f = map.queryRenderedFeatures(e.point, { layers })[0];
      if (!f) return;
      const p = f.properties as Record<string, unknown>;
      if (f.layer.id === 'cases') pick.current('case', String(p.id));
      else if (f.layer.id === 'sensors') pick.current('sensor', String(p.id));
      else pick.current('asset', String(f.id ?? p.id));
    });
    return () => {
      stopPulse(); map.remove(); mapRef.current = null; setStyleReady(false); setReady(false);
      delete (window as unknown as { __lifeline?: unknown }).__lifeline;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [city.basemap]);

  // Assets and sensors under the case markers; then live state follows over SSE.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady || !city.loaded) return;
    if (!city.basemap?.districts.features.length) {
      const b = boundsOf({ features: city.assets });
      if (b) map.fitBounds(b, { padding: 40, animate: false });
    }
    map.addSource('assets', { type: 'geojson', data: { type: 'FeatureCollection', features: city.assets as never } });
    for (const layer of assetLayers(nameField)) map.addLayer(layer, 'cases-halo');
    const sensors = sensorFeatures(city.sensors, city.assetsById);
    map.addSource('sensors', { type: 'geojson', data: sensors.collection });
    map.addLayer(sensorLayer, 'cases-halo');
    const stopLive = followLiveSensors(map, sensors.ids);
    api.alarms({ state: 'active' }).then((alarms) => paintActiveAlarms(map, sensors.ids, alarms), () => { /* no alarms route yet */ });
    // Tests and the benchmark reach the map through this hook.
    (window as unknown as { __lifeline?: unknown }).__lifeline = { map, sensorIds: sensors.ids, ready: true };
    setReady(true);
    return stopLive;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [styleReady, city.loaded]);

  // Layer toggles.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    if (visible.risk) void showRiskZones(map).then((ok) => { if (!ok) onUnavailable?.('risk'); });
    for (const [group, on] of Object.entries(visible)) {
      for (const id of LAYER_GROUPS[group as LayerGroup]) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', on ? 'visible' : 'none');
    }
  }, [visible, ready]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && ready) map.setPaintProperty('assets-pipes', 'line-color', pipeColour(pipeColouring));
  }, [pipeColouring, ready]);

  // Labels follow the language.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    for (const id of LABEL_LAYERS) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', ['coalesce', ['get', nameField], ['get', 'name']]);
    }
  }, [nameField, ready]);

  // Cases: a handful of points, rebuilt on each change.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    urgent.current = cases.some((c) => c.level <= 2);
    const source = map.getSource('cases') as maplibregl.GeoJSONSource | undefined;
    source?.setData(caseFeatures(cases, city.assetsById, (c) => `${t(`level.${c.level}` as never)} · ${t(`domain.${c.domain}` as never)}`));
  }, [cases, ready, city.assetsById, t]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    (map.getSource('focus') as maplibregl.GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: focus ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: focus } }] : [] });
    if (focus) map.flyTo({ center: focus, zoom: Math.max(map.getZoom(), 15.5), duration: 800 });
  }, [focus, ready]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" />
      {hover && <MapTooltip hover={hover} />}
      {!city.loaded && <div className="map-loading">{t('common.loading')}</div>}
      {city.error && <div className="map-loading">{t('common.error', { message: city.error })}</div>}
    </div>
  );
}
