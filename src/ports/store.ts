import type { WorkflowStore } from './workflow-store.js';
import type { Asset, AssetKind, AggregatePoint, BBox, Domain, LastReading, Quantity, ReadingBatch, Sensor, SensorAdminState, Step } from '../domain/index.js';

import type { ListOptions, Page } from './page.js';
export * from './page.js';

export interface AssetQuery extends ListOptions {
  readonly domain?: Domain;
  readonly kind?: AssetKind;
  readonly bbox?: BBox;
  readonly department?: string;
}

export interface SensorQuery extends ListOptions {
  readonly domain?: Domain;
  readonly quantity?: Quantity;
  readonly asset?: string;
  readonly state?: SensorAdminState;
}

export interface AssetRepository {
  /** Insert or replace, in one transaction. */
  upsert(assets: readonly Asset[]): Promise<void>;
  get(id: string): Promise<Asset | undefined>;
  /** Ordered by id; the cursor is opaque. */
  list(query: AssetQuery): Promise<Page<Asset>>;
  count(): Promise<number>;
}

/** A sensor as given for registration: the store assigns `key`. */
export type NewSensor = Omit<Sensor, 'key'> & { readonly key?: number };

export interface SensorRepository {
  /** Insert or replace, in one transaction; an existing sensor keeps its key. Returns the stored sensors. */
  upsert(sensors: readonly NewSensor[]): Promise<Sensor[]>;
  get(id: string): Promise<Sensor | undefined>;
  list(query: SensorQuery): Promise<Page<Sensor>>;
  /** Every sensor, in key order, in pages of `batch`: used to build the in-memory registry at start. */
  scan(batch?: number): AsyncIterable<Sensor[]>;
  count(): Promise<number>;
}

export interface AppendResult {
  /** Rows newly written. */
  readonly inserted: number;
  /** Rows whose (sensor, ts) was already stored: ignored, the first value stands. */
  readonly duplicates: number;
}

export interface RetentionSettings {
  /** How long raw readings are kept, in days. */
  readonly rawDays: number;
  /** How long per-minute rollups are kept, in days. */
  readonly minuteDays: number;
  /** How long per-hour rollups are kept, in days. */
  readonly hourDays: number;
}

export const DEFAULT_RETENTION: RetentionSettings = { rawDays: 90, minuteDays: 400, hourDays: 3650 };

export interface ReadingRepository {
  /**
   * Store a batch. The promise resolves only once the rows are durable (committed, fsynced per the
   * adapter's durability setting); duplicates (same sensor key and ts) are idempotent: the first value stands.
   * Rollups (per minute and per hour: min, max, avg, count) stay consistent with the raw rows.
   */
  append(batch: ReadingBatch): Promise<AppendResult>;
  /** Raw readings of one sensor with from <= ts < to, oldest first, at most `limit`. */
  range(key: number, from: number, to: number, limit?: number): Promise<{ ts: number; value: number }[]>;
  /** Aggregates in buckets of `step` aligned to UTC, oldest first, only non-empty buckets. */
  aggregate(key: number, from: number, to: number, step: Step): Promise<AggregatePoint[]>;
  /** The last reading of every sensor that has one (by key): used to restore `last` at start. */
  lastReadings(): Promise<Map<number, LastReading>>;
  /** Drop what is older than the retention settings relative to `now`; returns rows (or chunks) dropped. */
  applyRetention(now: number, retention: RetentionSettings): Promise<{ dropped: number }>;
}

export interface SettingsRepository {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
}

/** Storage, one repository per aggregate. Every adapter passes test/contract/store.contract.ts. */
export interface Store extends WorkflowStore {
  readonly kind: string;
  readonly assets: AssetRepository;
  readonly sensors: SensorRepository;
  readonly readings: ReadingRepository;
  readonly settings: SettingsRepository;
  /** Flush everything pending and close; further calls fail. */
  close(): Promise<void>;
  /** A short description for /health, e.g. "sqlite ./data/lifeline.db". */
  describe(): string;
}
