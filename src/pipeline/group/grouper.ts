import type { Alarm, Asset, Case, CaseAlarm, CaseChange, Domain } from '../../domain/index.js';
import type { CaseIntake, Store } from '../../ports/index.js';
import type { MaintenanceWindow } from './maintenance.js';
import { MAINTENANCE_KEY, coveringWindow } from './maintenance.js';
import { NETWORK_DOMAINS, NetworkGraph } from './network.js';

/** What grouping needs of an alarm; `asset`, `domain` and `quantity` are looked up from the sensor when missing. */
export type GroupableAlarm = Pick<Alarm, 'id' | 'sensor' | 'level' | 'class' | 'raisedAt' | 'message'> & {
  readonly kind?: string;
  readonly clearedAt?: number;
  readonly asset?: string;
  readonly domain?: Domain;
  readonly quantity?: string;
};

export interface GrouperOptions {
  readonly store: Store;
  readonly cases: CaseIntake;
  /** An alarm joins a case whose last alarm activity is at most this old (ms, default 30 min). */
  readonly windowMs?: number;
  /** Network hops within which alarms on connected assets join one case (default 4: two pipes away). */
  readonly maxHops?: number;
  /** Alarms on assets of the same domain within this distance join one case too (m, default 150). */
  readonly radiusM?: number;
  /** How long a domain's network graph is reused before it is rebuilt from the registry (ms, default 5 min). */
  readonly graphTtlMs?: number;
  /**
   * Device alarms (the sensor is wrong: offline, stuck, spikes, drift) open a `device` case of their
   * own when true. Default false: they only join an active case on the same asset, flagging that
   * its evidence may be a sensor fault, and otherwise stay alarms (GET /alarms). A real city's
   * sensors raise many short device alarms; a case each would bury the hazards.
   */
  readonly deviceCases?: boolean;
  readonly now: () => number;
}

/**
 * Alarms → cases (the model is Alertmanager's aggregation groups). A hazard alarm joins the active
 * hazard case of its domain that holds its asset, or an asset within `maxHops` on the same network,
 * if that case had alarm activity within `windowMs`; else it opens a case. The case level is the
 * worst hazard alarm level, and a worse alarm escalates it. Device alarms (the sensor is wrong, not
 * the lifeline) never raise a level: they join an active case on the same asset as a flag, and with
 * `deviceCases` gather in a `device` case per asset (level 4, never a public warning) so a broken
 * sensor can be dispatched for repair. An alarm inside a
 * maintenance window is recorded (audit) and opens nothing. Active cases come from the case
 * workflow's in-memory index (loaded from the store at start, so a restart loses nothing).
 */
export class Grouper {
  private readonly graphs = new Map<Domain, { graph: NetworkGraph; builtAt: number }>();

  constructor(private readonly o: GrouperOptions) {}

  async onAlarm(input: GroupableAlarm): Promise<CaseChange | undefined> {
    const where = await this.locate(input);
    if (!where) return undefined;
    const alarm: CaseAlarm = {
      id: input.id, sensor: input.sensor, asset: where.asset, level: input.level, class: input.class, message: input.message,
      ...(input.kind !== undefined ? { kind: input.kind } : {}), raisedAt: input.raisedAt, ...(input.clearedAt !== undefined ? { clearedAt: input.clearedAt } : {}),
    };
    const active = this.o.cases.activeCases(where.domain);
    const holding = active.find((c) => c.alarms.some((a) => a.id === alarm.id));
    if (holding) return this.o.cases.attach(holding.id, alarm, [alarm.asset]);
    if (alarm.clearedAt !== undefined) return undefined;

    const windows = (await this.o.store.settings.get<MaintenanceWindow[]>(MAINTENANCE_KEY)) ?? [];
    const window = coveringWindow(windows, alarm, alarm.raisedAt);
    if (window) return this.o.cases.suppressed({ ...alarm, suppressed: window.id }, `maintenance window ${window.id}: ${window.reason}`);

    if (alarm.class === 'device') {
      const onAsset = worstFirst(active.filter((c) => c.assets.includes(alarm.asset) && c.class === (this.o.deviceCases ? 'device' : 'hazard')))[0];
      if (onAsset) return this.o.cases.attach(onAsset.id, alarm, []);
      if (!this.o.deviceCases) return undefined;
    }
    const match = await this.match(alarm, where.domain, active);
    if (match) return this.o.cases.attach(match.id, alarm, [alarm.asset]);
    const a = await this.o.store.assets.get(alarm.asset);
    if (!a) return undefined;
    return this.o.cases.open({
      class: alarm.class, domain: where.domain, level: alarm.level, asset: a.id, alarm,
      title: `${a.name ?? a.id}${alarm.class === 'device' ? ' 设备故障 device fault' : ''}`,
      ...(a.department ? { department: a.department } : {}),
      ...(representativePoint(a) ? { location: representativePoint(a)! } : {}),
    });
  }

  /**
   * The alarm's asset and the domain whose cases it joins. The live pipeline passes asset, domain and
   * quantity from the sensor registry, so most alarm events need no store read at all.
   */
  private async locate(alarm: GroupableAlarm): Promise<{ asset: string; domain: Domain } | undefined> {
    let { asset, domain, quantity } = alarm;
    if (asset === undefined || domain === undefined || quantity === undefined) {
      const sensor = await this.o.store.sensors.get(alarm.sensor);
      asset ??= sensor?.asset;
      quantity ??= sensor?.quantity;
      if (!asset) return undefined;
      domain ??= (await this.o.store.assets.get(asset))?.domain;
      if (!domain) return undefined;
    }
    // Weather is area-wide: every rain gauge of one storm feeds one environment case.
    if (AREA_WIDE.has(quantity ?? '')) return { asset, domain: 'environment' };
    return { asset, domain };
  }

  private async match(alarm: CaseAlarm, domain: Domain, active: readonly Case[]): Promise<Case | undefined> {
    const windowMs = this.o.windowMs ?? 30 * 60_000;
    const recent = active.filter((c) => c.class === alarm.class && lastActivity(c) >= alarm.raisedAt - windowMs);
    const same = recent.filter((c) => c.assets.includes(alarm.asset));
    if (same.length || alarm.class === 'device') return worstFirst(same)[0];
    if (domain === 'environment') return worstFirst(recent)[0];
    if (NETWORK_DOMAINS.includes(domain)) {
      // A burst lowers pressure across its whole zone: every such drop in the window is one situation.
      if (alarm.kind !== undefined && NETWORK_WIDE_KINDS.has(alarm.kind)) {
        const sameKind = recent.filter((c) => c.alarms.some((a) => a.kind === alarm.kind));
        if (sameKind.length) return worstFirst(sameKind)[0];
      }
      const graph = await this.graph(domain);
      const maxHops = this.o.maxHops ?? 4;
      const connected = recent.filter((c) => graph.distance(alarm.asset, new Set(c.assets), maxHops) !== undefined);
      if (connected.length) return worstFirst(connected)[0];
    }
    // One situation seen by neighbouring sensors that no network links (two manholes over one leak).
    const here = await this.o.store.assets.get(alarm.asset);
    const p = here && representativePoint(here);
    if (!p) return undefined;
    const radius = this.o.radiusM ?? 150;
    const near = recent.filter((c) => c.location !== undefined && metresBetween(p, c.location) <= radius);
    return worstFirst(near)[0];
  }

  private async graph(domain: Domain): Promise<NetworkGraph> {
    const cached = this.graphs.get(domain);
    if (cached && this.o.now() - cached.builtAt < (this.o.graphTtlMs ?? 300_000)) return cached.graph;
    const assets: Asset[] = [];
    let cursor: string | null = null;
    do {
      const page = await this.o.store.assets.list({ domain, limit: 100_000, cursor });
      assets.push(...page.items);
      cursor = page.next;
    } while (cursor);
    const graph = new NetworkGraph(assets);
    this.graphs.set(domain, { graph, builtAt: this.o.now() });
    return graph;
  }
}

/** Alarm kinds whose cause shows on sensors all over a connected network, not only nearby. */
const NETWORK_WIDE_KINDS: ReadonlySet<string> = new Set(['pressure-drop']);

/** Quantities that describe the weather over a whole area rather than the state of one asset. */
const AREA_WIDE: ReadonlySet<string> = new Set(['rainfall']);

/** Equirectangular distance: exact enough at the scale of a street. */
function metresBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  const y = (b[1] - a[1]) * rad;
  return Math.hypot(x, y) * 6_371_000;
}

function lastActivity(c: Case): number {
  let t = c.openedAt;
  for (const a of c.alarms) t = Math.max(t, a.raisedAt, a.clearedAt ?? (Number.POSITIVE_INFINITY));
  return t;
}

function worstFirst(cases: Case[]): Case[] {
  return [...cases].sort((a, b) => a.level - b.level || b.openedAt - a.openedAt);
}

/** A point for maps and CAP circles: a Point itself, else the middle of the first coordinates. */
function representativePoint(a: Asset): [number, number] | undefined {
  const g = a.geometry as { type: string; coordinates: unknown };
  const flat: number[][] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x) && typeof x[0] === 'number') flat.push(x as number[]);
    else if (Array.isArray(x)) for (const y of x) walk(y);
  };
  walk(g.coordinates);
  if (flat.length === 0) return undefined;
  const lon = flat.reduce((s, p) => s + p[0]!, 0) / flat.length;
  const lat = flat.reduce((s, p) => s + p[1]!, 0) / flat.length;
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}
