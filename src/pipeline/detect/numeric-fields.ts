import { float64Run } from './arena.js';
import type { Run } from './arena.js';

/**
 * Number fields kept in a float64 run of the arena instead of in the object. V8 stores a field
 * that holds a non-integer number as a pointer to a 16-byte heap number of its own (24 B a field);
 * in a run it takes 8 B. The class declares the fields (`declare private x: number`: a class field
 * with an initialiser would shadow the accessor) and names them once with `numericFields`, which
 * defines accessors on the prototype reading `this.f64[this.f64At + i]`; the optimiser inlines them.
 * The run is zeroed: the constructor sets the fields that start elsewhere (NaN, …).
 * An access costs a little more than a plain field's, and each counts against the optimiser's
 * inlining budget: hot code reads a field into a local once, and the few numbers every monitor
 * reads on every reading (SensorContext's) stay plain fields.
 */
export interface NumericHost {
  readonly f64: Float64Array;
  readonly f64At: number;
}

type Class = abstract new (...args: never[]) => NumericHost;

/** Per class: the names of its numeric fields, its ancestors' first (index = place in the run). */
const fieldsOf = new WeakMap<object, readonly string[]>();

function namesOf(cls: object | null): readonly string[] {
  for (let c = cls; c !== null; c = Object.getPrototypeOf(c) as object | null) {
    const names = fieldsOf.get(c);
    if (names !== undefined) return names;
  }
  return [];
}

/** How many numeric fields instances of `cls` have, its ancestors' included. */
export function numericCount(cls: Class): number {
  return namesOf(cls).length;
}

/**
 * Store the named fields of `cls` (after its ancestors' numeric fields) in the instance's run.
 * Each class gets accessors of its own, inherited fields included, each compiled from its own
 * source with the index as a constant: V8 keeps type feedback per function, so an accessor shared
 * by many classes (or made by one closure) would see them all and slow every access down.
 */
export function numericFields(cls: Class, names: readonly string[]): void {
  const inherited = namesOf(Object.getPrototypeOf(cls) as object);
  for (const name of names) if (name in cls.prototype) throw new Error(`numericFields: ${cls.name}.${name} is taken`);
  const all = [...inherited, ...names];
  all.forEach((name, i) => {
    const make = (body: string): never => new Function(`return function ${name}$${i}${body}`)() as never;
    Object.defineProperty(cls.prototype, name, {
      get: make(`() { return this.f64[this.f64At + ${i}]; }`),
      set: make(`(v) { this.f64[this.f64At + ${i}] = v; }`),
      configurable: true,
    });
  });
  fieldsOf.set(cls, all);
}

/**
 * A run for the numeric fields of one instance of `cls` (call with `new.target` in a base class),
 * and `extra` numbers after them.
 */
export function numericRun(cls: Class, extra = 0): Run<Float64Array> {
  return float64Run(numericCount(cls) + extra);
}
