import type { Asset, Domain, FieldError } from '../../domain/index.js';
import { DEFAULT_INTERVAL_S, QUANTITIES, QUANTITY_NAMES, isDomain, isQuantity, unitConversion } from '../../domain/index.js';
import type { NewSensor } from '../../ports/index.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:\-]{0,127}$/;
const STATES = ['active', 'maintenance', 'disabled'] as const;

/**
 * A sensor as posted → a NewSensor. The asset must exist (looked up through `assetOf`); the domain
 * defaults to the asset's; `unit` may be any unit known for the quantity: readings are then converted
 * to the canonical unit at ingest.
 */
export function sensorFromInput(input: unknown, assetOf: (id: string) => Pick<Asset, 'domain'> | undefined, at = ''): NewSensor | FieldError {
  const f = (field: string, reason: string, code = 'invalid'): FieldError => ({ field: `${at}${field}`, code, reason });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return f('', 'must be a sensor object');
  const s = input as Record<string, unknown>;
  if (typeof s.id !== 'string' || !ID.test(s.id)) return f('id', 'must be a string of letters, digits, . _ : - (1–128 characters)', 'missing');
  if (!isQuantity(s.quantity)) return f('quantity', `must be one of ${QUANTITY_NAMES.join(', ')}`);
  if (typeof s.asset !== 'string' || s.asset === '') return f('asset', 'must name a registered asset', 'missing');
  const asset = assetOf(s.asset);
  if (!asset) return f('asset', `no asset is registered with id '${s.asset.slice(0, 100)}'`, 'unknown_asset');
  let domain: Domain = asset.domain;
  if (s.domain !== undefined) {
    if (!isDomain(s.domain)) return f('domain', 'must be a lifeline domain');
    domain = s.domain;
  }
  const canonical = QUANTITIES[s.quantity].unit;
  let inputUnit: string | undefined;
  if (s.unit !== undefined && s.unit !== canonical) {
    if (typeof s.unit !== 'string' || !unitConversion(s.quantity, s.unit)) {
      const known = [canonical, ...Object.keys(QUANTITIES[s.quantity].units ?? {})];
      return f('unit', `unit of ${s.quantity} must be one of ${known.join(', ')}`);
    }
    inputUnit = s.unit;
  }
  const interval = s.intervalS ?? s.interval ?? DEFAULT_INTERVAL_S;
  if (typeof interval !== 'number' || !Number.isFinite(interval) || interval <= 0 || interval > 31 * 86400) {
    return f('intervalS', 'must be the expected seconds between readings (0 < n ≤ 2,678,400)');
  }
  const state = s.state ?? 'active';
  if (!(STATES as readonly unknown[]).includes(state)) return f('state', `must be one of ${STATES.join(', ')}`);
  if (s.name !== undefined && typeof s.name !== 'string') return f('name', 'must be a string');
  if (s.properties !== undefined && (typeof s.properties !== 'object' || s.properties === null || Array.isArray(s.properties))) {
    return f('properties', 'must be an object');
  }
  return {
    id: s.id, asset: s.asset, domain, quantity: s.quantity, unit: canonical,
    ...(inputUnit ? { inputUnit } : {}),
    ...(typeof s.name === 'string' ? { name: s.name } : {}),
    intervalS: interval, state: state as NewSensor['state'],
    properties: (s.properties as Record<string, unknown>) ?? {},
  };
}
