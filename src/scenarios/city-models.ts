import type { Asset } from '../domain/index.js';
import type { Store } from '../ports/index.js';
import {
  dependenciesFromAssets, drainageNetworkFromAssets, epanetWorkspace, waterNetworkFromAssets,
  type AssessContext, type ContextFeatureCollection, type DependencyGraph, type DrainageNetwork, type WaterNetwork,
} from '../assess/index.js';

/** Settings keys the models read. */
export const BASEMAP_SETTING = 'demo.basemap';
/** `{utcOffsetHours?, waterPatterns?: {id: hourly multipliers}}`: the city's clock and demand patterns. */
export const ASSESS_SETTING = 'assess.settings';
/** An edited dependency graph; absent: derived from the assets. */
export const DEPENDENCIES_SETTING = 'assess.dependencies';

export interface AssessSettings {
  readonly utcOffsetHours?: number;
  readonly waterPatterns?: Readonly<Record<string, readonly number[]>>;
}

/** The city as the models see it, built once from the registered assets. */
export interface CitySnapshot {
  readonly assets: readonly Asset[];
  readonly byId: ReadonlyMap<string, Asset>;
  readonly populationGrid?: ContextFeatureCollection;
  readonly roads?: ContextFeatureCollection;
  readonly utcOffsetHours: number;
  /** Undefined when the assets do not make a network the model accepts (see `problems`). */
  readonly water?: WaterNetwork;
  readonly drainage?: DrainageNetwork;
  readonly graph: DependencyGraph;
  /** Why a network could not be built ('water: J1: property elevationM … is missing'). */
  readonly problems: readonly string[];
  /** Whether `graph` was edited (stored) rather than derived from the assets. */
  readonly graphEdited: boolean;
  context(at: number): AssessContext;
}

const PAGE = 10_000;
const REBUILD_AFTER_MS = 200;

/**
 * The network models (water, drainage, dependencies) are costly to build from thousands of assets
 * (tens of ms) and cheap to reuse, so they are built once and rebuilt only after `invalidate()`
 * (assets or the graph changed). Concurrent callers share one build.
 */
export class CityModels {
  private building: Promise<CitySnapshot> | undefined;
  private generation = 0;
  private rebuild: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly store: Store) {}

  get(): Promise<CitySnapshot> {
    if (!this.building) {
      const generation = this.generation;
      const p = this.build();
      this.building = p;
      // A failed build is not cached; one that raced an invalidation is dropped after it is served.
      p.then(() => { if (generation !== this.generation && this.building === p) this.building = undefined; }, () => { if (this.building === p) this.building = undefined; });
    }
    return this.building;
  }

  /** The inputs changed: rebuild, shortly (a burst of changes, like seeding a city, costs one build). */
  invalidate(): void {
    this.generation++;
    this.building = undefined;
    clearTimeout(this.rebuild);
    this.rebuild = setTimeout(() => { this.get().catch(() => { /* built again on first use */ }); }, REBUILD_AFTER_MS);
    this.rebuild.unref?.();
  }

  /** Build the models and load EPANET now, so the first case is assessed as fast as the rest. */
  async warm(): Promise<void> {
    await Promise.all([this.get(), epanetWorkspace()]);
  }

  private async build(): Promise<CitySnapshot> {
    const assets: Asset[] = [];
    let cursor: string | null = null;
    do {
      const page = await this.store.assets.list({ limit: PAGE, cursor });
      assets.push(...page.items);
      cursor = page.next;
    } while (cursor);
    const basemap = (await this.store.settings.get<Basemap>(BASEMAP_SETTING)) ?? {};
    const settings = (await this.store.settings.get<AssessSettings>(ASSESS_SETTING)) ?? {};
    // null: the edits were reset.
    const edited = (await this.store.settings.get<DependencyGraph | null>(DEPENDENCIES_SETTING)) ?? undefined;
    return citySnapshot(assets, basemap, settings, edited);
  }
}

type Basemap = Readonly<Record<string, ContextFeatureCollection | undefined>>;

/** The models of a city given as data (the store's, or the demo city's for the CLI). */
export function citySnapshot(assets: readonly Asset[], basemap: Basemap, settings: AssessSettings, edited?: DependencyGraph): CitySnapshot {
  // China Standard Time unless the city says otherwise: demand patterns are by local hour.
  const utcOffsetHours = settings.utcOffsetHours ?? 8;
  const populationGrid = basemap.populationGrid;
  const roads = basemap.roads;
  // One malformed asset must not cost every assessment: a network that fails to build is left out.
  const problems: string[] = [];
  const attempt = <T>(name: string, build: () => T): T | undefined => {
    try { return build(); } catch (e) { problems.push(`${name}: ${(e as Error).message}`); return undefined; }
  };
  const water = attempt('water', () => waterNetworkFromAssets(assets, { patterns: settings.waterPatterns ?? {} }));
  const drainage = attempt('drainage', () => drainageNetworkFromAssets(assets));
  return {
    assets, byId: new Map(assets.map((a) => [a.id, a])), utcOffsetHours,
    ...(populationGrid ? { populationGrid } : {}), ...(roads ? { roads } : {}),
    ...(water ? { water } : {}), ...(drainage ? { drainage } : {}), problems,
    graph: edited ?? attempt('dependencies', () => dependenciesFromAssets(assets)) ?? { nodes: [], edges: [] },
    graphEdited: edited !== undefined,
    context: (at) => ({ assets, at, utcOffsetHours, ...(populationGrid ? { populationGrid } : {}), ...(roads ? { roads } : {}) }),
  };
}
