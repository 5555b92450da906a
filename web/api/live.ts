import { useEffect, useState } from 'react';
import { API } from './client';
import type { Alarm, Case } from './types';

/** What the server pushes over /events. Alarm and case events carry the object, perhaps wrapped. */
export interface LiveEvents {
  alarm: Alarm;
  case: Case;
  reading: { items: { sensor: string; ts: string; value: number }[] };
}
type Listener<K extends keyof LiveEvents> = (data: LiveEvents[K]) => void;

/** One EventSource for the whole app, fanned out to listeners (EventSource cannot send headers: token in the query). */
class LiveLink {
  private source: EventSource | null = null;
  private readonly listeners: { [K in keyof LiveEvents]: Set<Listener<K>> } = { alarm: new Set(), case: new Set(), reading: new Set() };
  private readonly statusListeners = new Set<(up: boolean) => void>();
  up = false;

  connect(token: string): void {
    this.close();
    const source = new EventSource(`${API}/events?access_token=${encodeURIComponent(token)}`);
    this.source = source;
    source.onopen = () => this.setUp(true);
    source.onerror = () => this.setUp(false);
    for (const type of ['alarm', 'case', 'reading'] as const) {
      source.addEventListener(type, (e) => {
        let data: unknown;
        try { data = JSON.parse((e as MessageEvent<string>).data); } catch { return; }
        this.emit(type, unwrap(type, data) as never);
      });
    }
  }

  close(): void { this.source?.close(); this.source = null; this.setUp(false); }

  on<K extends keyof LiveEvents>(type: K, fn: Listener<K>): () => void {
    (this.listeners[type] as Set<Listener<K>>).add(fn);
    return () => { (this.listeners[type] as Set<Listener<K>>).delete(fn); };
  }

  onStatus(fn: (up: boolean) => void): () => void { this.statusListeners.add(fn); return () => { this.statusListeners.delete(fn); }; }

  private emit<K extends keyof LiveEvents>(type: K, data: LiveEvents[K]): void {
    for (const fn of this.listeners[type] as Set<Listener<K>>) fn(data);
  }

  private setUp(up: boolean): void {
    if (this.up === up) return;
    this.up = up;
    for (const fn of this.statusListeners) fn(up);
  }
}

/** Events may come as the object itself or as {type, case}/{type, alarm} envelopes. */
function unwrap(type: keyof LiveEvents, data: unknown): unknown {
  if (type === 'reading' || data === null || typeof data !== 'object') return data;
  const d = data as Record<string, unknown>;
  const inner = d[type];
  return inner && typeof inner === 'object' ? { ...(inner as object), _event: d.type } : data;
}

export const live = new LiveLink();

export function useLiveStatus(): boolean {
  const [up, setUp] = useState(live.up);
  useEffect(() => live.onStatus(setUp), []);
  return up;
}

export function useLive<K extends keyof LiveEvents>(type: K, fn: Listener<K>, deps: unknown[] = []): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => live.on(type, fn), deps);
}
