import type { Store } from '../../ports/index.js';
import type { IngestService } from '../../pipeline/ingest/service.js';
import type { RegistrationService } from '../../pipeline/registration/service.js';

/** One rejected item: its index in the batch sent and why. */
export interface ItemRejection { index: number; error: string; field?: string; code?: string }
export interface SinkResult { accepted: number; rejected: ItemRejection[] }

/** Where an import goes: straight into a store, or to a running server over HTTP. */
export interface ImportSink {
  assets(features: unknown[]): Promise<SinkResult>;
  sensors(sensors: unknown[]): Promise<SinkResult>;
  readings(items: unknown[]): Promise<SinkResult>;
  close(): Promise<void>;
}

export function localSink(registration: RegistrationService, ingest: IngestService, close: () => Promise<void>): ImportSink {
  return {
    async assets(f) { const r = await registration.registerAssets(f); return { accepted: r.accepted.length, rejected: r.rejected }; },
    async sensors(s) { const r = await registration.registerSensors(s); return { accepted: r.accepted.length, rejected: r.rejected }; },
    async readings(items) { return ingest.ingest(items); },
    close,
  };
}

/** Posts to a running server, so its in-memory registry and live views see the import at once. */
export function httpSink(baseUrl: string, token: string): ImportSink {
  const post = async (path: string, body: string, type: string): Promise<SinkResult> => {
    const res = await fetch(`${baseUrl.replace(/\/$/, '')}/api/v1${path}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body,
    });
    const json = (await res.json()) as { accepted?: number; rejected?: ItemRejection[]; errors?: { field: string; reason: string }[]; detail?: string };
    if (res.status === 201 || res.status === 202) return { accepted: json.accepted ?? 0, rejected: json.rejected ?? [] };
    if (res.status === 400 && Array.isArray(json.rejected)) return { accepted: 0, rejected: json.rejected };
    if (res.status === 400 && json.errors) {
      return { accepted: 0, rejected: json.errors.map((e) => ({ index: Number(/^\[(\d+)\]/.exec(e.field)?.[1] ?? 0), error: `${e.field}: ${e.reason}` })) };
    }
    throw new Error(`${path}: HTTP ${res.status} ${json.detail ?? ''}`);
  };
  return {
    assets: (f) => post('/assets', JSON.stringify({ type: 'FeatureCollection', features: f }), 'application/json'),
    sensors: (s) => post('/sensors', JSON.stringify(s), 'application/json'),
    readings: (items) => post('/readings', items.map((i) => JSON.stringify(i)).join('\n'), 'application/x-ndjson'),
    close: async () => {},
  };
}

export type { Store };
