import { parseTime, validationError } from '../domain/index.js';

export const SCENARIO_KINDS = ['water-burst', 'rainstorm', 'gas-leak', 'outage'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/** A scenario as asked for, checked: each kind's params (DESIGN.md, POST /scenarios). */
export type ScenarioInput =
  | { readonly kind: 'water-burst'; readonly params: { readonly pipe: string; readonly openingMm?: number; readonly failedValves?: string[] } }
  | { readonly kind: 'rainstorm'; readonly params: { readonly returnPeriodYears: number; readonly durationMin: number } }
  | { readonly kind: 'gas-leak'; readonly params: { readonly asset?: string; readonly point?: [number, number]; readonly holeMm: number } }
  | { readonly kind: 'outage'; readonly params: { readonly asset: string; readonly horizonH?: number } };

type Params = Record<string, unknown>;

const text = (p: Params, name: string): string => {
  const v = p[name];
  if (typeof v !== 'string' || v.trim() === '') throw validationError(`params.${name}`, 'is required: an asset id');
  return v;
};

const number = (p: Params, name: string, min: number, max: number, unit: string, required = true): number | undefined => {
  const v = p[name];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw validationError(`params.${name}`, `must be a number of ${unit} from ${min} to ${max}`);
  return v;
};

/** What a request may add to any kind: a name to find it by, and when it happens (hour-of-day demand; default now). */
export interface ScenarioExtras {
  readonly name?: string;
  readonly at?: number;
}

/** Check a request body `{kind, params, name?, at?}`; a bad field is named in the error (problem+json). */
export function parseScenario(body: unknown): ScenarioInput & ScenarioExtras {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b !== 'object' || Array.isArray(b)) throw validationError('body', 'must be an object {kind, params}');
  if (!(SCENARIO_KINDS as readonly unknown[]).includes(b.kind)) throw validationError('kind', `must be one of ${SCENARIO_KINDS.join(', ')}`);
  if (b.name !== undefined && typeof b.name !== 'string') throw validationError('name', 'must be text');
  const p = b.params;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) throw validationError('params', 'must be an object');
  const params = p as Params;
  let at: number | undefined;
  if (b.at !== undefined) {
    const t = parseTime(b.at);
    if (!t.ok) throw validationError('at', `must be an ISO 8601 time or epoch ms: ${t.reason}`);
    at = t.ts;
  }
  const name = { ...(typeof b.name === 'string' ? { name: b.name } : {}), ...(at !== undefined ? { at } : {}) };
  switch (b.kind as ScenarioKind) {
    case 'water-burst': {
      const openingMm = number(params, 'openingMm', 1, 5000, 'mm', false);
      const failed = params.failedValves;
      if (failed !== undefined && !(Array.isArray(failed) && failed.every((v) => typeof v === 'string'))) throw validationError('params.failedValves', 'must be a list of valve ids');
      return { kind: 'water-burst', params: { pipe: text(params, 'pipe'), ...(openingMm !== undefined ? { openingMm } : {}), ...(failed ? { failedValves: failed as string[] } : {}) }, ...name };
    }
    case 'rainstorm':
      return { kind: 'rainstorm', params: { returnPeriodYears: number(params, 'returnPeriodYears', 1, 1000, 'years')!, durationMin: number(params, 'durationMin', 5, 1440, 'minutes')! }, ...name };
    case 'gas-leak': {
      const holeMm = number(params, 'holeMm', 0.1, 2000, 'mm')!;
      const pt = params.point;
      if (pt !== undefined && !(Array.isArray(pt) && pt.length === 2 && pt.every((c) => typeof c === 'number' && Number.isFinite(c)) && Math.abs(pt[0]) <= 180 && Math.abs(pt[1]) <= 90)) {
        throw validationError('params.point', 'must be [lon, lat] in degrees');
      }
      if (params.asset !== undefined && (typeof params.asset !== 'string' || params.asset === '')) throw validationError('params.asset', 'must be an asset id');
      if (params.asset === undefined && pt === undefined) throw validationError('params.asset', 'give an asset (a gas pipe or an asset near one) or a point [lon, lat]');
      return { kind: 'gas-leak', params: { holeMm, ...(typeof params.asset === 'string' ? { asset: params.asset } : {}), ...(pt ? { point: [pt[0], pt[1]] as [number, number] } : {}) }, ...name };
    }
    case 'outage': {
      const horizonH = number(params, 'horizonH', 1, 720, 'hours', false);
      return { kind: 'outage', params: { asset: text(params, 'asset'), ...(horizonH !== undefined ? { horizonH } : {}) }, ...name };
    }
  }
}
