import { useEffect, useRef, useState, type RefObject } from 'react';
import maplibregl, { type Map as MapLibre, type PaddingOptions } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useCity } from '../api/city';
import { useI18n } from '../i18n';
import { basemapStyle, LABEL_FONT } from './basemap-style';
import { boundsOf } from './city-bounds';
import { interimFramesWhilePanning } from './interim-frames';
import { halfResolutionWhileMoving } from './motion-resolution';
import type { SensorPointsLayer } from './sensor-points';
import { skipEmptySky } from './skip-empty-sky';

const LABEL_LAYERS = ['water-label', 'road-label', 'district-label', 'assets-facilities-label'];

export interface BaseMapOptions {
  /** Room around the city when the map first frames it. */
  padding: number | PaddingOptions;
  /** Once the style has loaded, before anything else is added (the page's own sources and layers). */
  onStyle?(map: MapLibre): void;
}

export interface BaseMapHandle {
  /** The map, once created (null before the basemap arrives and after unmount). */
  map: RefObject<MapLibre | null>;
  styleReady: boolean;
  nameField: 'name' | 'nameEn';
}

/**
 * The MapLibre set-up every map page shares: the city's own basemap (or the configured style URL),
 * framed on its districts, zoom and scale controls, labels drawn locally in the current language,
 * and the software-WebGL measures (no empty sky pass, half resolution while moving). The pages add their sources and layers once `styleReady`.
 */
export function useBaseMap(container: RefObject<HTMLDivElement | null>, options: BaseMapOptions): BaseMapHandle {
  const city = useCity();
  const { lang } = useI18n();
  const map = useRef<MapLibre | null>(null);
  const [styleReady, setStyleReady] = useState(false);
  const onStyle = useRef(options.onStyle);
  onStyle.current = options.onStyle;
  const nameField = lang === 'en' ? 'nameEn' : 'name';

  useEffect(() => {
    if (!city.basemap || !container.current) return;
    const basemap = city.basemap;
    const m = new maplibregl.Map({
      container: container.current,
      style: basemap.styleUrl ?? basemapStyle(basemap, nameField),
      bounds: boundsOf(basemap.districts) ?? undefined,
      fitBoundsOptions: { padding: options.padding },
      attributionControl: false,
      localIdeographFontFamily: LABEL_FONT.join(', '),
      fadeDuration: 0,
    });
    skipEmptySky(m);
    const stopMotion = halfResolutionWhileMoving(m);
    const stopInterim = interimFramesWhilePanning(m);
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
    m.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.current = m;
    m.on('load', () => { onStyle.current?.(m); setStyleReady(true); });
    return () => {
      stopMotion(); stopInterim(); m.remove(); map.current = null; setStyleReady(false);
      delete (window as unknown as { __lifeline?: unknown }).__lifeline;
    };
    // The map is made once per basemap; the language changes labels below, not the map.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [city.basemap]);

  // Labels follow the language.
  useEffect(() => {
    const m = map.current;
    if (!m || !styleReady) return;
    for (const id of LABEL_LAYERS) {
      if (m.getLayer(id)) m.setLayoutProperty(id, 'text-field', ['coalesce', ['get', nameField], ['get', 'name']]);
    }
  }, [nameField, styleReady]);

  return { map, styleReady, nameField };
}

/** What tests and the benchmark read from the page (`window.__lifeline`, a stable hook). */
export function exposeMap(map: MapLibre, sensorIds: ReadonlyMap<string, number>, sensors?: SensorPointsLayer): void {
  (window as unknown as { __lifeline?: unknown }).__lifeline = { map, sensorIds, sensors, ready: true };
}
