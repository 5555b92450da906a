import { cellToParent, latLngToCell } from 'h3-js';
import type { Asset, Level } from '../domain/index.js';
import { representativePoint } from '../domain/index.js';
import { riskConfig, type RiskConfig, type RiskConfigOverride } from './config.js';
import {
  CONSEQUENCE_FACTORS, LIKELIHOOD_FACTORS, ageFactor, conditionFactor, conditionGrade, diameterFactor, historyFactor, installYear,
  materialFactor, materialOf, peopleFactor, pressureFactor, sensorHealthFactor, severityFactor, trafficFactor, yearOf,
} from './factors.js';
import type { OpenCase, RiskInput } from './input.js';
import { CityLayers } from './layers.js';
import { riskLevel } from './levels.js';
import type { Material } from './materials.js';
import { serviceOf } from './service.js';

const NL = LIKELIHOOD_FACTORS.length;
const NC = CONSEQUENCE_FACTORS.length;

/** What the explanations need besides the factor values (kept per asset, small). */
export interface AssetFacts {
  readonly material: Material;
  readonly ageYears?: number;
  readonly population: number;
  readonly facility?: { id: string; type: string; distanceM: number };
  readonly road?: { cls: string; name: string };
  readonly served: number;
  readonly bridge: boolean;
  readonly works?: { id: string; name: string };
  readonly history: number;
  readonly sensors: number;
  readonly unhealthy: number;
  readonly grade?: number;
}

export interface Zone {
  readonly id: string;
  readonly name?: string;
  readonly members: number[];
  risk: number;
  level: Level;
  worst: number;
}

export interface ZoneChange {
  readonly zone: string;
  readonly kind: 'h3' | 'district';
  readonly from: Level;
  readonly to: Level;
}

/**
 * The city's risk: every asset's likelihood L (1..5) and consequence C (1..5), R = L × C (1..25),
 * its level, and the zones (H3 cells, districts) with the worst asset's level. Static factors are
 * computed once per full recomputation; open cases and active alarms add to L and are applied one
 * at a time, touching only their assets and those assets' zones.
 */
export class RiskModel {
  readonly config: RiskConfig;
  readonly at: number;
  readonly assets: readonly Asset[];
  readonly layers: CityLayers;
  /** The districts as given, for drawing district zones. */
  readonly districtInput: RiskInput['districts'];
  readonly lf: Float32Array;
  readonly cf: Float32Array;
  readonly staticL: Float32Array;
  readonly C: Float32Array;
  readonly boost: Float32Array;
  readonly risk: Float32Array;
  readonly level: Uint8Array;
  readonly facts: AssetFacts[];
  readonly cellOf: string[];
  readonly districtOf: (string | undefined)[];
  readonly cells = new Map<string, Zone>();
  readonly districts = new Map<string, Zone>();
  private readonly index = new Map<string, number>();
  private readonly cases = new Map<string, OpenCase>();
  private readonly casesOn = new Map<number, Set<string>>();
  private readonly alarms = new Map<string, number>();
  private readonly alarmCount: Uint16Array;
  private readonly otherRes = new Map<number, Map<string, Zone>>();

  constructor(input: RiskInput, override: RiskConfigOverride | RiskConfig = {}) {
    this.config = riskConfig(override as RiskConfigOverride);
    this.at = input.at;
    this.assets = input.assets;
    this.districtInput = input.districts;
    const n = input.assets.length;
    const origin = n ? assetPoint(input.assets[0]!.geometry) : [0, 0] as [number, number];
    this.layers = new CityLayers(origin, {
      populationGrid: input.populationGrid, roads: input.roads, districts: input.districts, works: input.works,
      facilities: input.assets.filter((a) => a.kind === 'facility'),
    });
    this.lf = new Float32Array(n * NL);
    this.cf = new Float32Array(n * NC);
    this.staticL = new Float32Array(n);
    this.C = new Float32Array(n);
    this.boost = new Float32Array(n);
    this.risk = new Float32Array(n);
    this.level = new Uint8Array(n);
    this.alarmCount = new Uint16Array(n);
    this.facts = new Array(n);
    this.cellOf = new Array(n);
    this.districtOf = new Array(n);
    input.assets.forEach((a, i) => this.index.set(a.id, i));
    this.computeStatic(input);
    this.buildZones();
  }

  indexOf(asset: string): number | undefined {
    return this.index.get(asset);
  }

  private computeStatic(input: RiskInput): void {
    const cfg = this.config;
    const counts = (list: readonly { asset: string }[] | undefined, keep: (x: never) => boolean = () => true) => {
      const m = new Map<string, number>();
      for (const x of list ?? []) if (keep(x as never)) m.set(x.asset, (m.get(x.asset) ?? 0) + 1);
      return m;
    };
    const history = counts(input.history, (h: { at: number }) => h.at <= input.at && input.at - h.at <= cfg.historyWindowMs);
    const sensors = counts(input.sensors);
    const unhealthy = counts(input.sensors, (s: { healthy: boolean }) => !s.healthy);
    const grades = new Map<string, { grade: number; at: number }>();
    for (const r of input.conditions ?? []) {
      const g = grades.get(r.asset);
      if (r.at <= input.at && (!g || r.at > g.at)) grades.set(r.asset, r);
    }
    const service = serviceOf(input.assets, this.layers);
    const year = yearOf(input.at);
    const { frame } = this.layers;
    const wL = LIKELIHOOD_FACTORS.map((k) => cfg.likelihood[k]);
    const wC = CONSEQUENCE_FACTORS.map((k) => cfg.consequence[k]);
    const sumL = wL.reduce((s, w) => s + w, 0) || 1;
    const sumC = wC.reduce((s, w) => s + w, 0) || 1;
    const res = cfg.h3Resolution;

    for (let i = 0; i < this.assets.length; i++) {
      const a = this.assets[i]!;
      const ll = assetPoint(a.geometry);
      const [x, y] = frame.toXY(ll);
      const reach = cfg.reachM[a.domain] ?? 50;
      const material = materialOf(a);
      const built = installYear(a);
      const ageYears = built === undefined ? undefined : Math.max(0, Math.round(year - built));
      const nHist = history.get(a.id) ?? 0;
      const nSens = sensors.get(a.id) ?? 0;
      const nBad = unhealthy.get(a.id) ?? 0;
      const grade = grades.get(a.id)?.grade ?? conditionGrade(a);
      const works = this.layers.worksNear(x, y, input.at);
      const population = this.layers.population(x, y, reach);
      const facility = this.layers.facility(x, y, reach);
      const road = this.layers.road(x, y, Math.max(30, reach / 2));
      const served = service.served.get(a.id) ?? 0;

      const o = i * NL;
      this.lf[o] = ageFactor(ageYears, material);
      this.lf[o + 1] = a.kind === 'pipe' || a.properties.material !== undefined ? materialFactor(material) : 0.3;
      this.lf[o + 2] = pressureFactor(a);
      this.lf[o + 3] = diameterFactor(a);
      this.lf[o + 4] = historyFactor(nHist);
      this.lf[o + 5] = sensorHealthFactor(nSens, nBad);
      this.lf[o + 6] = conditionFactor(grade);
      this.lf[o + 7] = works ? 1 : 0;
      const q = i * NC;
      this.cf[q] = severityFactor(a.domain, cfg);
      this.cf[q + 1] = peopleFactor(population, cfg.populationScale);
      this.cf[q + 2] = facility?.score ?? 0;
      this.cf[q + 3] = trafficFactor(road?.cls, a);
      this.cf[q + 4] = peopleFactor(served, cfg.serviceScale);
      let l = 0;
      for (let k = 0; k < NL; k++) l += wL[k]! * this.lf[o + k]!;
      let c = 0;
      for (let k = 0; k < NC; k++) c += wC[k]! * this.cf[q + k]!;
      this.staticL[i] = 1 + (4 * l) / sumL;
      this.C[i] = 1 + (4 * c) / sumC;
      this.facts[i] = {
        material, population: Math.round(population), served: Math.round(served), bridge: service.bridges.has(a.id),
        history: nHist, sensors: nSens, unhealthy: nBad,
        ...(ageYears !== undefined ? { ageYears } : {}), ...(grade !== undefined ? { grade } : {}),
        ...(facility ? { facility: { id: facility.id, type: facility.type, distanceM: facility.distanceM } } : {}),
        ...(road ? { road } : {}), ...(works ? { works: { id: works.id, name: works.name } } : {}),
      };
      this.cellOf[i] = latLngToCell(ll[1], ll[0], res);
      this.districtOf[i] = this.layers.district(x, y)?.id;
      this.score(i);
    }
  }

  /** L with the dynamic boost (capped at 5) × C. */
  private score(i: number): void {
    const L = Math.min(5, this.staticL[i]! + this.boost[i]!);
    this.risk[i] = L * this.C[i]!;
    this.level[i] = riskLevel(this.risk[i]!, this.config.thresholds);
  }

  likelihood(i: number): number {
    return Math.min(5, this.staticL[i]! + this.boost[i]!);
  }

  private buildZones(): void {
    const names = new Map(this.layers.districtList().map((d) => [d.id, d.name]));
    for (let i = 0; i < this.assets.length; i++) {
      addMember(this.cells, this.cellOf[i]!, i);
      const d = this.districtOf[i];
      if (d !== undefined) addMember(this.districts, d, i, names.get(d));
    }
    for (const z of this.cells.values()) this.rescoreZone(z);
    for (const z of this.districts.values()) this.rescoreZone(z);
  }

  /** A zone takes its worst asset's risk: one red asset makes a red zone (the precautionary reading of a risk map). */
  private rescoreZone(z: Zone): void {
    let worst = z.members[0]!;
    for (const i of z.members) if (this.risk[i]! > this.risk[worst]!) worst = i;
    z.worst = worst;
    z.risk = this.risk[worst]!;
    z.level = riskLevel(z.risk, this.config.thresholds);
  }

  /**
   * H3 zones at another resolution (memberships cached, levels scored afresh on each call so they
   * include every dynamic change). Coarser cells come from the model's own cells' parents.
   */
  zonesAt(res: number): Map<string, Zone> {
    if (res === this.config.h3Resolution) return this.cells;
    let zones = this.otherRes.get(res);
    if (!zones) {
      zones = new Map();
      for (let i = 0; i < this.assets.length; i++) {
        const cell = res < this.config.h3Resolution ? cellToParent(this.cellOf[i]!, res)
          : latLngToCell(assetPoint(this.assets[i]!.geometry)[1], assetPoint(this.assets[i]!.geometry)[0], res);
        addMember(zones, cell, i);
      }
      this.otherRes.set(res, zones);
    }
    for (const z of zones.values()) this.rescoreZone(z);
    return zones;
  }

  // ── dynamic: open cases and active alarms ───────────────────────────────

  /** A case opened, changed level, or closed (`open: false`). Returns the zones whose level changed. */
  applyCase(c: OpenCase, open: boolean): ZoneChange[] {
    const before = this.cases.get(c.id);
    const touched = new Set<number>();
    for (const id of before?.assets ?? []) { const i = this.index.get(id); if (i !== undefined) { this.casesOn.get(i)?.delete(c.id); touched.add(i); } }
    if (open) {
      this.cases.set(c.id, c);
      for (const id of c.assets) {
        const i = this.index.get(id);
        if (i === undefined) continue;
        let set = this.casesOn.get(i);
        if (!set) this.casesOn.set(i, (set = new Set()));
        set.add(c.id);
        touched.add(i);
      }
    } else this.cases.delete(c.id);
    return this.refresh(touched);
  }

  /** An alarm on an asset raised (`active`) or cleared. */
  applyAlarm(alarm: string, asset: string, active: boolean): ZoneChange[] {
    const i = active ? this.index.get(asset) : this.alarms.get(alarm);
    if (i === undefined) return [];
    const had = this.alarms.has(alarm);
    if (active && !had) { this.alarms.set(alarm, i); this.alarmCount[i]!++; }
    else if (!active && had) { this.alarms.delete(alarm); this.alarmCount[i]!--; }
    else return [];
    return this.refresh(new Set([i]));
  }

  openCasesOn(i: number): OpenCase[] {
    return [...(this.casesOn.get(i) ?? [])].map((id) => this.cases.get(id)!).filter(Boolean);
  }

  activeAlarmsOn(i: number): number {
    return this.alarmCount[i]!;
  }

  get openCaseCount(): number {
    return this.cases.size;
  }

  private refresh(touched: Set<number>): ZoneChange[] {
    const zones = new Map<Zone, 'h3' | 'district'>();
    for (const i of touched) {
      let b = this.alarmCount[i]! > 0 ? this.config.dynamic.alarm : 0;
      let worstCase = 0;
      for (const c of this.openCasesOn(i)) {
        worstCase = Math.max(worstCase, c.class === 'hazard' ? this.config.dynamic.case[c.level] : this.config.dynamic.deviceCase);
      }
      b += worstCase;
      this.boost[i] = b;
      this.score(i);
      zones.set(this.cells.get(this.cellOf[i]!)!, 'h3');
      const d = this.districtOf[i];
      if (d !== undefined) zones.set(this.districts.get(d)!, 'district');
    }
    const changes: ZoneChange[] = [];
    for (const [z, kind] of zones) {
      const from = z.level;
      this.rescoreZone(z);
      if (z.level !== from) changes.push({ zone: z.id, kind, from, to: z.level });
    }
    return changes;
  }
}

/** Where an asset is for scoring: a pipe's middle (a two-vertex line's midpoint), else its representative point. */
export function assetPoint(g: Asset['geometry']): [number, number] {
  if (g.type === 'LineString' && g.coordinates.length === 2) {
    const [a, b] = g.coordinates as [[number, number], [number, number]];
    return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  }
  return representativePoint(g);
}

function addMember(map: Map<string, Zone>, id: string, i: number, name?: string): void {
  const z = map.get(id);
  if (z) z.members.push(i);
  else map.set(id, { id, ...(name !== undefined ? { name } : {}), members: [i], risk: 0, level: 4, worst: i });
}
