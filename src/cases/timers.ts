import type { Case } from '../domain/index.js';
import { SELF_CLEARABLE, allAlarmsClear, isFinalState } from '../domain/index.js';
import type { Clock } from '../ports/index.js';

export interface TimerActions {
  overdue(caseId: string): Promise<unknown>;
  selfClear(caseId: string): Promise<unknown>;
}

/**
 * The SLA and self-clear timers of active cases, on the injected clock. Deadlines live in the cases
 * themselves, so after a restart `track`ing every active case again restores every timer (one already
 * past fires at once).
 */
export class CaseTimers {
  private readonly timers = new Map<string, (() => void)[]>();

  constructor(private readonly clock: Clock, private readonly actions: TimerActions, private readonly selfClearMs: number, private readonly onError: (e: unknown) => void) {}

  track(c: Case): void {
    this.cancel(c.id);
    if (isFinalState(c.state)) return;
    const now = this.clock.now();
    const cancels: (() => void)[] = [];
    const { milestone, due } = c.sla;
    if (milestone && due !== null && c.sla.escalated[milestone] === undefined) {
      cancels.push(this.clock.schedule(Math.max(0, due - now), () => void this.actions.overdue(c.id).catch(this.onError)));
    }
    if (SELF_CLEARABLE.includes(c.state) && c.clearSince !== undefined && allAlarmsClear(c)) {
      cancels.push(this.clock.schedule(Math.max(0, c.clearSince + this.selfClearMs - now), () => void this.actions.selfClear(c.id).catch(this.onError)));
    }
    if (cancels.length) this.timers.set(c.id, cancels);
  }

  cancel(id: string): void {
    for (const cancel of this.timers.get(id) ?? []) cancel();
    this.timers.delete(id);
  }

  stop(): void {
    for (const id of [...this.timers.keys()]) this.cancel(id);
  }

  get size(): number {
    return this.timers.size;
  }
}
