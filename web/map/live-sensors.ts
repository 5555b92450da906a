import { live } from '../api/live';
import type { SensorPointsLayer } from './sensor-points';
import { STATUS_CODE } from './sensor-style';

/** Live values by sensor id, for the tooltip (the map draws state, not values). */
export const liveValues = new Map<string, number>();

/**
 * Live sensor state on the map: a reading marks its sensor online, a hazard alarm sets or clears
 * its level. Each change rewrites that sensor's colour in the points layer, which redraws on the
 * next frame; a burst of readings costs one frame, never a rebuild of the 50,000 points.
 */
export function followLiveSensors(points: SensorPointsLayer, ids: ReadonlyMap<string, number>, onUpdate?: (sensor: string) => void): () => void {
  const offReading = live.on('reading', (e) => {
    for (const r of e.items ?? []) {
      const id = ids.get(r.sensor);
      if (id === undefined) continue;
      liveValues.set(r.sensor, r.value);
      points.update(id, { status: STATUS_CODE.online });
      onUpdate?.(r.sensor);
    }
  });
  const offAlarm = live.on('alarm', (a) => {
    const id = ids.get(a.sensor);
    // Device-health alarms (offline, stuck …) do not paint the sensor in a warning colour.
    if (id === undefined || a.class === 'device') return;
    const cleared = a.state === 'cleared' || (a.clearedAt !== undefined && a.clearedAt !== null) || (a as { _event?: string })._event === 'clear';
    points.update(id, { level: cleared ? 0 : a.level });
    onUpdate?.(a.sensor);
  });
  return () => { offReading(); offAlarm(); };
}
