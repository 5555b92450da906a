import type { Alarm, Case, PlanStep, TimelineEntry } from '../../api/types';

/** The case's alarms as objects (a case may list alarm ids only). */
export function caseAlarms(c: Case): Alarm[] {
  return (c.alarms ?? []).filter((a): a is Alarm => typeof a === 'object' && a !== null);
}

/** Sensors involved: named by the case, else those of its alarms, hazard alarms first. */
export function involvedSensors(c: Case): string[] {
  const ids = [...(c.sensors ?? [])];
  for (const a of caseAlarms(c).sort((x, y) => x.level - y.level)) if (!ids.includes(a.sensor)) ids.push(a.sensor);
  return ids;
}

export function planSteps(c: Case): PlanStep[] {
  return c.plan?.steps ?? [];
}

export const entryTime = (e: TimelineEntry) => e.at;

/** Impact counts whether the server sends lists or numbers. */
export function impactCounts(c: Case): { population?: number; assets?: number; facilities?: number } | null {
  const i = c.impact;
  if (!i) return null;
  const count = (v: unknown) => (Array.isArray(v) ? v.length : typeof v === 'number' ? v : undefined);
  return {
    population: i.population ?? i.affected?.population,
    assets: count(i.affected?.assets ?? i.assets),
    facilities: count(i.affected?.facilities ?? i.facilities),
  };
}
