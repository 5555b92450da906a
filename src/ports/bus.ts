/**
 * The bus carries messages between stages. Every queue is bounded: `publish` resolves only when each
 * subscriber has room (backpressure). A subscriber that may lose messages (a throttled live view)
 * says so with `overflow: 'drop-oldest'`; it never blocks publishers.
 */
export interface SubscribeOptions {
  /** Queue capacity in messages (default 1,024). */
  readonly capacity?: number;
  readonly overflow?: 'block' | 'drop-oldest';
  /** For logs and metrics. */
  readonly name?: string;
}

export interface Subscription {
  /** Messages waiting in this subscriber's queue. */
  readonly pending: number;
  /** Messages dropped (only with overflow 'drop-oldest'). */
  readonly dropped: number;
  unsubscribe(): void;
}

export type Handler<T> = (message: T) => void | Promise<void>;

export interface Bus {
  readonly kind: string;
  publish<T>(topic: string, message: T): Promise<void>;
  subscribe<T>(topic: string, handler: Handler<T>, options?: SubscribeOptions): Subscription;
  /** Wait until every queue is empty and every handler has returned. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** Topics of the core. */
export const TOPICS = {
  readings: 'readings',
  alarm: 'alarm',
  case: 'case',
} as const;
