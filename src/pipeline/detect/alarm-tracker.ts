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

  constructor(private readonly monitors: readonly Monitor[], carried?: readonly (Alarm | undefined)[]) {
    this.alarms = carried ? [...carried] : new Array<Alarm | undefined>(monitors.length).fill(undefined);
  }

  reconcile(ts: number, ctx: SensorContext): readonly AlarmEvent[] {
    let events: AlarmEvent[] | undefined;
    let suppressed = false;
    const monitors = this.monitors;
    for (let i = 0; i < monitors.length; i++) {
      const m = monitors[i]!;
      const want = m.level;
      if (m.suppresses && want !== 0) suppressed = true;
      const cur = this.alarms[i];
      if (cur === undefined) {
        if (want === 0 || (suppressed && m.class === 'hazard')) continue;
        const raisedAt = m.since === m.since && m.since <= ts ? m.since : ts;
        const alarm: Alarm = {
          id: `${ctx.meta.id}/${m.rule.id}/${raisedAt}`, sensor: ctx.meta.id, source: m.rule.id, kind: m.rule.kind,
          class: m.class, level: want, score: m.score, message: m.message(ctx), raisedAt, updatedAt: ts,
        };
        this.alarms[i] = alarm;
        (events ??= []).push({ type: 'raise', ts, alarm });
      } else if (want === 0) {
        const alarm: Alarm = { ...cur, clearedAt: ts };
        this.alarms[i] = undefined;
        (events ??= []).push({ type: 'clear', ts, alarm });
      } else if (want < cur.level && !(suppressed && m.class === 'hazard')) {
        const alarm: Alarm = { ...cur, level: want, score: m.score, message: m.message(ctx), updatedAt: ts };
        this.alarms[i] = alarm;
        (events ??= []).push({ type: 'escalate', ts, alarm });
      }
    }
    ctx.deviceFault = suppressed;
    let active = 0;
    for (let i = 0; i < this.alarms.length; i++) if (this.alarms[i] !== undefined) active++;
    ctx.activeAlarms = active;
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
