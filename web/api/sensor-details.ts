import { useEffect, useState } from 'react';
import { api } from './client';
import type { Sensor } from './types';

/** Sensor details fetched one at a time when shown (a tooltip, a case's charts), not 50,000 up front. */
const cache = new Map<string, Promise<Sensor | null>>();
const LIMIT = 500;

export function sensorDetails(id: string): Promise<Sensor | null> {
  let p = cache.get(id);
  if (!p) {
    p = api.sensor(id).catch(() => null);
    // Bounded: a long shift of hovering must not grow memory; the oldest entries go first.
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(id, p);
  }
  return p;
}

/** The sensors with these ids, in that order (unknown ones left out); [] until loaded. */
export function useSensors(ids: readonly string[]): Sensor[] {
  const key = ids.join('\n');
  const [sensors, setSensors] = useState<Sensor[]>([]);
  useEffect(() => {
    let alive = true;
    void Promise.all(ids.map(sensorDetails)).then((all) => { if (alive) setSensors(all.filter((s): s is Sensor => s !== null)); });
    return () => { alive = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return sensors;
}
