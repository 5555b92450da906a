/**
 * A storm-drainage network for rapid routing, in SI units: nodes (manholes, outfalls, storage,
 * low points where water ponds), links (conduits, pumps, and links passed through without a
 * limit) and subcatchments. Built from SWMM .inp files (swmm-parse.ts) or from the asset
 * register (from-assets.ts).
 */
export interface DrainageNetwork {
  readonly nodes: readonly DrainageNode[];
  readonly links: readonly DrainageLink[];
  readonly subcatchments: readonly Subcatchment[];
  /** Whether positions are WGS 84 lon/lat (drawable) or a drawing's own units. */
  readonly crs: 'lonlat' | 'local';
}

export type DrainageNodeKind = 'junction' | 'outfall' | 'storage' | 'low_point';

export interface DrainageNode {
  readonly id: string;
  readonly kind: DrainageNodeKind;
  /** Invert (bottom) elevation, m. */
  readonly invertM: number;
  /** Rim (ground) elevation, m: water above it leaves the node onto the street. */
  readonly groundM: number;
  /** Plan area of the shaft or storage, m². */
  readonly shaftAreaM2: number;
  /** Surface area water spreads over when it starts to pond here, m² (low points: the sag's floor). */
  readonly pondAreaM2: number;
  /**
   * Slope of the ground around the pond (default 0.01, a street's fall): as water deepens the pond
   * widens, so depth grows with the cube root of volume, not in proportion to it.
   */
  readonly pondSlope?: number;
  /** Receiving-water level at an outfall, m (backs water up into the last pipe). */
  readonly stageM?: number;
  readonly position?: readonly [number, number];
  /** Low point type ('underpass', 'street', 'metro_entrance' …) and its road-closure depth. */
  readonly lowPoint?: string;
  readonly closeRoadCm?: number;
  readonly name?: string;
}

export type DrainageLinkKind = 'conduit' | 'pump' | 'free';

export interface DrainageLink {
  readonly id: string;
  readonly kind: DrainageLinkKind;
  readonly from: string;
  readonly to: string;
  readonly lengthM: number;
  /** Conduit cross-section; pumps and free links have none. */
  readonly shape?: CrossSection;
  readonly manningN?: number;
  /** Bed slope used for capacity (inverts, offsets; never below MIN_SLOPE). */
  readonly slope?: number;
  /** Invert above the node inverts at each end, m (SWMM offsets). */
  readonly inOffsetM?: number;
  readonly outOffsetM?: number;
  /** Pump capacity, m³/s. */
  readonly pumpCapacityM3s?: number;
  readonly geometry?: readonly (readonly [number, number])[];
  readonly name?: string;
}

export type CrossSection =
  | { readonly kind: 'circular'; readonly diameterM: number }
  | { readonly kind: 'rect_closed'; readonly heightM: number; readonly widthM: number }
  | { readonly kind: 'rect_open'; readonly heightM: number; readonly widthM: number }
  | { readonly kind: 'trapezoidal'; readonly heightM: number; readonly bottomM: number; readonly leftSlope: number; readonly rightSlope: number };

/**
 * A subcatchment, SWMM's way: an impervious part (some of it without depression storage) and a
 * pervious part with Horton infiltration, each a nonlinear reservoir draining to `outlet`.
 */
export interface Subcatchment {
  readonly id: string;
  readonly outlet: string;
  readonly areaHa: number;
  readonly imperviousPct: number;
  /** Characteristic width of overland flow, m (area ÷ flow length). */
  readonly widthM: number;
  readonly slopePct: number;
  readonly nImpervious: number;
  readonly nPervious: number;
  readonly depressionImperviousMm: number;
  readonly depressionPerviousMm: number;
  /** Share of the impervious area with no depression storage, %. */
  readonly zeroDepressionPct: number;
  readonly horton: HortonParameters;
  readonly position?: readonly [number, number];
}

/** Horton (1940): f(t) = fc + (f0 − fc)·e^(−k·t). */
export interface HortonParameters {
  readonly f0MmH: number;
  readonly fcMmH: number;
  readonly decayPerH: number;
}

/** Flat and adverse conduits still convey water in a surcharged system; capacity uses at least this slope. */
export const MIN_SLOPE = 0.0005;
