import type { Domain } from '../domain/index.js';

/**
 * The risk model's knobs. Every weight and table is documented with its source in docs/risk.md;
 * a deployment overrides any of them (settings key 'risk.config') without touching code.
 */
export interface LikelihoodWeights {
  readonly age: number;
  readonly material: number;
  readonly pressure: number;
  readonly diameter: number;
  readonly history: number;
  readonly sensorHealth: number;
  readonly condition: number;
  readonly works: number;
}

export interface ConsequenceWeights {
  readonly severity: number;
  readonly population: number;
  readonly facilities: number;
  readonly traffic: number;
  readonly service: number;
}

export interface RiskConfig {
  /** Likelihood L = 1 + 4 · Σ wᵢ·fᵢ / Σ wᵢ (1 rare … 5 almost certain). */
  readonly likelihood: LikelihoodWeights;
  /** Consequence C = 1 + 4 · Σ wⱼ·gⱼ / Σ wⱼ (1 minor … 5 catastrophic). */
  readonly consequence: ConsequenceWeights;
  /** Risk R = L × C (1..25) → level: R ≥ red is 1 (重大), ≥ orange 2 (较大), ≥ yellow 3 (一般), else 4 (低). */
  readonly thresholds: { readonly red: number; readonly orange: number; readonly yellow: number };
  /** How much an open hazard case on the asset adds to L, by the case's level; an active alarm adds `alarm`. */
  readonly dynamic: { readonly case: Readonly<Record<1 | 2 | 3 | 4, number>>; readonly alarm: number; readonly deviceCase: number };
  /** Consequence severity of a failure per domain (0..1): a gas explosion is not a water leak. */
  readonly severity: Readonly<Partial<Record<Domain, number>>>;
  /** Reach of a failure per domain (m): population, facilities and roads within it count. */
  readonly reachM: Readonly<Partial<Record<Domain, number>>>;
  /** Residents within reach at which the population factor reaches 63 % (1 − e⁻¹). */
  readonly populationScale: number;
  /** Residents served downstream at which the service factor reaches 63 %. */
  readonly serviceScale: number;
  /** Past cases on an asset within this window count as its leak/alarm history (ms). */
  readonly historyWindowMs: number;
  /** Renewal cost per metre (CNY) = base + perMmDiameter · DN; whole pipe = that × length. */
  readonly cost: { readonly baseYuanPerM: number; readonly yuanPerMmPerM: number; readonly domainFactor: Readonly<Partial<Record<Domain, number>>> };
  /** H3 resolution of the zone grid (8 ≈ 0.74 km², 9 ≈ 0.11 km²). */
  readonly h3Resolution: number;
}

export const DEFAULT_RISK_CONFIG: RiskConfig = {
  likelihood: { age: 0.25, material: 0.15, pressure: 0.1, diameter: 0.05, history: 0.15, sensorHealth: 0.05, condition: 0.15, works: 0.1 },
  consequence: { severity: 0.35, population: 0.25, facilities: 0.15, traffic: 0.1, service: 0.15 },
  thresholds: { red: 12, orange: 8, yellow: 4.5 },
  dynamic: { case: { 1: 3, 2: 2.5, 3: 2, 4: 1.5 }, alarm: 1, deviceCase: 0.3 },
  severity: {
    gas: 1, heating: 0.6, power: 0.6, bridge: 0.9, tunnel: 0.8, building: 0.8,
    water: 0.45, drainage: 0.4, hydrant: 0.2, environment: 0.2,
  },
  reachM: {
    gas: 150, heating: 50, power: 50, bridge: 100, tunnel: 100, building: 60,
    water: 60, drainage: 80, hydrant: 30, environment: 50,
  },
  populationScale: 800,
  serviceScale: 5_000,
  historyWindowMs: 3 * 365 * 86_400_000,
  cost: { baseYuanPerM: 600, yuanPerMmPerM: 4, domainFactor: { gas: 1.3, heating: 1.6, water: 1, drainage: 1.2 } },
  h3Resolution: 9,
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type RiskConfigOverride = DeepPartial<RiskConfig>;

/** The defaults with an override merged in, one level of nesting deep (what settings hold). */
export function riskConfig(override: RiskConfigOverride = {}): RiskConfig {
  const out: Record<string, unknown> = { ...DEFAULT_RISK_CONFIG };
  for (const [k, v] of Object.entries(override)) {
    const base = (DEFAULT_RISK_CONFIG as unknown as Record<string, unknown>)[k];
    out[k] = v && typeof v === 'object' && base && typeof base === 'object' ? mergeDeep(base, v) : v;
  }
  return out as unknown as RiskConfig;
}

function mergeDeep(base: unknown, over: unknown): unknown {
  if (!over || typeof over !== 'object' || !base || typeof base !== 'object') return over ?? base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over as Record<string, unknown>)) out[k] = mergeDeep(out[k], v);
  return out;
}
