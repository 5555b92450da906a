import type { Asset, Domain, Level } from '../domain/index.js';
import { LIKELIHOOD_FACTORS, ageFactor, materialFactor } from './factors.js';
import { consequenceNote, likelihoodNote } from './explain.js';
import { riskLevel } from './levels.js';
import { MATERIALS, type Material } from './materials.js';
import type { RiskModel } from './model.js';

/** What a renewed pipe is laid in (current practice per domain): gas PE, water ductile iron, heating pre-insulated steel. */
const RENEWED_MATERIAL: Readonly<Partial<Record<Domain, Material>>> = { gas: 'pe', water: 'ductile_iron', heating: 'steel', drainage: 'pe' };
/** The likelihood factors a new pipe resets: only these are reasons to renew. */
const RENEWAL_FIXES = new Set(['age', 'material', 'history', 'condition']);
const RENEWABLE = new Set<Domain>(['gas', 'water', 'drainage', 'heating']);

export interface RenewalItem {
  readonly rank: number;
  readonly id: string;
  readonly name: string | null;
  readonly domain: Domain;
  readonly material: string;
  readonly diameterMm: number | null;
  readonly lengthM: number;
  readonly installYear: number | null;
  readonly ageYears: number | null;
  readonly risk: number;
  readonly level: Level;
  readonly riskAfter: number;
  readonly levelAfter: Level;
  readonly riskReduction: number;
  readonly costYuan: number;
  /** Risk reduced × length/100 m, per 10,000 CNY spent: the ranking key. */
  readonly reductionPer10kYuan: number;
  readonly reasons: string[];
  readonly geometry: Asset['geometry'];
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** Cost of renewing a pipe (CNY): length × (base + k · DN) × the domain's factor (config.cost). */
export function renewalCost(model: RiskModel, a: Asset, lengthM: number): number {
  const c = model.config.cost;
  const dn = typeof a.properties.diameterMm === 'number' ? a.properties.diameterMm : 200;
  return Math.round(lengthM * (c.baseYuanPerM + c.yuanPerMmPerM * dn) * (c.domainFactor[a.domain] ?? 1));
}

/**
 * Pipes ranked by the risk a renewal removes per unit cost. Renewal resets what a new pipe changes
 * (age, material, condition, past leaks on the old pipe); pressure, diameter, works, sensors and the
 * whole consequence stay. Open cases are left out: renewal answers the standing risk, not today's incident.
 */
export function renewalList(model: RiskModel, options: { domain?: Domain; limit?: number } = {}): RenewalItem[] {
  const cfg = model.config;
  const wL = LIKELIHOOD_FACTORS.map((k) => cfg.likelihood[k]);
  const sumL = wL.reduce((s, w) => s + w, 0) || 1;
  const NL = LIKELIHOOD_FACTORS.length;
  const items: Omit<RenewalItem, 'rank'>[] = [];
  for (let i = 0; i < model.assets.length; i++) {
    const a = model.assets[i]!;
    if (a.kind !== 'pipe' || !RENEWABLE.has(a.domain) || (options.domain && a.domain !== options.domain)) continue;
    const f = model.facts[i]!;
    const renewed = RENEWED_MATERIAL[a.domain] ?? f.material;
    const after = [...model.lf.subarray(i * NL, i * NL + NL)];
    after[0] = ageFactor(0, renewed);
    after[1] = materialFactor(renewed);
    after[4] = 0;
    after[6] = 0;
    let l = 0;
    for (let k = 0; k < NL; k++) l += wL[k]! * after[k]!;
    const lAfter = 1 + (4 * l) / sumL;
    const before = model.staticL[i]! * model.C[i]!;
    const riskAfter = lAfter * model.C[i]!;
    const reduction = before - riskAfter;
    if (!(reduction > 0.01)) continue;
    const lengthM = pipeLength(a);
    const costYuan = renewalCost(model, a, lengthM);
    const built = typeof a.properties.installYear === 'number' ? a.properties.installYear : null;
    items.push({
      id: a.id, name: a.name ?? null, domain: a.domain, material: MATERIALS[f.material].en,
      diameterMm: typeof a.properties.diameterMm === 'number' ? a.properties.diameterMm : null,
      lengthM: Math.round(lengthM), installYear: built, ageYears: f.ageYears ?? null,
      risk: r2(before), level: riskLevel(before, cfg.thresholds), riskAfter: r2(riskAfter), levelAfter: riskLevel(riskAfter, cfg.thresholds),
      riskReduction: r2(reduction), costYuan,
      // A pipe's failures grow with its length: the benefit counts per 100 m renewed.
      reductionPer10kYuan: costYuan > 0 ? Math.round(((reduction * lengthM) / 100 / costYuan) * 1e4 * 1e4) / 1e4 : 0,
      reasons: reasons(model, i), geometry: a.geometry,
    });
  }
  items.sort((p, q) => q.reductionPer10kYuan - p.reductionPer10kYuan || q.riskReduction - p.riskReduction || (p.id < q.id ? -1 : 1));
  return items.slice(0, options.limit ?? items.length).map((x, k) => ({ rank: k + 1, ...x }));
}

/** The strongest likelihood and consequence factors, in words: why this pipe ranks where it does. */
function reasons(model: RiskModel, i: number): string[] {
  const f = model.facts[i]!;
  const cfg = model.config;
  const NL = LIKELIHOOD_FACTORS.length;
  const out: string[] = [];
  const lik = LIKELIHOOD_FACTORS.map((k, n) => ({ k, v: model.lf[i * NL + n]! * cfg.likelihood[k], raw: model.lf[i * NL + n]! }))
    .filter((x) => RENEWAL_FIXES.has(x.k) && x.raw >= 0.5).sort((p, q) => q.v - p.v).slice(0, 3);
  for (const x of lik) out.push(likelihoodNote(x.k, f));
  if (f.facility && f.facility.type !== 'other') out.push(consequenceNote('facilities', f, model.assets[i]!.domain));
  if (f.bridge && f.served > 0) out.push(consequenceNote('service', f, model.assets[i]!.domain));
  if (f.road?.cls === 'arterial') out.push(consequenceNote('traffic', f, model.assets[i]!.domain));
  if (out.length === 0) out.push(`risk ${r2(model.staticL[i]! * model.C[i]!)} (L ${r2(model.staticL[i]!)} × C ${r2(model.C[i]!)})`);
  return out;
}

/** Length from the inventory, else measured along the geometry (equirectangular, fine at city scale). */
export function pipeLength(a: Asset): number {
  if (typeof a.properties.lengthM === 'number') return a.properties.lengthM;
  const g = a.geometry;
  const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
  let m = 0;
  for (const line of lines) for (let k = 1; k < line.length; k++) {
    const [x0, y0] = line[k - 1]!; const [x1, y1] = line[k]!;
    const kx = 111_320 * Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
    m += Math.hypot((x1 - x0) * kx, (y1 - y0) * 110_574);
  }
  return m;
}

const CSV_COLUMNS = ['rank', 'id', 'name', 'domain', 'material', 'diameterMm', 'lengthM', 'installYear', 'ageYears', 'risk', 'level', 'riskAfter', 'levelAfter', 'riskReduction', 'costYuan', 'reductionPer10kYuan', 'reasons'] as const;

export function renewalCsv(items: readonly RenewalItem[]): string {
  const cell = (v: unknown) => {
    const s = Array.isArray(v) ? v.join('; ') : v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [CSV_COLUMNS.join(','), ...items.map((x) => CSV_COLUMNS.map((c) => cell(x[c])).join(','))].join('\n') + '\n';
}

export function renewalGeoJson(items: readonly RenewalItem[]) {
  return {
    type: 'FeatureCollection' as const,
    features: items.map(({ geometry, ...props }) => ({ type: 'Feature' as const, id: props.id, geometry, properties: props })),
  };
}
