/** Time is a value: the core asks this port, never Date.now(), so replays and tests are exact. */
export interface Clock {
  now(): number;
  /** Call `fn` after `ms` of this clock's time; returns a cancel function. */
  schedule(ms: number, fn: () => void): () => void;
}
