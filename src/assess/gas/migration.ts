import { gasDensity, type GasProperties } from './natural-gas.js';
import type { NearbySpace } from './spaces.js';

/**
 * Where leaked gas goes, as a screening model. Gas from a buried main spreads through the soil
 * and either vents through the surface or seeps into underground spaces, preferring the near
 * ones. Each space within reach draws a weight w = entry · e^(−d/λ) (λ the soil's decay length,
 * 5 m by default); the surface draws a weight of 1 (more where the ground is unpaved), and
 * the release is shared in proportion. Each space is then a well-mixed box with natural
 * ventilation Qv = ACH·V: its concentration rises as
 *
 *   C(t) = C∞ · (1 − e^(−(q + Qv)·t / V)),   C∞ = q / (q + Qv)
 *
 * so it reaches the lower flammability limit at t = −V/(q + Qv) · ln(1 − LFL/C∞) when C∞ > LFL.
 * A measured concentration (a methane detector in the space) replaces the estimate.
 */
export interface MigrationOptions {
  /** Decay length of migration through the soil, m. Default 5. */
  readonly decayLengthM?: number;
  /** Weight of venting through the surface (1 paved; larger for open ground). */
  readonly surfaceWeight?: number;
  /** Measured concentration by space asset id, volume fraction (e.g. 40 %LEL of methane = 0.02). */
  readonly measured?: ReadonlyMap<string, number>;
}

export interface SpaceHazard {
  readonly nearby: NearbySpace;
  /** Share of the release that enters the space. */
  readonly share: number;
  /** Gas entering, m³/s at ambient conditions. */
  readonly inflowM3s: number;
  /** Concentration it settles at, volume fraction. */
  readonly steadyFraction: number;
  /** Seconds until the LFL is reached (undefined when it never is; 0 when measured above it). */
  readonly timeToLflS?: number;
  /** Flammable (or richer, so flammable as it vents) at steady state. */
  readonly flammable: boolean;
  readonly measured: boolean;
  /** Rank score: higher is worse. */
  readonly score: number;
}

export function migrate(spaces: readonly NearbySpace[], releaseKgS: number, gas: GasProperties, options: MigrationOptions = {}): SpaceHazard[] {
  const lambda = options.decayLengthM ?? 5;
  const weights = spaces.map((s) => s.space.entryFactor * Math.exp(-s.distanceM / lambda));
  const total = (options.surfaceWeight ?? 1) + weights.reduce((a, b) => a + b, 0);
  const releaseM3s = releaseKgS / gasDensity(gas);
  const hazards = spaces.map((s, k): SpaceHazard => {
    const share = weights[k]! / total;
    const q = share * releaseM3s;
    const vent = (s.space.airChangesPerHour * s.space.volumeM3) / 3600;
    const measured = options.measured?.get(s.space.asset.id);
    const steady = measured ?? (q + vent > 0 ? q / (q + vent) : 0);
    let timeToLflS: number | undefined;
    if (measured !== undefined) timeToLflS = measured >= gas.lfl ? 0 : undefined;
    else if (steady > gas.lfl) timeToLflS = (-s.space.volumeM3 / (q + vent)) * Math.log(1 - gas.lfl / steady);
    const flammable = steady >= gas.lfl;
    // Worse when it ignites sooner, holds more gas, has ignition sources, and leads on elsewhere.
    const urgency = timeToLflS === undefined ? steady / gas.lfl : 1 + 3600 / (600 + timeToLflS);
    const size = Math.log10(1 + s.space.volumeM3);
    const score = urgency * (1 + size) * (s.space.ignitionSources ? 1.5 : 1) * (s.space.connected ? 1.2 : 1);
    return { nearby: s, share, inflowM3s: q, steadyFraction: steady, ...(timeToLflS !== undefined ? { timeToLflS } : {}), flammable, measured: measured !== undefined, score };
  });
  return hazards.sort((a, b) => b.score - a.score || a.nearby.distanceM - b.nearby.distanceM);
}

/**
 * Fuel in a space's flammable mixture, kg: its volume at the concentration it reaches, capped at
 * the stoichiometric mixture (a richer space burns only where it mixes down to that).
 */
export function flammableFuelKg(volumeM3: number, fraction: number, gas: GasProperties): number {
  if (fraction < gas.lfl) return 0;
  return volumeM3 * Math.min(fraction, gas.stoichiometric) * gasDensity(gas);
}
