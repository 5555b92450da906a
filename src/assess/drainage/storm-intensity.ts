/**
 * Storm intensity (暴雨强度公式) of GB 50014-2021 《室外排水设计标准》 (rainwater design flow):
 *
 *     q = 167 · A₁ · (1 + C · lg P) / (t + b)ⁿ          [L/(s·ha)]
 *
 * with P the return period in years, t the rainfall duration in minutes, and A₁ (mm/min),
 * C, b (min), n fitted per city from its rain gauge record. 167 converts mm/min to L/(s·ha)
 * (1 mm/min over 1 ha = 10 000 m² × 0.001 m / 60 s = 0.1667 m³/s). The same formula in
 * mm/min is i = A₁(1 + C lg P)/(t + b)ⁿ.
 */
export interface StormFormula {
  /** A₁, mm/min. */
  readonly a1: number;
  readonly c: number;
  /** b, min. */
  readonly b: number;
  readonly n: number;
  /** Where the parameters come from, printed with every result. */
  readonly source: string;
}

/**
 * Hefei (合肥), as listed in the national compilation of city formulas
 * (《给水排水设计手册》第5册《城镇排水》, 2nd ed., 2004, "我国若干城市暴雨强度公式"):
 * q = 3600(1 + 0.76 lg P)/(t + 14)^0.84, i.e. 167 A₁ = 3600. Hefei has since revised its
 * formula (the city's fourth revision, announced 2022–23, for 瑶海/庐阳/蜀山/包河 districts);
 * configure the current official parameters before using results for design.
 */
export const HEFEI_STORM: StormFormula = {
  a1: 3600 / 167, c: 0.76, b: 14, n: 0.84,
  source: 'Hefei, q = 3600(1+0.76 lgP)/(t+14)^0.84 (给水排水设计手册 第5册, 2004); since revised by the city',
};

/** Storm intensity q, L/(s·ha), for return period `years` and duration `minutes`. */
export function stormIntensityLpsHa(f: StormFormula, years: number, minutes: number): number {
  return 167 * intensityMmPerMin(f, years, minutes);
}

/** Average intensity i, mm/min, over a storm of `minutes` duration. */
export function intensityMmPerMin(f: StormFormula, years: number, minutes: number): number {
  if (!(years > 0)) throw new Error('return period must be positive (years)');
  if (!(minutes > 0)) throw new Error('duration must be positive (minutes)');
  return (f.a1 * (1 + f.c * Math.log10(years))) / (minutes + f.b) ** f.n;
}

/** Rainfall depth, mm, of the design storm of `minutes` duration: i · t. */
export function stormDepthMm(f: StormFormula, years: number, minutes: number): number {
  return intensityMmPerMin(f, years, minutes) * minutes;
}

/**
 * Design flow by the rational method of GB 50014-2021, Q = ψ · q · F (L/s), with the
 * runoff coefficient ψ, q in L/(s·ha) and F in ha: the peak a pipe must carry when the storm
 * lasts as long as the time of concentration.
 */
export function rationalFlowLps(runoffCoefficient: number, intensityLpsHa: number, areaHa: number): number {
  return runoffCoefficient * intensityLpsHa * areaHa;
}
