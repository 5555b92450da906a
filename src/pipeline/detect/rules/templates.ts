import type { Domain, Quantity } from '../../../domain/index.js';
import type { Rule } from './types.js';

/**
 * Default rule templates: every sensor is watched by the templates whose scope matches it, from the
 * moment it is registered. Thresholds come from published standards and practice; docs/rules.md
 * cites each one. Ids are stable (`std.<quantity>.<what>`) so a configured rule can replace one.
 */
const steps = (...pairs: [1 | 2 | 3 | 4, number][]) => pairs.map(([level, value]) => ({ level, value }));

export const DEVICE_TEMPLATES: readonly Rule[] = [
  { id: 'std.range', name: 'impossible value', kind: 'range', scope: {} },
  { id: 'std.stuck', name: 'stuck value', kind: 'stuck', scope: {} },
  { id: 'std.offline', name: 'offline', kind: 'offline', scope: {} },
  { id: 'std.spike', name: 'spikes', kind: 'spike', scope: {} },
  // Sudden offset: an instant, lasting jump of the reading (recalibration, replaced sensor, valve or PRV setting).
  { id: 'std.offset.pressure', name: 'sudden pressure offset', kind: 'offset', scope: { quantity: 'pressure' }, params: { minStep: 0.015 } },
];

/**
 * Where a quantity has physical rules and analytics, those know its normal oddities (biogas, pump
 * switching, rain, convoys) and rank first; the general detector's score counts 70 %.
 */
export const DETECTOR_TEMPLATES: readonly Rule[] = [
  { id: 'std.detector', name: 'unusual behaviour', kind: 'detector', scope: {}, params: { scoreWeight: 0.7, context: false } },
  // A generic series has no rules of its own: the detector alarms on 3 readings in a row at evidence ≥ 5
  // or one decisive reading at ≥ 6 (≥ 5 alone would be ~2 false alarms per 1,000 sensor-hours at 1 min).
  { id: 'std.detector.generic', name: 'unusual behaviour', kind: 'detector', scope: { quantity: 'generic' }, replaces: ['std.detector'], params: { alarmEvidence: 5, alarmReadings: 3, alarmEvidenceOnce: 6 } },
];

export const HAZARD_TEMPLATES: readonly Rule[] = [
  // Gas: methane in spaces next to gas mains (valve wells, manholes, utility vaults), %LEL.
  {
    id: 'std.methane.threshold', name: 'methane concentration', kind: 'threshold', scope: { quantity: 'methane' },
    params: { direction: 'above', levels: steps([4, 10], [3, 20], [2, 25], [1, 50]), minDurationS: 120, hysteresis: 2 },
  },
  {
    id: 'std.methane.leak', name: 'gas leak (sustained rise)', kind: 'gas-leak', scope: { quantity: 'methane' },
    params: { minRise: 2, minDurationS: 2700, level: 3 },
  },
  // Water supply: bursts (sudden sustained pressure drop), low service pressure, MPa.
  {
    id: 'std.pressure.burst', name: 'water main burst', kind: 'pressure-drop', scope: { quantity: 'pressure', domain: 'water' },
    params: { minStep: 0.04, minSigma: 8, confirmS: 480, levels: steps([3, 0.04], [2, 0.08], [1, 0.15]) },
  },
  // Water supply: incipient leaks on district meter inflows, from the minimum night flow.
  {
    id: 'std.flow.night', name: 'incipient leak (night flow)', kind: 'night-flow', scope: { quantity: 'flow', domain: 'water' },
    params: { nightHours: 2, sigma: 4, minFraction: 0.06 },
  },
  {
    id: 'std.pressure.low', name: 'low water pressure', kind: 'threshold', scope: { quantity: 'pressure', domain: 'water' },
    params: { direction: 'below', levels: steps([4, 0.16], [3, 0.14], [2, 0.1], [1, 0.05]), minDurationS: 300, hysteresis: 0.01 },
  },
  // Drainage: sewer level ratio (level ÷ pipe depth); above 0.9 the pipe is surcharging.
  {
    id: 'std.level_ratio.surcharge', name: 'sewer surcharge', kind: 'threshold', scope: { quantity: 'level_ratio' },
    params: { direction: 'above', levels: steps([3, 0.9], [2, 1.0], [1, 1.5]), minDurationS: 600, hysteresis: 0.03 },
  },
  {
    id: 'std.level_ratio.blockage', name: 'sewer blockage', kind: 'blockage', scope: { quantity: 'level_ratio' },
    params: { minRise: 0.04, sigma: 3, wetRisePerHour: 0.15, dryAfterS: 43200, minDurationS: 3600, level: 3 },
  },
  // Bridges: overload against the design live load, lasting baseline shift (damage).
  {
    id: 'std.strain.overload', name: 'bridge overload', kind: 'overload', scope: { quantity: 'strain' },
    params: { learnedFactor: 1.6, holdS: 1800 },
  },
  {
    id: 'std.strain.shift', name: 'lasting strain offset', kind: 'baseline-shift', scope: { quantity: 'strain' },
    params: { minStep: 25, minSigma: 10, confirmS: 600, envelope: 'lower', levels: steps([2, 50], [3, 25]) },
  },
  // Road ponding depth, cm.
  {
    id: 'std.ponding.depth', name: 'road ponding', kind: 'threshold', scope: { quantity: 'ponding' },
    params: { direction: 'above', levels: steps([4, 15], [3, 27], [2, 40], [1, 50]), minDurationS: 300, hysteresis: 2 },
  },
  // Rainfall intensity, mm/h.
  {
    id: 'std.rainfall.intensity', name: 'heavy rainfall', kind: 'threshold', scope: { quantity: 'rainfall' },
    params: { direction: 'above', levels: steps([4, 20], [3, 50], [2, 80], [1, 100]), minDurationS: 0, hysteresis: 2 },
  },
  // Utility tunnel and sewer atmosphere.
  {
    id: 'std.h2s.threshold', name: 'hydrogen sulphide', kind: 'threshold', scope: { quantity: 'h2s' },
    params: { direction: 'above', levels: steps([4, 5], [3, 10], [2, 20], [1, 50]), minDurationS: 60, hysteresis: 1 },
  },
  {
    id: 'std.oxygen.low', name: 'oxygen deficiency', kind: 'threshold', scope: { quantity: 'oxygen' },
    params: { direction: 'below', levels: steps([3, 19.5], [2, 18], [1, 16]), minDurationS: 60, hysteresis: 0.3 },
  },
  {
    id: 'std.oxygen.high', name: 'oxygen enrichment', kind: 'threshold', scope: { quantity: 'oxygen' },
    params: { direction: 'above', levels: steps([3, 23.5]), minDurationS: 60, hysteresis: 0.3 },
  },
  {
    id: 'std.co.threshold', name: 'carbon monoxide', kind: 'threshold', scope: { quantity: 'co' },
    params: { direction: 'above', levels: steps([4, 20], [3, 24], [2, 50], [1, 200]), minDurationS: 60, hysteresis: 2 },
  },
  {
    id: 'std.temperature.tunnel', name: 'tunnel temperature', kind: 'threshold', scope: { quantity: 'temperature', domain: 'tunnel' },
    params: { direction: 'above', levels: steps([3, 40], [2, 50], [1, 60]), minDurationS: 300, hysteresis: 1 },
  },
  // Structures: settlement / displacement and crack growth rates.
  {
    id: 'std.displacement.rate', name: 'displacement rate', kind: 'rate', scope: { quantity: 'displacement' },
    params: { direction: 'rise', per: 'day', levels: steps([3, 2], [2, 3], [1, 5]), minDurationS: 3600 },
  },
  {
    id: 'std.displacement.rate-down', name: 'settlement rate', kind: 'rate', scope: { quantity: 'displacement' },
    params: { direction: 'fall', per: 'day', levels: steps([3, 2], [2, 3], [1, 5]), minDurationS: 3600 },
  },
];

export const TEMPLATES: readonly Rule[] = [...DEVICE_TEMPLATES, ...HAZARD_TEMPLATES, ...DETECTOR_TEMPLATES];

/** The lifeline a quantity most often belongs to, used when a sensor's domain is not known (a replay). */
const DEFAULT_DOMAIN: Partial<Record<Quantity, Domain>> = {
  methane: 'gas', pressure: 'water', flow: 'water', level_ratio: 'drainage', level: 'drainage', ponding: 'drainage',
  rainfall: 'environment', strain: 'bridge', displacement: 'bridge', acceleration: 'bridge', tilt: 'building',
  crack: 'building', h2s: 'tunnel', oxygen: 'tunnel', co: 'tunnel', chlorine: 'water', turbidity: 'water',
  current: 'power', voltage: 'power', vibration: 'bridge', noise: 'environment', humidity: 'environment',
};

export function defaultDomain(quantity: Quantity): Domain | undefined {
  return DEFAULT_DOMAIN[quantity];
}
