import type { Case } from '../../api/types';
import { isActive, isOverdue, openedAt, toMs } from '../cases/case-order';

const DAY = 86_400_000;

export interface CaseStats {
  active: number;
  byLevel: Record<number, number>;
  byDomain: Record<string, number>;
  overdue: number;
  handledToday: number;
  /** Cases opened on each of the last 7 days (local days), oldest first. */
  week: { day: number; opened: number; closed: number }[];
}

const startOfDay = (t: number) => { const d = new Date(t); d.setHours(0, 0, 0, 0); return d.getTime(); };

export function caseStats(cases: readonly Case[], now = Date.now()): CaseStats {
  const today = startOfDay(now);
  const week = Array.from({ length: 7 }, (_, i) => ({ day: today - (6 - i) * DAY, opened: 0, closed: 0 }));
  const s: CaseStats = { active: 0, byLevel: { 1: 0, 2: 0, 3: 0, 4: 0 }, byDomain: {}, overdue: 0, handledToday: 0, week };
  for (const c of cases) {
    const opened = openedAt(c);
    const w = week.find((d) => opened >= d.day && opened < d.day + DAY);
    if (w) w.opened++;
    const finished = !isActive(c) || c.state === 'resolved';
    const updated = toMs(c.updatedAt);
    if (finished) {
      const wc = week.find((d) => updated >= d.day && updated < d.day + DAY);
      if (wc) wc.closed++;
      if (updated >= today) s.handledToday++;
    }
    if (!isActive(c)) continue;
    s.active++;
    s.byLevel[c.level] = (s.byLevel[c.level] ?? 0) + 1;
    s.byDomain[c.domain] = (s.byDomain[c.domain] ?? 0) + 1;
    if (isOverdue(c, now)) s.overdue++;
  }
  return s;
}
