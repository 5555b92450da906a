import { ATMOSPHERE_PA } from './natural-gas.js';

/**
 * Blast from a gas explosion by TNT equivalence (CCPS 2000, "Guidelines for Chemical Process
 * Quantitative Risk Analysis"; TNO Yellow Book ch. 5):
 *
 *   W_TNT = η · m · ΔHc / E_TNT
 *
 * m the mass of fuel in the flammable mixture, ΔHc its heat of combustion, E_TNT the blast energy
 * of TNT (4.68 MJ/kg, the value used by Crowl & Louvar; CCPS examples use 4.6), η the yield
 * factor: 1–10 % of the combustion energy appears as blast in vapour-cloud explosions, the top of
 * that range in confined spaces, hence 0.1 by default here. Peak side-on overpressure at scaled
 * distance Z = R / W^(1/3) (m/kg^(1/3)) follows Kinney & Graham (1985, "Explosive Shocks in Air",
 * 2nd ed.) for a free-air burst:
 *
 *   p/pa = 808 · [1 + (Z/4.5)²] / √( [1 + (Z/0.048)²] · [1 + (Z/0.32)²] · [1 + (Z/1.35)²] )
 *
 * A gas explosion in a manhole or a pipe trench happens at ground level, where the ground
 * reflects the blast: a surface burst is taken as a free-air burst of twice the charge (the
 * classical reflection factor of 2 for a perfectly reflecting surface).
 */
export const TNT_BLAST_ENERGY_J_PER_KG = 4.68e6;
export const CONFINED_YIELD = 0.1;

export function tntEquivalentKg(fuelKg: number, heatOfCombustionJPerKg: number, yieldFactor = CONFINED_YIELD, tntEnergy = TNT_BLAST_ENERGY_J_PER_KG): number {
  return (yieldFactor * fuelKg * heatOfCombustionJPerKg) / tntEnergy;
}

/** Kinney–Graham free-air peak overpressure ratio p/pa at scaled distance Z (m/kg^(1/3)). */
export function kinneyGrahamRatio(z: number): number {
  if (!(z > 0)) throw new Error('scaled distance must be positive');
  return (808 * (1 + (z / 4.5) ** 2)) / Math.sqrt((1 + (z / 0.048) ** 2) * (1 + (z / 0.32) ** 2) * (1 + (z / 1.35) ** 2));
}

/** Peak side-on overpressure, Pa, at `distanceM` from a surface burst of `tntKg`. */
export function overpressurePa(tntKg: number, distanceM: number, surface = true): number {
  const w = surface ? 2 * tntKg : tntKg;
  return kinneyGrahamRatio(distanceM / Math.cbrt(w)) * ATMOSPHERE_PA;
}

/** Scaled distance Z at which the free-air overpressure falls to `pa` (bisection on a decreasing curve). */
export function scaledDistanceFor(overpressure: number): number {
  const ratio = overpressure / ATMOSPHERE_PA;
  let lo = 0.01;
  let hi = 1000;
  if (kinneyGrahamRatio(hi) > ratio) return hi;
  for (let k = 0; k < 100; k++) {
    const mid = Math.sqrt(lo * hi);
    if (kinneyGrahamRatio(mid) > ratio) lo = mid; else hi = mid;
    if (hi / lo < 1 + 1e-12) break;
  }
  return Math.sqrt(lo * hi);
}

/** Distance, m, to which a surface burst of `tntKg` produces at least `overpressure` Pa. */
export function distanceToOverpressure(tntKg: number, overpressure: number, surface = true): number {
  if (!(tntKg > 0)) return 0;
  return scaledDistanceFor(overpressure) * Math.cbrt(surface ? 2 * tntKg : tntKg);
}
