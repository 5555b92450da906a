import type { Case, Domain } from '../domain/index.js';
import { isFinalState } from '../domain/index.js';

/**
 * The active (not final) cases, in memory, kept by the case service as it commits each change:
 * grouping asks for them on every alarm event, and reading them back from the store each time
 * cost more than detection itself. Loaded from the store at start, so a restart loses nothing.
 */
export class ActiveCaseIndex {
  private readonly byDomain = new Map<Domain, Map<string, Case>>();

  /** Record a case's newest state; a final state takes it out. An older version never replaces a newer one. */
  put(c: Case): void {
    let cases = this.byDomain.get(c.domain);
    const known = cases?.get(c.id);
    if (known && known.version > c.version) return;
    if (isFinalState(c.state)) {
      cases?.delete(c.id);
      return;
    }
    if (!cases) this.byDomain.set(c.domain, (cases = new Map()));
    cases.set(c.id, c);
  }

  /** The domain's active cases (a snapshot: later changes do not alter it). */
  list(domain: Domain): Case[] {
    return [...(this.byDomain.get(domain)?.values() ?? [])];
  }

  get size(): number {
    let n = 0;
    for (const cases of this.byDomain.values()) n += cases.size;
    return n;
  }
}
