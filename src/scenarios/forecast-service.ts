import { LifelineError, representativePoint, toIso, validationError, type Case, type CaseAlarm, type Level, type Sensor } from '../domain/index.js';
import { forecastDrainage, type LiveLevel, type SystemForecast } from '../assess/index.js';
import type { CaseIntake, Clock, Store } from '../ports/index.js';
import { impactArea } from './area.js';
import type { CityModels, CitySnapshot } from './city-models.js';
import { parseForecast, type ForecastInput } from './forecast-params.js';
import { forecastSystemOf, FORECAST_SENSOR_PREFIX } from './forecast-case.js';

export interface ForecastServiceOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly models: CityModels;
  /** Opens and updates cases through the normal workflow (CaseService): lifecycle, audit, SSE, CAP. */
  readonly cases: CaseIntake;
  readonly setImpact: (id: string, impact: unknown) => Promise<unknown>;
}

/** A reading older than this (or than 3 of the sensor's intervals, if longer) is not "live". */
const STALE_MS = 15 * 60_000;
const PAGE = 10_000;

export interface ForecastResult {
  readonly storm: { readonly key: string; readonly label: string; readonly depthMm: number; readonly startsAt: string; readonly name: string | null };
  readonly live: { readonly sensors: number; readonly stale: readonly string[]; readonly ignored: readonly { sensor: string; reason: string }[] };
  readonly summary: string;
  readonly predicted: readonly { asset: string; kind: string; effect: string; atMin: number | null; at: string | null; level: Level; system: string }[];
  readonly cases: readonly { id: string; action: 'opened' | 'updated' | 'cleared'; system: string; level: Level; title: string }[];
}

/**
 * Rainfall forecasts against the live network (超前主动应对): run the storm from the levels the
 * sensors report now, and raise a pre-warning case for every sewer system it would overwhelm —
 * before the rain. A system has at most one active forecast case: the same storm submitted again
 * replaces its alarm there (a worse level escalates the case), another storm adds its own alarm;
 * a storm that no longer overwhelms a system clears its alarm there.
 */
export class ForecastService {
  /** Submissions run one at a time, so two at once cannot both open a case for one system. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly o: ForecastServiceOptions) {}

  submit(body: unknown, actor: string): Promise<ForecastResult> {
    const input = parseForecast(body);
    const run = this.queue.then(() => this.run(input, actor));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(input: ForecastInput, actor: string): Promise<ForecastResult> {
    const city = await this.o.models.get();
    if (!city.drainage || city.drainage.nodes.length === 0) {
      const why = city.problems.find((p) => p.startsWith('drainage:'));
      throw validationError('body', why ? `the drainage network cannot be modelled from the registered assets (${why})` : 'the city has no drainage network registered', 'unavailable');
    }
    const now = this.o.clock.now();
    const startsAt = input.startsAt ?? now;
    const { levels, stale } = await this.liveLevels(now);
    const fc = forecastDrainage(city.drainage, input.storm, city.context(startsAt), levels);
    const active = await this.activeForecastCases();
    const cases: ForecastResult['cases'][number][] = [];
    for (const s of fc.systems) cases.push(await this.raise(city, input, fc.label, s, startsAt, now, active.get(s.system.key), actor));
    // A system this storm overwhelmed before and no longer does: its alarm for the storm clears.
    const hit = new Set(fc.systems.map((s) => s.system.key));
    for (const [system, c] of active) {
      const alarm = c.alarms.find((a) => a.id === alarmId(input, system) && a.clearedAt === undefined);
      if (hit.has(system) || !alarm) continue;
      await this.o.cases.attach(c.id, { ...alarm, clearedAt: now, message: `${alarm.message} — no longer predicted (forecast of ${toIso(now)})` }, []);
      cases.push({ id: c.id, action: 'cleared', system, level: c.level, title: c.title });
    }
    const predicted = fc.systems.flatMap((s) => s.predicted.map((p) => ({
      asset: p.asset, kind: p.kind, effect: p.effect, atMin: p.atMin ?? null, at: p.atMin !== undefined ? toIso(startsAt + p.atMin * 60_000) : null, level: p.level, system: s.system.key,
    }))).sort((a, b) => (a.atMin ?? Infinity) - (b.atMin ?? Infinity) || a.asset.localeCompare(b.asset));
    const opened = cases.filter((c) => c.action === 'opened').length;
    const updated = cases.filter((c) => c.action === 'updated').length;
    const summary = fc.systems.length === 0
      ? `${fc.label} starting ${toIso(startsAt)}: nothing surcharges or floods on the network as it is now (${levels.length} live level sensor(s) used); no pre-warning case.`
      : `${fc.label} starting ${toIso(startsAt)}: ${predicted.length} asset(s) in ${fc.systems.length} sewer system(s) surcharge, flood or pond; the first manhole surcharges at ${toIso(startsAt + Math.min(...fc.systems.map((x) => x.firstAtMin)) * 60_000)}; ${opened} pre-warning case(s) opened, ${updated} updated.`;
    return {
      storm: { key: input.stormKey, label: fc.label, depthMm: fc.depthMm, startsAt: toIso(startsAt), name: input.name ?? null },
      live: { sensors: levels.length, stale, ignored: fc.live.ignored }, summary, predicted, cases,
    };
  }

  /** Open the system's pre-warning case, or update the one already active. */
  private async raise(city: CitySnapshot, input: ForecastInput, label: string, s: SystemForecast, startsAt: number, now: number, existing: Case | undefined, actor: string) {
    const firstAsset = city.byId.has(s.firstAsset) ? s.firstAsset : s.predicted.find((p) => city.byId.has(p.asset))?.asset ?? s.firstAsset;
    const asset = city.byId.get(firstAsset);
    const at = localTime(startsAt + s.firstAtMin * 60_000, city.utcOffsetHours);
    const manholes = s.predicted.filter((p) => p.effect === 'surcharged' || p.effect === 'flooding').length;
    const overflowing = s.predicted.filter((p) => p.effect === 'flooding').length;
    const message = `Forecast (${actor}): ${label} starting ${localTime(startsAt, city.utcOffsetHours)} would ${overflowing > 0 ? 'flood' : 'surcharge'} the ${s.system.name} system — `
      + `${manholes} manhole(s) surcharge (${overflowing} overflow), the first at ${at} (+${s.firstAtMin} min, ${s.firstAsset}); level ${s.level}: ${s.levelReason}.`;
    const alarm: CaseAlarm = {
      id: alarmId(input, s.system.key), sensor: `${FORECAST_SENSOR_PREFIX}${s.system.key}`, asset: firstAsset, level: s.level, class: 'hazard',
      kind: s.alarmKind, message, raisedAt: now,
    };
    const assets = [...new Set(s.predicted.map((p) => p.asset))];
    const title = `${s.system.name} 预报预警 forecast pre-warning: ${overflowing > 0 ? 'flooding' : 'surcharge'} from ${at}`;
    let id: string;
    if (existing) {
      id = existing.id;
      await this.o.cases.attach(id, alarm, assets);
    } else {
      const opened = await this.o.cases.open({
        class: 'hazard', domain: 'drainage', level: s.level, title, asset: firstAsset, alarm,
        ...(asset ? { location: representativePoint(asset.geometry) } : {}), ...(asset?.department ? { department: asset.department } : {}),
      });
      if (!opened.case) throw new LifelineError('internal', 'opening a forecast case returned no case');
      id = opened.case.id;
      // open() takes one asset; the rest of the system's predicted assets join the case here.
      if (assets.length > 1) await this.o.cases.attach(id, alarm, assets);
    }
    const centre = asset ? representativePoint(asset.geometry) : undefined;
    await this.o.setImpact(id, {
      ...s.impact, model: 'forecast-rainstorm', trigger: 'forecast', level: s.level,
      ...(centre ? { area: impactArea(s.impact, centre) } : {}),
      forecast: { storm: input.stormKey, label, startsAt: toIso(startsAt), firstAt: toIso(startsAt + s.firstAtMin * 60_000), system: s.system.key, levelReason: s.levelReason },
    });
    return { id, action: existing ? 'updated' as const : 'opened' as const, system: s.system.key, level: existing ? Math.min(existing.level, s.level) as Level : s.level, title: existing?.title ?? title };
  }

  /** The last reading of every active drainage level sensor, if recent enough to call live. */
  private async liveLevels(now: number): Promise<{ levels: LiveLevel[]; stale: string[] }> {
    const sensors: Sensor[] = [];
    for (const quantity of ['level_ratio', 'level'] as const) {
      let cursor: string | null = null;
      do {
        const page = await this.o.store.sensors.list({ domain: 'drainage', quantity, limit: PAGE, cursor });
        sensors.push(...page.items);
        cursor = page.next;
      } while (cursor);
    }
    if (sensors.length === 0) return { levels: [], stale: [] };
    const last = await this.o.store.readings.lastReadings();
    const levels: LiveLevel[] = [];
    const stale: string[] = [];
    for (const s of sensors) {
      if (s.state !== 'active') continue;
      const r = last.get(s.key);
      if (!r) continue;
      if (now - r.ts > Math.max(STALE_MS, 3 * s.intervalS * 1000)) { stale.push(s.id); continue; }
      levels.push({ sensor: s.id, asset: s.asset, quantity: s.quantity as LiveLevel['quantity'], value: r.value, properties: s.properties });
    }
    return { levels, stale };
  }

  /** Active forecast cases by the system they warn about. */
  private async activeForecastCases(): Promise<Map<string, Case>> {
    const out = new Map<string, Case>();
    let cursor: string | null = null;
    do {
      const page = await this.o.store.cases.list({ active: true, domain: 'drainage', class: 'hazard', limit: 1000, cursor });
      for (const c of page.items) {
        const system = forecastSystemOf(c);
        if (system !== undefined && !out.has(system)) out.set(system, c);
      }
      cursor = page.next;
    } while (cursor);
    return out;
  }
}

function alarmId(input: ForecastInput, system: string): string {
  return `FC-${input.stormKey}-${system}`;
}

/** `YYYY-MM-DD hh:mm` in the city's time, for messages people read. */
function localTime(ts: number, utcOffsetHours: number): string {
  return new Date(ts + utcOffsetHours * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
