import type { Case, Domain, Level, CaseState, SlaMilestone } from '../domain/index.js';
import { toIso } from '../domain/index.js';

/** Response-time figures of one milestone, in seconds. */
export interface DurationStats {
  readonly count: number;
  readonly median: number | null;
  readonly p90: number | null;
}

export interface DailyReport {
  readonly date: string;
  readonly utcOffset: string;
  readonly from: string;
  readonly to: string;
  readonly generatedAt: string;
  readonly cases: number;
  readonly byDomain: Partial<Record<Domain, number>>;
  readonly byLevel: Partial<Record<Level, number>>;
  readonly byState: Partial<Record<CaseState, number>>;
  /** Seconds from opening to assessed, dispatched, accepted, resolved. */
  readonly responseTimes: Readonly<Record<SlaMilestone, DurationStats>>;
  readonly overdue: readonly { id: string; title: string; level: Level; domain: Domain; state: CaseState; milestones: SlaMilestone[] }[];
}

/** The median (mean of the middle two when even) and the nearest-rank 90th percentile. */
export function stats(values: readonly number[]): DurationStats {
  if (values.length === 0) return { count: 0, median: null, p90: null };
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  const p90 = v[Math.ceil(0.9 * v.length) - 1]!;
  return { count: v.length, median, p90 };
}

/** "+08:00" → minutes. */
export function parseUtcOffset(text: string): number | undefined {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return minutes > 14 * 60 ? undefined : (m[1] === '-' ? -1 : 1) * minutes;
}

/** The duty day [from, to) of a date at a UTC offset (the duty day in China runs on UTC+8). */
export function dayWindow(date: string, offsetMinutes: number): { from: number; to: number } | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const midnight = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(midnight)) return undefined;
  const from = midnight - offsetMinutes * 60_000;
  return { from, to: from + 86_400_000 };
}

const MILESTONE_FIELD = { assess: 'assessedAt', dispatch: 'dispatchedAt', accept: 'acceptedAt', resolve: 'resolvedAt' } as const;

/** The duty report (值班日报) over the cases opened in the window. */
export function dailyReport(cases: readonly Case[], date: string, utcOffset: string, window: { from: number; to: number }, now: number): DailyReport {
  const count = <K extends string | number>(key: (c: Case) => K) => {
    const out: Partial<Record<K, number>> = {};
    for (const c of cases) out[key(c)] = (out[key(c)] ?? 0) + 1;
    return out;
  };
  const responseTimes = Object.fromEntries((Object.keys(MILESTONE_FIELD) as SlaMilestone[]).map((m) => {
    const secs = cases.flatMap((c) => { const at = c[MILESTONE_FIELD[m]]; return at === undefined ? [] : [(at - c.openedAt) / 1000]; });
    return [m, stats(secs)];
  })) as Record<SlaMilestone, DurationStats>;
  const overdue = cases.flatMap((c) => {
    const milestones = Object.keys(c.sla.escalated) as SlaMilestone[];
    if (c.sla.milestone && c.sla.due !== null && c.sla.due <= now && !milestones.includes(c.sla.milestone)) milestones.push(c.sla.milestone);
    return milestones.length ? [{ id: c.id, title: c.title, level: c.level, domain: c.domain, state: c.state, milestones }] : [];
  });
  return {
    date, utcOffset, from: toIso(window.from), to: toIso(window.to), generatedAt: toIso(now), cases: cases.length,
    byDomain: count((c) => c.domain), byLevel: count((c) => c.level), byState: count((c) => c.state), responseTimes, overdue,
  };
}
