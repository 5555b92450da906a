import type { Actor, Case, CaseAction } from '../domain/index.js';
import { LifelineError } from '../domain/index.js';

/** The monitoring centre's actions (研判, 预警, 派单, 结案). */
export const OPERATOR_ACTIONS: readonly CaseAction[] = ['assess', 'confirm', 'dismiss', 'dispatch', 'close', 'reopen'];
/** The assigned department's actions (处置). */
export const HANDLER_ACTIONS: readonly CaseAction[] = ['accept', 'report', 'resolve', 'tick'];

/**
 * Role rules: operators assess, confirm, dismiss, dispatch, close (and reopen); only the assigned
 * department's handlers accept, report, tick plan steps and resolve; an operator may resolve only
 * with an override (a reason, when mandatory plan steps are open); admin may do all; a viewer reads.
 * Throws 403 `forbidden` naming the rule.
 */
export function checkRole(actor: Actor, action: CaseAction, c: Case, override = false): void {
  if (actor.role === 'admin' || actor.role === 'system') return;
  const refuse = (why: string): never => { throw new LifelineError('forbidden', why, [], { action, role: actor.role }); };
  if (actor.role === 'viewer') refuse('a viewer reads cases and cannot act on them');
  const ownDepartment = actor.role === 'handler' && actor.department !== undefined && actor.department === c.department;
  if (action === 'comment') {
    if (actor.role === 'operator' || ownDepartment) return;
    refuse('only the monitoring centre and the assigned department comment on a case');
  }
  if (OPERATOR_ACTIONS.includes(action)) {
    if (actor.role === 'operator') return;
    refuse(`only the monitoring centre (operator) may ${action} a case`);
  }
  if (action === 'resolve' && actor.role === 'operator' && override) return;
  if (actor.role !== 'handler') refuse(`only a handler of the assigned department may ${action} a case`);
  if (!ownDepartment) refuse(`only the assigned department (${c.department ?? 'none yet'}) may ${action} this case`);
}

/** Whether the actor may see the case: a handler sees its department's cases only. */
export function canSee(actor: Actor, c: Pick<Case, 'department'>): boolean {
  return actor.role !== 'handler' || (actor.department !== undefined && actor.department === c.department);
}
