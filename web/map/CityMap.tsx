import { useEffect, useRef, useState } from 'react';
import type { GeoJSONSource, MapGeoJSONFeature } from 'maplibre-gl';
import { useCity } from '../api/city';
import type { Case } from '../api/types';
import { useI18n } from '../i18n';
import { LAYER_GROUPS, pipeColour, type LayerGroup, type PipeColouring } from './asset-layers';
import { addAssets, BASEMAP_LABELS } from './asset-source';
import { caseFeatures, caseLayers } from './case-layer';
import { CasePulses } from './case-pulse';
import { boundsOf } from './city-bounds';
import { followLiveSensors } from './live-sensors';
import { SensorPointsLayer } from './sensor-points';
import { MapLoading } from './MapLoading';
import { MapTooltip, type Hover } from './MapTooltip';
import { exposeMap, useBaseMap } from './use-base-map';
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

/** Layers under the pointer, top first; sensors (drawn by their own layer) are picked between cases and assets. */
const ASSET_LAYERS = ['assets-facilities', 'assets-stations', 'assets-bridges', 'assets-tunnel', 'assets-hydrants', 'assets-manholes', 'assets-valves', 'assets-pipes', 'assets-buildings'];

/** The city map: basemap from the city's own layers, assets per domain, 50,000-capable sensors, live cases. */
export function CityMap({ visible, pipeColouring, cases, focus, onPick, onUnavailable }: CityMapProps) {
  const city = useCity();
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [hover, setHover] = useState<Hover | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const pulses = useRef<CasePulses | null>(null);
  const points = useRef<SensorPointsLayer | null>(null);
  const sensorIds = useRef(city.sensors.ids);
  sensorIds.current = city.sensors.ids;

  // The map starts with the basemap alone; assets and sensors join when they arrive (the fetches overlap the map's start).
  const { map: mapRef, styleReady, nameField } = useBaseMap(container, {
    padding: { top: 30, bottom: 30, left: window.innerWidth > 1500 ? 220 : 40, right: 30 },
    onStyle: (map) => {
      map.addSource('cases', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      for (const layer of caseLayers) map.addLayer(layer);
      // A ring around what the side panel shows (the opened case, sensor or asset).
      map.addSource('focus', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({ id: 'focus', type: 'circle', source: 'focus', paint: { 'circle-radius': 16, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 } });
      pulses.current = new CasePulses(map);
      const shown = (id: string) => !!map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none';
      const query = (point: { x: number; y: number }, ids: string[]): MapGeoJSONFeature | undefined =>
        map.queryRenderedFeatures([point.x, point.y], { layers: ids.filter(shown) })[0];
      const under = (point: { x: number; y: number }): Hover | undefined => {
        const at = { x: point.x, y: point.y };
        const c = query(point, ['cases']);
        if (c) return { ...at, layer: 'cases', properties: c.properties as Record<string, unknown>, id: c.id };
        const sensors = points.current;
        const s = sensors && shown('sensors') ? sensors.pick(map, point) : -1;
        if (s >= 0) return { ...at, layer: 'sensors', properties: {}, id: s, live: sensors!.stateOf(s) };
        const a = query(point, ASSET_LAYERS);
        return a ? { ...at, layer: a.layer.id, properties: a.properties as Record<string, unknown>, id: a.id } : undefined;
      };
      map.on('mousemove', (e) => {
        const h = under(e.point);
        map.getCanvas().style.cursor = h ? 'pointer' : '';
        setHover(h ?? null);
      });
      map.on('mouseout', () => setHover(null));
      map.on('click', (e) => {
        const h = under(e.point);
        if (!h) return;
        if (h.layer === 'cases') pick.current('case', String(h.properties.id));
        else if (h.layer === 'sensors') { const id = sensorIds.current[Number(h.id)]; if (id) pick.current('sensor', id); }
        else pick.current('asset', String(h.properties.id ?? h.id));
      });
    },
  });

  // Assets and sensors under the case markers; then live state follows over SSE.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady || !city.loaded) return;
    if (!city.basemap?.districts.features.length) {
      const b = boundsOf({ features: city.assets });
      if (b) map.fitBounds(b, { padding: 40, animate: false });
    }
    addAssets(map, city.assets, nameField, { before: [...BASEMAP_LABELS, 'cases-halo'] });
    const sensors = new SensorPointsLayer(city.sensors);
    map.addLayer(sensors, 'cases-halo');
    points.current = sensors;
    const stopLive = followLiveSensors(sensors, city.sensorIndex);
    // Tests and the benchmark reach the map through this hook.
    exposeMap(map, city.sensorIndex, sensors);
    setReady(true);
    return () => { stopLive(); points.current = null; };
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
    pulses.current?.setVisible(visible.cases);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visible, ready]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && ready) map.setPaintProperty('assets-pipes', 'line-color', pipeColour(pipeColouring));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pipeColouring, ready]);

  // Cases: a handful of points, rebuilt on each change.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    pulses.current?.update(cases, city.assetsById);
    const source = map.getSource('cases') as GeoJSONSource | undefined;
    source?.setData(caseFeatures(cases, city.assetsById, (c) => `${t(`level.${c.level}` as never)} · ${t(`domain.${c.domain}` as never)}`));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cases, ready, city.assetsById, t]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    (map.getSource('focus') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: focus ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: focus } }] : [] });
    if (focus) map.flyTo({ center: focus, zoom: Math.max(map.getZoom(), 15.5), duration: 800 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus, ready]);

  return (
    <div className="map-wrap">
      <div ref={container} className="map" />
      {hover && <MapTooltip hover={hover} />}
      <MapLoading />
    </div>
  );
}
