import type { AlarmClass, Level, Quantity } from '../../domain/index.js';
import type { SensorContext } from './context.js';
import { objectBytes } from './arena.js';
import { numericCount, numericFields, numericRun } from './numeric-fields.js';
import { ruleClass } from './rules/types.js';
import type { Rule } from './rules/types.js';

/** 0: no alarm condition; 1–4: the level the condition is at. */
export type LevelOrNone = 0 | Level;

/**
 * One rule (or detector, or analytic) compiled for one sensor, with its state. After `step`, it
 * says the level its condition is at (`level`), how unusual the reading is (`score`, 0..1, for
 * detectors) and, on demand, why (`message`). The engine turns level changes into alarm events.
 * Monitors never allocate on the hot path and keep bounded state (`stateBytes`).
 */
export interface Monitor {
  readonly rule: Rule;
  readonly class: AlarmClass;
  /** Contributes its score to the reading's anomaly score (a monitor that does not keeps `score` 0). */
  readonly scored: boolean;
  /** A device monitor whose alarm means the values cannot be trusted: hazard alarms are suppressed. */
  readonly suppresses: boolean;
  level: LevelOrNone;
  score: number;
  /** When the current condition began (for the alarm's `raisedAt`), NaN when unknown (the reading's ts is used). */
  since: number;
  /** The monitor's float64 run (numeric-fields.ts): `score` is `f64[f64At]`, read so in hot loops. */
  readonly f64: Float64Array;
  readonly f64At: number;
  step(ts: number, value: number, ctx: SensorContext): void;
  /** Time-based checks between readings (offline); optional. */
  tick?(now: number, ctx: SensorContext): void;
  message(ctx: SensorContext): string;
  stateBytes(): number;
}

/**
 * Shared fields and defaults, so each monitor writes only its logic. `scored`, `suppresses` and
 * `class` are answered by the class and the rule (getters on the prototype), not stored in every
 * sensor's monitor. Number fields live in the monitor's float64 run (numeric-fields.ts): `score`
 * and `since` here, then each subclass's own. Object: 4 fields (56 B) + the run.
 */
export abstract class BaseMonitor implements Monitor {
  // Fields are `declare`d and set in the constructor: as class fields, one initialiser shared by
  // every monitor class would define them through a slow megamorphic path, per monitor created
  // (a replay may create 10,000 sensors).
  declare readonly rule: Rule;
  declare level: LevelOrNone;
  declare score: number;
  declare since: number;
  declare readonly f64: Float64Array;
  declare readonly f64At: number;
  /** `extra`: numbers after the numeric fields, for a subclass's variable-length state. */
  constructor(rule: Rule, extra = 0) {
    this.rule = rule;
    this.level = 0;
    const run = numericRun(new.target, extra);
    this.f64 = run.array;
    this.f64At = run.at;
    this.since = Number.NaN;
  }
  get class(): AlarmClass {
    return ruleClass(this.rule);
  }
  get scored(): boolean {
    return false;
  }
  get suppresses(): boolean {
    return false;
  }
  abstract step(ts: number, value: number, ctx: SensorContext): void;
  abstract message(ctx: SensorContext): string;
  /** Approximate bytes of state: object headers and fields, runs, typed arrays. */
  abstract stateBytes(): number;
  /** Bytes of this object (with `fields` fields of its own) and its run of numbers. */
  protected baseBytes(fields: number, extra = 0): number {
    return objectBytes(4 + fields) + 8 * (numericCount(this.constructor as typeof BaseMonitor) + extra);
  }
}
numericFields(BaseMonitor, ['score', 'since']);

/**
 * A rule's parameters parsed once and shared by every sensor's monitor of that rule: only the
 * state is per sensor. `parse` throws on bad parameters (the error names the rule).
 */
export function configOf<T>(parse: (rule: Rule) => T): (rule: Rule) => T {
  const cache = new WeakMap<Rule, T>();
  return (rule) => {
    let c = cache.get(rule);
    if (c === undefined) { c = parse(rule); cache.set(rule, c); }
    return c;
  };
}

/** As `configOf`, for rules whose defaults depend on the sensor's quantity (its physical range). */
export function configByQuantityOf<T>(parse: (rule: Rule, quantity: Quantity) => T): (rule: Rule, quantity: Quantity) => T {
  const cache = new WeakMap<Rule, Map<Quantity, T>>();
  return (rule, quantity) => {
    let byQuantity = cache.get(rule);
    if (!byQuantity) cache.set(rule, byQuantity = new Map());
    let c = byQuantity.get(quantity);
    if (c === undefined) { c = parse(rule, quantity); byQuantity.set(quantity, c); }
    return c;
  };
}

/** Reads a numeric parameter with a default, refusing non-finite values. */
export function num(params: Readonly<Record<string, unknown>> | undefined, name: string, fallback: number): number {
  const v = params?.[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
