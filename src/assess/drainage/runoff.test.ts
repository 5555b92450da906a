import { describe, expect, it } from 'vitest';
import { seriesHyetograph } from './hyetograph.js';
import type { Subcatchment } from './network.js';
import { hortonRate, subcatchmentRunoff } from './runoff.js';

const paved: Subcatchment = {
  id: 'S', outlet: 'J', areaHa: 1, imperviousPct: 100, widthM: 100, slopePct: 1, nImpervious: 0.015, nPervious: 0.15,
  depressionImperviousMm: 0, depressionPerviousMm: 0, zeroDepressionPct: 100, horton: { f0MmH: 76, fcMmH: 6, decayPerH: 4 },
};

describe('subcatchment runoff (SWMM nonlinear reservoir, Horton infiltration)', () => {
  it('reaches the rain rate on a paved area under steady rain', () => {
    // 36 mm/h on 1 ha = 36e-3/3600 × 10 000 = 0.1 m³/s once the sheet of water is in equilibrium.
    const rain = seriesHyetograph(new Array(12).fill(36), 10);
    const q = subcatchmentRunoff(paved, rain, 60, 120);
    expect(q[115]).toBeCloseTo(0.1, 4);
    expect(q[0]).toBeLessThan(q[10]!);
  });

  it('returns all the rain on a paved area, none lost', () => {
    const rain = seriesHyetograph([0, 60, 120, 30, 0], 10);
    // A day: the last film of water drains slowly (d^(−2/3) grows linearly in time).
    const q = subcatchmentRunoff(paved, rain, 60, 1440);
    const rainM3 = ((60 + 120 + 30) * 10) / 60 / 1000 * 10_000; // 35 mm over 1 ha = 350 m³
    expect(Math.abs(q.reduce((s, v) => s + v * 60, 0) - rainM3)).toBeLessThan(0.1);
  });

  it('keeps the depression storage and loses infiltration on pervious ground', () => {
    const grass: Subcatchment = { ...paved, imperviousPct: 0, depressionPerviousMm: 5 };
    const rain = seriesHyetograph(new Array(6).fill(60), 10); // 60 mm in an hour
    const q = subcatchmentRunoff(grass, rain, 60, 240);
    const runoffMm = (q.reduce((s, v) => s + v * 60, 0) / 10_000) * 1000;
    // Horton over the hour: 6 + (76 − 6)(1 − e^−4)/4 = 23.2 mm infiltrates at most; 5 mm stays in hollows.
    expect(runoffMm).toBeGreaterThan(60 - 23.2 - 5 - 12);
    expect(runoffMm).toBeLessThan(60 - 23.2 - 5 + 0.5);
  });

  it('follows Horton\'s curve from f0 to fc', () => {
    expect(hortonRate(paved, 0) * 3.6e6).toBeCloseTo(76, 9);
    expect(hortonRate(paved, 3600) * 3.6e6).toBeCloseTo(6 + 70 * Math.exp(-4), 9);
    expect(hortonRate(paved, 36_000) * 3.6e6).toBeCloseTo(6, 6);
  });
});
