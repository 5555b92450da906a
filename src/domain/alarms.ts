import type { Level } from './levels.js';

/**
 * Alarms (报警): a rule or detector firing on one sensor. An alarm's state is derived from its
 * timestamps, never stored as a flag (as Alertmanager derives `Resolved()` from `EndsAt`):
 * it is active from `raisedAt` until `clearedAt`.
 */

/** `hazard`: the lifeline is in danger. `device`: the sensor itself is wrong (offline, stuck, spikes, drift). */
export type AlarmClass = 'hazard' | 'device';
export const ALARM_CLASSES: readonly AlarmClass[] = ['hazard', 'device'];

export type AlarmState = 'active' | 'cleared';

export interface Alarm {
  /** Unique: sensor, source and the time it was raised. */
  readonly id: string;
  readonly sensor: string;
  /** Id of the rule or detector that raised it. */
  readonly source: string;
  /** The rule kind (`threshold`, `rate`, `offline`, `detector`, `gas-leak`, …). */
  readonly kind: string;
  readonly class: AlarmClass;
  /** Worst level reached so far (alarms escalate, they do not de-escalate until they clear). */
  readonly level: Level;
  /** Score (0..1) when last raised or escalated. */
  readonly score: number;
  readonly message: string;
  readonly raisedAt: number;
  /** Time of the last raise or escalation. */
  readonly updatedAt: number;
  readonly clearedAt?: number;
}

/** Active until `clearedAt`; `at` lets a replay ask about a past moment. */
export function alarmState(alarm: Pick<Alarm, 'raisedAt' | 'clearedAt'>, at = Number.POSITIVE_INFINITY): AlarmState {
  return alarm.clearedAt !== undefined && alarm.clearedAt <= at ? 'cleared' : 'active';
}

export function isAlarmActive(alarm: Pick<Alarm, 'raisedAt' | 'clearedAt'>, at = Number.POSITIVE_INFINITY): boolean {
  return alarmState(alarm, at) === 'active' && alarm.raisedAt <= at;
}

export type AlarmEventType = 'raise' | 'escalate' | 'clear';

/** What detection emits: an alarm was raised, got worse, or cleared. `alarm` is the alarm after the change. */
export interface AlarmEvent {
  readonly type: AlarmEventType;
  readonly ts: number;
  readonly alarm: Alarm;
}
