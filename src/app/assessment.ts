import type { Logger } from 'pino';
import type { Bus, Clock, Store } from '../ports/index.js';
import type { CaseService } from '../cases/service.js';
import { ASSESS_SETTING, BASEMAP_SETTING, CaseImpactAssessor, CityModels, DEPENDENCIES_SETTING, ForecastService, ScenarioService } from '../scenarios/index.js';

export interface Assessment {
  readonly models: CityModels;
  readonly scenarios: ScenarioService;
  readonly caseImpact: CaseImpactAssessor;
  /** Rainfall forecasts against the live network: pre-warning cases before the rain. */
  readonly forecasts: ForecastService;
  stop(): Promise<void>;
}

const MODEL_SETTINGS = new Set([ASSESS_SETTING, BASEMAP_SETTING, DEPENDENCIES_SETTING]);

/**
 * The store as the rest of the platform sees it, telling `changed` whenever the models' inputs
 * change (assets, the basemap, the assessment settings), by whatever path: the API, the demo, an import.
 */
export function watchModelInputs<S extends Store>(store: S, changed: () => void): S {
  return {
    ...store,
    assets: { ...store.assets, upsert: async (list) => { await store.assets.upsert(list); changed(); } },
    settings: {
      get: (key) => store.settings.get(key),
      set: async (key, value) => { await store.settings.set(key, value); if (MODEL_SETTINGS.has(key)) changed(); },
    },
  };
}

/**
 * Impact assessment in the platform: models built from the store and EPANET loaded in the
 * background at start; every case assessed as it opens or escalates; scenarios on demand.
 */
export function startAssessment(o: { store: Store; models: CityModels; bus: Bus; clock: Clock; cases: CaseService; log: Logger }): Assessment {
  const { models, log } = o;
  const scenarios = new ScenarioService({ store: o.store, clock: o.clock, models });
  const caseImpact = new CaseImpactAssessor({
    bus: o.bus, models,
    setImpact: (id, impact) => o.cases.setImpact(id, impact),
    onError: (e, id) => log.warn({ err: e, case: id }, 'assessing a case\'s impact failed'),
  });
  caseImpact.start();
  const forecasts = new ForecastService({ store: o.store, clock: o.clock, models, cases: o.cases, setImpact: (id, impact) => o.cases.setImpact(id, impact) });
  models.warm().catch((e: unknown) => log.warn({ err: e }, 'building the assessment models failed; they are built on first use'));
  return { models, scenarios, caseImpact, forecasts, stop: () => caseImpact.stop() };
}
