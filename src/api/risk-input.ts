import type { Asset, Case } from '../domain/index.js';
import { isAlarmActive, isFinalState, sensorStatus } from '../domain/index.js';
import type { CaseQuery, Store } from '../ports/index.js';
import type { AlarmBook } from '../pipeline/alarms/book.js';
import type { SensorRegistry } from '../pipeline/registry.js';
import type { ConditionReport, HistoryEvent, OpenCase, RiskConfigOverride, RiskInput, Works } from '../risk/index.js';
import { DEFAULT_RISK_CONFIG } from '../risk/index.js';

/** Settings keys the risk model reads: weight overrides, works nearby, condition reports; districts from the basemap. */
export const RISK_SETTINGS = { config: 'risk.config', works: 'risk.works', conditions: 'risk.conditions', basemap: 'demo.basemap' } as const;

type Layers = Pick<RiskInput, 'populationGrid' | 'roads' | 'districts'>;

/** Every asset, in pages (the store caps a page at 100,000). */
export async function loadAssets(store: Store): Promise<Asset[]> {
  const out: Asset[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.assets.list({ limit: 100_000, cursor });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

async function allCases(store: Store, query: Omit<CaseQuery, 'limit' | 'cursor'>): Promise<Case[]> {
  const out: Case[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.cases.list({ ...query, limit: 1000, cursor });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return out;
}

export function openCaseOf(c: Case): OpenCase {
  return { id: c.id, assets: c.assets.length ? c.assets : [c.asset], level: c.level, class: c.class };
}

export function isCaseOpen(c: Case): boolean {
  return !isFinalState(c.state);
}

/** What the full recomputation reads from the store and the live pipeline, at `at`. */
export async function loadRiskInput(deps: { store: Store; registry: SensorRegistry; alarms: AlarmBook }, at: number): Promise<{
  input: RiskInput; config: RiskConfigOverride; open: OpenCase[]; layersFound: boolean;
}> {
  const { store, registry, alarms } = deps;
  const [assets, basemap, config, works, conditions] = await Promise.all([
    loadAssets(store),
    store.settings.get<Layers>(RISK_SETTINGS.basemap),
    store.settings.get<RiskConfigOverride>(RISK_SETTINGS.config),
    store.settings.get<Works[]>(RISK_SETTINGS.works),
    store.settings.get<ConditionReport[]>(RISK_SETTINGS.conditions),
  ]);
  const windowMs = (config?.historyWindowMs as number | undefined) ?? DEFAULT_RISK_CONFIG.historyWindowMs;
  // Past hazard cases are the leak and alarm history; the open ones raise likelihood dynamically.
  const past = await allCases(store, { class: 'hazard', active: false, openedFrom: at - windowMs });
  const history: HistoryEvent[] = past.flatMap((c) => (c.assets.length ? c.assets : [c.asset]).map((asset) => ({ asset, at: c.openedAt })));
  const open = (await allCases(store, { active: true })).map(openCaseOf);
  // A sensor is unhealthy when offline or carrying an active device alarm.
  const faulty = new Set(alarms.active().filter((a) => a.class === 'device' && isAlarmActive(a)).map((a) => a.sensor));
  const sensors = [...registry.entries()].map((e) => ({
    asset: e.sensor.asset, healthy: !faulty.has(e.sensor.id) && sensorStatus(e.sensor, e.last, at) === 'online',
  }));
  return {
    input: {
      assets, at, sensors, history, works: works ?? [], conditions: conditions ?? [],
      ...(basemap?.populationGrid ? { populationGrid: basemap.populationGrid } : {}),
      ...(basemap?.roads ? { roads: basemap.roads } : {}),
      ...(basemap?.districts?.features?.length ? { districts: basemap.districts } : {}),
    },
    config: config ?? {}, open, layersFound: basemap !== undefined,
  };
}
