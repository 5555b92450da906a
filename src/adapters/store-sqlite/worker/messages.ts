import type { Asset } from '../../../domain/index.js';
import { LifelineError } from '../../../domain/index.js';
import type { NewSensor, RetentionSettings, StoreOp } from '../../../ports/index.js';

/** What the main thread asks of the writer worker. */
export type WriterRequest =
  | { readonly op: 'append'; readonly buffer: ArrayBuffer; readonly length: number }
  | { readonly op: 'upsertAssets'; readonly assets: readonly Asset[] }
  | { readonly op: 'upsertSensors'; readonly sensors: readonly NewSensor[] }
  | { readonly op: 'setSetting'; readonly key: string; readonly json: string | undefined }
  | { readonly op: 'commit'; readonly ops: readonly StoreOp[] }
  | { readonly op: 'lastReadings' }
  | { readonly op: 'flush' }
  | { readonly op: 'retention'; readonly now: number; readonly retention: RetentionSettings }
  | { readonly op: 'close' };

export type Envelope = WriterRequest & { readonly id: number };

/** The answer to request `id`; id 0 is the worker's start-up report. */
export type WriterReply =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly error: SerializedError };

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly errors?: LifelineError['errors'];
  readonly extra?: LifelineError['extra'];
}

/** Errors cross the thread boundary as plain data; a LifelineError keeps its code and field errors. */
export function serializeError(e: unknown): SerializedError {
  if (e instanceof LifelineError) return { name: e.name, message: e.message, code: e.code, errors: e.errors, extra: e.extra };
  if (e instanceof Error) {
    const code = (e as Error & { code?: unknown }).code;
    return { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(e) };
}

export function deserializeError(s: SerializedError): Error {
  if (s.name === 'LifelineError' && s.code) return new LifelineError(s.code as LifelineError['code'], s.message, s.errors ?? [], s.extra ?? {});
  const error = new Error(s.message);
  error.name = s.name;
  if (s.code) (error as Error & { code?: string }).code = s.code;
  return error;
}
