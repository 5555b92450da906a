import type { Map as MapLibre } from 'maplibre-gl';
import { live } from '../api/live';
import { STATUS_CODE } from './sensor-layer';

/** Live values by sensor id, for the tooltip: kept out of feature-state, where each change would re-upload paint data. */
export const liveValues = new Map<string, number>();

/** At most this long between a live event and the map: under the 1 s target with room for the network. */
const FLUSH_MS = 250;

interface Pending { status?: number; level?: number }

/**
 * Live sensor state on the map: a reading marks its sensor online, an alarm sets or clears its
 * level. Changes are gathered and applied together on the next animation frame (or after
 * FLUSH_MS when frames are not running), and only when they change what is drawn, so a burst of
 * readings costs one map update, never a rebuild of the 50,000-point source.
 */
export function followLiveSensors(map: MapLibre, ids: ReadonlyMap<string, number>, onUpdate?: (sensor: string) => void): () => void {
  const pending = new Map<number, Pending>();
  const drawn = new Map<number, Pending>();
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    cancelAnimationFrame(frame); clearTimeout(timer); frame = 0; timer = undefined;
    for (const [id, change] of pending) {
      const was = drawn.get(id) ?? map.getFeatureState({ source: 'sensors', id });
      if (change.status === was.status && (change.level === undefined || change.level === was.level)) continue;
      const next = { ...change.status === undefined ? {} : { status: change.status }, ...change.level === undefined ? {} : { level: change.level } };
      map.setFeatureState({ source: 'sensors', id }, next);
      drawn.set(id, { ...was, ...next });
    }
    pending.clear();
  };
  const schedule = (id: number, change: Pending) => {
    pending.set(id, { ...pending.get(id), ...change });
    if (frame || timer) return;
    frame = requestAnimationFrame(flush);
    timer = setTimeout(flush, FLUSH_MS);
  };

  const offReading = live.on('reading', (e) => {
    for (const r of e.items ?? []) {
      const id = ids.get(r.sensor);
      if (id === undefined) continue;
      liveValues.set(r.sensor, r.value);
      schedule(id, { status: STATUS_CODE.online });
      onUpdate?.(r.sensor);
    }
  });
  const offAlarm = live.on('alarm', (a) => {
    const id = ids.get(a.sensor);
    // Device-health alarms (offline, stuck …) do not paint the sensor in a warning colour.
    if (id === undefined || a.class === 'device') return;
    const cleared = a.state === 'cleared' || (a.clearedAt !== undefined && a.clearedAt !== null) || (a as { _event?: string })._event === 'clear';
    schedule(id, { level: cleared ? 0 : a.level });
    onUpdate?.(a.sensor);
  });
  // On unmount the map may already be gone: drop what is pending rather than draw it.
  return () => { offReading(); offAlarm(); cancelAnimationFrame(frame); clearTimeout(timer); pending.clear(); };
}
