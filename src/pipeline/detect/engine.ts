import type { Alarm, AlarmEvent } from '../../domain/index.js';
import { NO_EVENTS } from './alarm-tracker.js';
import { compileRule } from './rules/compile.js';
import { effectiveRules } from './rules/resolve.js';
import { TEMPLATES, defaultDomain } from './rules/templates.js';
import type { Rule } from './rules/types.js';
import type { SensorMeta } from './sensor-meta.js';
import { SensorMonitor } from './sensor-monitor.js';

export interface DetectionEngineOptions {
  /** Configured rules (the `/rules` resource), on top of the templates. */
  readonly rules?: readonly Rule[];
  /** The default templates (`TEMPLATES`); pass your own list, or [] for none. */
  readonly templates?: readonly Rule[];
  /** The clock for `tick()` without an argument; the core never reads the wall clock itself. */
  readonly now?: () => number;
}

/**
 * Streaming detection for any number of sensors: rules, device health, detectors and analytics.
 * The live server and `lifeline replay` use it the same way. State is per sensor (created lazily
 * from the templates matching its quantity and domain), so sensors can be split across processes.
 */
export interface DetectionEngine {
  /** One reading of one sensor (time in epoch ms, value in the quantity's canonical unit). */
  process(sensor: SensorMeta, ts: number, value: number): readonly AlarmEvent[];
  /** The per-sensor handle (created on first use): the fast path for hot loops, and `score`/`level`. */
  monitor(sensor: SensorMeta): SensorMonitor;
  /** Time-based checks (offline) for every sensor at `now` (default: the `now` option). */
  tick(now?: number): readonly AlarmEvent[];
  /** Replace the configured rules; each sensor picks them up at its next reading or tick. */
  setRules(rules: readonly Rule[]): void;
  /** The rules that watch a sensor (templates and configured rules, resolved). */
  rulesFor(sensor: SensorMeta): Rule[];
  /** Active alarms, of one sensor or of all. */
  activeAlarms(sensorId?: string): Alarm[];
  /** Drop a sensor's state (deregistered); its alarms vanish without events. */
  forget(sensorId: string): boolean;
  readonly sensorCount: number;
  /** Approximate bytes of detection state, over all sensors. */
  stateBytes(): number;
}

export function createDetectionEngine(options: DetectionEngineOptions = {}): DetectionEngine {
  const templates = options.templates ?? TEMPLATES;
  let rules: readonly Rule[] = options.rules ?? [];
  let version = 0;
  const sensors = new Map<string, SensorMonitor>();

  const withDomain = (s: SensorMeta): SensorMeta => (s.domain !== undefined ? s : { ...s, domain: defaultDomain(s.quantity) });
  const rulesFor = (s: SensorMeta): Rule[] => effectiveRules(withDomain(s), templates, rules);
  const monitor = (s: SensorMeta): SensorMonitor => {
    let m = sensors.get(s.id);
    if (m === undefined) {
      // The meta with its domain made once, not per rule: a replay may create 10,000 sensors.
      const full = withDomain(s);
      m = new SensorMonitor(s, effectiveRules(full, templates, rules).map((r) => compileRule(r, full)), version);
      sensors.set(s.id, m);
    } else if (m.rulesVersion !== version || (m.meta !== s && changed(m.meta, s))) {
      const full = withDomain(s);
      m.reconfigure(s, effectiveRules(full, templates, rules), (r) => compileRule(r, full), version);
    }
    return m;
  };

  return {
    process: (s, ts, value) => monitor(s).process(ts, value),
    monitor,
    tick(now = options.now?.() ?? Number.NaN) {
      if (now !== now) throw new Error('tick() needs a time: pass one or give the engine a `now` clock');
      let all: AlarmEvent[] | undefined;
      for (const m of sensors.values()) {
        const events = m.tick(now);
        if (events !== NO_EVENTS) (all ??= []).push(...events);
      }
      return all ?? NO_EVENTS;
    },
    setRules(next) {
      for (const r of next) for (const s of sensors.values()) compileRule(r, s.meta); // refuse bad rules before changing anything
      rules = [...next];
      version++;
    },
    rulesFor,
    activeAlarms(sensorId) {
      if (sensorId !== undefined) return sensors.get(sensorId)?.active() ?? [];
      return [...sensors.values()].flatMap((m) => m.active());
    },
    forget: (id) => sensors.delete(id),
    get sensorCount() { return sensors.size; },
    stateBytes() {
      let bytes = 0;
      for (const m of sensors.values()) bytes += m.stateBytes();
      return bytes;
    },
  };
}

function changed(a: SensorMeta, b: SensorMeta): boolean {
  return a.quantity !== b.quantity || a.domain !== b.domain || a.asset !== b.asset || a.intervalS !== b.intervalS;
}
