import { describe, expect, it } from 'vitest';
import { numericCount, numericFields, numericRun } from './numeric-fields.js';

class Base {
  readonly f64: Float64Array;
  readonly f64At: number;
  declare a: number;
  constructor(extra = 0) {
    const run = numericRun(new.target, extra);
    this.f64 = run.array;
    this.f64At = run.at;
  }
}
numericFields(Base, ['a']);

class Derived extends Base {
  declare b: number;
  declare c: number;
  step(): number {
    return ++this.b;
  }
}
numericFields(Derived, ['b', 'c']);

describe('numeric fields', () => {
  it('keeps each instance’s numbers in its own run, zeroed, the ancestors’ first', () => {
    const x = new Derived(), y = new Derived();
    expect([x.a, x.b, x.c]).toEqual([0, 0, 0]);
    x.a = 1.5; x.b = Number.NaN; x.c = Date.UTC(2024, 0, 1) + 0.25;
    y.b = 2;
    expect([x.a, x.b, x.c]).toEqual([1.5, Number.NaN, Date.UTC(2024, 0, 1) + 0.25]); // float64: ms timestamps exact
    expect([y.a, y.b, y.c]).toEqual([0, 2, 0]);
    expect(y.step()).toBe(3);
    expect(x.f64[x.f64At + 1]).toBeNaN(); // b follows a
    expect(numericCount(Base)).toBe(1);
    expect(numericCount(Derived)).toBe(3);
  });

  it('leaves room for a variable-length part after the fields', () => {
    const x = new Derived(4), y = new Derived();
    x.f64.fill(7, x.f64At + 3, x.f64At + 7);
    expect([y.a, y.b, y.c]).toEqual([0, 0, 0]);
  });

  it('refuses a name the class already uses', () => {
    class Clash extends Base {
      declare d: number;
      step(): void {}
    }
    expect(() => numericFields(Clash, ['step'])).toThrow(/taken/);
  });
});
