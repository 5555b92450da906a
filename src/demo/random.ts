/**
 * Deterministic randomness for the demo. Nothing here reads the clock or Math.random, so the same
 * seed always builds the same city and the same telemetry.
 */

/** A sequential pseudo-random stream (mulberry32: tiny, fast, good enough for synthetic data). */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number;
  /** Integer uniform in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Normally distributed (Box–Muller). */
  normal(mean: number, sd: number): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    range: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    normal: (mean, sd) => mean + sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
  return random;
}

/** FNV-1a, 32 bits: turns a label into a number for seeding. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seed for one part of the city, so changing one builder does not reshuffle the others. */
export function deriveSeed(seed: number, label: string): number {
  return mix32(hashString(label) ^ Math.imul(seed >>> 0, 0x9e3779b1));
}

/** The murmur3 finaliser: a good 32-bit avalanche. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * A stateless hash of three integers to [0, 1): the value of "random" at a coordinate
 * (seed, stream, slot). Readings use it so a value depends only on (sensor, time), not on call order.
 * Integers beyond 32 bits are folded in by their high part.
 */
export function unitHash(a: number, b: number, c: number): number {
  let h = mix32((a >>> 0) ^ 0x27d4eb2d);
  h = mix32(h ^ (b >>> 0) ^ Math.imul(Math.floor(b / 4294967296), 0x165667b1));
  h = mix32(h ^ (c >>> 0) ^ Math.imul(Math.floor(c / 4294967296), 0x165667b1));
  return h / 4294967296;
}

/** A standard normal deviate at a coordinate, stateless. */
export function gaussianHash(a: number, b: number, c: number): number {
  const u = unitHash(a, b, c);
  const v = unitHash(a ^ 0x5bd1e995, b, c);
  return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Smooth value noise in [-1, 1] along time: hashed values at multiples of `periodMs`, eased
 * between. Slow drifts (weather, sensor drift) without keeping any state.
 */
export function smoothNoise(a: number, b: number, ts: number, periodMs: number): number {
  const x = ts / periodMs;
  const i = Math.floor(x);
  const f = x - i;
  const ease = f * f * (3 - 2 * f);
  const v0 = unitHash(a, b, i) * 2 - 1;
  const v1 = unitHash(a, b, i + 1) * 2 - 1;
  return v0 + (v1 - v0) * ease;
}
