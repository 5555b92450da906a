import { ATMOSPHERE_PA, R_GAS, gasDensity, METHANE, type GasProperties } from './natural-gas.js';

/**
 * Gas released through a hole in a pipe: the orifice ("hole") model of the TNO Yellow Book
 * (CPR 14E, 3rd ed. 1997/2005, eqs. 2.22–2.26), the same equations as in CCPS
 * "Guidelines for Chemical Process Quantitative Risk Analysis" (2000) and Crowl & Louvar,
 * "Chemical Process Safety" ch. 4. Ideal gas, isentropic expansion from the pipe's pressure:
 *
 *   choked when pa/p0 ≤ (2/(γ+1))^(γ/(γ−1)):
 *     q = Cd · A · p0 · √( γ·M/(R·T) · (2/(γ+1))^((γ+1)/(γ−1)) )
 *   otherwise (subsonic):
 *     q = Cd · A · p0 · √( 2·M/(R·T) · γ/(γ−1) · [ (pa/p0)^(2/γ) − (pa/p0)^((γ+1)/γ) ] )
 *
 * p0 the absolute pressure in the pipe, pa the ambient pressure, A the hole area, Cd the
 * discharge coefficient (0.62 for a sharp-edged hole, up to 1 for a rounded or a full break).
 * This is the initial rate with the pipe held at its pressure (a distribution main fed by its
 * regulator stations): an upper bound, friction in the pipe upstream of a large hole lowers it.
 */
export interface ReleaseInput {
  /** Gauge pressure in the pipe, Pa. */
  readonly gaugePressurePa: number;
  readonly holeDiameterM: number;
  readonly temperatureK?: number;
  readonly dischargeCoefficient?: number;
  readonly gas?: GasProperties;
  readonly ambientPa?: number;
}

export interface Release {
  readonly massFlowKgS: number;
  readonly choked: boolean;
  /** Volume flow at reference conditions (101.325 kPa, 20 °C), m³/h. */
  readonly volumeFlowM3h: number;
  /** pa/p0 below which the flow is choked. */
  readonly criticalPressureRatio: number;
}

export function criticalPressureRatio(gamma: number): number {
  return (2 / (gamma + 1)) ** (gamma / (gamma - 1));
}

export function holeRelease(input: ReleaseInput): Release {
  const gas = input.gas ?? METHANE;
  const pa = input.ambientPa ?? ATMOSPHERE_PA;
  const p0 = input.gaugePressurePa + pa;
  const t = input.temperatureK ?? 288.15;
  const cd = input.dischargeCoefficient ?? 0.62;
  if (!(input.holeDiameterM > 0)) throw new Error('hole diameter must be positive');
  if (!(input.gaugePressurePa >= 0)) throw new Error('pressure must not be negative (gauge)');
  const g = gas.gamma;
  const area = (Math.PI / 4) * input.holeDiameterM ** 2;
  const critical = criticalPressureRatio(g);
  const ratio = pa / p0;
  const choked = ratio <= critical;
  const mOverRT = gas.molarMass / (R_GAS * t);
  const flux = choked
    ? Math.sqrt(g * mOverRT * (2 / (g + 1)) ** ((g + 1) / (g - 1)))
    : Math.sqrt(2 * mOverRT * (g / (g - 1)) * Math.max(0, ratio ** (2 / g) - ratio ** ((g + 1) / g)));
  const massFlowKgS = cd * area * p0 * flux;
  return { massFlowKgS, choked, volumeFlowM3h: (massFlowKgS / gasDensity(gas)) * 3600, criticalPressureRatio: critical };
}
