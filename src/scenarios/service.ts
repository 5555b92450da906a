import { LifelineError } from '../domain/index.js';
import type { Clock, ListOptions, Page, Store, StoredScenario } from '../ports/index.js';
import type { CityModels } from './city-models.js';
import { parseScenario } from './params.js';
import { runScenario } from './run-scenario.js';

/** Scenario ids sort by creation time (lists are newest first by id): S-YYYYMMDD-hhmmss-nnnn (UTC). */
export function scenarioId(at: number, serial: number): string {
  const iso = new Date(at).toISOString();
  return `S-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${String(serial % 10_000).padStart(4, '0')}`;
}

/** Scenarios (情景构建): check, run on the city's models, save, and read back. */
export class ScenarioService {
  private serial = Math.floor(Math.random() * 10_000);

  constructor(private readonly o: { store: Store; clock: Clock; models: CityModels }) {}

  /** Run a scenario from a request body and save it; the saved run, with its impact. */
  async run(body: unknown, actor: string): Promise<StoredScenario> {
    const input = parseScenario(body);
    const now = this.o.clock.now();
    const impact = await runScenario(await this.o.models.get(), input, input.at ?? now);
    this.serial = (this.serial + 1) % 10_000;
    const scenario: StoredScenario = {
      id: scenarioId(now, this.serial), kind: input.kind, params: input.params, createdAt: now, createdBy: actor,
      ...(input.name ? { name: input.name } : {}), ...(input.at !== undefined ? { at: input.at } : {}), impact,
    };
    await this.o.store.commit([{ op: 'scenario.put', scenario }]);
    return scenario;
  }

  async get(id: string): Promise<StoredScenario> {
    const s = await this.o.store.scenarios.get(id);
    if (!s) throw new LifelineError('not_found', `no scenario '${id}'`);
    return s;
  }

  list(options: ListOptions & { kind?: string }): Promise<Page<StoredScenario>> {
    return this.o.store.scenarios.list(options);
  }
}
