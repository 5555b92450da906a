import type { Case, Department } from '../domain/index.js';
import { toIso } from '../domain/index.js';
import type { WebhookDelivery } from '../ports/index.js';

/** Case events that go to a department's webhook. */
export const NOTIFIED_EVENTS = ['dispatch', 'escalate', 'overdue', 'resolve', 'close', 'reopen'] as const;

let serial = Math.floor(Math.random() * 1_000_000);

/** Delivery ids sort by creation time, so lists are newest first. */
export function deliveryId(now: number): string {
  serial = (serial + 1) % 1_000_000;
  return `W-${Math.floor(now).toString(36).padStart(9, '0')}-${serial.toString(36).padStart(4, '0')}`;
}

/** A case as a notification carries it: enough to act on, with a link back. */
export function caseSummary(c: Case) {
  return {
    id: c.id, class: c.class, state: c.state, level: c.level, domain: c.domain, title: c.title, asset: c.asset,
    department: c.department ?? null, location: c.location ?? null, openedAt: toIso(c.openedAt),
    sla: { milestone: c.sla.milestone, due: c.sla.due === null ? null : toIso(c.sla.due) }, version: c.version,
  };
}

/**
 * Who hears of a case event: the assigned department; before dispatch, an overdue case goes to the
 * departments responsible for its domain (they will get it next). Only departments with a webhook.
 */
export function recipients(c: Case, event: string, departments: readonly Department[]): Department[] {
  const withHook = departments.filter((d) => d.webhook);
  if (c.department) return withHook.filter((d) => d.id === c.department);
  if (event === 'overdue') return withHook.filter((d) => d.domains.includes(c.domain));
  return [];
}

export function deliveriesFor(c: Case, event: string, departments: readonly Department[], now: number): WebhookDelivery[] {
  if (!(NOTIFIED_EVENTS as readonly string[]).includes(event)) return [];
  return recipients(c, event, departments).map((d) => {
    const id = deliveryId(now);
    const body = JSON.stringify({ id, event, at: toIso(now), case: caseSummary(c) });
    return { id, department: d.id, url: d.webhook!, event, body, state: 'pending', attempts: 0, nextAt: now, createdAt: now };
  });
}
