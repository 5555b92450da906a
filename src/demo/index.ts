/**
 * The demo city and its telemetry simulator: what `lifeline demo` serves.
 *
 *   const city = buildDemoCity();                       // departments, assets, sensors, basemap
 *   const sim = createSimulator({ city, start: now });  // readings with scripted incidents
 *   setInterval(() => ingest(sim.tick(clock.now())), 1000);
 */
export { buildDemoCity, toEpanetInp, DEMO_DEPARTMENTS, DEPARTMENT_IDS } from './city/index.js';
export type { Basemap, DemoCity, Feature, FeatureCollection } from './city/index.js';
export { WATER_DEMAND_PATTERN, GAS_DEMAND_PATTERN, POWER_LOAD_PATTERN, TRAFFIC_PATTERN } from './city/patterns.js';
export { createSimulator, INCIDENT_KINDS, INCIDENT_THRESHOLDS } from './simulator/index.js';
export type { Simulator, SimulatorOptions, Incident, IncidentExpectation, IncidentKind, IncidentOptions } from './simulator/index.js';
export { solveHydraulics } from './hydraulics.js';
export type { HydraulicNetwork, HydraulicSolution } from './hydraulics.js';
export { hydraulicNetwork, waterModel } from './city/water-model.js';
