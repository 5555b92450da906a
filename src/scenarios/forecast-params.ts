import { parseTime, validationError } from '../domain/index.js';
import type { StormInput } from '../assess/index.js';

/** A rainfall forecast as submitted, checked: the storm, when its rain starts, and a key that names the same storm again. */
export interface ForecastInput {
  readonly storm: StormInput;
  /** Same storm, same key: a resubmitted forecast updates its cases instead of opening new ones. */
  readonly stormKey: string;
  /** When the rain starts (epoch ms); absent: now. */
  readonly startsAt?: number;
  readonly name?: string;
}

const MAX_SERIES_MIN = 1440;

/**
 * Check `{returnPeriodYears, durationMin}` (a design storm by the city's formula, as the
 * `rainstorm` scenario takes) or `{intensityMmPerHour: [...], stepMin}` (a forecast series),
 * with `startsAt?` and `name?`; a bad field is named in the error (problem+json).
 */
export function parseForecast(body: unknown): ForecastInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw validationError('body', 'must be an object: {returnPeriodYears, durationMin} or {intensityMmPerHour, stepMin}');
  const b = body as Record<string, unknown>;
  const design = b.returnPeriodYears !== undefined || b.durationMin !== undefined;
  const series = b.intensityMmPerHour !== undefined || b.stepMin !== undefined;
  if (design && series) throw validationError('body', 'give a design storm {returnPeriodYears, durationMin} or a series {intensityMmPerHour, stepMin}, not both');
  if (!design && !series) throw validationError('returnPeriodYears', 'is required (with durationMin), or give a series {intensityMmPerHour, stepMin}', 'required');
  if (b.name !== undefined && typeof b.name !== 'string') throw validationError('name', 'must be text');
  let startsAt: number | undefined;
  if (b.startsAt !== undefined) {
    const t = parseTime(b.startsAt);
    if (!t.ok) throw validationError('startsAt', `must be an ISO 8601 time or epoch ms: ${t.reason}`);
    startsAt = t.ts;
  }
  const extras = { ...(startsAt !== undefined ? { startsAt } : {}), ...(typeof b.name === 'string' ? { name: b.name } : {}) };
  if (design) {
    const returnPeriodYears = number(b, 'returnPeriodYears', 1, 1000, 'years');
    const durationMin = number(b, 'durationMin', 5, 1440, 'minutes');
    return { storm: { returnPeriodYears, durationMin }, stormKey: `P${returnPeriodYears}-T${durationMin}`, ...extras };
  }
  const stepMin = number(b, 'stepMin', 1, 60, 'minutes');
  const values = b.intensityMmPerHour;
  if (!Array.isArray(values) || values.length === 0) throw validationError('intensityMmPerHour', 'must be a non-empty list of intensities (mm/h), one per step');
  values.forEach((v, k) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 500) throw validationError(`intensityMmPerHour[${k}]`, 'must be a number of mm/h from 0 to 500');
  });
  if (values.length * stepMin > MAX_SERIES_MIN) throw validationError('intensityMmPerHour', `covers ${values.length * stepMin} minutes; at most ${MAX_SERIES_MIN}`);
  const intensities = values as number[];
  return {
    storm: { intensityMmPerHour: intensities, stepMin, ...(typeof b.name === 'string' ? { label: b.name } : {}) },
    stormKey: `R${stepMin}-${fnv1a(intensities.join(','))}`, ...extras,
  };
}

function number(b: Record<string, unknown>, name: string, min: number, max: number, unit: string): number {
  const v = b[name];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw validationError(name, `must be a number of ${unit} from ${min} to ${max}`);
  return v;
}

/** FNV-1a, 32 bits, hex: a short stable name for a series. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
