import type { Case } from '../domain/index.js';
import { allowedActions, isOverdue, toIso } from '../domain/index.js';

const iso = (t: number | undefined) => (t === undefined ? null : toIso(t));

/** A case on the wire: ISO times, the `overdue` flag, the actions its state allows; lists leave out the timeline. */
export function caseView(c: Case, now: number, full = true) {
  return {
    id: c.id, class: c.class, state: c.state, level: c.level, domain: c.domain, title: c.title, asset: c.asset, assets: c.assets,
    location: c.location ?? null, department: c.department ?? null, version: c.version,
    overdue: isOverdue(c, now),
    sla: { milestone: c.sla.milestone, due: iso(c.sla.due ?? undefined), escalated: Object.fromEntries(Object.entries(c.sla.escalated).map(([k, v]) => [k, iso(v)])) },
    openedAt: toIso(c.openedAt), updatedAt: toIso(c.updatedAt), assessedAt: iso(c.assessedAt), confirmedAt: iso(c.confirmedAt),
    dispatchedAt: iso(c.dispatchedAt), acceptedAt: iso(c.acceptedAt), resolvedAt: iso(c.resolvedAt), closedAt: iso(c.closedAt),
    clearSince: iso(c.clearSince), reopenedAt: iso(c.reopenedAt),
    allowed: allowedActions(c.state),
    alarms: c.alarms.map((a) => ({ ...a, raisedAt: toIso(a.raisedAt), clearedAt: iso(a.clearedAt) })),
    warnings: c.warnings.map((w) => ({ ...w, sent: toIso(w.sent) })),
    plan: c.plan ? { ...c.plan, steps: c.plan.steps.map((s) => ({ ...s, at: iso(s.at) })) } : null,
    ...(full ? {
      impact: c.impact ?? null,
      timeline: c.timeline.map((t) => ({ ...t, at: toIso(t.at) })),
    } : {}),
  };
}
