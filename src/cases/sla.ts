import type { Case, CaseState, Level, SlaMilestone, CaseSla } from '../domain/index.js';

/** How long (ms) from a case opening until each milestone, per level. */
export type SlaPolicy = Readonly<Record<Level, Readonly<Record<SlaMilestone, number>>>>;

const MIN = 60_000;
const HOUR = 60 * MIN;

/**
 * Defaults (docs/cases.md): red must be assessed within 5 min and dispatched within 10, as a
 * monitoring centre's duty rules ask for a 特别严重 warning; milder levels get more time.
 */
export const DEFAULT_SLA: SlaPolicy = {
  1: { assess: 5 * MIN, dispatch: 10 * MIN, accept: 20 * MIN, resolve: 4 * HOUR },
  2: { assess: 10 * MIN, dispatch: 20 * MIN, accept: 40 * MIN, resolve: 8 * HOUR },
  3: { assess: 30 * MIN, dispatch: 60 * MIN, accept: 2 * HOUR, resolve: 24 * HOUR },
  4: { assess: 60 * MIN, dispatch: 4 * HOUR, accept: 8 * HOUR, resolve: 72 * HOUR },
};

/** The next milestone a case in this state has to reach. */
export function milestoneOf(state: CaseState): SlaMilestone | null {
  switch (state) {
    case 'open': return 'assess';
    case 'assessing':
    case 'confirmed': return 'dispatch';
    case 'dispatched': return 'accept';
    case 'in_progress': return 'resolve';
    default: return null;
  }
}

/** The SLA of a case after a change: the next milestone and its deadline, keeping past escalations. */
export function slaFor(c: Pick<Case, 'state' | 'level' | 'openedAt' | 'reopenedAt'> & { sla?: CaseSla }, policy: SlaPolicy): CaseSla {
  const milestone = milestoneOf(c.state);
  const base = c.reopenedAt ?? c.openedAt;
  return { milestone, due: milestone ? base + policy[c.level][milestone] : null, escalated: c.sla?.escalated ?? {} };
}
