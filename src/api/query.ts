import type { BBox } from '../domain/index.js';
import { ASSET_KINDS, DOMAIN_NAMES, QUANTITY_NAMES, STEPS, isAssetKind, isDomain, isQuantity, isStep, parseTime, validationError } from '../domain/index.js';

/** Query-string readers: each returns the typed value or throws a validation problem naming the parameter. */
type Q = Record<string, unknown>;

export function domainParam(q: Q, name = 'domain') {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (!isDomain(v)) throw validationError(name, `must be one of ${DOMAIN_NAMES.join(', ')}`);
  return v;
}

export function kindParam(q: Q, name = 'kind') {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (!isAssetKind(v)) throw validationError(name, `must be one of ${ASSET_KINDS.join(', ')}`);
  return v;
}

export function quantityParam(q: Q, name = 'quantity') {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (!isQuantity(v)) throw validationError(name, `must be one of ${QUANTITY_NAMES.join(', ')}`);
  return v;
}

export function stepParam(q: Q, name = 'step') {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (!isStep(v)) throw validationError(name, `must be one of ${Object.keys(STEPS).join(', ')}`);
  return v;
}

export function stringParam(q: Q, name: string): string | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw validationError(name, 'must be given once');
  return v;
}

export function timeParam(q: Q, name: string): number | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  const t = parseTime(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);
  if (!t.ok) throw validationError(name, t.reason);
  return t.ts;
}

export function bboxParam(q: Q, name = 'bbox'): BBox | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  const parts = String(v).split(',').map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || parts[0]! > parts[2]! || parts[1]! > parts[3]!) {
    throw validationError(name, 'must be minLon,minLat,maxLon,maxLat');
  }
  return parts as BBox;
}

export function intParam(q: Q, name: string, min: number, max: number): number | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw validationError(name, `must be an integer from ${min} to ${max}`);
  return n;
}
