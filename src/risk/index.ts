/**
 * City risk assessment (风险评估): pure functions over data passed in — no I/O, no clock.
 *
 *   const model = new RiskModel({ assets, at, populationGrid, roads, districts, history, sensors, works });
 *   assetRisk(model, model.indexOf('G-P-0050')!)          // L, C, R, level and every factor
 *   model.applyCase({ id, assets, level, class }, true)  // an open case raises its assets and zones
 *   zoneFeatures(model, 'h3', { res: 8 })                // the four-colour map
 *   renewalList(model)                                   // pipes by risk reduced per unit cost
 *
 * Method, weights and sources: docs/risk.md.
 */
export { DEFAULT_RISK_CONFIG, riskConfig, type RiskConfig, type RiskConfigOverride, type LikelihoodWeights, type ConsequenceWeights } from './config.js';
export { RISK_LEVEL_NAMES, riskLevel } from './levels.js';
export { MATERIALS, normaliseMaterial, type Material } from './materials.js';
export { LIKELIHOOD_FACTORS, CONSEQUENCE_FACTORS } from './factors.js';
export type { RiskInput, OpenCase, HistoryEvent, ConditionReport, Works, SensorHealth } from './input.js';
export { RiskModel, type Zone, type ZoneChange, type AssetFacts } from './model.js';
export { assetRisk, type AssetRisk, type FactorView } from './explain.js';
export { zoneFeatures, zoneFeature, hexagon, type ZoneFeature, type ZoneCollection } from './zones.js';
export { renewalList, renewalCsv, renewalGeoJson, renewalCost, pipeLength, type RenewalItem } from './renewal.js';
export { servicePopulation, type ServiceInput, type ServiceResult } from './network.js';
