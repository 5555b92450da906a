import type { ListOptions, Page } from './page.js';

/**
 * A scenario run (情景): what was asked and what the assessment answered, kept so planners can
 * come back to it and compare runs. `impact` is the assessment's result (src/assess Impact) as JSON.
 */
export interface StoredScenario {
  readonly id: string;
  readonly kind: string;
  readonly name?: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly createdAt: number;
  readonly createdBy: string;
  /** When the scenario happens, epoch ms, if not when it was run. */
  readonly at?: number;
  readonly impact: unknown;
}

export interface ScenarioRepository {
  get(id: string): Promise<StoredScenario | undefined>;
  /** Newest first (ids sort by creation time): the cursor is the last id of the page. */
  list(options: ListOptions & { readonly kind?: string }): Promise<Page<StoredScenario>>;
}
