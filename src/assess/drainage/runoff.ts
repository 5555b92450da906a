import { rainRateAt, type Hyetograph } from './hyetograph.js';
import type { Subcatchment } from './network.js';

/**
 * Runoff from a subcatchment by SWMM's method (Rossman & Huber 2016, SWMM Reference Manual
 * Vol. I — Hydrology, ch. 3): each of three sub-areas — impervious without depression storage,
 * impervious with it, pervious — is a nonlinear reservoir of ponded depth d,
 *
 *     dd/dt = i − f − q,    q = (W / (A·n)) · S^(1/2) · (d − ds)^(5/3)   for d > ds,
 *
 * with i the rain, f the infiltration (pervious area only, Horton), ds the depression storage,
 * W the overland-flow width, S the slope and n Manning's roughness of the surface (SI units).
 * Each step is solved implicitly (backward Euler, bisection on d), so any step size is stable.
 * Horton's curve is followed in time from the start of rain, with no recovery between storms.
 */
export function subcatchmentRunoff(s: Subcatchment, rain: Hyetograph, stepS: number, steps: number): Float64Array {
  const out = new Float64Array(steps);
  const areaM2 = s.areaHa * 10_000;
  const imp = s.imperviousPct / 100;
  const zero = s.zeroDepressionPct / 100;
  const slope = Math.sqrt(Math.max(s.slopePct, 0.01) / 100);
  const parts = [
    { share: imp * zero, n: s.nImpervious, ds: 0, pervious: false },
    { share: imp * (1 - zero), n: s.nImpervious, ds: s.depressionImperviousMm / 1000, pervious: false },
    { share: 1 - imp, n: s.nPervious, ds: s.depressionPerviousMm / 1000, pervious: true },
  ].filter((p) => p.share > 0);
  const depth = parts.map(() => 0);
  for (let k = 0; k < steps; k++) {
    const tMin = (k * stepS) / 60;
    const i = rainRateAt(rain, tMin);
    let q = 0;
    parts.forEach((p, m) => {
      // W is shared by the sub-areas in proportion to their area, so W/A is the same for each.
      const alpha = (s.widthM * slope) / (areaM2 * p.n);
      const f = p.pervious ? hortonRate(s, (k + 0.5) * stepS) : 0;
      const d0 = depth[m]!;
      const inflow = i - Math.min(f, i + d0 / stepS); // infiltration cannot exceed the water there
      const d1 = solveDepth(d0, inflow, alpha, p.ds, stepS);
      depth[m] = d1;
      q += p.share * alpha * Math.max(0, d1 - p.ds) ** (5 / 3);
    });
    out[k] = q * areaM2;
  }
  return out;
}

/** Horton infiltration capacity, m/s, `t` seconds after the rain began. */
export function hortonRate(s: Subcatchment, tS: number): number {
  const { f0MmH, fcMmH, decayPerH } = s.horton;
  const mmH = fcMmH + (f0MmH - fcMmH) * Math.exp((-decayPerH * tS) / 3600);
  return mmH / 1000 / 3600;
}

/**
 * d1 with d1 = d0 + dt·(inflow − α·max(0, d1 − ds)^(5/3)), d1 ≥ 0: Newton's method on a function
 * that is increasing and convex above ds, kept inside a shrinking bracket.
 */
function solveDepth(d0: number, inflow: number, alpha: number, ds: number, dt: number): number {
  const g = (d: number): number => d - d0 - dt * inflow + dt * alpha * Math.max(0, d - ds) ** (5 / 3);
  let lo = 0;
  let hi = Math.max(0, d0 + dt * Math.max(0, inflow));
  if (g(lo) >= 0) return 0;
  if (g(hi) <= 0) return hi;
  let d = hi;
  for (let it = 0; it < 60; it++) {
    const v = g(d);
    if (Math.abs(v) < 1e-12) return d;
    if (v > 0) hi = d; else lo = d;
    const slope = 1 + dt * alpha * (5 / 3) * Math.max(0, d - ds) ** (2 / 3);
    let next = d - v / slope;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - d) < 1e-10) return next;
    d = next;
  }
  return d;
}
