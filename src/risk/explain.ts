import type { Asset, Level } from '../domain/index.js';
import { CONSEQUENCE_FACTORS, LIKELIHOOD_FACTORS } from './factors.js';
import { RISK_LEVEL_NAMES } from './levels.js';
import { MATERIALS } from './materials.js';
import type { AssetFacts, RiskModel } from './model.js';

/** One factor behind a score: its value (0..1), its weight, and what it rests on, in words. */
export interface FactorView {
  readonly factor: string;
  readonly value: number;
  readonly weight: number;
  readonly note: string;
}

export interface AssetRisk {
  readonly id: string;
  readonly name: string | null;
  readonly kind: string;
  readonly domain: string;
  readonly department: string | null;
  readonly risk: number;
  readonly level: Level;
  readonly levelName: { zh: string; en: string };
  readonly colour: string;
  readonly likelihood: number;
  readonly consequence: number;
  readonly factors: { readonly likelihood: FactorView[]; readonly consequence: FactorView[] };
  readonly dynamic: { readonly openCases: string[]; readonly activeAlarms: number; readonly boost: number };
  readonly zone: string;
  readonly district: string | null;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** An asset's risk with every factor explained: what the API and the CLI show. */
export function assetRisk(model: RiskModel, i: number): AssetRisk {
  const a = model.assets[i]!;
  const f = model.facts[i]!;
  const lvl = model.level[i] as Level;
  const cfg = model.config;
  const likelihood = LIKELIHOOD_FACTORS.map((k, n) => ({ factor: k, value: r2(model.lf[i * LIKELIHOOD_FACTORS.length + n]!), weight: cfg.likelihood[k], note: likelihoodNote(k, f, a) }));
  const consequence = CONSEQUENCE_FACTORS.map((k, n) => ({ factor: k, value: r2(model.cf[i * CONSEQUENCE_FACTORS.length + n]!), weight: cfg.consequence[k], note: consequenceNote(k, f, a.domain) }));
  return {
    id: a.id, name: a.name ?? null, kind: a.kind, domain: a.domain, department: a.department ?? null,
    risk: r2(model.risk[i]!), level: lvl, levelName: { zh: RISK_LEVEL_NAMES[lvl].zh, en: RISK_LEVEL_NAMES[lvl].en }, colour: RISK_LEVEL_NAMES[lvl].colour,
    likelihood: r2(model.likelihood(i)), consequence: r2(model.C[i]!),
    factors: { likelihood, consequence },
    dynamic: { openCases: model.openCasesOn(i).map((c) => c.id), activeAlarms: model.activeAlarmsOn(i), boost: r2(model.boost[i]!) },
    zone: model.cellOf[i]!, district: model.districtOf[i] ?? null,
  };
}

export function likelihoodNote(k: string, f: AssetFacts, a?: Asset): string {
  const p = a?.properties ?? {};
  const m = MATERIALS[f.material];
  switch (k) {
    case 'age': return f.ageYears === undefined ? 'install year unknown' : `${f.ageYears} years old; ${m.en} service life ${m.lifeYears} years`;
    case 'material': return `${m.en} (${m.zh})`;
    case 'pressure': return typeof p.pressureClass === 'string' ? `pressure class ${p.pressureClass}` : typeof p.maxPressureMpa === 'number' ? `up to ${p.maxPressureMpa} MPa` : 'typical pressure of the domain';
    case 'diameter': return typeof p.diameterMm === 'number' ? `DN${p.diameterMm} (smaller mains break more often)` : 'no diameter';
    case 'history': return `${f.history} past hazard case(s) in the history window`;
    case 'sensorHealth': return f.sensors === 0 ? 'not monitored' : `${f.unhealthy} of ${f.sensors} sensor(s) offline or faulty`;
    case 'condition': return f.grade === undefined ? 'no condition report' : `condition grade ${f.grade} of 4`;
    case 'works': return f.works ? `works nearby: ${f.works.name}` : 'no works nearby';
    default: return '';
  }
}

export function consequenceNote(k: string, f: AssetFacts, domain: string): string {
  switch (k) {
    case 'severity': return `failure severity of ${domain}`;
    case 'population': return `about ${f.population.toLocaleString('en')} residents within reach`;
    case 'facilities': return f.facility ? `${f.facility.type} ${f.facility.id} at ${f.facility.distanceM} m` : 'no critical facility within reach';
    case 'traffic': return f.road ? `${f.road.cls} road ${f.road.name}` : 'no road within reach';
    case 'service': return `${f.served.toLocaleString('en')} residents served${f.bridge ? ' (no alternative path)' : ''}`;
    default: return '';
  }
}
