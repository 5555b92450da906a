import { createRequire } from 'node:module';

/**
 * EPA SWMM 5.2 itself, compiled to WebAssembly (@fileops/swmm-wasm-web, MIT; the engine's own
 * C source, so its results are SWMM's): run an .inp and read the report's summary tables.
 * The build is made for browsers; it runs in Node once it sees a `window` (the WebAssembly is
 * embedded in the file, so nothing is fetched).
 */
interface SwmmModule {
  FS: { writeFile(path: string, data: string): void; readFile(path: string, o: { encoding: 'utf8' }): string; readFile(path: string): Uint8Array };
  ccall(name: string, ret: 'number', types: string[], args: unknown[]): number;
}

let engine: Promise<SwmmModule> | undefined;
function load(): Promise<SwmmModule> {
  if (!engine) {
    const g = globalThis as { window?: unknown };
    g.window ??= globalThis;
    const create = createRequire(import.meta.url)('@fileops/swmm-wasm-web') as (o: object) => Promise<SwmmModule>;
    engine = create({ print: () => undefined, printErr: () => undefined });
  }
  return engine;
}

export interface SwmmReport {
  readonly text: string;
  /** Link Flow Summary: maximum |flow| (the file's flow units) and max/full flow. */
  readonly links: ReadonlyMap<string, { readonly maxFlow: number; readonly maxOverFull: number | undefined }>;
  /** Node Inflow Summary: maximum total inflow. */
  readonly nodeInflow: ReadonlyMap<string, number>;
  /** Node Flooding Summary: total flood volume (10^6 litres in SI files; 10^6 gal in US), hours flooded, maximum rate. */
  readonly flooding: ReadonlyMap<string, { readonly hours: number; readonly maxRate: number; readonly volume: number }>;
  /** Node Surcharge Summary: hours surcharged. */
  readonly surcharged: ReadonlyMap<string, number>;
  /** A link's flow at every reporting step (the binary output file), in the file's flow units. */
  linkFlow(id: string): Float32Array;
  /** A node's total inflow at every reporting step. */
  nodeInflowSeries(id: string): Float32Array;
  readonly reportStepS: number;
}

export async function runSwmm(inp: string): Promise<SwmmReport> {
  const m = await load();
  // The binary output holds only the objects [REPORT] names (none by default).
  m.FS.writeFile('/model.inp', `${inp}\n[REPORT]\nNODES ALL\nLINKS ALL\n`);
  const code = m.ccall('swmm_run', 'number', ['string', 'string', 'string'], ['/model.inp', '/model.rpt', '/model.out']);
  const text = m.FS.readFile('/model.rpt', { encoding: 'utf8' });
  if (code !== 0) throw new Error(`SWMM error ${code}:\n${text.slice(0, 2000)}`);
  const out = readOutput(m.FS.readFile('/model.out'));
  return {
    linkFlow: (id: string) => out.series('link', id, 0), nodeInflowSeries: (id: string) => out.series('node', id, 4), reportStepS: out.reportStepS,
    text,
    links: new Map(rows(text, 'Link Flow Summary').map((r) => [r[0]!, { maxFlow: Number(r[2]), maxOverFull: r[6] !== undefined ? Number(r[6]) : undefined }])),
    nodeInflow: new Map(rows(text, 'Node Inflow Summary').map((r) => [r[0]!, Number(r[4])])),
    flooding: new Map(rows(text, 'Node Flooding Summary').map((r) => [r[0]!, { hours: Number(r[1]), maxRate: Number(r[2]), volume: Number(r[5]) }])),
    surcharged: new Map(rows(text, 'Node Surcharge Summary').map((r) => [r[0]!, Number(r[2])])),
  };
}

/** The data rows of a report table: the lines after its second dashed rule, up to the blank line. */
function rows(text: string, title: string): string[][] {
  const at = text.indexOf(`  ${title}\n`);
  if (at < 0) return [];
  const lines = text.slice(at).split('\n');
  const out: string[][] = [];
  let rules = 0;
  for (const line of lines.slice(1)) {
    if (/^\s*-{10,}\s*$/.test(line)) { rules++; continue; }
    if (rules < 2) { if (/No nodes were|No nodes|none/i.test(line)) return []; continue; }
    if (line.trim() === '') break;
    out.push(line.trim().split(/\s+/));
  }
  return out;
}

/**
 * SWMM's binary output file (SWMM 5 Interfacing Guide, "Output file"): a header of counts, the
 * object ids, their properties, the variables reported, then per period a date and float32
 * values for every subcatchment, node, link and the system; the last 6 words locate the sections.
 */
function readOutput(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const int = (at: number) => view.getInt32(at, true);
  const end = bytes.byteLength;
  const [idsAt, propsAt, resultsAt, periods] = [int(end - 24), int(end - 20), int(end - 16), int(end - 12)];
  const [nSub, nNodes, nLinks, nPoll] = [int(12), int(16), int(20), int(24)];
  const ids = { node: new Map<string, number>(), link: new Map<string, number>() };
  let at = idsAt;
  const name = () => { const n = int(at); const s = new TextDecoder().decode(bytes.subarray(at + 4, at + 4 + n)); at += 4 + n; return s; };
  for (let k = 0; k < nSub; k++) name();
  for (let k = 0; k < nNodes; k++) ids.node.set(name(), k);
  for (let k = 0; k < nLinks; k++) ids.link.set(name(), k);
  for (let k = 0; k < nPoll; k++) name();
  at = propsAt;
  const skipProps = (count: number) => { const n = int(at); at += 4 + 4 * n + 4 * n * count; };
  skipProps(nSub); skipProps(nNodes); skipProps(nLinks);
  const vars = () => { const n = int(at); at += 4 + 4 * n; return n; };
  const [subVars, nodeVars, linkVars, sysVars] = [vars(), vars(), vars(), vars()];
  const reportStepS = int(at + 8);
  const perPeriod = 8 + 4 * (nSub * subVars + nNodes * nodeVars + nLinks * linkVars + sysVars);
  return {
    reportStepS,
    series(kind: 'node' | 'link', id: string, variable: number): Float32Array {
      const k = ids[kind].get(id);
      if (k === undefined) throw new Error(`no ${kind} ${id} in the output`);
      const offset = 8 + 4 * (nSub * subVars + (kind === 'node' ? k * nodeVars : nNodes * nodeVars + k * linkVars) + variable);
      return Float32Array.from({ length: periods }, (_, p) => view.getFloat32(resultsAt + p * perPeriod + offset, true));
    },
  };
}
