import type { AlarmClass } from './alarms.js';
import type { Domain } from './domains.js';
import type { Level } from './levels.js';

/**
 * Cases (事件) and their lifecycle (研判 → 预警 → 处置), exactly as DESIGN.md draws it:
 *
 *   open ─assess→ assessing ─confirm→ confirmed ─dispatch→ dispatched ─accept→ in_progress ─resolve→ resolved ─close→ closed
 *   assessing ─dismiss→ dismissed;  open|assessing ─(alarms clear and stay clear)→ self_cleared
 *   closed|dismissed|self_cleared ─reopen→ assessing
 */
export const CASE_STATES = ['open', 'assessing', 'confirmed', 'dispatched', 'in_progress', 'resolved', 'closed', 'dismissed', 'self_cleared'] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** States a case rests in once it is over; `reopen` leaves them. */
export const FINAL_STATES: readonly CaseState[] = ['closed', 'dismissed', 'self_cleared'];
export function isFinalState(s: CaseState): boolean {
  return FINAL_STATES.includes(s);
}

/** Actions people take (POST /cases/:id/actions). */
export const CASE_ACTIONS = ['assess', 'confirm', 'dismiss', 'dispatch', 'accept', 'report', 'resolve', 'close', 'reopen', 'comment', 'tick'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** What the platform itself does to a case (recorded in the timeline and the audit log like people's actions). */
export type SystemCaseAction = 'open' | 'attach' | 'escalate' | 'alarm_cleared' | 'self_clear' | 'overdue' | 'impact';

export function isCaseAction(value: unknown): value is CaseAction {
  return typeof value === 'string' && (CASE_ACTIONS as readonly string[]).includes(value);
}

/**
 * The transition table: for each state, the actions allowed and the state each leads to.
 * `comment` is allowed everywhere and changes nothing; `report` and `tick` keep a case in progress.
 */
export const TRANSITIONS: Readonly<Record<CaseState, Partial<Record<CaseAction, CaseState>>>> = {
  open: { assess: 'assessing', comment: 'open' },
  assessing: { confirm: 'confirmed', dismiss: 'dismissed', comment: 'assessing' },
  confirmed: { dispatch: 'dispatched', comment: 'confirmed' },
  dispatched: { accept: 'in_progress', tick: 'dispatched', comment: 'dispatched' },
  in_progress: { report: 'in_progress', tick: 'in_progress', resolve: 'resolved', comment: 'in_progress' },
  resolved: { close: 'closed', comment: 'resolved' },
  closed: { reopen: 'assessing', comment: 'closed' },
  dismissed: { reopen: 'assessing', comment: 'dismissed' },
  self_cleared: { reopen: 'assessing', comment: 'self_cleared' },
};

/** The actions allowed from a state, in table order. */
export function allowedActions(state: CaseState): CaseAction[] {
  return Object.keys(TRANSITIONS[state]) as CaseAction[];
}

/** The state an action leads to, or undefined when the table does not allow it. */
export function nextState(state: CaseState, action: CaseAction): CaseState | undefined {
  return TRANSITIONS[state][action];
}

/** States where the platform self-clears a case whose alarms have all cleared (it was never confirmed). */
export const SELF_CLEARABLE: readonly CaseState[] = ['open', 'assessing'];

/** SLA milestones: how long from the case opening until each is reached. */
export const SLA_MILESTONES = ['assess', 'dispatch', 'accept', 'resolve'] as const;
export type SlaMilestone = (typeof SLA_MILESTONES)[number];

/** An alarm as a case keeps it. */
export interface CaseAlarm {
  readonly id: string;
  readonly sensor: string;
  readonly asset: string;
  readonly level: Level;
  readonly class: AlarmClass;
  readonly message: string;
  /** The rule kind that raised it (`threshold`, `pressure-drop`, …), when known. */
  readonly kind?: string;
  readonly raisedAt: number;
  readonly clearedAt?: number;
  /** Raised inside a maintenance window: kept on record, opens nothing. */
  readonly suppressed?: string;
}

export interface PlanStep {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly mandatory: boolean;
}

export interface Plan {
  readonly id: string;
  readonly domain: Domain;
  readonly title: { readonly zh: string; readonly en: string };
  /** Levels the plan covers (a level-specific plan adds steps for red and orange). */
  readonly level: Level;
  readonly steps: readonly PlanStep[];
  /** Where the steps come from (docs/plans.md cites them). */
  readonly source: string;
}

export interface PlanStepState extends PlanStep {
  readonly done: boolean;
  readonly by?: string;
  readonly at?: number;
  readonly note?: string;
}

export interface CasePlan {
  readonly id: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly steps: readonly PlanStepState[];
}

export interface TimelineEntry {
  readonly at: number;
  readonly actor: string;
  readonly action: CaseAction | SystemCaseAction;
  readonly from: CaseState;
  readonly to: CaseState;
  readonly note?: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** One published CAP message of a case's warning. */
export interface WarningMessage {
  readonly n: number;
  readonly msgType: 'Alert' | 'Update' | 'Cancel';
  readonly sent: number;
  readonly level: Level;
}

export interface CaseSla {
  /** The next milestone not yet reached, or null when none is left (resolved and after). */
  readonly milestone: SlaMilestone | null;
  readonly due: number | null;
  /** Milestones that went overdue, with when they escalated. */
  readonly escalated: Readonly<Partial<Record<SlaMilestone, number>>>;
}

export interface Case {
  readonly id: string;
  /** `hazard`: a lifeline in danger. `device`: only sensor faults (offline, stuck…): level 4, never a public warning. */
  readonly class: AlarmClass;
  readonly state: CaseState;
  readonly level: Level;
  readonly domain: Domain;
  readonly title: string;
  /** The asset the first alarm was on. */
  readonly asset: string;
  readonly assets: readonly string[];
  /** Where it is ([lon, lat]), for maps and the CAP area. */
  readonly location?: readonly [number, number];
  readonly alarms: readonly CaseAlarm[];
  readonly department?: string;
  readonly openedAt: number;
  /** Set by `reopen`: SLA deadlines then count from here. */
  readonly reopenedAt?: number;
  readonly updatedAt: number;
  /** Milestone times (the report's response times come from these). */
  readonly assessedAt?: number;
  readonly confirmedAt?: number;
  readonly dispatchedAt?: number;
  readonly acceptedAt?: number;
  readonly resolvedAt?: number;
  readonly closedAt?: number;
  /** Since when every alarm has been clear (undefined while one is active). */
  readonly clearSince?: number;
  readonly sla: CaseSla;
  readonly plan?: CasePlan;
  readonly impact?: unknown;
  readonly warnings: readonly WarningMessage[];
  readonly timeline: readonly TimelineEntry[];
  /** Optimistic concurrency: each change stores version + 1 only if the stored version is unchanged. */
  readonly version: number;
}

export function isOverdue(c: Pick<Case, 'sla'>, now: number): boolean {
  return c.sla.due !== null && c.sla.due <= now;
}

/** Every alarm of the case has cleared. */
export function allAlarmsClear(c: Pick<Case, 'alarms'>): boolean {
  return c.alarms.every((a) => a.clearedAt !== undefined || a.suppressed !== undefined);
}

/** What changed on a case, for the bus topic 'case' and for callers of the workflow. */
export interface CaseChange {
  readonly type: 'opened' | 'updated' | 'overdue' | 'suppressed';
  readonly action: CaseAction | SystemCaseAction | 'suppress';
  readonly case?: Case;
  readonly alarm?: string;
}
