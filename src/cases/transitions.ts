import type { Actor, Case, CaseAction, CasePlan, Level, TimelineEntry, WarningMessage } from '../domain/index.js';
import { LifelineError, allowedActions, isLevel, nextState, validationError } from '../domain/index.js';
import { casePlan, openMandatorySteps, planFor } from './plans.js';
import { checkRole } from './roles.js';
import type { SlaPolicy } from './sla.js';
import { slaFor } from './sla.js';

/** What a person asks (the body of POST /cases/:id/actions). */
export interface ActionInput {
  readonly action: CaseAction;
  readonly note?: string;
  readonly level?: Level;
  readonly department?: string;
  /** `tick`: the plan step. */
  readonly step?: string;
  /** `resolve` by an operator with mandatory steps open: the reason goes in `note`. */
  readonly override?: boolean;
  /** Optimistic concurrency from the client: refuse if the case has changed since it was read. */
  readonly version?: number;
}

/** Timelines keep their newest entries beyond this many (the audit log keeps everything). */
const TIMELINE_LIMIT = 500;

export function conflictFor(c: Case, action: string): LifelineError {
  const allowed = allowedActions(c.state);
  return new LifelineError('conflict', `a case in state '${c.state}' cannot be ${action === 'dispatch' ? 'dispatched' : `given '${action}'`}; allowed from '${c.state}': ${allowed.join(', ')}`, [], { state: c.state, allowed });
}

export function appendTimeline(c: Case, entry: TimelineEntry): TimelineEntry[] {
  const timeline = [...c.timeline, entry];
  return timeline.length > TIMELINE_LIMIT ? timeline.slice(-TIMELINE_LIMIT) : timeline;
}

/** A warning message if the case's warning is in force and should change (Update or Cancel). */
export function warningChange(c: Case, msgType: 'Update' | 'Cancel', now: number, level: Level): WarningMessage[] {
  const last = c.warnings.at(-1);
  if (!last || last.msgType === 'Cancel') return [...c.warnings];
  return [...c.warnings, { n: last.n + 1, msgType, sent: now, level }];
}

function requireNote(input: ActionInput, why: string): string {
  const note = input.note?.trim();
  if (!note) throw validationError('note', why, 'required');
  return note;
}

export interface ActionContext {
  readonly now: number;
  readonly sla: SlaPolicy;
  /** Whether a department exists (dispatch checks it). */
  readonly departmentExists: (id: string) => boolean;
}

/**
 * Apply one person's action to a case: role rules (403), the transition table (409 listing the
 * allowed actions), the action's own checks (400), then the new case with version + 1. Pure.
 */
export function applyAction(c: Case, actor: Actor, input: ActionInput, ctx: ActionContext): Case {
  checkRole(actor, input.action, c, input.override === true);
  if (input.version !== undefined && input.version !== c.version) {
    throw new LifelineError('conflict', `case ${c.id} is at version ${c.version}, not ${input.version}; reload it`, [], { state: c.state, allowed: allowedActions(c.state), version: c.version });
  }
  const to = nextState(c.state, input.action);
  if (to === undefined) throw conflictFor(c, input.action);
  const { now } = ctx;
  let next: { -readonly [K in keyof Case]: Case[K] } = { ...c, state: to, updatedAt: now, version: c.version + 1 };
  let note = input.note?.trim() || undefined;
  const data: Record<string, unknown> = {};

  switch (input.action) {
    case 'assess':
      next.assessedAt = now;
      break;
    case 'confirm': {
      const level = input.level ?? c.level;
      if (!isLevel(level)) throw validationError('level', 'must be 1 (red) to 4 (blue)');
      next.level = level;
      next.confirmedAt = now;
      data.level = level;
      // A hazard case publishes a warning; a device case (sensor faults) never does.
      if (c.class === 'hazard') {
        const last = c.warnings.at(-1);
        // A new Alert, or an Update of the one in force; after a Cancel (reopened) a new Alert.
        const msgType = !last || last.msgType === 'Cancel' ? 'Alert' : 'Update';
        next.warnings = [...c.warnings, { n: (last?.n ?? 0) + 1, msgType, sent: now, level }];
      }
      break;
    }
    case 'dismiss':
      note = requireNote(input, 'say why it is dismissed (sensor fault, interference, maintenance …)');
      next.closedAt = now;
      next.warnings = warningChange(c, 'Cancel', now, c.level);
      break;
    case 'dispatch': {
      const department = input.department ?? c.department;
      if (!department) throw validationError('department', 'name the department to dispatch to (the asset has none)', 'required');
      if (!ctx.departmentExists(department)) throw validationError('department', `no department '${department}'`, 'unknown');
      next.department = department;
      next.dispatchedAt = now;
      next.plan = casePlan(planFor(c.domain, next.level));
      data.department = department;
      data.plan = next.plan.id;
      break;
    }
    case 'accept':
      next.acceptedAt = now;
      break;
    case 'report':
      note = requireNote(input, 'a progress report needs a note');
      break;
    case 'tick':
      next.plan = tickStep(c.plan, input.step, actor, now, note);
      data.step = input.step;
      break;
    case 'resolve': {
      const open = openMandatorySteps(c.plan);
      if (open.length > 0) {
        if (!input.override) {
          throw new LifelineError('conflict', `mandatory plan steps are open: ${open.join(', ')}; tick them, or an operator resolves with override and a reason`, [], { state: c.state, allowed: allowedActions(c.state), openSteps: open });
        }
        if (actor.role !== 'operator' && actor.role !== 'admin') throw new LifelineError('forbidden', 'only an operator may override open plan steps');
        note = requireNote(input, 'an override needs a reason');
        data.override = open;
      }
      next.resolvedAt = now;
      break;
    }
    case 'close':
      next.closedAt = now;
      next.warnings = warningChange(c, 'Cancel', now, c.level);
      break;
    case 'reopen':
      next.reopenedAt = now;
      next.closedAt = undefined;
      next.resolvedAt = undefined;
      next.sla = { ...c.sla, escalated: {} };
      break;
    case 'comment':
      note = requireNote(input, 'a comment needs a note');
      break;
  }
  next.sla = slaFor(next, ctx.sla);
  next.timeline = appendTimeline(c, { at: now, actor: actor.username, action: input.action, from: c.state, to, ...(note ? { note } : {}), ...(Object.keys(data).length ? { data } : {}) });
  next = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as typeof next;
  return next;
}

function tickStep(plan: CasePlan | undefined, stepId: string | undefined, actor: Actor, now: number, note: string | undefined): CasePlan {
  if (!plan) throw new LifelineError('conflict', 'the case carries no plan (it is dispatched with one)');
  if (!stepId) throw validationError('step', `name the plan step: ${plan.steps.map((s) => s.id).join(', ')}`, 'required');
  if (!plan.steps.some((s) => s.id === stepId)) throw validationError('step', `no step '${stepId}' in plan ${plan.id}: ${plan.steps.map((s) => s.id).join(', ')}`, 'unknown');
  return { ...plan, steps: plan.steps.map((s) => (s.id === stepId ? { ...s, done: true, by: actor.username, at: now, ...(note ? { note } : {}) } : s)) };
}
