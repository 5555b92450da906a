import { representativePoint, type Asset } from '../../domain/index.js';
import type { NewSensor } from '../../ports/store.js';
import { MPA_PER_M } from '../city/water-devices.js';
import type { DemoCity } from '../city/types.js';
import { unitHash } from '../random.js';
import type { BurstEffect, WaterState } from './water-state.js';

/**
 * Scripted incidents (演练事件): a gas leak, a burst main, a rainstorm, a bridge overload and a
 * sensor fault, one after another every couple of minutes and round again, each on different assets.
 * Time is compressed for the demo (a leak builds in three minutes, not an hour). Every incident is
 * visible to plain thresholds, listed in `expectations`.
 */
export const INCIDENT_KINDS = ['gas-leak', 'water-burst', 'rainstorm', 'bridge-overload', 'sensor-fault'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** The plain thresholds the incidents cross. */
export const INCIDENT_THRESHOLDS = {
  /** CJJ/T 146-2011: combustible-gas alarm at no more than 25 %LEL. */
  methaneLel: 25,
  /** A drop of this much below the normal pressure at the same time of day. */
  waterPressureDropMpa: 0.1,
  /** Sewer surcharged: water above the pipe crown. */
  levelRatio: 1,
  /** GB 51222-2017: a road is waterlogged beyond 15 cm. */
  pondingCm: 15,
} as const;

export interface IncidentExpectation {
  readonly sensor: string;
  /**
   * 'above': some reading ≥ threshold; 'drop' / 'rise': some reading at least `threshold` below /
   * above the sensor's normal value at that time; 'stuck': every reading repeats one value;
   * 'silent': no readings at all.
   */
  readonly check: 'above' | 'drop' | 'rise' | 'stuck' | 'silent';
  readonly threshold?: number;
}

export interface Incident {
  readonly id: string;
  readonly kind: IncidentKind;
  /** Epoch ms; the incident affects readings with start ≤ ts < end. */
  readonly start: number;
  readonly end: number;
  /** The asset where it happens first, then others involved. */
  readonly assets: readonly string[];
  /** Every sensor whose readings it changes. */
  readonly sensors: readonly string[];
  readonly description: string;
  readonly descriptionEn: string;
  readonly expectations: readonly IncidentExpectation[];
}

export interface IncidentOptions {
  /** When the first incident starts, after the simulator's start (default 60 s). */
  readonly firstAfterMs?: number;
  /** Time between incident starts (default 120 s). */
  readonly everyMs?: number;
}

/** How an incident changes one sensor's reading: a new value, or null for no reading at all. */
type Effect = (ts: number, value: number, normalAt: (ts: number) => number) => number | null;

interface ScheduledIncident extends Incident {
  readonly effects: ReadonlyMap<number, Effect>;
  /** A faulty sensor reports nothing real, whatever else happens: applied after all other effects. */
  readonly faults?: ReadonlyMap<number, Effect>;
  /** City-wide rain the incident adds, mm/h (rainstorms only). */
  readonly rain?: (ts: number) => number;
}

export interface IncidentSchedule {
  /** Incidents starting before `until`, in order. */
  list(until: number): Incident[];
  /** Apply the incidents active at ts to one sensor's value; null when the sensor is silent. */
  apply(sensorIndex: number, ts: number, value: number, normalAt: (ts: number) => number): number | null;
  /** Rain added by scripted storms at ts, mm/h. */
  stormRain(ts: number): number;
}

/**
 * Long enough for detection tuned to real physics to confirm each one (a burst is confirmed after
 * 8 minutes of lower pressure, a surcharge after 10 minutes above 0.9), short enough that a kind
 * is over before it comes round again (every 5 × 180 s).
 */
const DURATION_MS: Record<IncidentKind, number> = {
  'gas-leak': 10 * 60_000,
  'water-burst': 12 * 60_000,
  rainstorm: 14 * 60_000,
  'bridge-overload': 3 * 60_000,
  'sensor-fault': 10 * 60_000,
};
const LONGEST_MS = Math.max(...Object.values(DURATION_MS));

export interface ScheduleInput {
  readonly city: DemoCity;
  readonly sensors: readonly NewSensor[];
  readonly seed: number;
  readonly start: number;
  readonly water: WaterState;
  readonly options?: IncidentOptions;
}

export function createIncidentSchedule(input: ScheduleInput): IncidentSchedule {
  const first = input.start + (input.options?.firstAfterMs ?? 60_000);
  const every = Math.max(10_000, input.options?.everyMs ?? 180_000);
  const builder = new IncidentBuilder(input);
  const cache = new Map<number, ScheduledIncident>();
  const at = (index: number): ScheduledIncident => {
    let incident = cache.get(index);
    if (!incident) {
      if (cache.size > 64) cache.delete(cache.keys().next().value!);
      incident = builder.build(index, first + index * every);
      cache.set(index, incident);
    }
    return incident;
  };
  /** Indices of incidents that may be active at ts. */
  const activeRange = (ts: number): [number, number] => [
    Math.max(0, Math.floor((ts - first - LONGEST_MS) / every)),
    Math.floor((ts - first) / every),
  ];
  const stormsEvery = every * INCIDENT_KINDS.length;
  const stormOffset = INCIDENT_KINDS.indexOf('rainstorm');
  return {
    list(until) {
      const out: Incident[] = [];
      for (let i = 0; first + i * every < until; i++) {
        const { effects: _effects, faults: _faults, rain: _rain, ...incident } = at(i);
        out.push(incident);
      }
      return out;
    },
    apply(sensorIndex, ts, value, normalAt) {
      if (ts < first) return value;
      const [lo, hi] = activeRange(ts);
      let v: number | null = value;
      let fault: Effect | undefined;
      for (let i = lo; i <= hi && v !== null; i++) {
        const incident = at(i);
        if (ts < incident.start || ts >= incident.end) continue;
        const effect = incident.effects.get(sensorIndex);
        if (effect) v = effect(ts, v, normalAt);
        fault = incident.faults?.get(sensorIndex) ?? fault;
      }
      return fault && v !== null ? fault(ts, v, normalAt) : v;
    },
    stormRain(ts) {
      if (ts < first) return 0;
      const cycle = Math.floor((ts - first - stormOffset * every) / stormsEvery);
      let rain = 0;
      for (const c of [cycle - 1, cycle]) {
        if (c < 0) continue;
        const incident = at(c * INCIDENT_KINDS.length + stormOffset);
        if (ts >= incident.start && ts < incident.end && incident.rain) rain += incident.rain(ts);
      }
      return rain;
    },
  };
}

/** 0 → 1 over `riseMs`, held, then 1 → 0 over the last `fallMs`. */
function envelope(ts: number, start: number, end: number, riseMs: number, fallMs: number): number {
  if (ts < start || ts >= end) return 0;
  const up = riseMs <= 0 ? 1 : Math.min(1, (ts - start) / riseMs);
  const down = fallMs <= 0 ? 1 : Math.min(1, (end - ts) / fallMs);
  return Math.max(0, Math.min(up, down));
}

class IncidentBuilder {
  private readonly byId: Map<string, Asset>;
  private readonly sensorIndex: Map<string, number>;
  private readonly sensorsOf = new Map<string, NewSensor[]>();
  private readonly leakSites: NewSensor[];
  private readonly burstPipes: Asset[];
  private readonly stormChain: { manholes: NewSensor[]; ponding: NewSensor | undefined; gauges: NewSensor[] };
  private readonly bridges: Asset[];
  private readonly stuckCandidates: NewSensor[];
  private readonly offlineCandidates: NewSensor[];

  constructor(private readonly input: ScheduleInput) {
    const { city, sensors } = input;
    this.byId = new Map(city.assets.map((a) => [a.id, a]));
    this.sensorIndex = new Map(sensors.map((s, i) => [s.id, i]));
    for (const s of sensors) {
      const list = this.sensorsOf.get(s.asset) ?? [];
      list.push(s);
      this.sensorsOf.set(s.asset, list);
    }
    this.leakSites = sensors.filter((s) => s.domain === 'gas' && s.quantity === 'methane' && this.byId.get(s.asset)?.kind === 'manhole');
    const mains = city.assets.filter((a) => a.domain === 'water' && a.kind === 'pipe' && !a.properties.onBridge
      && (a.properties.diameterMm as number) >= 200 && (a.properties.diameterMm as number) <= 500
      && this.byId.get(a.properties.from as string)?.kind === 'junction' && this.byId.get(a.properties.to as string)?.kind === 'junction');
    // Old grey cast iron breaks most often; prefer it.
    const old = mains.filter((a) => a.properties.material === 'CI');
    this.burstPipes = old.length >= 5 ? old : mains;
    this.stormChain = this.findStormChain();
    this.bridges = city.assets.filter((a) => a.kind === 'bridge');
    this.stuckCandidates = sensors.filter((s) => s.domain === 'water' && s.quantity === 'pressure' && s.intervalS <= 60 && this.byId.get(s.asset)?.kind === 'junction');
    this.offlineCandidates = sensors.filter((s) => ['power', 'heating', 'tunnel'].includes(s.domain) && s.intervalS <= 60);
  }

  build(index: number, start: number): ScheduledIncident {
    const kind = INCIDENT_KINDS[index % INCIDENT_KINDS.length]!;
    const cycle = Math.floor(index / INCIDENT_KINDS.length);
    const id = `INC-${String(index + 1).padStart(4, '0')}`;
    const end = start + DURATION_MS[kind];
    const u = (stream: number): number => unitHash(this.input.seed, stream * 7919 + index, cycle);
    switch (kind) {
      case 'gas-leak': return this.gasLeak(id, start, end, u);
      case 'water-burst': return this.waterBurst(id, start, end, u);
      case 'rainstorm': return this.rainstorm(id, start, end, u);
      case 'bridge-overload': return this.bridgeOverload(id, start, end, cycle, u);
      case 'sensor-fault': return this.sensorFault(id, start, end, u);
    }
  }

  private idx(sensor: NewSensor): number {
    return this.sensorIndex.get(sensor.id)!;
  }

  private pick<T>(items: readonly T[], u: number): T | undefined {
    return items.length ? items[Math.floor(u * items.length)] : undefined;
  }

  private empty(id: string, kind: IncidentKind, start: number, end: number): ScheduledIncident {
    return { id, kind, start, end, assets: [], sensors: [], description: '（演示城市中没有可用设施）', descriptionEn: '(nothing in this city to script it on)', expectations: [], effects: new Map() };
  }

  private gasLeak(id: string, start: number, end: number, u: (s: number) => number): ScheduledIncident {
    const site = this.pick(this.leakSites, u(1));
    if (!site) return this.empty(id, 'gas-leak', start, end);
    const manhole = this.byId.get(site.asset)!;
    const peak = 30 + 30 * u(2);
    const [x, y] = representativePoint(manhole.geometry);
    const distanceTo = (s: NewSensor): number => {
      const [sx, sy] = representativePoint(this.byId.get(s.asset)!.geometry);
      return Math.hypot(sx - x, sy - y);
    };
    // Gas migrates along the trench to the nearest other spaces, weaker there.
    const neighbours = this.leakSites.filter((s) => s !== site)
      .map((s) => ({ s, d: distanceTo(s) }))
      .sort((a, b) => a.d - b.d).slice(0, 2).map((n) => n.s);
    const rise = 180_000;
    const effects = new Map<number, Effect>();
    effects.set(this.idx(site), (ts, v) => v + (peak - v) * envelope(ts, start, end, rise, 60_000));
    neighbours.forEach((n, k) => effects.set(this.idx(n), (ts, v) => v + peak * (k === 0 ? 0.3 : 0.18) * envelope(ts, start + 30_000, end, rise, 60_000)));
    const pipe = manhole.properties.nearPipe as string | undefined;
    return {
      id, kind: 'gas-leak', start, end,
      assets: [manhole.id, ...(pipe ? [pipe] : []), ...neighbours.map((n) => n.asset)],
      sensors: [site.id, ...neighbours.map((n) => n.id)],
      description: `燃气泄漏：${manhole.name ?? manhole.id}（${manhole.id}）甲烷浓度持续上升，峰值约 ${Math.round(peak)} %LEL，邻近燃气管 ${pipe ?? '—'}`,
      descriptionEn: `Gas leak: methane rising in ${String(manhole.properties.space ?? 'manhole').replace(/_/g, ' ')} ${manhole.id} to about ${Math.round(peak)} %LEL, next to gas main ${pipe ?? '—'}`,
      expectations: [{ sensor: site.id, check: 'above', threshold: INCIDENT_THRESHOLDS.methaneLel }],
      effects,
    };
  }

  private waterBurst(id: string, start: number, end: number, u: (s: number) => number): ScheduledIncident {
    // A break big enough to drop at least two junctions by 0.12 MPa, so they clear the 0.1 MPa
    // threshold with margin; where the grid is too strong for that, try another main.
    let pipe: Asset | undefined;
    let burst: BurstEffect | undefined;
    const first = Math.floor(u(1) * this.burstPipes.length);
    for (let k = 0; k < Math.min(12, this.burstPipes.length) && !burst; k++) {
      pipe = this.burstPipes[(first + k * 37) % this.burstPipes.length]!;
      burst = this.input.water.burst(pipe.id, 0.12 / MPA_PER_M);
    }
    if (!pipe || !burst) return this.empty(id, 'water-burst', start, end);
    const shape = (ts: number): number => envelope(ts, start, end, 10_000, 60_000);
    const effects = new Map<number, Effect>();
    const expectations: IncidentExpectation[] = [];
    const touched: NewSensor[] = [];
    // The pump answers a burst by sliding down its curve, so the whole network loses a few metres;
    // list only the sensors near the break (at least a third of the largest drop).
    const notable = Math.max(3, 0.35 * Math.max(...burst.dropM.values()));
    for (const [junctionId, dropM] of burst.dropM) {
      const drop = dropM * MPA_PER_M;
      for (const s of this.sensorsOf.get(junctionId) ?? []) {
        if (s.quantity !== 'pressure') continue;
        effects.set(this.idx(s), (ts, v) => Math.max(0.005, v - drop * shape(ts)));
        if (dropM >= notable) touched.push(s);
        if (drop >= INCIDENT_THRESHOLDS.waterPressureDropMpa * 1.1) expectations.push({ sensor: s.id, check: 'drop', threshold: INCIDENT_THRESHOLDS.waterPressureDropMpa });
      }
    }
    // Hydrants on the affected junctions lose pressure too.
    for (const s of this.input.sensors) {
      const node = s.domain === 'hydrant' && s.quantity === 'pressure' ? (s.properties.node as string) : undefined;
      const dropM = node ? burst.dropM.get(node) : undefined;
      if (dropM === undefined) continue;
      effects.set(this.idx(s), (ts, v) => Math.max(0.005, v - dropM * MPA_PER_M * shape(ts)));
      if (dropM >= notable) touched.push(s);
    }
    // The DMA's inlet meters (and the plant) carry the leak flow.
    const dma = pipe.properties.dma;
    const leakM3h = burst.flowLps * 3.6;
    for (const s of this.input.sensors) {
      if (s.domain !== 'water' || s.quantity !== 'flow') continue;
      const asset = this.byId.get(s.asset);
      const share = asset?.kind === 'pump_station' ? 0.8 : asset?.properties.meter === 'dma_inlet' && asset.properties.dma === dma ? (asset.properties.share as number) : 0;
      if (!share) continue;
      effects.set(this.idx(s), (ts, v) => v + leakM3h * share * shape(ts));
      touched.push(s);
      if (asset?.kind !== 'pump_station') expectations.push({ sensor: s.id, check: 'rise', threshold: Math.round(leakM3h * share * 0.5) });
    }
    const near = [pipe.properties.from as string, pipe.properties.to as string];
    return {
      id, kind: 'water-burst', start, end,
      assets: [pipe.id, ...near],
      sensors: touched.map((s) => s.id),
      description: `供水爆管：${pipe.name ?? pipe.id}（${pipe.id}，${pipe.properties.installYear as number}年${pipe.properties.materialZh as string}）破裂，漏水约 ${Math.round(burst.flowLps)} L/s，周边压力骤降`,
      descriptionEn: `Water main burst: ${pipe.id} (DN${pipe.properties.diameterMm as number} ${pipe.properties.materialEn as string}, ${pipe.properties.installYear as number}) leaking about ${Math.round(burst.flowLps)} L/s; pressure falls around it`,
      expectations,
      effects,
    };
  }

  private findStormChain(): { manholes: NewSensor[]; ponding: NewSensor | undefined; gauges: NewSensor[] } {
    const sensors = this.input.sensors;
    const underpass = this.input.city.assets.find((a) => a.kind === 'inlet' && a.properties.lowPoint === 'underpass');
    const ponding = underpass ? (this.sensorsOf.get(underpass.id) ?? []).find((s) => s.quantity === 'ponding') : undefined;
    const downstream = new Map<string, string>();
    for (const a of this.input.city.assets) if (a.domain === 'drainage' && (a.kind === 'pipe' || a.kind === 'pump_station') && typeof a.properties.from === 'string') downstream.set(a.properties.from, a.properties.to as string);
    const manholes: NewSensor[] = [];
    let at = underpass?.id;
    for (let hops = 0; at && hops < 40 && manholes.length < 6; hops++) {
      const lr = (this.sensorsOf.get(at) ?? []).find((s) => s.quantity === 'level_ratio');
      if (lr) manholes.push(lr);
      at = downstream.get(at);
    }
    if (manholes.length === 0) manholes.push(...sensors.filter((s) => s.quantity === 'level_ratio').slice(0, 4));
    return { manholes, ponding, gauges: sensors.filter((s) => s.quantity === 'rainfall') };
  }

  private rainstorm(id: string, start: number, end: number, u: (s: number) => number): ScheduledIncident {
    const { manholes, ponding, gauges } = this.stormChain;
    const peakRain = 75 + 35 * u(1);
    const duration = end - start;
    const rainShape = (ts: number): number => envelope(ts, start, end, duration * 0.25, duration * 0.35);
    const lagged = (ts: number): number => rainShape(ts - 60_000);
    const effects = new Map<number, Effect>();
    // Upstream manholes surcharge most; the trunk nearer the outfall a little less.
    manholes.forEach((s, k) => {
      const peak = 1.55 - 0.06 * k + 0.1 * u(10 + k);
      effects.set(this.idx(s), (ts, v) => Math.max(v, peak * lagged(ts)));
    });
    const pondingPeak = 25 + 20 * u(3);
    if (ponding) effects.set(this.idx(ponding), (ts, v) => Math.max(v, pondingPeak * lagged(ts)));
    const underpass = ponding ? this.byId.get(ponding.asset) : undefined;
    return {
      id, kind: 'rainstorm', start, end,
      assets: [...(underpass ? [underpass.id] : []), ...manholes.map((s) => s.asset)],
      sensors: [...(ponding ? [ponding.id] : []), ...manholes.map((s) => s.id), ...gauges.map((s) => s.id)],
      description: `短时强降雨：雨强峰值约 ${Math.round(peakRain)} mm/h，${underpass?.name ?? '下穿通道'}积水，下游雨水管道满管溢流（${manholes.length} 座检查井）`,
      descriptionEn: `Cloudburst: rain peaking near ${Math.round(peakRain)} mm/h floods ${underpass?.properties.nameEn as string | undefined ?? 'the underpass'} and surcharges ${manholes.length} storm manholes downstream`,
      expectations: [
        ...(ponding ? [{ sensor: ponding.id, check: 'above' as const, threshold: INCIDENT_THRESHOLDS.pondingCm }] : []),
        ...manholes.map((s) => ({ sensor: s.id, check: 'above' as const, threshold: INCIDENT_THRESHOLDS.levelRatio })),
      ],
      effects,
      rain: (ts) => peakRain * rainShape(ts),
    };
  }

  private bridgeOverload(id: string, start: number, end: number, cycle: number, u: (s: number) => number): ScheduledIncident {
    const bridge = this.bridges[cycle % Math.max(1, this.bridges.length)];
    if (!bridge) return this.empty(id, 'bridge-overload', start, end);
    const sensors = this.sensorsOf.get(bridge.id) ?? [];
    // Three overweight trucks cross, a minute apart; each is on the deck for about 25 s.
    const crossings = [20_000, 80_000, 140_000].map((t) => start + t);
    const onDeck = (ts: number): boolean => crossings.some((c) => ts >= c && ts < c + 25_000);
    const effects = new Map<number, Effect>();
    const expectations: IncidentExpectation[] = [];
    const touched: NewSensor[] = [];
    sensors.forEach((s, k) => {
      const factor = 1.18 + 0.25 * u(20 + k);
      if (s.quantity === 'strain') {
        const limit = s.properties.designStrainUe as number;
        effects.set(this.idx(s), (ts, v) => (onDeck(ts) ? Math.max(v, limit * factor * (0.97 + 0.06 * unitHash(k, ts / 1000, 0x0b71))) : v));
        expectations.push({ sensor: s.id, check: 'above', threshold: limit });
        touched.push(s);
      } else if (s.quantity === 'displacement' && typeof s.properties.designDeflectionMm === 'number') {
        const limit = s.properties.designDeflectionMm;
        effects.set(this.idx(s), (ts, v) => (onDeck(ts) ? Math.max(v, limit * (factor - 0.1) * (0.97 + 0.06 * unitHash(k, ts / 1000, 0x0d3f))) : v));
        touched.push(s);
      } else if (s.quantity === 'acceleration') {
        effects.set(this.idx(s), (ts, v) => (onDeck(ts) ? Math.max(v, 0.55 + 0.3 * u(40 + k)) : v));
        touched.push(s);
      }
    });
    return {
      id, kind: 'bridge-overload', start, end,
      assets: [bridge.id],
      sensors: touched.map((s) => s.id),
      description: `桥梁超载：${bridge.name ?? bridge.id}连续通过 3 辆超重货车，跨中应变超过设计活载应变`,
      descriptionEn: `Bridge overload: three overweight trucks cross ${bridge.properties.nameEn as string | undefined ?? bridge.id}; midspan strain exceeds the design live-load strain`,
      expectations,
      effects,
    };
  }

  private sensorFault(id: string, start: number, end: number, u: (s: number) => number): ScheduledIncident {
    const stuck = this.pick(this.stuckCandidates, u(1));
    const offline = this.pick(this.offlineCandidates, u(2));
    const faults = new Map<number, Effect>();
    const expectations: IncidentExpectation[] = [];
    if (stuck) {
      let frozen: number | undefined;
      faults.set(this.idx(stuck), (_ts, _v, normalAt) => (frozen ??= normalAt(start)));
      expectations.push({ sensor: stuck.id, check: 'stuck' });
    }
    if (offline) {
      faults.set(this.idx(offline), () => null);
      expectations.push({ sensor: offline.id, check: 'silent' });
    }
    const both = [stuck, offline].filter((s): s is NewSensor => !!s);
    return {
      id, kind: 'sensor-fault', start, end,
      assets: both.map((s) => s.asset),
      sensors: both.map((s) => s.id),
      description: `设备故障：${stuck?.id ?? '—'} 数据恒定不变（卡死），${offline?.id ?? '—'} 离线无数据`,
      descriptionEn: `Sensor fault: ${stuck?.id ?? '—'} repeats one value (stuck); ${offline?.id ?? '—'} goes silent (offline)`,
      expectations,
      effects: new Map(),
      faults,
    };
  }
}
