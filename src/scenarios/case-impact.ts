import type { Case, CaseChange } from '../domain/index.js';
import type { Bus, Subscription } from '../ports/index.js';
import { TOPICS } from '../ports/index.js';
import type { CityModels } from './city-models.js';
import { impactArea } from './area.js';
import { assessCase } from './case-model.js';
import { isForecastCase } from './forecast-case.js';

export interface CaseImpactOptions {
  readonly bus: Bus;
  readonly models: CityModels;
  /** Store the impact with the case (CaseService.setImpact). */
  readonly setImpact: (id: string, impact: unknown) => Promise<unknown>;
  readonly onError?: (e: unknown, caseId: string) => void;
  /** After each case is assessed (or found to need none): for tests and benchmarks. */
  readonly onAssessed?: (caseId: string, ms: number) => void;
  /** performance.now or the like, for onAssessed. */
  readonly elapsed?: () => number;
}

/**
 * Assess every case as it opens or escalates and store the impact with it (研判 at a glance).
 * The bus handler only queues the case, so publishing a case never waits on a model; one case is
 * assessed at a time, and a case queued twice before its turn is assessed once, on its latest state.
 */
export class CaseImpactAssessor {
  private readonly queue = new Map<string, { c: Case; trigger: string; queuedAt: number }>();
  private running: Promise<void> | undefined;
  private sub: Subscription | undefined;

  constructor(private readonly o: CaseImpactOptions) {}

  start(): void {
    this.sub ??= this.o.bus.subscribe<CaseChange>(TOPICS.case, (change) => this.onChange(change), { name: 'case-impact', capacity: 4096 });
  }

  stop(): Promise<void> {
    this.sub?.unsubscribe();
    this.sub = undefined;
    this.queue.clear();
    return this.idle();
  }

  /** Resolves when nothing is queued or being assessed. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  onChange(change: CaseChange): void {
    const c = change.case;
    // Only a new case or a worse level changes what is at risk; 'impact' is our own change.
    if (!c || c.class !== 'hazard' || !(change.type === 'opened' || change.action === 'escalate')) return;
    // A forecast pre-warning carries the forecast storm's own impact (ForecastService).
    if (isForecastCase(c)) return;
    const now = this.o.elapsed?.() ?? 0;
    this.queue.set(c.id, { c, trigger: change.type === 'opened' ? 'open' : 'escalate', queuedAt: this.queue.get(c.id)?.queuedAt ?? now });
    this.running ??= this.drain().finally(() => { this.running = undefined; });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const next = this.queue.entries().next();
      if (next.done) return;
      const [id, { c, trigger, queuedAt }] = next.value;
      this.queue.delete(id);
      try {
        await this.assess(c, trigger);
      } catch (e) {
        this.o.onError?.(e, id);
      }
      this.o.onAssessed?.(id, (this.o.elapsed?.() ?? 0) - queuedAt);
    }
  }

  private async assess(c: Case, trigger: string): Promise<void> {
    const city = await this.o.models.get();
    const result = await assessCase(city, c);
    if (!result) return;
    const { impact, model, centre, fallback } = result;
    await this.o.setImpact(c.id, { ...impact, model, trigger, level: c.level, area: impactArea(impact, centre), ...(fallback ? { fallback } : {}) });
  }
}
