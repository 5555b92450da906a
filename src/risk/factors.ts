import type { Asset, Domain } from '../domain/index.js';
import type { RiskConfig } from './config.js';
import { MATERIALS, normaliseMaterial, type Material } from './materials.js';

/**
 * Each factor maps one fact about an asset to 0..1 (0: no contribution, 1: the worst case).
 * The formulas and their sources are in docs/risk.md; keep the two in step.
 */
export const LIKELIHOOD_FACTORS = ['age', 'material', 'pressure', 'diameter', 'history', 'sensorHealth', 'condition', 'works'] as const;
export const CONSEQUENCE_FACTORS = ['severity', 'population', 'facilities', 'traffic', 'service'] as const;
export type LikelihoodFactor = (typeof LIKELIHOOD_FACTORS)[number];
export type ConsequenceFactor = (typeof CONSEQUENCE_FACTORS)[number];

/** An unknown fact counts a little: not knowing a pipe's age is itself a risk, but not the worst. */
export const UNKNOWN = 0.4;

const MS_PER_YEAR = 365.25 * 86_400_000;

export function yearOf(at: number): number {
  return 1970 + at / MS_PER_YEAR;
}

export function installYear(a: Asset): number | undefined {
  const p = a.properties;
  const y = p.installYear ?? p.builtYear ?? p.yearBuilt;
  return typeof y === 'number' && Number.isFinite(y) ? y : undefined;
}

export function materialOf(a: Asset): Material {
  return normaliseMaterial(a.properties.material);
}

/** Age against the material's service life: at its life 0.67, at 1.5 × life and beyond 1. */
export function ageFactor(ageYears: number | undefined, material: Material): number {
  if (ageYears === undefined) return UNKNOWN;
  return clamp01(ageYears / (1.5 * MATERIALS[material].lifeYears));
}

/** The material's failure propensity; unknown material on a non-pipe asset is neutral. */
export function materialFactor(material: Material): number {
  return MATERIALS[material].susceptibility;
}

/** Gas pressure classes of GB 50028 (低压 … 次高压A) and operating pressures in MPa. */
const PRESSURE_CLASS: Readonly<Record<string, number>> = { LP: 0.1, MB: 0.35, MA: 0.55, SHB: 0.8, SHA: 0.9, HB: 1, HA: 1 };

export function pressureFactor(a: Asset): number {
  const p = a.properties;
  if (typeof p.pressureClass === 'string' && PRESSURE_CLASS[p.pressureClass] !== undefined) return PRESSURE_CLASS[p.pressureClass]!;
  const mpa = [p.maxPressureMpa, p.pressureMpa, p.operatingPressureMpa].find((v) => typeof v === 'number') as number | undefined;
  if (mpa !== undefined) return mpa <= 0.01 ? 0.1 : mpa <= 0.2 ? 0.35 : mpa <= 0.4 ? 0.55 : mpa <= 0.8 ? 0.8 : mpa <= 1.6 ? 0.9 : 1;
  // Water distribution runs at 0.2–0.4 MPa; gravity drainage is unpressurised.
  return a.domain === 'water' ? 0.45 : a.domain === 'drainage' && !p.forceMain ? 0.05 : 0.3;
}

/** Small mains break more often (break rates fall with diameter): DN100 and below 1, DN1000 and above 0. */
export function diameterFactor(a: Asset): number {
  const d = a.properties.diameterMm;
  if (typeof d !== 'number' || !(d > 0)) return a.kind === 'pipe' ? UNKNOWN : 0;
  return clamp01(1 - Math.log(d / 100) / Math.log(10));
}

/** n past hazard cases or leaks in the window: 1 − e^(−n/1.5) (one leak 0.49, three 0.86). */
export function historyFactor(n: number): number {
  return 1 - Math.exp(-n / 1.5);
}

/** Unmonitored 0.3; monitored, the share of its sensors that are offline or faulty. */
export function sensorHealthFactor(total: number, unhealthy: number): number {
  return total === 0 ? 0.3 : unhealthy / total;
}

/** Condition grade 1 (good) … 4 (very poor), CJJ 181: (g − 1) / 3; unknown 0.3. */
export function conditionFactor(grade: number | undefined): number {
  return grade === undefined ? 0.3 : clamp01((grade - 1) / 3);
}

export function conditionGrade(a: Asset): number | undefined {
  const g = a.properties.conditionGrade ?? a.properties.condition;
  if (typeof g === 'number') return g;
  if (typeof g === 'string') return ({ good: 1, fair: 2, poor: 3, critical: 4 } as Record<string, number>)[g];
  return undefined;
}

export function severityFactor(domain: Domain, config: RiskConfig): number {
  return config.severity[domain] ?? 0.3;
}

/** Saturating: `scale` people give 0.63, three times that 0.95. */
export function peopleFactor(n: number, scale: number): number {
  return 1 - Math.exp(-n / scale);
}

/** Road class within reach: a failure under an arterial stops a city's traffic; a bridge carries it. */
export function trafficFactor(roadClass: string | undefined, a: Asset): number {
  if (a.kind === 'bridge' || a.domain === 'bridge') return 1;
  if (roadClass === 'arterial' || roadClass === 'expressway') return 1;
  if (roadClass === 'local' || roadClass === 'secondary') return 0.5;
  return roadClass === undefined ? 0.1 : 0.3;
}

export function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
