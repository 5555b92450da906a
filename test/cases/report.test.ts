import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/index.js';
import { dailyReport, dayWindow, stats } from '../../src/cases/report.js';

const DAY = dayWindow('2026-11-25', 480)!;
const MIN = 60_000;

function c(id: string, over: Partial<Case>): Case {
  return {
    id, class: 'hazard', state: 'closed', level: 2, domain: 'gas', title: id, asset: 'a', assets: ['a'], alarms: [], openedAt: DAY.from + 3600_000,
    updatedAt: DAY.from, sla: { milestone: null, due: null, escalated: {} }, warnings: [], timeline: [], version: 1, ...over,
  };
}

describe('the duty report', () => {
  it('uses the duty day at the UTC offset', () => {
    expect(new Date(DAY.from).toISOString()).toBe('2026-11-24T16:00:00.000Z');
  });

  it('computes median and nearest-rank p90', () => {
    expect(stats([])).toEqual({ count: 0, median: null, p90: null });
    expect(stats([5, 1, 3])).toEqual({ count: 3, median: 3, p90: 5 });
    expect(stats([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ count: 10, median: 5.5, p90: 9 });
  });

  it('counts by domain, level and state and measures response times on a known history', () => {
    const o = DAY.from + 3600_000;
    const cases = [
      c('C1', { openedAt: o, assessedAt: o + 1 * MIN, dispatchedAt: o + 4 * MIN, acceptedAt: o + 10 * MIN, resolvedAt: o + 60 * MIN }),
      c('C2', { openedAt: o, assessedAt: o + 3 * MIN, dispatchedAt: o + 8 * MIN, level: 1 }),
      c('C3', { openedAt: o, assessedAt: o + 2 * MIN, state: 'dismissed', domain: 'water' }),
      c('C4', { openedAt: o, state: 'open', domain: 'water', level: 3, sla: { milestone: 'assess', due: o + 30 * MIN, escalated: { assess: o + 30 * MIN } } }),
    ];
    const r = dailyReport(cases, '2026-11-25', '+08:00', DAY, DAY.to);
    expect(r.cases).toBe(4);
    expect(r.byDomain).toEqual({ gas: 2, water: 2 });
    expect(r.byLevel).toEqual({ 1: 1, 2: 2, 3: 1 });
    expect(r.byState).toEqual({ closed: 2, dismissed: 1, open: 1 });
    expect(r.responseTimes.assess).toEqual({ count: 3, median: 120, p90: 180 });
    expect(r.responseTimes.dispatch).toEqual({ count: 2, median: 360, p90: 480 });
    expect(r.responseTimes.accept).toEqual({ count: 1, median: 600, p90: 600 });
    expect(r.responseTimes.resolve).toEqual({ count: 1, median: 3600, p90: 3600 });
    expect(r.overdue).toEqual([{ id: 'C4', title: 'C4', level: 3, domain: 'water', state: 'open', milestones: ['assess'] }]);
  });
});
