import type { Alarm, AlarmEvent, Level } from '../../domain/index.js';
import { AlarmTracker, NO_EVENTS } from './alarm-tracker.js';
import { SensorContext } from './context.js';
import type { Monitor } from './monitor.js';
import type { Rule } from './rules/types.js';
import type { SensorMeta } from './sensor-meta.js';

/**
 * Everything detection keeps for one sensor: the shared reading context, one monitor per
 * effective rule, and the alarms they hold. `score` and `level` describe the last reading
 * (the replay's `anomaly_score` and `level` columns).
 */
export class SensorMonitor {
  readonly ctx: SensorContext;
  private tracker: AlarmTracker;
  /** Clear events of alarms whose rule went away, delivered with the next reading. */
  private pending: AlarmEvent[] | undefined;
  /** Highest anomaly score of the scored monitors (detectors, analytics) for the last reading. */
  score = 0;
  /** Worst level of the active alarms after the last reading or tick, 0 when none. */
  level: 0 | Level = 0;

  /** Per monitor: 1 when its score counts toward the reading's anomaly score. */
  private scoredFlags: Uint8Array;

  constructor(public meta: SensorMeta, public monitors: readonly Monitor[], public rulesVersion: number) {
    this.ctx = new SensorContext(meta);
    this.tracker = new AlarmTracker(monitors);
    this.scoredFlags = Uint8Array.from(monitors, (m) => (m.scored ? 1 : 0));
  }

  /**
   * New rules (or new sensor facts): monitors whose rule is unchanged keep their learned state and
   * their alarm; alarms of rules that went away clear with the next reading.
   */
  reconfigure(meta: SensorMeta, rules: readonly Rule[], compile: (r: Rule) => Monitor, version: number): void {
    const old = new Map<string, { monitor: Monitor; alarm: Alarm | undefined }>();
    this.monitors.forEach((m, i) => old.set(JSON.stringify(m.rule), { monitor: m, alarm: this.tracker.alarms[i] }));
    const sameSensor = meta.quantity === this.meta.quantity && meta.intervalS === this.meta.intervalS;
    const monitors: Monitor[] = [];
    const alarms: (Alarm | undefined)[] = [];
    for (const rule of rules) {
      const key = JSON.stringify(rule);
      const kept = sameSensor ? old.get(key) : undefined;
      if (kept) old.delete(key);
      monitors.push(kept?.monitor ?? compile(rule));
      alarms.push(kept?.alarm);
    }
    const ts = this.ctx.ts === this.ctx.ts ? this.ctx.ts : 0;
    for (const { alarm } of old.values()) {
      if (alarm) (this.pending ??= []).push({ type: 'clear', ts, alarm: { ...alarm, clearedAt: ts, message: `${alarm.message} (rule removed)` } });
    }
    this.meta = meta;
    this.ctx.meta = meta;
    this.monitors = monitors;
    this.scoredFlags = Uint8Array.from(monitors, (m) => (m.scored ? 1 : 0));
    this.tracker = new AlarmTracker(monitors, alarms);
    this.rulesVersion = version;
    this.level = this.tracker.worstLevel();
  }

  /** One reading. Readings not newer than the last one are ignored (late data cannot rewrite a stream). */
  process(ts: number, value: number): readonly AlarmEvent[] {
    const ctx = this.ctx;
    if (!(ts > ctx.ts) && ctx.count > 0) return NO_EVENTS;
    ctx.begin(ts, value);
    const monitors = this.monitors, scored = this.scoredFlags;
    let score = 0;
    for (let i = 0; i < monitors.length; i++) {
      const m = monitors[i]!;
      m.step(ts, value, ctx);
      if (scored[i] === 1 && m.score > score) score = m.score;
    }
    this.score = score;
    let events = this.tracker.reconcile(ts, ctx);
    ctx.end();
    if (events !== NO_EVENTS) this.level = this.tracker.worstLevel();
    if (this.pending) { events = [...this.pending, ...events]; this.pending = undefined; }
    return events;
  }

  /** Time-based checks (offline) at `now`. */
  tick(now: number): readonly AlarmEvent[] {
    let any = false;
    for (const m of this.monitors) if (m.tick) { m.tick(now, this.ctx); any = true; }
    if (!any) return NO_EVENTS;
    const events = this.tracker.reconcile(now, this.ctx);
    if (events !== NO_EVENTS) this.level = this.tracker.worstLevel();
    return events;
  }

  active(): Alarm[] {
    return this.tracker.active();
  }

  /** Approximate bytes of detection state held for this sensor. */
  stateBytes(): number {
    let bytes = this.ctx.stateBytes() + 64 + this.monitors.length * 16;
    for (const m of this.monitors) bytes += m.stateBytes();
    return bytes;
  }
}
