import type { Case } from '../../api/types';

export const CLOSED_STATES = new Set(['closed', 'dismissed', 'self_cleared']);
export const isActive = (c: Case) => !CLOSED_STATES.has(c.state);

/** Epoch ms from an ISO string (the API) or a number (a raw case in a live event). */
export const toMs = (t: string | number | null | undefined): number => (typeof t === 'number' ? t : Date.parse(t ?? '') || 0);

export const openedAt = (c: Case) => toMs(c.openedAt ?? c.updatedAt);

/** Overdue as the server says, else past its due time. */
export function isOverdue(c: Case, now = Date.now()): boolean {
  if (c.overdue !== undefined) return c.overdue;
  const due = toMs(c.sla?.due);
  return due > 0 && due < now && isActive(c);
}

/** Worst level first; within a level, the newest first. */
export function byLevelThenTime(a: Case, b: Case): number {
  return a.level - b.level || openedAt(b) - openedAt(a);
}
