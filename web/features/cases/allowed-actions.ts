import type { Case, CaseAction, User } from '../../api/types';

/**
 * What the user's role may do to a case in its state (the lifecycle in DESIGN.md). The server
 * decides in the end; this only keeps buttons that could never succeed off the screen.
 */
export function allowedActions(c: Case, user: User | null): CaseAction[] {
  if (!user || user.role === 'viewer') return [];
  const centre = user.role === 'operator' || user.role === 'admin';
  const assigned = user.role === 'admin' || (user.role === 'handler' && (!c.department || c.department === user.department));
  const out: CaseAction[] = [];
  if (centre) {
    if (c.state === 'open') out.push('assess', 'confirm', 'dismiss');
    if (c.state === 'assessing') out.push('confirm', 'dismiss');
    if (c.state === 'confirmed') out.push('dispatch');
    if (c.state === 'resolved') out.push('close');
    if (c.state === 'closed' || c.state === 'dismissed' || c.state === 'self_cleared') out.push('reopen');
  }
  if (assigned) {
    if (c.state === 'dispatched') out.push('accept');
    if (c.state === 'in_progress') out.push('report', 'resolve');
  }
  out.push('comment');
  // The server's transition table has the last word on what the state allows.
  const allowed = c.allowed ? new Set(c.allowed) : null;
  return [...new Set(out)].filter((a) => !allowed || allowed.has(a));
}

/** Actions that need more than a note. */
export const NEEDS = { confirm: 'level', dismiss: 'reason', dispatch: 'department' } as const satisfies Partial<Record<CaseAction, string>>;
