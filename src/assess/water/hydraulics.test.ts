import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runExtendedPeriod } from './hydraulics.js';
import { parseInp } from './inp-parse.js';
import { toInp } from './inp-write.js';

/**
 * The hydraulics are EPANET's own (epanet-js runs the OWA toolkit); these tests pin that what
 * Lifeline feeds it and reads back matches EPANET's published results for its example
 * networks: the EPANET 2.00.12 reports kept as regression benchmarks in the EPANET repository
 * (test/fixtures/assess/epanet/*-reference.rpt). Each network is also run after a parse → write
 * round trip, which must not change a thing.
 */
const FIXTURES = new URL('../../../test/fixtures/assess/epanet/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

interface Table { nodes: Map<string, { head: number; pressure: number }>; links: Map<string, number> }

/** The node and link tables of an EPANET report, by report time in seconds. */
function referenceTables(text: string): Map<number, Table> {
  const out = new Map<number, Table>();
  let current: { t: number; kind: 'node' | 'link' } | undefined;
  for (const line of text.split('\n')) {
    const header = /(Node|Link) Results at (\d+):(\d\d):(\d\d) hrs/.exec(line);
    if (header) {
      const t = Number(header[2]) * 3600 + Number(header[3]) * 60 + Number(header[4]);
      if (!out.has(t)) out.set(t, { nodes: new Map(), links: new Map() });
      current = { t, kind: header[1] === 'Node' ? 'node' : 'link' };
      continue;
    }
    const cells = line.trim().split(/\s+/);
    if (!current || cells.length < 4 || line.trim().startsWith('-') || line.trim().startsWith(';')) continue;
    const table = out.get(current.t)!;
    if (current.kind === 'node') table.nodes.set(cells[0]!, { head: Number(cells[2]), pressure: Number(cells[3]) });
    else table.links.set(cells[0]!, Number(cells[1]));
  }
  return out;
}

async function compare(inpName: string, rptName: string): Promise<void> {
  const reference = referenceTables(read(rptName));
  const original = read(inpName);
  for (const text of [original, toInp(parseInp(original))]) {
    const results = await runExtendedPeriod(text, [...reference.keys()]);
    for (const [t, table] of reference) {
      const got = results.get(t);
      expect(got, `results at ${t} s`).toBeDefined();
      for (const [id, want] of table.nodes) {
        // The report prints two decimals; EPANET 2.3 solves as 2.00.12 did to within that.
        expect(Math.abs(got!.pressure.get(id)! - want.pressure), `${inpName} node ${id} pressure at ${t / 3600} h`).toBeLessThan(0.02);
        expect(Math.abs(got!.head.get(id)! - want.head), `${inpName} node ${id} head at ${t / 3600} h`).toBeLessThan(0.02);
      }
      for (const [id, flow] of table.links) {
        expect(Math.abs(got!.flow.get(id)! - flow), `${inpName} link ${id} flow at ${t / 3600} h`).toBeLessThanOrEqual(0.02 + Math.abs(flow) * 1e-4);
      }
    }
  }
}

describe('hydraulics against EPANET reference results', () => {
  it('Net1: heads, pressures and flows over a day, through pump switching by tank level', async () => {
    await compare('Net1.inp', 'net1-reference.rpt');
  });

  it('Net2: the fluoride tracer network at the start of its run', async () => {
    await compare('Net2.inp', 'net2-reference.rpt');
  });

  it('Net3: two sources, three tanks and controlled pumps at the start of its run', async () => {
    await compare('Net3.inp', 'net3-reference.rpt');
  });
});
