import { BlockageMonitor } from '../analytics/blockage.js';
import { DriftMonitor } from '../analytics/drift.js';
import { GasLeakMonitor } from '../analytics/gas-leak.js';
import { OffsetMonitor } from './offset.js';
import { NightFlowMonitor } from '../analytics/night-flow.js';
import { OverloadMonitor } from '../analytics/overload.js';
import { StepChangeMonitor } from '../analytics/step-change.js';
import { DetectorMonitor } from '../detectors/detector.js';
import type { Monitor } from '../monitor.js';
import type { SensorMeta } from '../sensor-meta.js';
import { JumpMonitor } from './jump.js';
import { OfflineMonitor } from './offline.js';
import { RangeMonitor } from './range.js';
import { RateMonitor } from './rate.js';
import { SpikeMonitor } from './spike.js';
import { StuckMonitor } from './stuck.js';
import { ThresholdMonitor } from './threshold.js';
import { RULE_KINDS } from './types.js';
import type { Rule, RuleKind } from './types.js';

type Factory = (rule: Rule, sensor: SensorMeta) => Monitor;

const factories = new Map<RuleKind, Factory>([
  ['threshold', (r) => new ThresholdMonitor(r)],
  ['rate', (r) => new RateMonitor(r)],
  ['offline', (r) => new OfflineMonitor(r)],
  ['range', (r, s) => new RangeMonitor(r, s.quantity)],
  ['stuck', (r, s) => new StuckMonitor(r, s.quantity)],
  ['spike', (r) => new SpikeMonitor(r)],
  ['jump', (r) => new JumpMonitor(r)],
  ['drift', (r) => new DriftMonitor(r)],
  ['offset', (r) => new OffsetMonitor(r)],
  ['detector', (r) => new DetectorMonitor(r)],
  ['gas-leak', (r) => new GasLeakMonitor(r)],
  // The monitors keep the rule itself (not a copy per sensor): its parsed parameters are shared.
  ['pressure-drop', (r) => new StepChangeMonitor(r)],
  ['baseline-shift', (r) => new StepChangeMonitor(r)],
  ['night-flow', (r) => new NightFlowMonitor(r)],
  ['blockage', (r) => new BlockageMonitor(r)],
  ['overload', (r, s) => new OverloadMonitor(r, s.properties)],
]);


/** A rule compiled for one sensor. Throws an Error naming the rule and the bad parameter. */
export function compileRule(rule: Rule, sensor: SensorMeta): Monitor {
  const factory = factories.get(rule.kind);
  if (!factory) throw new Error(`rule ${rule.id}: unknown kind '${String(rule.kind)}' (one of ${RULE_KINDS.join(', ')})`);
  return factory(rule, sensor);
}
