import { QUANTITIES, type Reading } from '../../domain/index.js';
import type { NewSensor } from '../../ports/store.js';
import type { DemoCity } from '../city/types.js';
import { unitHash, hashString } from '../random.js';
import { createIncidentSchedule, type Incident, type IncidentOptions } from './incidents.js';
import { createContext, modelFor, type Model } from './models/index.js';
import { createWaterState } from './water-state.js';
import { createWorld } from './world.js';

export { INCIDENT_KINDS, INCIDENT_THRESHOLDS, type Incident, type IncidentExpectation, type IncidentKind, type IncidentOptions } from './incidents.js';

export interface SimulatorOptions {
  readonly city: DemoCity;
  /** Seed of the telemetry (noise, traffic, which assets incidents hit); default the city's seed. */
  readonly seed?: number;
  /** Epoch ms the simulation starts at: incidents are scheduled from here. */
  readonly start: number;
  /** Scripted incidents: timing options, or false for none (normal operation only). */
  readonly incidents?: IncidentOptions | false;
  /** At most this much history is produced by one tick after a long pause (default 15 minutes). */
  readonly maxCatchUpMs?: number;
}

export interface Simulator {
  readonly start: number;
  /** The sensors it produces readings for, in a fixed order. */
  readonly sensors: readonly NewSensor[];
  /**
   * Readings due since the previous tick (or since `start`), up to and including `now`, in time
   * order. Call it as often as you like (every second, say); each reading comes out once.
   */
  tick(now: number): Reading[];
  /** Every reading with from ≤ ts < to, in time order; stateless (e.g. to backfill history). */
  readingsBetween(from: number, to: number): Reading[];
  /** The same, in chunks of `stepMs`, for long ranges without holding them all in memory. */
  batches(from: number, to: number, stepMs?: number): Generator<Reading[]>;
  /** A sensor's value at ts (incidents included), or undefined when it is silent or unknown. */
  valueAt(sensorId: string, ts: number): number | undefined;
  /** The sensor's normal value at ts, as if no incident were happening. */
  normalAt(sensorId: string, ts: number): number | undefined;
  /** The scripted incidents starting before `until` (default: the first 24 hours). */
  incidents(until?: number): Incident[];
}

/** Decimal places kept per quantity: about what the instruments resolve. */
const DECIMALS: Partial<Record<string, number>> = {
  methane: 1, pressure: 4, flow: 1, level: 3, ponding: 1, rainfall: 1, strain: 1, displacement: 2, acceleration: 4,
  tilt: 4, crack: 3, temperature: 2, h2s: 2, oxygen: 2, noise: 1, level_ratio: 3, humidity: 1, current: 1,
  chlorine: 3, turbidity: 3,
};

/**
 * The telemetry simulator. Each sensor reports on its own fixed grid of times (its interval, with
 * a per-sensor phase so reports spread out), and each value is a pure function of (sensor, time):
 * cheap (O(1) per reading), repeatable, and the same whether produced live or as a backfill.
 */
export function createSimulator(options: SimulatorOptions): Simulator {
  const { city, start } = options;
  const seed = options.seed ?? city.seed;
  const sensors = city.sensors;
  const water = createWaterState(city.assets);
  const schedule = options.incidents === false ? undefined : createIncidentSchedule({ city, sensors, seed, start, water, options: options.incidents });
  const world = createWorld(city, seed, water, (ts) => schedule?.stormRain(ts) ?? 0);
  const byId = new Map(city.assets.map((a) => [a.id, a]));
  const models: Model[] = sensors.map((s) => modelFor(createContext(s, byId.get(s.asset), world)));
  const intervalMs = sensors.map((s) => Math.max(1, Math.round(s.intervalS)) * 1000);
  // Whole-second phases so that timestamps stay round.
  const phaseMs = sensors.map((s, i) => Math.floor(unitHash(seed, hashString(s.id), 0x9a5e) * intervalMs[i]! / 1000) * 1000);
  const index = new Map(sensors.map((s, i) => [s.id, i]));
  const maxCatchUpMs = options.maxCatchUpMs ?? 15 * 60_000;

  const finish = (i: number, v: number): number => {
    const info = QUANTITIES[sensors[i]!.quantity];
    const clamped = Math.min(info.max, Math.max(info.min, v));
    const factor = 10 ** (DECIMALS[sensors[i]!.quantity] ?? 3);
    return Math.round(clamped * factor) / factor;
  };
  const normal = (i: number, ts: number): number => finish(i, models[i]!(ts));
  const value = (i: number, ts: number): number | undefined => {
    const raw = models[i]!(ts);
    if (!schedule) return finish(i, raw);
    const v = schedule.apply(i, ts, raw, (t) => models[i]!(t));
    return v === null ? undefined : finish(i, v);
  };

  /** Readings of every sensor with from ≤ ts < to, sorted by time then sensor order. */
  const collect = (from: number, to: number): Reading[] => {
    const out: Reading[] = [];
    for (let i = 0; i < sensors.length; i++) {
      const step = intervalMs[i]!;
      const phase = phaseMs[i]!;
      for (let ts = Math.ceil((from - phase) / step) * step + phase; ts < to; ts += step) {
        const v = value(i, ts);
        if (v !== undefined) out.push({ sensor: sensors[i]!.id, ts, value: v });
      }
    }
    return out.sort((a, b) => a.ts - b.ts || index.get(a.sensor)! - index.get(b.sensor)!);
  };

  let cursor = start;
  return {
    start,
    sensors,
    tick(now) {
      if (now < cursor) return [];
      const from = Math.max(cursor, now - maxCatchUpMs);
      cursor = Math.floor(now) + 1;
      return collect(from, cursor);
    },
    readingsBetween: (from, to) => collect(from, to),
    *batches(from, to, stepMs = 60_000) {
      for (let t = from; t < to; t += stepMs) yield collect(t, Math.min(to, t + stepMs));
    },
    valueAt(sensorId, ts) {
      const i = index.get(sensorId);
      return i === undefined ? undefined : value(i, ts);
    },
    normalAt(sensorId, ts) {
      const i = index.get(sensorId);
      return i === undefined ? undefined : normal(i, ts);
    },
    incidents: (until = start + 86_400_000) => schedule?.list(until) ?? [],
  };
}
