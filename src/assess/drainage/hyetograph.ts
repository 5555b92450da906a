import { intensityMmPerMin, type StormFormula } from './storm-intensity.js';

/**
 * Rainfall in time: depth per step, mm, from the storm's start.
 */
export interface Hyetograph {
  readonly stepMin: number;
  /** Rain depth in each step, mm. */
  readonly depthMm: readonly number[];
}

/**
 * The Chicago design storm (Keifer & Chu 1957, "Synthetic storm pattern for drainage design",
 * J. Hydraulics Div. ASCE 83(HY4)): a single-peaked storm built so that the heaviest rain over
 * any window around the peak equals the intensity–duration curve. With i(t) = a/(t + b)ⁿ the
 * rain in the τ minutes before the peak is a·τ/(τ/r + b)ⁿ and in the τ minutes after it
 * a·τ/(τ/(1−r) + b)ⁿ, r being the share of the storm before the peak (0.3–0.5 in Chinese
 * practice; 0.4 by default). Each step's depth is the difference of these cumulative curves, so
 * the blocks add up exactly to the formula's depth for the whole storm.
 */
export function chicagoHyetograph(f: StormFormula, years: number, durationMin: number, stepMin = 5, peakRatio = 0.4): Hyetograph {
  if (!(peakRatio > 0 && peakRatio < 1)) throw new Error('peak ratio r must be between 0 and 1');
  if (!(stepMin > 0) || !(durationMin >= stepMin)) throw new Error('duration must be at least one step');
  const a = f.a1 * (1 + f.c * Math.log10(years)); // mm/min·minⁿ
  const before = (tau: number): number => (tau <= 0 ? 0 : (a * tau) / (tau / peakRatio + f.b) ** f.n);
  const after = (tau: number): number => (tau <= 0 ? 0 : (a * tau) / (tau / (1 - peakRatio) + f.b) ** f.n);
  const peak = peakRatio * durationMin;
  /** Rain from the storm's start to minute t. */
  const cumulative = (t: number): number => (t <= peak ? before(peak) - before(peak - t) : before(peak) + after(t - peak));
  const steps = Math.round(durationMin / stepMin);
  const depthMm: number[] = [];
  for (let k = 0; k < steps; k++) depthMm.push(cumulative(Math.min(durationMin, (k + 1) * stepMin)) - cumulative(k * stepMin));
  intensityMmPerMin(f, years, durationMin); // validates years and duration
  return { stepMin, depthMm };
}

/** A hyetograph from a measured or forecast series of intensities (mm/h) at a fixed step. */
export function seriesHyetograph(intensityMmPerHour: readonly number[], stepMin: number): Hyetograph {
  if (!(stepMin > 0)) throw new Error('step must be positive (minutes)');
  if (intensityMmPerHour.some((v) => !(v >= 0))) throw new Error('rainfall intensities must be non-negative numbers');
  return { stepMin, depthMm: intensityMmPerHour.map((v) => (v * stepMin) / 60) };
}

export function totalDepthMm(h: Hyetograph): number {
  return h.depthMm.reduce((s, d) => s + d, 0);
}

/** Rain intensity, m/s, at minute t (piecewise constant per step; zero after the storm). */
export function rainRateAt(h: Hyetograph, tMin: number): number {
  const k = Math.floor(tMin / h.stepMin);
  const d = h.depthMm[k];
  return d === undefined || k < 0 ? 0 : d / 1000 / (h.stepMin * 60);
}
