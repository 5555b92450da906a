import { seriesHyetograph, type Hyetograph } from './hyetograph.js';
import type { CrossSection, DrainageLink, DrainageNetwork, DrainageNode, HortonParameters, Subcatchment } from './network.js';
import { MIN_SLOPE } from './network.js';

/**
 * Read the topology of an EPA SWMM 5 .inp file into a DrainageNetwork (SI units): junctions,
 * outfalls, storage and dividers as nodes; conduits with their cross-sections; pumps at their
 * curve's largest flow; orifices, weirs and outlets passed through without a limit;
 * subcatchments with their sub-areas and infiltration. Horton parameters are read as they are;
 * Green–Ampt and curve-number soils are mapped to a Horton curve (documented below), because the
 * rapid model uses one infiltration law. The first rain gauge's time series is returned as the
 * file's own rainfall. Format: SWMM 5 User's Manual, Appendix D.
 */
export interface SwmmModel {
  readonly network: DrainageNetwork;
  /** The first rain gauge's series, if it is a time series in the file. */
  readonly rainfall?: Hyetograph;
  readonly flowUnits: string;
}

const US = new Set(['CFS', 'GPM', 'MGD']);
const FT = 0.3048;
const ACRE_HA = 0.40468564;
const IN_MM = 25.4;

export function parseSwmm(text: string): SwmmModel {
  const sections = swmmSections(text);
  const rows = (name: string): string[][] => sections.get(name) ?? [];
  const options = new Map(rows('OPTIONS').map((r) => [r[0]!.toUpperCase(), r.slice(1).join(' ')]));
  const flowUnits = (options.get('FLOW_UNITS') ?? 'CFS').toUpperCase();
  const us = US.has(flowUnits);
  const len = (v: string | undefined): number => num(v) * (us ? FT : 1);
  const offsetsAreElevations = (options.get('LINK_OFFSETS') ?? 'DEPTH').toUpperCase() === 'ELEVATION';
  const coords = new Map(rows('COORDINATES').map((r) => [r[0]!, [num(r[1]), num(r[2])] as [number, number]]));

  let nodes: DrainageNode[] = [];
  /** Nodes given no depth: SWMM takes the crown of their highest pipe as the rim. */
  const noDepth = new Set<string>();
  const node = (id: string, kind: DrainageNode['kind'], invertM: number, depthM: number, extra: Partial<DrainageNode> = {}): void => {
    const position = coords.get(id);
    if (!(depthM > 0)) noDepth.add(id);
    nodes.push({
      id, kind, invertM, groundM: invertM + (depthM > 0 ? depthM : 0), shaftAreaM2: 1.13, pondAreaM2: 200,
      ...(position ? { position } : {}), ...extra,
    });
  };
  for (const r of rows('JUNCTIONS')) node(r[0]!, 'junction', len(r[1]), len(r[2]) + (r[4] ? len(r[4]) : 0));
  for (const r of rows('DIVIDERS')) node(r[0]!, 'junction', len(r[1]), 0);
  for (const r of rows('OUTFALLS')) {
    const type = (r[2] ?? 'FREE').toUpperCase();
    node(r[0]!, 'outfall', len(r[1]), 0, type === 'FIXED' && r[3] ? { stageM: len(r[3]) } : {});
  }
  for (const r of rows('STORAGE')) {
    // FUNCTIONAL: area = a·h^b + c (ft² or m²); TABULAR: the curve is not read, a pond of 1000 m² is assumed.
    const maxDepth = len(r[2]);
    const shape = (r[4] ?? '').toUpperCase();
    const areaUnits = us ? FT * FT : 1;
    const area = shape === 'FUNCTIONAL' ? (num(r[5]) * (num(r[2]) / 2) ** num(r[6]) + num(r[7] ?? '0')) * areaUnits : 1000;
    node(r[0]!, 'storage', len(r[1]), maxDepth, { shaftAreaM2: Math.max(area, 1), pondAreaM2: Math.max(area, 200) });
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));

  const xsections = new Map(rows('XSECTIONS').map((r) => [r[0]!, r]));
  const vertices = new Map<string, [number, number][]>();
  for (const r of rows('VERTICES')) {
    const list = vertices.get(r[0]!) ?? [];
    list.push([num(r[1]), num(r[2])]);
    vertices.set(r[0]!, list);
  }
  const geometry = (id: string, from: string, to: string): [number, number][] | undefined => {
    const a = coords.get(from);
    const b = coords.get(to);
    return a && b ? [a, ...(vertices.get(id) ?? []), b] : undefined;
  };

  const links: DrainageLink[] = [];
  for (const r of rows('CONDUITS')) {
    const [id, from, to] = [r[0]!, r[1]!, r[2]!];
    const lengthM = len(r[3]);
    const up = byId.get(from);
    const down = byId.get(to);
    if (!up || !down) throw new Error(`SWMM conduit ${id} joins unknown node ${up ? to : from}`);
    const inOffsetM = offsetsAreElevations && r[5] ? len(r[5]) - up.invertM : len(r[5] ?? '0');
    const outOffsetM = offsetsAreElevations && r[6] ? len(r[6]) - down.invertM : len(r[6] ?? '0');
    const drop = up.invertM + inOffsetM - (down.invertM + outOffsetM);
    const g = geometry(id, from, to);
    links.push({
      id, kind: 'conduit', from, to, lengthM, manningN: num(r[4]), slope: Math.max(drop / Math.max(lengthM, 1), MIN_SLOPE),
      inOffsetM, outOffsetM, shape: crossSection(xsections.get(id), us), ...(g ? { geometry: g } : {}),
    });
  }
  const curves = new Map<string, number[]>();
  for (const r of rows('CURVES')) {
    const values = r.slice(1).filter((v) => !/^PUMP\d|^[A-Z]/i.test(v) || Number.isFinite(Number(v)));
    const list = curves.get(r[0]!) ?? [];
    for (let k = 0; k + 1 < values.length; k += 2) list.push(num(values[k + 1]));
    curves.set(r[0]!, list);
  }
  const flowToM3s = FLOW_TO_M3S[flowUnits] ?? 1;
  for (const r of rows('PUMPS')) {
    const flows = curves.get(r[3] ?? '');
    const capacity = flows && flows.length > 0 ? Math.max(...flows) * flowToM3s : Infinity;
    links.push({ id: r[0]!, kind: 'pump', from: r[1]!, to: r[2]!, lengthM: 0, pumpCapacityM3s: capacity });
  }
  for (const section of ['ORIFICES', 'WEIRS', 'OUTLETS']) {
    for (const r of rows(section)) links.push({ id: r[0]!, kind: 'free', from: r[1]!, to: r[2]!, lengthM: 0 });
  }

  const crown = new Map<string, number>();
  for (const l of links) {
    if (!l.shape) continue;
    const h = l.shape.kind === 'circular' ? l.shape.diameterM : l.shape.heightM;
    crown.set(l.from, Math.max(crown.get(l.from) ?? 0, (l.inOffsetM ?? 0) + h));
    crown.set(l.to, Math.max(crown.get(l.to) ?? 0, (l.outOffsetM ?? 0) + h));
  }
  nodes = nodes.map((n) => (noDepth.has(n.id) ? { ...n, groundM: n.invertM + (crown.get(n.id) ?? DEFAULT_DEPTH_M) } : n));

  const subareas = new Map(rows('SUBAREAS').map((r) => [r[0]!, r]));
  const infiltration = new Map(rows('INFILTRATION').map((r) => [r[0]!, r]));
  const infilModel = (options.get('INFILTRATION') ?? 'HORTON').toUpperCase();
  const polygons = new Map<string, [number, number][]>();
  for (const r of rows('POLYGONS')) {
    const list = polygons.get(r[0]!) ?? [];
    list.push([num(r[1]), num(r[2])]);
    polygons.set(r[0]!, list);
  }
  const subRows = rows('SUBCATCHMENTS');
  const outletOf = new Map(subRows.map((r) => [r[0]!, r[2]!]));
  /** A subcatchment may drain onto another: follow the chain to a node. */
  const finalOutlet = (id: string): string => {
    let out = outletOf.get(id)!;
    for (let hops = 0; outletOf.has(out) && hops < 100; hops++) out = outletOf.get(out)!;
    return out;
  };
  const subcatchments: Subcatchment[] = subRows.map((r) => {
    const id = r[0]!;
    const sa = subareas.get(id);
    const inf = infiltration.get(id);
    const poly = polygons.get(id);
    const centre = poly && poly.length > 0 ? [poly.reduce((s, p) => s + p[0], 0) / poly.length, poly.reduce((s, p) => s + p[1], 0) / poly.length] as [number, number] : undefined;
    const depth = (v: string | undefined): number => num(v ?? '0') * (us ? IN_MM : 1);
    return {
      id, outlet: finalOutlet(id), areaHa: num(r[3]) * (us ? ACRE_HA : 1), imperviousPct: num(r[4]), widthM: len(r[5]), slopePct: num(r[6]),
      nImpervious: sa ? num(sa[1]) : 0.015, nPervious: sa ? num(sa[2]) : 0.24,
      depressionImperviousMm: sa ? depth(sa[3]) : 1.5, depressionPerviousMm: sa ? depth(sa[4]) : 5, zeroDepressionPct: sa ? num(sa[5]) : 25,
      horton: hortonFrom(infilModel, inf, us),
      ...(centre ? { position: centre } : {}),
    };
  });

  const allPositions = [...coords.values()];
  const crs = allPositions.length > 0 && allPositions.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90)
    && Math.max(...allPositions.map((p) => p[0])) - Math.min(...allPositions.map((p) => p[0])) < 2 ? 'lonlat' : 'local';
  const rainfall = firstGaugeRain(rows('RAINGAGES'), rows('TIMESERIES'), us);
  return { network: { nodes, links, subcatchments, crs }, flowUnits, ...(rainfall ? { rainfall } : {}) };
}

/** A node with no depth and no pipes is taken to be this deep. */
const DEFAULT_DEPTH_M = 3;

const FLOW_TO_M3S: Readonly<Record<string, number>> = { CFS: 0.028316847, GPM: 6.30902e-5, MGD: 0.043812636, CMS: 1, LPS: 0.001, MLD: 1000 / 86_400 };

function crossSection(r: readonly string[] | undefined, us: boolean): CrossSection {
  const f = us ? FT : 1;
  const shape = (r?.[1] ?? 'CIRCULAR').toUpperCase();
  const g = [2, 3, 4, 5].map((k) => num(r?.[k] ?? '0'));
  switch (shape) {
    case 'RECT_CLOSED': return { kind: 'rect_closed', heightM: g[0]! * f, widthM: g[1]! * f };
    case 'RECT_OPEN': return { kind: 'rect_open', heightM: g[0]! * f, widthM: g[1]! * f };
    case 'TRAPEZOIDAL': return { kind: 'trapezoidal', heightM: g[0]! * f, bottomM: g[1]! * f, leftSlope: g[2]!, rightSlope: g[3]! };
    case 'TRIANGULAR': return { kind: 'trapezoidal', heightM: g[0]! * f, bottomM: 0, leftSlope: g[1]! / 2 / Math.max(g[0]!, 1e-6), rightSlope: g[1]! / 2 / Math.max(g[0]!, 1e-6) };
    // Other shapes (egg, horseshoe, force main …) are taken as a circle of their full height.
    default: return { kind: 'circular', diameterM: Math.max(g[0]!, 0.01) * f };
  }
}

/**
 * Horton parameters for any SWMM infiltration model. HORTON is read as it is (max rate, min rate,
 * decay per hour). For GREEN_AMPT the saturated conductivity is the final rate and the initial
 * rate is five times it; for CURVE_NUMBER the final rate follows the NRCS hydrologic soil group
 * the curve number suggests (A ≥ 7.6, B 3.8, C 1.3, D 0.5 mm/h at CN ≤ 60, 75, 85, above). Both
 * are approximations for a rapid model; use Horton parameters where they are known.
 */
function hortonFrom(model: string, r: readonly string[] | undefined, us: boolean): HortonParameters {
  const rate = (v: string | undefined): number => num(v ?? '0') * (us ? IN_MM : 1);
  if (!r) return { f0MmH: 76, fcMmH: 6, decayPerH: 4 };
  if (model.startsWith('HORTON') || model === 'MODIFIED_HORTON') return { f0MmH: rate(r[1]), fcMmH: rate(r[2]), decayPerH: num(r[3] ?? '4') };
  if (model.includes('GREEN')) { const k = rate(r[2]); return { f0MmH: 5 * k, fcMmH: k, decayPerH: 4 }; }
  const cn = num(r[1] ?? '75');
  const fc = cn <= 60 ? 7.6 : cn <= 75 ? 3.8 : cn <= 85 ? 1.3 : 0.5;
  return { f0MmH: 10 * fc, fcMmH: fc, decayPerH: 4 };
}

function firstGaugeRain(gauges: readonly string[][], series: readonly string[][], us: boolean): Hyetograph | undefined {
  const g = gauges[0];
  if (!g || (g[4] ?? '').toUpperCase() !== 'TIMESERIES') return undefined;
  const name = g[5]!;
  const format = (g[1] ?? 'INTENSITY').toUpperCase();
  const intervalMin = hours(g[2] ?? '1:00') * 60;
  const scf = num(g[3] ?? '1');
  const points = series.filter((r) => r[0] === name).map((r) => {
    const dated = r.length >= 4;
    return { t: dated ? dateHours(r[1]!, r[2]!) : hours(r[1]!), v: num(r[dated ? 3 : 2]) * scf * (us ? IN_MM : 1) };
  });
  if (points.length === 0 || !(intervalMin > 0)) return undefined;
  // Each value covers one gauge interval from its time; series times need not be a whole number
  // of intervals apart, so the rain is laid out minute by minute.
  const t0 = Math.min(...points.map((p) => p.t));
  const sorted = [...points].sort((a, b) => a.t - b.t);
  const span = Math.max(1, Math.round(intervalMin));
  const minutes = Math.round((sorted[sorted.length - 1]!.t - t0) * 60) + span;
  const depth = new Array<number>(minutes).fill(0);
  sorted.forEach((p, k) => {
    const d = format === 'INTENSITY' ? (p.v * intervalMin) / 60 : format === 'VOLUME' ? p.v : Math.max(0, p.v - (k > 0 ? sorted[k - 1]!.v : 0));
    const start = Math.round((p.t - t0) * 60);
    for (let m = 0; m < span; m++) depth[start + m] = (depth[start + m] ?? 0) + d / span;
  });
  return seriesHyetograph(depth.map((d) => d * 60), 1);
}

function hours(s: string): number {
  if (s.includes(':')) {
    const [h, m = '0', sec = '0'] = s.split(':');
    return Number(h) + Number(m) / 60 + Number(sec) / 3600;
  }
  return num(s);
}

function dateHours(date: string, time: string): number {
  const [mo, d, y] = date.split('/').map(Number);
  return Date.UTC(y!, mo! - 1, d!) / 3_600_000 + hours(time);
}

function swmmSections(text: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  let current: string[][] | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/;.*$/, '').trim();
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) {
      const name = header[1]!.toUpperCase();
      current = out.get(name) ?? [];
      out.set(name, current);
      continue;
    }
    if (current && line) current.push(line.split(/\s+/));
  }
  return out;
}

function num(v: string | undefined): number {
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`SWMM input: '${v}' is not a number`);
  return n;
}
