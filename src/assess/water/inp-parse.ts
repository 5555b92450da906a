import type { ControlValve, Demand, Junction, Pipe, PipeStatus, Pump, Reservoir, Tank, ValveType, WaterNetwork } from './network.js';
import { unitSystem } from './units.js';

/**
 * Parse EPANET .inp text into a typed network. Unknown sections are kept verbatim; malformed
 * lines in the sections the assessment relies on raise an error naming the line, so a bad file
 * is refused rather than half read.
 */
export function parseInp(text: string): WaterNetwork {
  const sections = splitSections(text);
  const rows = (name: string): { tokens: string[]; comment: string; line: number }[] => sections.get(name)?.rows ?? [];

  const demands: Record<string, Demand[]> = {};
  for (const r of rows('DEMANDS')) {
    const [id, d, pattern] = r.tokens;
    if (!id || d === undefined) continue;
    (demands[id] ??= []).push({ demand: num(d, r.line), ...(pattern ? { pattern } : {}), ...(r.comment ? { category: r.comment } : {}) });
  }

  const junctions: Junction[] = rows('JUNCTIONS').map((r) => {
    const [id, elev, demand, pattern] = need(r, 2);
    const extra = demands[id!];
    return {
      id: id!, elevation: num(elev!, r.line),
      demand: extra ? extra.reduce((s, d) => s + d.demand, 0) : demand === undefined ? 0 : num(demand, r.line),
      ...(pattern ? { pattern } : {}),
    };
  });
  const reservoirs: Reservoir[] = rows('RESERVOIRS').map((r) => {
    const [id, head, pattern] = need(r, 2);
    return { id: id!, head: num(head!, r.line), ...(pattern ? { pattern } : {}) };
  });
  const tanks: Tank[] = rows('TANKS').map((r) => {
    const t = need(r, 6);
    const curve = t[7];
    return {
      id: t[0]!, elevation: num(t[1]!, r.line), initLevel: num(t[2]!, r.line), minLevel: num(t[3]!, r.line), maxLevel: num(t[4]!, r.line),
      diameter: num(t[5]!, r.line), minVolume: t[6] === undefined ? 0 : num(t[6], r.line),
      ...(curve && curve !== '*' ? { volumeCurve: curve } : {}), ...(t.length > 8 ? { rest: t.slice(8) } : {}),
    };
  });
  const pipes: Pipe[] = rows('PIPES').map((r) => {
    const t = need(r, 6);
    const s = (t[7] ?? 'OPEN').toUpperCase();
    const status: PipeStatus = s === 'CLOSED' ? 'CLOSED' : s === 'CV' ? 'CV' : 'OPEN';
    return {
      id: t[0]!, from: t[1]!, to: t[2]!, length: num(t[3]!, r.line), diameter: num(t[4]!, r.line), roughness: num(t[5]!, r.line),
      minorLoss: t[6] === undefined ? 0 : num(t[6], r.line), status,
    };
  });
  const pumps: Pump[] = rows('PUMPS').map((r) => {
    const t = need(r, 3);
    return { id: t[0]!, from: t[1]!, to: t[2]!, parameters: t.slice(3) };
  });
  const valves: ControlValve[] = rows('VALVES').map((r) => {
    const t = need(r, 6);
    return {
      id: t[0]!, from: t[1]!, to: t[2]!, diameter: num(t[3]!, r.line), type: t[4]!.toUpperCase() as ValveType, setting: t[5]!,
      minorLoss: t[6] === undefined ? 0 : num(t[6], r.line),
    };
  });

  const patterns: Record<string, number[]> = {};
  for (const r of rows('PATTERNS')) {
    const [id, ...values] = r.tokens;
    if (!id) continue;
    (patterns[id] ??= []).push(...values.map((v) => num(v, r.line)));
  }
  const curves: Record<string, [number, number][]> = {};
  for (const r of rows('CURVES')) {
    const [id, ...values] = r.tokens;
    if (!id) continue;
    const list = (curves[id] ??= []);
    for (let k = 0; k + 1 < values.length; k += 2) list.push([num(values[k]!, r.line), num(values[k + 1]!, r.line)]);
  }
  const coordinates: Record<string, [number, number]> = {};
  for (const r of rows('COORDINATES')) {
    const [id, x, y] = r.tokens;
    if (id && x !== undefined && y !== undefined) coordinates[id] = [num(x, r.line), num(y, r.line)];
  }
  const vertices: Record<string, [number, number][]> = {};
  for (const r of rows('VERTICES')) {
    const [id, x, y] = r.tokens;
    if (id && x !== undefined && y !== undefined) (vertices[id] ??= []).push([num(x, r.line), num(y, r.line)]);
  }
  const status: Record<string, string> = {};
  for (const r of rows('STATUS')) if (r.tokens[0] && r.tokens[1]) status[r.tokens[0]] = r.tokens[1];
  const emitters: Record<string, number> = {};
  for (const r of rows('EMITTERS')) if (r.tokens[0] && r.tokens[1]) emitters[r.tokens[0]] = num(r.tokens[1], r.line);

  const optionsRaw = keyValues(rows('OPTIONS'), OPTION_PHRASES);
  const units = (optionsRaw.UNITS ?? 'GPM').toUpperCase();
  unitSystem(units); // refuses unknown units here, not at run time
  const pattern = optionsRaw.PATTERN ?? (patterns['1'] ? '1' : undefined);

  const known = new Set(['TITLE', 'JUNCTIONS', 'RESERVOIRS', 'TANKS', 'PIPES', 'PUMPS', 'VALVES', 'DEMANDS', 'PATTERNS', 'CURVES', 'COORDINATES',
    'VERTICES', 'STATUS', 'EMITTERS', 'OPTIONS', 'TIMES', 'CONTROLS', 'RULES', 'END', 'BACKDROP']);
  const extraSections: Record<string, string[]> = {};
  for (const [name, s] of sections) if (!known.has(name)) extraSections[name] = withoutTrailingBlanks(s.lines);

  return {
    title: sections.get('TITLE')?.lines.filter((l) => l.trim() !== '') ?? [],
    options: {
      units, headloss: (optionsRaw.HEADLOSS ?? 'H-W').toUpperCase(),
      demandMultiplier: optionsRaw['DEMAND MULTIPLIER'] ? num(optionsRaw['DEMAND MULTIPLIER'], 0) : 1,
      emitterExponent: optionsRaw['EMITTER EXPONENT'] ? num(optionsRaw['EMITTER EXPONENT'], 0) : 0.5,
      ...(pattern ? { pattern } : {}), raw: optionsRaw,
    },
    times: keyValues(rows('TIMES'), TIME_PHRASES),
    junctions, reservoirs, tanks, pipes, pumps, valves, patterns, curves, coordinates, vertices, status, emitters, demands,
    controls: sections.get('CONTROLS')?.lines.filter(isContent) ?? [],
    rules: sections.get('RULES')?.lines.filter(isContent) ?? [],
    extraSections,
    crs: looksLikeLonLat(Object.values(coordinates)) ? 'lonlat' : 'local',
  };
}

/** Coordinates are taken as WGS 84 when every one is a valid lon/lat and they span under 2°. */
export function looksLikeLonLat(points: readonly (readonly [number, number])[]): boolean {
  if (points.length === 0) return false;
  let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
  for (const [x, y] of points) {
    if (Math.abs(x) > 180 || Math.abs(y) > 90) return false;
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  return x1 - x0 < 2 && y1 - y0 < 2;
}

const OPTION_PHRASES = ['DEMAND MULTIPLIER', 'EMITTER EXPONENT', 'EMITTER BACKFLOW', 'SPECIFIC GRAVITY', 'DEMAND MODEL', 'MINIMUM PRESSURE',
  'REQUIRED PRESSURE', 'PRESSURE EXPONENT', 'DEMAND CHARGE', 'FLOW CHANGE', 'HEAD ERROR', 'BACKFLOW ALLOWED'];
const TIME_PHRASES = ['HYDRAULIC TIMESTEP', 'QUALITY TIMESTEP', 'RULE TIMESTEP', 'PATTERN TIMESTEP', 'PATTERN START', 'REPORT TIMESTEP',
  'REPORT START', 'START CLOCKTIME'];

function keyValues(rows: readonly { tokens: string[] }[], phrases: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { tokens } of rows) {
    if (tokens.length === 0) continue;
    const two = `${tokens[0]} ${tokens[1] ?? ''}`.toUpperCase();
    const phrase = phrases.find((p) => p === two);
    const keyTokens = phrase ? 2 : 1;
    out[phrase ?? tokens[0]!.toUpperCase()] = tokens.slice(keyTokens).join(' ');
  }
  return out;
}

interface Section {
  lines: string[];
  rows: { tokens: string[]; comment: string; line: number }[];
}

function splitSections(text: string): Map<string, Section> {
  const sections = new Map<string, Section>();
  let current: Section | undefined;
  text.split(/\r?\n/).forEach((raw, k) => {
    const trimmed = raw.trim();
    const header = /^\[([^\]]+)\]/.exec(trimmed);
    if (header) {
      const name = header[1]!.trim().toUpperCase();
      current = sections.get(name) ?? { lines: [], rows: [] };
      sections.set(name, current);
      return;
    }
    if (!current) return;
    current.lines.push(raw);
    const cut = raw.indexOf(';');
    const content = cut >= 0 ? raw.slice(0, cut) : raw;
    const comment = cut >= 0 ? raw.slice(cut + 1).trim() : '';
    const tokens = tokenize(content);
    if (tokens.length > 0) current.rows.push({ tokens, comment, line: k + 1 });
  });
  return sections;
}

/** Whitespace-separated tokens; "double quoted" tokens may hold spaces (EPANET 2.2). */
function tokenize(s: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push(m[1] ?? m[2]!);
  return out;
}

function withoutTrailingBlanks(lines: readonly string[]): string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  return lines.slice(0, end);
}

function isContent(line: string): boolean {
  const t = line.trim();
  return t !== '' && !t.startsWith(';');
}

function need(r: { tokens: string[]; line: number }, n: number): string[] {
  if (r.tokens.length < n) throw new Error(`EPANET input line ${r.line}: expected at least ${n} values, got ${r.tokens.length}`);
  return r.tokens;
}

function num(s: string, line: number): number {
  const v = Number(s);
  if (!Number.isFinite(v)) throw new Error(`EPANET input line ${line}: '${s}' is not a number`);
  return v;
}
