import type { Hyetograph } from './hyetograph.js';
import type { StormFormula } from './storm-intensity.js';

/** The rain an assessment runs on. */
export type StormInput =
  /** A design storm: the city's formula (Hefei by default) in the Chicago pattern. */
  | { readonly returnPeriodYears: number; readonly durationMin: number; readonly formula?: StormFormula; readonly peakRatio?: number; readonly stepMin?: number }
  /** A forecast or measured series of intensities. */
  | { readonly intensityMmPerHour: readonly number[]; readonly stepMin: number; readonly label?: string }
  /** A hyetograph as it is (for example a SWMM file's own rain gauge). */
  | { readonly hyetograph: Hyetograph; readonly label?: string };

export interface RainstormOptions {
  /** Routing step, s. Default 60. */
  readonly stepS?: number;
  /** Minutes to keep routing after the rain stops. Default 60. */
  readonly tailMin?: number;
  /** Water already in manholes, m (from live level gauges): the storm lands on a wet network. */
  readonly initialDepthM?: ReadonlyMap<string, number>;
  /** Flow the sewers already carry, m³/s per node, for the whole run (from live levels: see live-state.ts). */
  readonly baseInflowM3s?: ReadonlyMap<string, number>;
  /** How far flood water runs to a lower low point, m. Default 300. */
  readonly overlandReachM?: number;
  /** Ponding depths (cm) for levels 4, 3, 2, 1. Default 15 (waterlogged road, GB 51222-2017), 27 (close to traffic), 40, 50. */
  readonly pondingLevelsCm?: readonly [number, number, number, number];
  /** Distance from flooding within which people, roads and facilities count as affected, m. Default 100. */
  readonly reachM?: number;
}
