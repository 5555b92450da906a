import type { Asset, Geometry } from '../../domain/index.js';
import { distanceToGeometry, type LocalFrame } from '../geo/local-frame.js';

/**
 * Underground spaces gas can collect in (相邻地下空间): manholes and wells of every network, sewer
 * and storm pipes, cable ducts, the utility tunnel. Each has a volume, a natural ventilation rate
 * and an entry factor (how easily gas migrating through the soil gets in), and whether it holds
 * ignition sources. Figures are screening values, stated so they can be changed:
 * - manholes: a Ø1 m shaft of its depth; vented covers change the air about once an hour;
 * - sewer and storm pipes: the pipe's own volume over its length; ~0.5 air changes per hour;
 * - cable duct banks: 0.05 m² of free space per metre; sealed, 0.2 per hour;
 * - utility tunnel sections: a 2.5 m × 3 m compartment; 6 air changes per hour, the normal
 *   ventilation GB 50838-2015 requires for gas compartments;
 * - entry: cracked brick or concrete shafts and duct entries 1, pipe joints 0.5, the tunnel's cast
 *   concrete 0.2.
 */
export type SpaceKind = 'manhole' | 'sewer' | 'cable_duct' | 'tunnel' | 'well';

export interface UndergroundSpace {
  readonly asset: Asset;
  readonly kind: SpaceKind;
  /** What it is, in words ('sewer_manhole', 'power_well', 'storm pipe' …). */
  readonly label: string;
  readonly volumeM3: number;
  readonly airChangesPerHour: number;
  readonly entryFactor: number;
  /** Holds switchgear, cables or pumps that can ignite gas. */
  readonly ignitionSources: boolean;
  /** Connects onward (a sewer network, a duct bank): gas travels beyond it. */
  readonly connected: boolean;
}

const DUCT_FREE_AREA_M2 = 0.05;
const TUNNEL_COMPARTMENT_M2 = 2.5 * 3;

export function undergroundSpace(asset: Asset): UndergroundSpace | undefined {
  const p = asset.properties;
  const depth = typeof p.depthM === 'number' ? p.depthM : 2;
  const length = typeof p.lengthM === 'number' ? p.lengthM : 50;
  const label = typeof p.space === 'string' ? p.space : `${asset.domain}_${asset.kind}`;
  if (asset.kind === 'manhole' || asset.kind === 'well') {
    const ignition = /power|telecom|electric/.test(label) || asset.domain === 'power';
    const sewer = /sewer|storm/.test(label) || asset.domain === 'drainage';
    return { asset, kind: asset.kind === 'well' ? 'well' : 'manhole', label, volumeM3: Math.max(0.5, (Math.PI / 4) * depth), airChangesPerHour: 1, entryFactor: 1, ignitionSources: ignition, connected: sewer || ignition };
  }
  if (asset.kind === 'pipe' && asset.domain === 'drainage' && typeof p.diameterMm === 'number') {
    const d = p.diameterMm / 1000;
    return { asset, kind: 'sewer', label: `${String(p.system ?? 'storm')} pipe`, volumeM3: (Math.PI / 4) * d * d * length, airChangesPerHour: 0.5, entryFactor: 0.5, ignitionSources: false, connected: true };
  }
  if (asset.kind === 'cable') {
    return { asset, kind: 'cable_duct', label: 'cable duct', volumeM3: DUCT_FREE_AREA_M2 * length, airChangesPerHour: 0.2, entryFactor: 1, ignitionSources: true, connected: true };
  }
  if (asset.kind === 'tunnel_section') {
    return { asset, kind: 'tunnel', label: 'utility tunnel section', volumeM3: TUNNEL_COMPARTMENT_M2 * length, airChangesPerHour: 6, entryFactor: 0.2, ignitionSources: true, connected: true };
  }
  return undefined;
}

export interface NearbySpace {
  readonly space: UndergroundSpace;
  readonly distanceM: number;
}

/** Underground spaces within `reachM` of the leak (local metres), nearest first. */
export function spacesNear(assets: readonly Asset[], leak: readonly [number, number], reachM: number, frame: LocalFrame, exclude: ReadonlySet<string> = new Set()): NearbySpace[] {
  const out: NearbySpace[] = [];
  for (const a of assets) {
    if (exclude.has(a.id)) continue;
    const space = undergroundSpace(a);
    if (!space) continue;
    if (!roughlyWithin(a.geometry, leak, reachM, frame)) continue;
    const d = distanceToGeometry(leak, a.geometry, frame);
    if (d <= reachM) out.push({ space, distanceM: d });
  }
  return out.sort((x, y) => x.distanceM - y.distanceM);
}

/** Cheap bounding-box rejection before the exact distance. */
function roughlyWithin(g: Geometry, p: readonly [number, number], reachM: number, frame: LocalFrame): boolean {
  let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = frame.toXY(c as [number, number]);
      x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
    } else for (const inner of c as unknown[]) visit(inner);
  };
  visit(g.coordinates);
  return p[0] >= x0 - reachM && p[0] <= x1 + reachM && p[1] >= y0 - reachM && p[1] <= y1 + reachM;
}
