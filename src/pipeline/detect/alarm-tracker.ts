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
 */
export class AlarmTracker {
  readonly alarms: (Alarm | undefined)[];
  /** Per monitor: 1 suppresses hazard alarms when alarmed, 2 is a hazard monitor, 4 is the general detector. */
  private readonly flags: Uint8Array;
  /** Active alarms other than the general detector's. */
  private busy = 0;

  constructor(private readonly monitors: readonly Monitor[], carried?: readonly (Alarm | undefined)[]) {
    this.alarms = carried ? [...carried] : new Array<Alarm | undefined>(monitors.length).fill(undefined);
    this.flags = new Uint8Array(monitors.length);
    monitors.forEach((m, i) => {
      this.flags[i] = (m.suppresses ? 1 : 0) | (m.class === 'hazard' ? 2 : 0) | (m.rule.kind === 'detector' ? 4 : 0);
      if (this.alarms[i] !== undefined && m.rule.kind !== 'detector') this.busy++;
    });
  }

  reconcile(ts: number, ctx: SensorContext): readonly AlarmEvent[] {
    let events: AlarmEvent[] | undefined;
    let suppressed = false;
    const monitors = this.monitors, alarms = this.alarms, flags = this.flags;
    for (let i = 0; i < monitors.length; i++) {
      const m = monitors[i]!;
      const want = m.level;
      const cur = alarms[i];
      if (cur === undefined && want === 0) continue;
      const f = flags[i]!;
      if ((f & 1) !== 0 && want !== 0) suppressed = true;
      const held = suppressed && (f & 2) !== 0;
      if (cur === undefined) {
        if (held) continue;
        const raisedAt = m.since === m.since && m.since <= ts ? m.since : ts;
        const alarm: Alarm = {
          id: `${ctx.meta.id}/${m.rule.id}/${raisedAt}`, sensor: ctx.meta.id, source: m.rule.id, kind: m.rule.kind,
          class: m.class, level: want as Level, score: m.score, message: m.message(ctx), raisedAt, updatedAt: ts,
        };
        alarms[i] = alarm;
        if ((f & 4) === 0) this.busy++;
        (events ??= []).push({ type: 'raise', ts, alarm });
      } else if (want === 0) {
        alarms[i] = undefined;
        if ((f & 4) === 0) this.busy--;
        (events ??= []).push({ type: 'clear', ts, alarm: { ...cur, clearedAt: ts } });
      } else if (want < cur.level && !held) {
        const alarm: Alarm = { ...cur, level: want, score: m.score, message: m.message(ctx), updatedAt: ts };
        alarms[i] = alarm;
        (events ??= []).push({ type: 'escalate', ts, alarm });
      }
    }
    ctx.deviceFault = suppressed;
    // Alarms that mean "something is going on" (all but the general detector's own): slow learners pause.
    ctx.activeAlarms = this.busy;
    return events ?? NO_EVENTS;
  }

  /** The worst level among active alarms, 0 when none. */
  worstLevel(): 0 | Level {
    let worst: 0 | Level = 0;
    for (const a of this.alarms) if (a !== undefined && (worst === 0 || a.level < worst)) worst = a.level;
    return worst;
  }

  active(): Alarm[] {
    return this.alarms.filter((a): a is Alarm => a !== undefined);
  }
}
