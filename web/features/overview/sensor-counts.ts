import type { SensorPositions } from '../../api/types';

export interface SensorCounts {
  online: number;
  total: number;
  /** [domain, counts], most sensors first. */
  byDomain: [string, { total: number; online: number }][];
}

/** Sensors online, in all and per lifeline, from the positions' status and domain columns. */
export function sensorCounts(p: SensorPositions | undefined): SensorCounts {
  if (!p) return { online: 0, total: 0, byDomain: [] };
  const onlineCode = p.statuses.indexOf('online');
  const per = p.domains.map(() => ({ total: 0, online: 0 }));
  let online = 0;
  for (let i = 0; i < p.count; i++) {
    const e = per[p.domain[i]!]!;
    e.total++;
    if (p.status[i] === onlineCode) { e.online++; online++; }
  }
  const byDomain = p.domains.map((d, i): [string, { total: number; online: number }] => [d, per[i]!]).sort((a, b) => b[1].total - a[1].total);
  return { online, total: p.count, byDomain };
}
