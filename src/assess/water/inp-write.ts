import type { WaterNetwork } from './network.js';

/**
 * Write a network back as EPANET .inp text. Numbers are written in JavaScript's shortest exact
 * form, so parse → write → run reproduces the original results. Options that point at files
 * (HYDRAULICS USE/SAVE, MAP) are dropped: the engine runs in a sealed in-memory file system.
 */
export function toInp(net: WaterNetwork): string {
  const out: string[] = [];
  const section = (name: string, header: string | undefined, lines: readonly string[]): void => {
    out.push(`[${name}]`);
    if (header) out.push(`;${header}`);
    out.push(...lines, '');
  };
  const row = (...cells: (string | number | undefined)[]): string => cells.filter((c) => c !== undefined && c !== '').map(cell).join('\t');

  section('TITLE', undefined, net.title);
  section('JUNCTIONS', 'ID\tElev\tDemand\tPattern', net.junctions.map((j) => row(j.id, j.elevation, j.demand, j.pattern)));
  section('RESERVOIRS', 'ID\tHead\tPattern', net.reservoirs.map((r) => row(r.id, r.head, r.pattern)));
  section('TANKS', 'ID\tElevation\tInitLevel\tMinLevel\tMaxLevel\tDiameter\tMinVol\tVolCurve', net.tanks.map((t) =>
    row(t.id, t.elevation, t.initLevel, t.minLevel, t.maxLevel, t.diameter, t.minVolume, t.volumeCurve ?? (t.rest ? '*' : undefined), ...(t.rest ?? []))));
  section('PIPES', 'ID\tNode1\tNode2\tLength\tDiameter\tRoughness\tMinorLoss\tStatus', net.pipes.map((p) =>
    row(p.id, p.from, p.to, p.length, p.diameter, p.roughness, p.minorLoss, p.status)));
  section('PUMPS', 'ID\tNode1\tNode2\tParameters', net.pumps.map((p) => row(p.id, p.from, p.to, ...p.parameters)));
  section('VALVES', 'ID\tNode1\tNode2\tDiameter\tType\tSetting\tMinorLoss', net.valves.map((v) =>
    row(v.id, v.from, v.to, v.diameter, v.type, v.setting, v.minorLoss)));
  section('DEMANDS', 'Junction\tDemand\tPattern\tCategory', Object.entries(net.demands).flatMap(([id, list]) =>
    list.map((d) => `${row(id, d.demand, d.pattern ?? (d.category ? '' : undefined))}${d.category ? `\t;${d.category}` : ''}`)));
  section('STATUS', 'ID\tStatus/Setting', Object.entries(net.status).map(([id, s]) => row(id, s)));
  section('EMITTERS', 'Junction\tCoefficient', Object.entries(net.emitters).map(([id, c]) => row(id, c)));
  section('PATTERNS', 'ID\tMultipliers', Object.entries(net.patterns).flatMap(([id, values]) => chunk(values, 6).map((v) => row(id, ...v))));
  section('CURVES', 'ID\tX-Value\tY-Value', Object.entries(net.curves).flatMap(([id, points]) => points.map(([x, y]) => row(id, x, y))));
  section('CONTROLS', undefined, net.controls);
  section('RULES', undefined, net.rules);
  for (const [name, lines] of Object.entries(net.extraSections)) section(name, undefined, lines);
  section('TIMES', undefined, Object.entries(net.times).map(([k, v]) => `${k}\t${v}`));
  section('OPTIONS', undefined, Object.entries(net.options.raw)
    .filter(([k]) => k !== 'HYDRAULICS' && k !== 'MAP')
    .map(([k, v]) => `${k}\t${v}`));
  section('COORDINATES', 'Node\tX-Coord\tY-Coord', Object.entries(net.coordinates).map(([id, [x, y]]) => row(id, x, y)));
  section('VERTICES', 'Link\tX-Coord\tY-Coord', Object.entries(net.vertices).flatMap(([id, pts]) => pts.map(([x, y]) => row(id, x, y))));
  out.push('[END]', '');
  return out.join('\n');
}

function cell(v: string | number | undefined): string {
  if (typeof v === 'number') return String(v);
  const s = v ?? '';
  return /\s/.test(s) ? `"${s}"` : s;
}

function chunk<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
