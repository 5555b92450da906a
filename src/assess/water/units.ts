/**
 * EPANET's unit systems. With US flow units (CFS, GPM, MGD, IMGD, AFD) lengths are feet,
 * diameters inches and pressures psi; with SI flow units (LPS, LPM, MLD, CMH, CMD) lengths are
 * metres, diameters millimetres and pressures metres of water (EPANET 2.2 manual, Table A.1).
 */
const LPS_PER_UNIT: Readonly<Record<string, number>> = {
  CFS: 28.316846592,
  GPM: 0.0630901964,
  MGD: 43.8126364,
  IMGD: 52.6167824,
  AFD: 14.2764749,
  LPS: 1,
  LPM: 1 / 60,
  MLD: 1e6 / 86_400,
  CMH: 1000 / 3600,
  CMD: 1000 / 86_400,
};

const US_UNITS = new Set(['CFS', 'GPM', 'MGD', 'IMGD', 'AFD']);

/** 1 psi in metres of water at 4 °C (6.894757 kPa ÷ 9.80665 kPa/m). */
export const M_PER_PSI = 0.70307;
export const M_PER_FT = 0.3048;

export interface UnitSystem {
  readonly flowUnits: string;
  readonly us: boolean;
  /** Litres per second in one flow unit. */
  readonly lpsPerFlow: number;
  /** Metres of water in one pressure unit. */
  readonly mPerPressure: number;
  /** Metres in one length unit. */
  readonly mPerLength: number;
  /** Millimetres in one diameter unit. */
  readonly mmPerDiameter: number;
}

export function unitSystem(flowUnits: string): UnitSystem {
  const u = flowUnits.toUpperCase();
  const lps = LPS_PER_UNIT[u];
  if (lps === undefined) throw new Error(`unknown EPANET flow units '${flowUnits}'`);
  const us = US_UNITS.has(u);
  return { flowUnits: u, us, lpsPerFlow: lps, mPerPressure: us ? M_PER_PSI : 1, mPerLength: us ? M_PER_FT : 1, mmPerDiameter: us ? 25.4 : 1 };
}

/**
 * Emitter coefficient for an opening of `areaM2` with discharge coefficient `cd`, in the
 * network's units: the orifice law q = Cd·A·√(2 g h) written as EPANET's q = C·p^0.5.
 */
export function orificeEmitterCoefficient(areaM2: number, cd: number, units: UnitSystem): number {
  const g = 9.80665;
  // q [m³/s] = Cd·A·√(2g)·√h[m]; h[m] = p·mPerPressure.
  const perSqrtMetre = cd * areaM2 * Math.sqrt(2 * g);
  const perSqrtPressureUnit = perSqrtMetre * Math.sqrt(units.mPerPressure);
  return (perSqrtPressureUnit * 1000) / units.lpsPerFlow;
}
