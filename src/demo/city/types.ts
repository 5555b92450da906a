import type { Asset, BBox, Department, Geometry } from '../../domain/index.js';
import type { NewSensor } from '../../ports/store.js';

export interface Feature<P = Record<string, unknown>> {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: Geometry;
  readonly properties: P;
}

export interface FeatureCollection<P = Record<string, unknown>> {
  readonly type: 'FeatureCollection';
  readonly features: readonly Feature<P>[];
}

/** Context layers for the map and for impact assessment: not assets, nobody monitors them. */
export interface Basemap {
  /** Neighbourhoods (片区): name, nameEn, population, areaKm2, builtFrom/builtTo; they double as water DMAs. */
  readonly districts: FeatureCollection;
  /** Street centre lines: name, nameEn, class ('arterial' | 'local'), widthM. */
  readonly roads: FeatureCollection;
  /** The river and the lake: name, nameEn, kind ('river' | 'lake'), waterLevelM. */
  readonly waterBodies: FeatureCollection;
  /** 250 m cells: population (residents), district. */
  readonly populationGrid: FeatureCollection;
}

export interface DemoCity {
  readonly seed: number;
  readonly name: string;
  readonly nameEn: string;
  /** [minLon, minLat, maxLon, maxLat] of the city. */
  readonly bbox: BBox;
  /** IANA zone the city keeps time in (daily patterns follow local time). */
  readonly timeZone: 'Asia/Shanghai';
  readonly utcOffsetHours: 8;
  readonly departments: readonly Department[];
  readonly assets: readonly Asset[];
  readonly sensors: readonly NewSensor[];
  readonly basemap: Basemap;
  /** Residents in the city (sum of the population grid). */
  readonly population: number;
}
