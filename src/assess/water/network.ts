/**
 * A water network as EPANET models it (the sections of an EPANET 2.2 .inp file), typed. Values
 * are in the file's own units (`options.units`: GPM, LPS …); see units.ts. Sections the
 * assessment does not need to understand are kept verbatim in `extraSections`, so a network
 * written back out (inp-write.ts) runs exactly as the original.
 * Format: https://github.com/OpenWaterAnalytics/EPANET/wiki/Input-File-Format
 */
export interface WaterNetwork {
  readonly title: readonly string[];
  readonly options: WaterOptions;
  readonly times: Readonly<Record<string, string>>;
  readonly junctions: readonly Junction[];
  readonly reservoirs: readonly Reservoir[];
  readonly tanks: readonly Tank[];
  readonly pipes: readonly Pipe[];
  readonly pumps: readonly Pump[];
  readonly valves: readonly ControlValve[];
  readonly patterns: Readonly<Record<string, readonly number[]>>;
  readonly curves: Readonly<Record<string, readonly (readonly [number, number])[]>>;
  readonly coordinates: Readonly<Record<string, readonly [number, number]>>;
  readonly vertices: Readonly<Record<string, readonly (readonly [number, number])[]>>;
  /** [STATUS] overrides: link id → OPEN / CLOSED / a setting. */
  readonly status: Readonly<Record<string, string>>;
  /** [EMITTERS]: junction id → coefficient (flow units per pressure unit ^ exponent). */
  readonly emitters: Readonly<Record<string, number>>;
  /** [DEMANDS]: extra demand categories per junction (replace the junction's own demand). */
  readonly demands: Readonly<Record<string, readonly Demand[]>>;
  readonly controls: readonly string[];
  readonly rules: readonly string[];
  /** Other sections (QUALITY, REACTIONS, ENERGY, REPORT …) line by line, written back as they are. */
  readonly extraSections: Readonly<Record<string, readonly string[]>>;
  /** Whether [COORDINATES] are WGS 84 lon/lat (then layers can be drawn) or a drawing's own units. */
  readonly crs: 'lonlat' | 'local';
  /** Isolation valves from the asset register (not EPANET links: an open gate valve has no head loss). */
  readonly isolationValves?: readonly IsolationValve[];
}

export interface WaterOptions {
  /** Flow units: CFS, GPM, MGD, IMGD, AFD (US) or LPS, LPM, MLD, CMH, CMD (SI). */
  readonly units: string;
  /** H-W, D-W or C-M. */
  readonly headloss: string;
  readonly demandMultiplier: number;
  readonly emitterExponent: number;
  /** Default demand pattern id (EPANET uses pattern '1' when none is named and it exists). */
  readonly pattern?: string;
  /** Every [OPTIONS] line by key (upper case), as written. */
  readonly raw: Readonly<Record<string, string>>;
}

export interface Demand {
  readonly demand: number;
  readonly pattern?: string;
  readonly category?: string;
}

export interface Junction {
  readonly id: string;
  readonly elevation: number;
  /** Base demand (flow units); the sum of [DEMANDS] categories when present. */
  readonly demand: number;
  readonly pattern?: string;
}

export interface Reservoir {
  readonly id: string;
  readonly head: number;
  readonly pattern?: string;
}

export interface Tank {
  readonly id: string;
  readonly elevation: number;
  readonly initLevel: number;
  readonly minLevel: number;
  readonly maxLevel: number;
  readonly diameter: number;
  readonly minVolume: number;
  readonly volumeCurve?: string;
  /** Anything after the volume curve (e.g. the 2.2 overflow flag), kept as written. */
  readonly rest?: readonly string[];
}

export type PipeStatus = 'OPEN' | 'CLOSED' | 'CV';

export interface Pipe {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly length: number;
  readonly diameter: number;
  readonly roughness: number;
  readonly minorLoss: number;
  readonly status: PipeStatus;
}

export interface Pump {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** Keyword/value pairs as written: HEAD curve, POWER kW, SPEED s, PATTERN p. */
  readonly parameters: readonly string[];
}

export type ValveType = 'PRV' | 'PSV' | 'PBV' | 'FCV' | 'TCV' | 'GPV' | 'PCV';

export interface ControlValve {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly diameter: number;
  readonly type: ValveType;
  /** A number, or a curve id for GPV. */
  readonly setting: string;
  readonly minorLoss: number;
}

/** An isolation (gate/butterfly) valve on a pipe, next to one of its end nodes. */
export interface IsolationValve {
  readonly id: string;
  readonly pipe: string;
  /** The end node the valve sits next to: closing it separates the pipe from that node. */
  readonly node: string;
  /** Known not to operate (seized, buried, missing in the field). */
  readonly inoperable?: boolean;
  readonly diameterMm?: number;
  readonly position?: readonly [number, number];
}

export type NodeKind = 'junction' | 'reservoir' | 'tank';
export type LinkKind = 'pipe' | 'pump' | 'valve';

/** Every link, whatever its kind, as the graph sees it. */
export interface NetworkLink {
  readonly id: string;
  readonly kind: LinkKind;
  readonly from: string;
  readonly to: string;
  /** Closed in the base state ([PIPES] status or [STATUS]). */
  readonly closed: boolean;
}

export function networkLinks(net: WaterNetwork): NetworkLink[] {
  const closed = (id: string, own: boolean): boolean => {
    const s = net.status[id]?.toUpperCase();
    return s === 'CLOSED' ? true : s === 'OPEN' ? false : own;
  };
  return [
    ...net.pipes.map((p): NetworkLink => ({ id: p.id, kind: 'pipe', from: p.from, to: p.to, closed: closed(p.id, p.status === 'CLOSED') })),
    ...net.pumps.map((p): NetworkLink => ({ id: p.id, kind: 'pump', from: p.from, to: p.to, closed: closed(p.id, false) })),
    ...net.valves.map((v): NetworkLink => ({ id: v.id, kind: 'valve', from: v.from, to: v.to, closed: closed(v.id, false) })),
  ];
}

export function nodeKinds(net: WaterNetwork): Map<string, NodeKind> {
  const kinds = new Map<string, NodeKind>();
  for (const j of net.junctions) kinds.set(j.id, 'junction');
  for (const r of net.reservoirs) kinds.set(r.id, 'reservoir');
  for (const t of net.tanks) kinds.set(t.id, 'tank');
  return kinds;
}
