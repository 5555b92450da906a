import { describe, expect, it } from 'vitest';
import { rng } from '../synthetic.js';
import { TailCalibrator } from './tail.js';

describe('tail calibrator', () => {
  it('gives −log10 of the chance of a value at least this large, learned from the data', () => {
    const r = rng(1);
    const t = new TailCalibrator(20_000);
    for (let i = 0; i < 20_000; i++) t.add(Math.abs(r.normal()));
    // |N(0,1)|: P(≥1) = 0.317, P(≥2) = 0.0455, P(≥3) = 0.0027, P(≥4) = 6.3e-5.
    expect(t.evidence(1)).toBeGreaterThan(0.3);
    expect(t.evidence(1)).toBeLessThan(0.75);
    expect(t.evidence(2)).toBeGreaterThan(1.1);
    expect(t.evidence(2)).toBeLessThan(1.6);
    expect(t.evidence(4)).toBeGreaterThan(3.2);
    expect(t.evidence(4)).toBeLessThan(6);
  });

  it('is monotone and extrapolates beyond anything seen, to a cap', () => {
    const r = rng(2);
    const t = new TailCalibrator(5000);
    for (let i = 0; i < 5000; i++) t.add(Math.abs(r.normal()));
    let last = -1;
    for (const x of [0.5, 1, 2, 3, 5, 8, 20, 100]) { const e = t.evidence(x); expect(e).toBeGreaterThanOrEqual(last); last = e; }
    expect(t.evidence(100)).toBe(12);
  });

  it('asks more of a heavy-tailed series (adaptive threshold)', () => {
    const r = rng(3);
    const gaussian = new TailCalibrator(20_000), heavy = new TailCalibrator(20_000);
    for (let i = 0; i < 20_000; i++) {
      gaussian.add(Math.abs(r.normal()));
      heavy.add(Math.abs(r.normal() / Math.max(0.05, r.uniform()))); // a Cauchy-like ratio
    }
    expect(heavy.evidence(6)).toBeLessThan(gaussian.evidence(6) - 2);
  });

  it('says nothing before it has seen 50 samples', () => {
    const t = new TailCalibrator(1000);
    for (let i = 0; i < 20; i++) t.add(1);
    expect(t.evidence(100)).toBe(0);
  });

  it('does not learn from what it flags: the same rare value scores as high the next times', () => {
    const r = rng(7);
    const t = new TailCalibrator(5000);
    for (let i = 0; i < 5000; i++) t.observe(Math.abs(r.normal()));
    for (let k = 0; k < 6; k++) {
      expect(t.observe(7)).toBeGreaterThan(7); // |N(0,1)| ≥ 7: p ≈ 2.6e-12
      for (let i = 0; i < 300; i++) t.observe(Math.abs(r.normal()));
    }
  });

  it('learns a lasting new normal once rare values keep coming', () => {
    const r = rng(8);
    const t = new TailCalibrator(5000);
    for (let i = 0; i < 5000; i++) t.observe(Math.abs(r.normal()));
    const e: number[] = [];
    for (let k = 0; k < 120; k++) e.push(t.observe(7 + 0.3 * r.normal()));
    expect(Math.min(...e.slice(0, 20))).toBeGreaterThan(5); // the first ones are news
    expect(Math.max(...e.slice(100))).toBeLessThan(3); // then the usual
  });
});
