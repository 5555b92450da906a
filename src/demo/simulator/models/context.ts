import type { Asset } from '../../../domain/index.js';
import type { NewSensor } from '../../../ports/store.js';
import { gaussianHash, hashString, smoothNoise, unitHash } from '../../random.js';
import type { World } from '../world.js';

/** A sensor's normal behaviour: its value at a time, before incidents, unclamped. */
export type Model = (ts: number) => number;

/** What a model may use: the sensor, its asset, the shared world, and randomness keyed to the sensor. */
export interface ModelContext {
  readonly sensor: NewSensor;
  readonly asset: Asset | undefined;
  readonly world: World;
  /** A number property of the sensor (or of its asset), or the fallback. */
  prop(name: string, fallback: number): number;
  /** Gaussian measurement noise for the reading at ts (independent per reading). */
  noise(ts: number, sd: number): number;
  /** A uniform draw in [0, 1) for the reading at ts, on a named stream. */
  chance(ts: number, stream: number): number;
  /** Slow smooth drift in [-amplitude, amplitude] with the given period. */
  drift(ts: number, periodMs: number, amplitude: number, stream?: number): number;
  /** A constant of this sensor in [lo, hi): its personality (offset, gain …). */
  constant(stream: number, lo: number, hi: number): number;
  /** A constant of the asset in [lo, hi), the same for all its sensors (e.g. a cable's loading). */
  assetConstant(stream: number, lo: number, hi: number): number;
}

export type ModelFactory = (ctx: ModelContext) => Model;

export function createContext(sensor: NewSensor, asset: Asset | undefined, world: World): ModelContext {
  const key = hashString(sensor.id) ^ world.seed;
  return {
    sensor,
    asset,
    world,
    prop(name, fallback) {
      const v = sensor.properties[name] ?? asset?.properties[name];
      return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
    },
    noise: (ts, sd) => sd * gaussianHash(key, Math.floor(ts / 1000), 0x9017),
    chance: (ts, stream) => unitHash(key ^ stream, Math.floor(ts / 1000), 0xc4a1),
    drift: (ts, periodMs, amplitude, stream = 0) => amplitude * smoothNoise(key ^ stream, 0xd21f, ts, periodMs),
    constant: (stream, lo, hi) => lo + (hi - lo) * unitHash(key, stream, 0xc0de),
    assetConstant: (stream, lo, hi) => lo + (hi - lo) * unitHash(hashString(sensor.asset) ^ world.seed, stream, 0xa55e),
  };
}
