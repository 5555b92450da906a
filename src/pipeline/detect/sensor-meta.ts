import type { Domain, Quantity } from '../../domain/index.js';

/**
 * What detection needs to know about a sensor: a subset of the registered `Sensor`, so the live
 * server passes its sensors as they are and a replay makes one from a CSV column and `--quantity`.
 */
export interface SensorMeta {
  readonly id: string;
  readonly quantity: Quantity;
  readonly domain?: Domain;
  readonly asset?: string;
  /** Expected seconds between readings; learned from the data when absent. */
  readonly intervalS?: number;
  /** Kind-specific facts, e.g. a bridge gauge's `designLiveLoadUe` (design live-load strain, με). */
  readonly properties?: Readonly<Record<string, unknown>>;
}
