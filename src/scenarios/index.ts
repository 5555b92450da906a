/**
 * Assessment as a platform service (issue 6): the city's network models built once from the
 * registered assets (CityModels), scenarios run and saved (ScenarioService), every case's impact
 * assessed as it opens or escalates (CaseImpactAssessor). The models themselves are src/assess.
 */
export { CityModels, citySnapshot, ASSESS_SETTING, BASEMAP_SETTING, DEPENDENCIES_SETTING, type AssessSettings, type CitySnapshot } from './city-models.js';
export { ScenarioService, scenarioId } from './service.js';
export { CaseImpactAssessor, type CaseImpactOptions } from './case-impact.js';
export { parseScenario, SCENARIO_KINDS, type ScenarioExtras, type ScenarioInput, type ScenarioKind } from './params.js';
export { compareScenarios } from './compare.js';
export { runScenario } from './run-scenario.js';
export { parseDependencyGraph } from './dependencies.js';
export { assessCase } from './case-model.js';
export { impactArea } from './area.js';
export { assessRadius, RADIUS_BY_LEVEL } from './radius-impact.js';
export { ForecastService, type ForecastResult, type ForecastServiceOptions } from './forecast-service.js';
export { parseForecast, type ForecastInput } from './forecast-params.js';
export { isForecastCase, forecastSystemOf } from './forecast-case.js';
