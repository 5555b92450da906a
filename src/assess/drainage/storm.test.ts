import { describe, expect, it } from 'vitest';
import { chicagoHyetograph, seriesHyetograph, totalDepthMm } from './hyetograph.js';
import { HEFEI_STORM, rationalFlowLps, stormDepthMm, stormIntensityLpsHa, type StormFormula } from './storm-intensity.js';

describe('storm intensity formula (GB 50014-2021)', () => {
  it('gives Hefei\'s 100-year 2-hour intensity by hand', () => {
    // q = 3600 (1 + 0.76 lg 100) / (120 + 14)^0.84 = 3600 × 2.52 / 134^0.84
    //   = 9072 / 61.20 = 148.2 L/(s·ha); i = q / 167 = 0.8876 mm/min; 2 h → 106.5 mm.
    expect(stormIntensityLpsHa(HEFEI_STORM, 100, 120)).toBeCloseTo(148.2, 1);
    expect(stormDepthMm(HEFEI_STORM, 100, 120)).toBeCloseTo(106.5, 1);
  });

  it('gives Hefei\'s 3-year 15-minute intensity by hand', () => {
    // 3600 (1 + 0.76 × 0.47712) / 29^0.84 = 4905.4 / 16.92 = 289.9 L/(s·ha).
    expect(stormIntensityLpsHa(HEFEI_STORM, 3, 15)).toBeCloseTo(289.9, 0);
  });

  it('is the rational method\'s q: Q = ψ q F', () => {
    // The demo city sized its first storm sewer for ψ 0.6, q 250 L/(s·ha) and 6.25 ha: 937.5 L/s.
    expect(rationalFlowLps(0.6, 250, 6.25)).toBe(937.5);
  });

  it('refuses a return period or duration that is not positive', () => {
    expect(() => stormIntensityLpsHa(HEFEI_STORM, 0, 60)).toThrow(/return period/);
    expect(() => stormIntensityLpsHa(HEFEI_STORM, 10, -5)).toThrow(/duration/);
  });
});

describe('Chicago design storm (Keifer & Chu 1957)', () => {
  const a = (f: StormFormula, p: number): number => f.a1 * (1 + f.c * Math.log10(p));

  it('adds up to the formula\'s depth for the whole storm', () => {
    const h = chicagoHyetograph(HEFEI_STORM, 100, 120, 5, 0.4);
    expect(h.depthMm).toHaveLength(24);
    expect(totalDepthMm(h)).toBeCloseTo(stormDepthMm(HEFEI_STORM, 100, 120), 9);
  });

  it('peaks in the block that holds r × duration, with the depth worked by hand', () => {
    const h = chicagoHyetograph(HEFEI_STORM, 100, 120, 5, 0.4);
    const peak = h.depthMm.indexOf(Math.max(...h.depthMm));
    expect(peak).toBe(9); // minute 45–50 holds the peak at minute 48
    // The block is the 3 minutes before the peak plus the 2 after:
    //   a·3/(3/0.4 + 14)^0.84 + a·2/(2/0.6 + 14)^0.84 with a = 21.557 × 2.52 = 54.32
    //   = 162.97/13.16 + 108.65/10.98 = 12.38 + 9.90 = 22.28 mm (267 mm/h).
    const k = a(HEFEI_STORM, 100);
    const byHand = (k * 3) / (3 / 0.4 + 14) ** 0.84 + (k * 2) / (2 / 0.6 + 14) ** 0.84;
    expect(h.depthMm[9]).toBeCloseTo(byHand, 9);
    expect(h.depthMm[9]).toBeCloseTo(22.28, 1);
  });

  it('holds the intensity–duration curve for every window around the peak', () => {
    // With r = 0.5 and 1-minute steps, the 20 minutes centred on the peak carry H(20).
    const h = chicagoHyetograph(HEFEI_STORM, 10, 120, 1, 0.5);
    const window = h.depthMm.slice(50, 70).reduce((s, d) => s + d, 0);
    expect(window).toBeCloseTo(stormDepthMm(HEFEI_STORM, 10, 20), 6);
    // Symmetric about the peak.
    expect(h.depthMm[40]).toBeCloseTo(h.depthMm[79]!, 9);
  });

  it('takes a measured series in mm/h', () => {
    const h = seriesHyetograph([12, 60, 30], 10);
    expect(h.depthMm).toEqual([2, 10, 5]);
    expect(() => seriesHyetograph([1, -2], 5)).toThrow(/non-negative/);
  });
});
