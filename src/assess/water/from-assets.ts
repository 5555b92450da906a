import { representativePoint, type Asset } from '../../domain/index.js';
import type { IsolationValve, Junction, Pipe, Pump, Reservoir, Tank, WaterNetwork } from './network.js';

/**
 * The water network as EPANET sees it, read from the city's assets (domain 'water'): junctions,
 * reservoirs, tanks, pipes (`from`/`to`, `lengthM`, `diameterMm`, `roughnessC`) and pump stations
 * (one pump per station on a single-point curve `designFlowLps`/`designHeadM`), with isolation
 * valves (`valve` assets with `pipe` and `node`). SI units (LPS, m, mm), Hazen–Williams.
 * Demand patterns are data: pass them in (the demo's diurnal pattern, a utility's measured one).
 */
export interface WaterFromAssetsOptions {
  /** Demand patterns by id (hourly multipliers); junctions name theirs in `properties.pattern`. */
  readonly patterns?: Readonly<Record<string, readonly number[]>>;
  readonly patternStepHours?: number;
}

export function waterNetworkFromAssets(assets: readonly Asset[], options: WaterFromAssetsOptions = {}): WaterNetwork {
  const water = assets.filter((a) => a.domain === 'water');
  const patterns = options.patterns ?? {};
  const coordinates: Record<string, [number, number]> = {};
  const place = (a: Asset): void => { coordinates[a.id] = representativePoint(a.geometry); };

  const junctions: Junction[] = [];
  const reservoirs: Reservoir[] = [];
  const tanks: Tank[] = [];
  for (const a of water) {
    if (a.kind === 'junction') {
      const pattern = typeof a.properties.pattern === 'string' && patterns[a.properties.pattern] ? a.properties.pattern : undefined;
      junctions.push({ id: a.id, elevation: num(a, 'elevationM', 'groundM'), demand: optional(a, 'baseDemandLps') ?? 0, ...(pattern ? { pattern } : {}) });
      place(a);
    } else if (a.kind === 'reservoir') {
      reservoirs.push({ id: a.id, head: num(a, 'headM') });
      place(a);
    } else if (a.kind === 'tank') {
      tanks.push({
        id: a.id, elevation: num(a, 'elevationM'), initLevel: num(a, 'initLevelM'), minLevel: optional(a, 'minLevelM') ?? 0,
        maxLevel: num(a, 'maxLevelM'), diameter: num(a, 'diameterM'), minVolume: 0,
      });
      place(a);
    }
  }
  const nodeIds = new Set(Object.keys(coordinates));
  const links = water.filter((a) => nodeIds.has(a.properties.from as string) && nodeIds.has(a.properties.to as string));

  const vertices: Record<string, [number, number][]> = {};
  const pipes: Pipe[] = links.filter((a) => a.kind === 'pipe').map((a) => {
    if (a.geometry.type === 'LineString' && a.geometry.coordinates.length > 2) {
      vertices[a.id] = a.geometry.coordinates.slice(1, -1).map((c) => [c[0], c[1]]);
    }
    return {
      id: a.id, from: a.properties.from as string, to: a.properties.to as string, length: num(a, 'lengthM'),
      diameter: num(a, 'diameterMm'), roughness: optional(a, 'roughnessC') ?? 120, minorLoss: 0,
      status: a.properties.status === 'closed' ? 'CLOSED' : 'OPEN',
    };
  });
  const curves: Record<string, [number, number][]> = {};
  const pumps: Pump[] = links.filter((a) => a.kind === 'pump_station').map((a) => {
    curves[`${a.id}-CURVE`] = [[num(a, 'designFlowLps'), num(a, 'designHeadM')]];
    return { id: a.id, from: a.properties.from as string, to: a.properties.to as string, parameters: ['HEAD', `${a.id}-CURVE`] };
  });

  const pipeIds = new Set(pipes.map((p) => p.id));
  const isolationValves: IsolationValve[] = water
    .filter((a) => a.kind === 'valve' && pipeIds.has(a.properties.pipe as string) && nodeIds.has(a.properties.node as string))
    .map((a) => ({
      id: a.id, pipe: a.properties.pipe as string, node: a.properties.node as string,
      ...(a.properties.inoperable === true || a.properties.operable === false ? { inoperable: true } : {}),
      ...(typeof a.properties.diameterMm === 'number' ? { diameterMm: a.properties.diameterMm } : {}),
      position: representativePoint(a.geometry),
    }));

  const step = options.patternStepHours ?? 1;
  return {
    title: ['Water network read from the asset register'],
    options: {
      units: 'LPS', headloss: 'H-W', demandMultiplier: 1, emitterExponent: 0.5,
      raw: { UNITS: 'LPS', HEADLOSS: 'H-W', TRIALS: '100', ACCURACY: '0.001', UNBALANCED: 'CONTINUE 10' },
    },
    times: { DURATION: '0', 'HYDRAULIC TIMESTEP': '1:00', 'PATTERN TIMESTEP': `${step}:00` },
    junctions, reservoirs, tanks, pipes, pumps, valves: [],
    patterns: Object.fromEntries(Object.entries(patterns).map(([k, v]) => [k, [...v]])),
    curves, coordinates, vertices, status: {}, emitters: {}, demands: {}, controls: [], rules: [], extraSections: {},
    crs: 'lonlat', isolationValves,
  };
}

function num(a: Asset, ...keys: string[]): number {
  for (const k of keys) {
    const v = a.properties[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  throw new Error(`${a.id}: property ${keys.join(' or ')} is missing or not a number`);
}

function optional(a: Asset, key: string): number | undefined {
  const v = a.properties[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
