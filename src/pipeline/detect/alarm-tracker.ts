import type { Alarm, AlarmEvent, Level } from '../../domain/index.js';
import type { SensorContext } from './context.js';
import type { Monitor } from './monitor.js';

/** The shared "nothing happened" answer: most readings change no alarm, and allocate nothing. */
export const NO_EVENTS: readonly AlarmEvent[] = Object.freeze([]);

/**
 * Turns monitors' levels into alarms and alarm events, for one sensor. An alarm is raised when its
 * monitor's level becomes non-zero, escalates when the level gets worse, and clears when it falls
 * to zero. While a device fault that invalidates the values is active (stuck, impossible values),
 * hazard alarms are suppressed: none is raised or escalated on untrustworthy values.
 * (SensorMonitor extends it rather than holding one: an object less per sensor.)
 */
export class AlarmTracker {
  /** Per monitor, its active alarm; undefined until the sensor's first alarm (most sensors never have one). */
  private alarms: (Alarm | undefined)[] | undefined;
  /** Active alarms other than the general detector's. */
  private busy = 0;

  constructor(public monitors: readonly Monitor[]) {}

  /** Watch a new list of monitors; `carried[i]` is the active alarm monitor i keeps. */
  protected track(monitors: readonly Monitor[], carried: readonly (Alarm | undefined)[]): void {
    this.monitors = monitors;
    this.alarms = undefined;
    this.busy = 0;
    if (carried.some((a) => a !== undefined)) {
      this.alarms = [...carried];
      monitors.forEach((m, i) => { if (carried[i] !== undefined && m.rule.kind !== 'detector') this.busy++; });
    }
  }

  /** The active alarm of monitor i, if any. */
  alarmOf(i: number): Alarm | undefined {
    return this.alarms?.[i];
  }

  reconcile(ts: number, ctx: SensorContext): readonly AlarmEvent[] {
    let events: AlarmEvent[] | undefined;
    let suppressed = false;
    const monitors = this.monitors;
    let alarms = this.alarms;
    for (let i = 0; i < monitors.length; i++) {
      const m = monitors[i]!;
      const want = m.level;
      const cur = alarms === undefined ? undefined : alarms[i];
      if (cur === undefined && want === 0) continue;
      // Rarely reached (a condition or an alarm on this monitor): ask the monitor what it is.
      if (want !== 0 && m.suppresses) suppressed = true;
      const held = suppressed && m.class === 'hazard';
      const detector = m.rule.kind === 'detector';
      if (cur === undefined) {
        if (held) continue;
        const raisedAt = m.since === m.since && m.since <= ts ? m.since : ts;
        const alarm: Alarm = {
          // join, not a template: it makes one flat string, where a template makes a tree of pieces.
          id: [ctx.meta.id, m.rule.id, raisedAt].join('/'), sensor: ctx.meta.id, source: m.rule.id, kind: m.rule.kind,
          class: m.class, level: want as Level, score: m.score, message: m.message(ctx), raisedAt, updatedAt: ts,
        };
        alarms ??= this.alarms = new Array<Alarm | undefined>(monitors.length).fill(undefined);
        alarms[i] = alarm;
        if (!detector) this.busy++;
        (events ??= []).push({ type: 'raise', ts, alarm });
      } else if (want === 0) {
        alarms![i] = undefined;
        if (!detector) this.busy--;
        (events ??= []).push({ type: 'clear', ts, alarm: { ...cur, clearedAt: ts } });
      } else if (want < cur.level && !held) {
        const alarm: Alarm = { ...cur, level: want, score: m.score, message: m.message(ctx), updatedAt: ts };
        alarms![i] = alarm;
        (events ??= []).push({ type: 'escalate', ts, alarm });
      }
    }
    ctx.deviceFault = suppressed;
    // Alarms that mean "something is going on" (all but the general detector's own): slow learners pause.
    ctx.activeAlarms = this.busy;
    return events ?? NO_EVENTS;
  }

  /** `reconcile` when no monitor has a condition and no alarm is active: only the context learns that. */
  protected quiet(ctx: SensorContext): readonly AlarmEvent[] {
    ctx.deviceFault = false;
    ctx.activeAlarms = this.busy;
    return NO_EVENTS;
  }

  /** The worst level among active alarms, 0 when none. */
  worstLevel(): 0 | Level {
    let worst: 0 | Level = 0;
    for (const a of this.alarms ?? []) if (a !== undefined && (worst === 0 || a.level < worst)) worst = a.level;
    return worst;
  }

  active(): Alarm[] {
    return (this.alarms ?? []).filter((a): a is Alarm => a !== undefined);
  }
}
