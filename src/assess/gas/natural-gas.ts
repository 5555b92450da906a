/**
 * Natural gas for consequence estimates, taken as methane (city gas in China is 90–98 % methane,
 * GB 17820-2018 Class 1). Properties from standard tables (Perry's Chemical Engineers' Handbook;
 * flammability limits from Zabetakis 1965, US Bureau of Mines Bulletin 627).
 */
export interface GasProperties {
  /** Molar mass, kg/mol. */
  readonly molarMass: number;
  /** Ratio of specific heats cp/cv at ambient temperature. */
  readonly gamma: number;
  /** Lower and upper flammability limits, volume fraction in air. */
  readonly lfl: number;
  readonly ufl: number;
  /** Stoichiometric concentration in air, volume fraction. */
  readonly stoichiometric: number;
  /** Lower heat of combustion, J/kg. */
  readonly heatOfCombustion: number;
}

export const METHANE: GasProperties = {
  molarMass: 0.01604,
  gamma: 1.31,
  lfl: 0.05,
  ufl: 0.15,
  stoichiometric: 0.095,
  heatOfCombustion: 50.0e6,
};

export const R_GAS = 8.314462618;
export const ATMOSPHERE_PA = 101_325;
/** Standard reference conditions for gas volumes in China: 101.325 kPa, 20 °C (GB/T 13610 practice). */
export const REFERENCE_TEMPERATURE_K = 293.15;

/** Density of the gas, kg/m³, at pressure `pa` and temperature `k` (ideal gas). */
export function gasDensity(gas: GasProperties, pa = ATMOSPHERE_PA, k = REFERENCE_TEMPERATURE_K): number {
  return (pa * gas.molarMass) / (R_GAS * k);
}
