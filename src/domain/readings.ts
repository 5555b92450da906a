/** One value of one sensor at one time (epoch milliseconds), in the quantity's canonical unit. */
export interface Reading {
  readonly sensor: string;
  readonly ts: number;
  readonly value: number;
}

/**
 * A batch of readings in columns, keyed by the sensors' store keys: the shape readings take
 * on the hot path from ingest to the store and the bus (cheap to build, to copy and to send to a worker).
 */
export interface ReadingBatch {
  readonly length: number;
  readonly key: Int32Array;
  readonly ts: Float64Array;
  readonly value: Float64Array;
}

export function emptyBatch(capacity: number): { key: Int32Array; ts: Float64Array; value: Float64Array } {
  return { key: new Int32Array(capacity), ts: new Float64Array(capacity), value: new Float64Array(capacity) };
}

/** Aggregation steps for range queries. */
export const STEPS = { '1m': 60_000, '5m': 300_000, '1h': 3_600_000, '1d': 86_400_000 } as const;
export type Step = keyof typeof STEPS;

export function isStep(value: unknown): value is Step {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(STEPS, value);
}

export interface AggregatePoint {
  readonly ts: number;
  readonly min: number;
  readonly max: number;
  readonly avg: number;
  readonly count: number;
}
