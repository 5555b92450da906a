/**
 * Pipe materials as one vocabulary, whatever an inventory calls them ('CI', '灰口铸铁', 'grey cast iron').
 * `lifeYears`: the service life after which a pipe counts as old (老化) — the ages in 国办发〔2022〕22号
 * (城市燃气管道等老化更新改造实施方案) and common design lives; `susceptibility` (0..1): relative
 * failure propensity of the material (grey iron is brittle and corrodes, PE barely fails). docs/risk.md.
 */
export type Material = 'grey_cast_iron' | 'ductile_iron' | 'steel' | 'galvanized_steel' | 'pe' | 'pvc' | 'concrete' | 'asbestos_cement' | 'copper' | 'unknown';

export const MATERIALS: Readonly<Record<Material, { zh: string; en: string; lifeYears: number; susceptibility: number }>> = {
  grey_cast_iron: { zh: '灰口铸铁', en: 'grey cast iron', lifeYears: 30, susceptibility: 1 },
  asbestos_cement: { zh: '石棉水泥', en: 'asbestos cement', lifeYears: 30, susceptibility: 0.9 },
  galvanized_steel: { zh: '镀锌钢管', en: 'galvanised steel', lifeYears: 20, susceptibility: 0.85 },
  concrete: { zh: '混凝土', en: 'concrete', lifeYears: 50, susceptibility: 0.6 },
  steel: { zh: '钢管', en: 'steel', lifeYears: 30, susceptibility: 0.55 },
  pvc: { zh: 'PVC', en: 'PVC', lifeYears: 30, susceptibility: 0.5 },
  ductile_iron: { zh: '球墨铸铁', en: 'ductile iron', lifeYears: 50, susceptibility: 0.3 },
  copper: { zh: '铜管', en: 'copper', lifeYears: 50, susceptibility: 0.3 },
  pe: { zh: '聚乙烯', en: 'polyethylene', lifeYears: 50, susceptibility: 0.2 },
  unknown: { zh: '未知', en: 'unknown', lifeYears: 40, susceptibility: 0.5 },
};

const PATTERNS: readonly [RegExp, Material][] = [
  [/grey|gray|灰口|^ci$|^cast.?iron/i, 'grey_cast_iron'],
  [/ductile|球墨|^di$/i, 'ductile_iron'],
  [/asbestos|石棉|^ac$/i, 'asbestos_cement'],
  [/galvani[sz]ed|镀锌/i, 'galvanized_steel'],
  [/pvc|氯乙烯/i, 'pvc'],
  // Steel before PE: a pre-insulated steel heating pipe has an HDPE jacket.
  [/steel|钢|^sp$/i, 'steel'],
  [/pe\b|pe\d|^hdpe|polyeth|聚乙烯/i, 'pe'],
  [/concrete|混凝土|^rc$|^pccp$/i, 'concrete'],
  [/copper|铜/i, 'copper'],
];

const cache = new Map<string, Material>();

export function normaliseMaterial(raw: unknown): Material {
  if (typeof raw !== 'string' || raw === '') return 'unknown';
  let m = cache.get(raw);
  if (m === undefined) {
    m = PATTERNS.find(([re]) => re.test(raw.trim()))?.[1] ?? 'unknown';
    cache.set(raw, m);
  }
  return m;
}
