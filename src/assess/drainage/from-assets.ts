import { representativePoint, type Asset } from '../../domain/index.js';
import type { DrainageLink, DrainageNetwork, DrainageNode, HortonParameters, Subcatchment } from './network.js';
import { MIN_SLOPE } from './network.js';

/**
 * The storm-drainage network read from the asset register (domain 'drainage'): manholes
 * (`invertM`, `groundM`), outfalls (`invertM`, receiving `normalWaterLevelM`), low points
 * (`inlet` assets with `lowPoint`, `groundM`, `drainsTo`), pump stations (a wet well and a pump
 * at `capacityLps` on the force main) and pipes (`from`, `to`, `lengthM`, `diameterMm`, inverts or
 * `slope`, `manningN`). Every manhole with a `catchmentHa` (the area draining to it, cumulative)
 * gets a subcatchment of its own area: its catchment less what arrives from upstream.
 *
 * Surface parameters an asset does not carry take the defaults below: dense urban blocks,
 * flat ground, silty clay loam — typical values from the SWMM User's Manual (Rossman 2015,
 * Appendix A: overland Manning's n, depression storage, Horton rates).
 */
export const URBAN_SURFACE = {
  /** GB 50014-2021 gives a composite runoff coefficient of 0.60–0.70 for dense built-up areas. */
  imperviousPct: 60,
  /** Overland flow length, m: width = area ÷ length. */
  flowLengthM: 100,
  slopePct: 0.5,
  nImpervious: 0.015,
  nPervious: 0.15,
  depressionImperviousMm: 2,
  depressionPerviousMm: 5,
  zeroDepressionPct: 25,
  horton: { f0MmH: 76, fcMmH: 6, decayPerH: 4 } satisfies HortonParameters,
} as const;

/** Street area water spreads over at a flooding manhole, m², unless the asset says otherwise. */
const MANHOLE_POND_M2 = 300;
/** Sag areas of low points by type, m². */
const LOW_POINT_POND_M2: Readonly<Record<string, number>> = { underpass: 2500, street: 800, metro_entrance: 150 };
/** Land draining straight to a low point when the asset gives none, ha. */
const LOW_POINT_CATCHMENT_HA: Readonly<Record<string, number>> = { underpass: 1.5, street: 0.3, metro_entrance: 0.1 };

export function drainageNetworkFromAssets(assets: readonly Asset[]): DrainageNetwork {
  const drainage = assets.filter((a) => a.domain === 'drainage');
  const nodes: DrainageNode[] = [];
  const byId = new Map<string, DrainageNode>();
  const add = (n: DrainageNode): void => { nodes.push(n); byId.set(n.id, n); };

  for (const a of drainage) {
    const position = representativePoint(a.geometry);
    const name = a.name ? { name: a.name } : {};
    if (a.kind === 'manhole') {
      const invertM = num(a, 'invertM');
      const outletM = (optional(a, 'outletDiameterMm') ?? 600) / 1000;
      add({
        id: a.id, kind: 'junction', invertM, groundM: optional(a, 'groundM') ?? invertM + (optional(a, 'depthM') ?? 2),
        shaftAreaM2: optional(a, 'shaftAreaM2') ?? (Math.PI / 4) * Math.max(1, outletM + 0.5) ** 2,
        pondAreaM2: optional(a, 'pondAreaM2') ?? MANHOLE_POND_M2, position, ...name,
      });
    } else if (a.kind === 'outfall') {
      const invertM = optional(a, 'invertM') ?? 0;
      const stage = optional(a, 'normalWaterLevelM');
      add({
        id: a.id, kind: 'outfall', invertM, groundM: invertM + 2, shaftAreaM2: 1, pondAreaM2: 0, position, ...name,
        ...(stage !== undefined && stage > invertM ? { stageM: stage } : {}),
      });
    } else if (a.kind === 'inlet') {
      const type = typeof a.properties.lowPoint === 'string' ? a.properties.lowPoint : 'street';
      const groundM = num(a, 'groundM');
      add({
        id: a.id, kind: 'low_point', invertM: groundM - 1, groundM, shaftAreaM2: 1,
        pondAreaM2: optional(a, 'pondAreaM2') ?? LOW_POINT_POND_M2[type] ?? 800, pondSlope: optional(a, 'pondSlope') ?? (type === 'underpass' ? 0.03 : 0.01),
        position, lowPoint: type, ...name,
        ...(optional(a, 'closeRoadCm') !== undefined ? { closeRoadCm: optional(a, 'closeRoadCm')! } : {}),
      });
    }
  }
  // Pump stations: a wet well below the low point that feeds it.
  for (const a of drainage.filter((x) => x.kind === 'pump_station')) {
    const feeder = byId.get(a.properties.from as string);
    const ground = feeder?.groundM ?? optional(a, 'groundM') ?? 0;
    add({
      id: a.id, kind: 'storage', invertM: ground - (optional(a, 'wetWellDepthM') ?? 5), groundM: ground,
      shaftAreaM2: optional(a, 'wetWellAreaM2') ?? 30, pondAreaM2: 0, position: representativePoint(a.geometry), ...(a.name ? { name: a.name } : {}),
    });
  }

  const pumpCapacity = new Map(drainage.filter((a) => a.kind === 'pump_station').map((a) => [a.id, (optional(a, 'capacityLps') ?? 0) / 1000]));
  const links: DrainageLink[] = [];
  for (const a of drainage.filter((x) => x.kind === 'pipe')) {
    const from = byId.get(a.properties.from as string);
    const to = byId.get(a.properties.to as string);
    if (!from || !to) continue;
    const geometry = a.geometry.type === 'LineString' ? a.geometry.coordinates.map((c): [number, number] => [c[0], c[1]]) : undefined;
    const name = a.name ? { name: a.name } : {};
    if (a.properties.forceMain === true && pumpCapacity.has(from.id)) {
      links.push({ id: a.id, kind: 'pump', from: from.id, to: to.id, lengthM: optional(a, 'lengthM') ?? 0, pumpCapacityM3s: pumpCapacity.get(from.id)!, ...(geometry ? { geometry } : {}), ...name });
      continue;
    }
    const lengthM = optional(a, 'lengthM') ?? 50;
    const up = optional(a, 'upstreamInvertM');
    const down = optional(a, 'downstreamInvertM');
    const slope = optional(a, 'slope') ?? (up !== undefined && down !== undefined ? (up - down) / lengthM : (from.invertM - to.invertM) / lengthM);
    links.push({
      id: a.id, kind: 'conduit', from: from.id, to: to.id, lengthM, manningN: optional(a, 'manningN') ?? 0.013,
      slope: Math.max(slope, MIN_SLOPE), shape: { kind: 'circular', diameterM: num(a, 'diameterMm') / 1000 },
      inOffsetM: up !== undefined ? Math.max(0, up - from.invertM) : 0, outOffsetM: down !== undefined ? Math.max(0, down - to.invertM) : 0,
      ...(geometry ? { geometry } : {}), ...name,
    });
  }

  // Subcatchments: each manhole's own share of its catchment.
  const arriving = new Map<string, number>();
  for (const a of drainage.filter((x) => x.kind === 'pipe')) {
    const ha = optional(a, 'catchmentHa');
    if (ha !== undefined) arriving.set(a.properties.to as string, (arriving.get(a.properties.to as string) ?? 0) + ha);
  }
  const subcatchments: Subcatchment[] = [];
  for (const a of drainage) {
    if (a.kind === 'manhole') {
      const total = optional(a, 'catchmentHa');
      if (total === undefined) continue;
      const own = total - (arriving.get(a.id) ?? 0);
      if (own > 0.01) subcatchments.push(surface(`SC-${a.id}`, a.id, own, representativePoint(a.geometry), a));
    } else if (a.kind === 'inlet') {
      const type = typeof a.properties.lowPoint === 'string' ? a.properties.lowPoint : 'street';
      const ha = optional(a, 'catchmentHa') ?? LOW_POINT_CATCHMENT_HA[type] ?? 0.3;
      subcatchments.push(surface(`SC-${a.id}`, a.id, ha, representativePoint(a.geometry), a, 95));
    }
  }
  return { nodes, links, subcatchments, crs: 'lonlat' };
}

function surface(id: string, outlet: string, areaHa: number, position: [number, number], a: Asset, imperviousPct: number = URBAN_SURFACE.imperviousPct): Subcatchment {
  const u = URBAN_SURFACE;
  return {
    id, outlet, areaHa, imperviousPct: optional(a, 'imperviousPct') ?? imperviousPct,
    widthM: (areaHa * 10_000) / u.flowLengthM, slopePct: optional(a, 'slopePct') ?? u.slopePct,
    nImpervious: u.nImpervious, nPervious: u.nPervious, depressionImperviousMm: u.depressionImperviousMm,
    depressionPerviousMm: u.depressionPerviousMm, zeroDepressionPct: u.zeroDepressionPct, horton: u.horton, position,
  };
}

function num(a: Asset, key: string): number {
  const v = a.properties[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${a.id}: property ${key} is missing or not a number`);
  return v;
}

function optional(a: Asset, key: string): number | undefined {
  const v = a.properties[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
