import type { Asset, Geometry } from '../domain/index.js';
import type { ContextFeatureCollection } from '../assess/context.js';

/** A past hazard case or leak on an asset (leak and alarm history). */
export interface HistoryEvent {
  readonly asset: string;
  readonly at: number;
}

/** An inspection's condition grade: 1 good … 4 very poor (CJJ 181 structural grades I–IV). */
export interface ConditionReport {
  readonly asset: string;
  readonly grade: 1 | 2 | 3 | 4;
  readonly at: number;
}

/** Construction nearby (third-party works, 第三方施工): active between `from` and `to`. */
export interface Works {
  readonly id: string;
  readonly geometry: Geometry;
  readonly from?: number;
  readonly to?: number;
  /** Assets within this distance count as near (m, default 50). */
  readonly radiusM?: number;
  readonly name?: string;
}

/** A sensor's health as the scorer sees it. */
export interface SensorHealth {
  readonly asset: string;
  readonly healthy: boolean;
}

/** Everything the full computation looks at, all passed in as data; `at` is the time of the assessment. */
export interface RiskInput {
  readonly assets: readonly Asset[];
  readonly at: number;
  readonly populationGrid?: ContextFeatureCollection;
  readonly roads?: ContextFeatureCollection;
  /** Districts (片区) to aggregate to; the H3 grid is always there. */
  readonly districts?: ContextFeatureCollection;
  readonly sensors?: readonly SensorHealth[];
  readonly history?: readonly HistoryEvent[];
  readonly conditions?: readonly ConditionReport[];
  readonly works?: readonly Works[];
}

/** An open case as it raises risk: its assets and level; device cases only count for sensor health. */
export interface OpenCase {
  readonly id: string;
  readonly assets: readonly string[];
  readonly level: 1 | 2 | 3 | 4;
  readonly class: 'hazard' | 'device';
}
