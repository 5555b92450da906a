/**
 * Rapid impact assessment (影响评估) and scenarios: pure models over data passed in — no I/O,
 * no clock. Every assessment returns the same Impact shape (DESIGN.md):
 *
 *   const net = waterNetworkFromAssets(city.assets, { patterns: { DIURNAL } });
 *   const impact = await assessWaterBurst(net, { pipe: 'W-P-0074' }, { assets, populationGrid, at });
 *
 *   assessRainstorm(drainageNetworkFromAssets(assets), { returnPeriodYears: 100, durationMin: 120 }, context)
 *   assessGasLeak({ asset: 'G-P-0050', holeMm: 20 }, context)
 *   assessOutage(dependenciesFromAssets(assets), { asset: 'PW-SS-1' }, context)
 *
 * Methods, formulas and their sources: docs/assessment.md.
 */
export type { Impact, ImpactKind, Affected, AffectedAsset, AffectedFacility, ImpactAction, ImpactFeature, ImpactLayer } from './impact.js';
export type { AssessContext, ContextFeatureCollection } from './context.js';
export { FACILITY_PRIORITY, facilityPriority } from './facility-priority.js';

// Water supply
export type { WaterNetwork, Junction, Reservoir, Tank, Pipe, Pump, ControlValve, IsolationValve, WaterOptions } from './water/network.js';
export { parseInp } from './water/inp-parse.js';
export { toInp } from './water/inp-write.js';
export { waterNetworkFromAssets, type WaterFromAssetsOptions } from './water/from-assets.js';
export { assessWaterBurst, peakHour, type WaterBurstScenario, type WaterBurstOptions } from './water/burst.js';
export { solveSnapshots, runExtendedPeriod, type Snapshot, type SnapshotChange, type SnapshotOptions } from './water/hydraulics.js';
export { isolate, fallbackIfFails, type IsolationPlan, type Closure, type MissingValve, type ValvePolicy } from './water/isolation.js';
export { networkGraph, reachableFromSources } from './water/graph.js';
export { epanetWorkspace } from './water/epanet-engine.js';

// Drainage
export type { DrainageNetwork, DrainageNode, DrainageLink, Subcatchment, CrossSection, HortonParameters } from './drainage/network.js';
export { HEFEI_STORM, stormIntensityLpsHa, intensityMmPerMin, stormDepthMm, rationalFlowLps, type StormFormula } from './drainage/storm-intensity.js';
export { chicagoHyetograph, seriesHyetograph, totalDepthMm, type Hyetograph } from './drainage/hyetograph.js';
export { fullFlowCapacity, fullFlowVelocity } from './drainage/manning.js';
export { subcatchmentRunoff } from './drainage/runoff.js';
export { route, type RoutingInput, type RoutingResult } from './drainage/routing.js';
export { parseSwmm, type SwmmModel } from './drainage/swmm-parse.js';
export { drainageNetworkFromAssets, URBAN_SURFACE } from './drainage/from-assets.js';
export { assessRainstorm, type StormInput, type RainstormOptions } from './drainage/rainstorm.js';

// Gas
export { METHANE, type GasProperties } from './gas/natural-gas.js';
export { holeRelease, criticalPressureRatio, type Release, type ReleaseInput } from './gas/release.js';
export { tntEquivalentKg, overpressurePa, distanceToOverpressure, kinneyGrahamRatio } from './gas/blast.js';
export { OVERPRESSURE_THRESHOLDS } from './gas/damage.js';
export { assessGasLeak, type GasLeakScenario, type GasLeakOptions } from './gas/gas-leak.js';
export { cordonAndEvacuation } from './gas/zones.js';

// Cascades
export type { DependencyGraph, DependencyNode, DependencyEdge, DependencyKind } from './cascade/graph.js';
export { validateDependencyGraph } from './cascade/graph.js';
export { propagate, type Failure, type InitialFailure } from './cascade/propagate.js';
export { dependenciesFromAssets, BACKUP_POWER_H, ON_SITE_WATER_H } from './cascade/infer.js';
export { assessOutage, type OutageScenario, type OutageOptions } from './cascade/outage.js';
export { forecastDrainage, stormLabel, type DrainageForecast, type SystemForecast, type PredictedEffect } from './drainage/forecast.js';
export { liveStateFromLevels, withOutfallStages, type LiveLevel, type LiveState } from './drainage/live-state.js';
export { drainageSystems, type DrainageSystem } from './drainage/systems.js';
export { partialFlow } from './drainage/partial-flow.js';
