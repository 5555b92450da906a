import type { Map as MapLibre } from 'maplibre-gl';
import { live } from '../api/live';
import { STATUS_CODE } from './sensor-layer';

/**
 * Live sensor state on the map: a reading marks its sensor online, an alarm sets or clears its
 * level. Each is one setFeatureState; the 50,000-point source is never rebuilt.
 */
export function followLiveSensors(map: MapLibre, ids: ReadonlyMap<string, number>, onUpdate?: (sensor: string) => void): () => void {
  const offReading = live.on('reading', (e) => {
    for (const r of e.items ?? []) {
      const id = ids.get(r.sensor);
      if (id === undefined) continue;
      map.setFeatureState({ source: 'sensors', id }, { status: STATUS_CODE.online, value: r.value });
      onUpdate?.(r.sensor);
    }
  });
  const offAlarm = live.on('alarm', (a) => {
    const id = ids.get(a.sensor);
    if (id === undefined) return;
    const cleared = a.state === 'cleared' || (a.clearedAt !== undefined && a.clearedAt !== null) || (a as { _event?: string })._event === 'clear';
    // Device-health alarms (offline, stuck …) do not paint the sensor in a warning colour.
    if (a.class === 'device') return;
    map.setFeatureState({ source: 'sensors', id }, { level: cleared ? 0 : a.level });
    onUpdate?.(a.sensor);
  });
  return () => { offReading(); offAlarm(); };
}

/** Paint the sensors of active alarms at load (before any live event). */
export function paintActiveAlarms(map: MapLibre, ids: ReadonlyMap<string, number>, alarms: readonly { sensor: string; level: number; class?: string }[]): void {
  for (const a of alarms) {
    const id = ids.get(a.sensor);
    if (id !== undefined && a.class !== 'device') map.setFeatureState({ source: 'sensors', id }, { level: a.level });
  }
}
