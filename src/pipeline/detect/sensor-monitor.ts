import type { Alarm, AlarmEvent, Level } from '../../domain/index.js';
import { AlarmTracker, NO_EVENTS } from './alarm-tracker.js';
import { objectBytes } from './arena.js';
import { SensorContext } from './context.js';
import type { Monitor } from './monitor.js';
import { monitorLoop } from './monitor-loop.js';
import type { MonitorLoop } from './monitor-loop.js';
import type { Rule } from './rules/types.js';
import type { SensorMeta } from './sensor-meta.js';

/**
 * Everything detection keeps for one sensor: the shared reading context, one monitor per
 * effective rule, and the alarms they hold. `score` and `level` describe the last reading
 * (the replay's `anomaly_score` and `level` columns).
 * State per sensor, measured by bench/replay.ts (heap growth over 4,000 warmed-up sensors, with their
 * ids and metas, the engine's map entry and any active alarm): 1.9 KiB (temperature) to 3.5 KiB
 * (strain); `stateBytes()` counts 1.7–2.9 KiB of it. This object (it is also the alarm tracker) and
 * the monitor list take ≈ 0.2 KiB, the context ≈ 0.25 KiB, its daily/weekly profile (when a monitor
 * uses one) ≈ 0.7 KiB, the monitors the rest (see each monitor's note).
 */
export class SensorMonitor extends AlarmTracker {
  readonly ctx: SensorContext;
  /** Clear events of alarms whose rule went away, delivered with the next reading. */
  private pending: AlarmEvent[] | undefined;
  /** Highest anomaly score of the scored monitors (detectors, analytics) for the last reading. */
  score = 0;
  /** Worst level of the active alarms after the last reading or tick, 0 when none. */
  level: 0 | Level = 0;
  /** The loops over the monitors, compiled for their classes (monitor-loop.ts). */
  private loop: MonitorLoop;

  constructor(meta: SensorMeta, monitors: readonly Monitor[], public rulesVersion: number) {
    super(monitors);
    this.ctx = new SensorContext(meta);
    this.loop = monitorLoop(monitors);
  }

  get meta(): SensorMeta {
    return this.ctx.meta;
  }

  /**
   * New rules (or new sensor facts): monitors whose rule is unchanged keep their learned state and
   * their alarm; alarms of rules that went away clear with the next reading.
   */
  reconfigure(meta: SensorMeta, rules: readonly Rule[], compile: (r: Rule) => Monitor, version: number): void {
    const old = new Map<string, { monitor: Monitor; alarm: Alarm | undefined }>();
    this.monitors.forEach((m, i) => old.set(JSON.stringify(m.rule), { monitor: m, alarm: this.alarmOf(i) }));
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
    this.ctx.meta = meta;
    this.track(monitors, alarms);
    this.loop = monitorLoop(monitors);
    this.rulesVersion = version;
    this.level = this.worstLevel();
  }

  /** One reading. Readings not newer than the last one are ignored (late data cannot rewrite a stream). */
  process(ts: number, value: number): readonly AlarmEvent[] {
    const ctx = this.ctx;
    if (!(ts > ctx.ts) && ctx.count > 0) return NO_EVENTS;
    ctx.begin(ts);
    const loop = this.loop, monitors = this.monitors;
    loop.stepAll(this, monitors, ts, value, ctx);
    // Most readings: no monitor has a condition and no alarm is active (level 0), so none changes.
    let events = this.level === 0 && !loop.anyLevel(monitors) ? this.quiet(ctx) : this.reconcile(ts, ctx);
    ctx.end(value);
    if (events !== NO_EVENTS) this.level = this.worstLevel();
    if (this.pending) { events = [...this.pending, ...events]; this.pending = undefined; }
    return events;
  }

  /** Time-based checks (offline) at `now`. */
  tick(now: number): readonly AlarmEvent[] {
    let any = false;
    for (const m of this.monitors) if (m.tick) { m.tick(now, this.ctx); any = true; }
    if (!any) return NO_EVENTS;
    const events = this.reconcile(now, this.ctx);
    if (events !== NO_EVENTS) this.level = this.worstLevel();
    return events;
  }

  /** Approximate bytes of detection state held for this sensor. */
  stateBytes(): number {
    // This object (9 fields, the score boxed), the monitor list (object and elements).
    let bytes = objectBytes(9) + 16 + objectBytes(1) + 16 + 8 * this.monitors.length + this.ctx.stateBytes();
    for (const m of this.monitors) bytes += m.stateBytes();
    return bytes;
  }
}
