import { describe, expect, it } from 'vitest';
import { networkGraph } from './graph.js';
import { parseInp } from './inp-parse.js';
import { fallbackIfFails, isolate, type IsolationInput } from './isolation.js';
import type { IsolationValve } from './network.js';

/**
 * Hand-built networks, drawn in the comments. R is a reservoir, Jn junctions, Pn pipes; a valve
 * written `|V1` next to a node sits on that pipe at that node.
 */
function net(pipes: string, extra = ''): ReturnType<typeof networkGraph> {
  const ids = new Set<string>();
  const rows = pipes.trim().split('\n').map((l) => l.trim().split(/\s+/));
  for (const [, a, b] of rows) { ids.add(a!); ids.add(b!); }
  const junctions = [...ids].filter((id) => id.startsWith('J')).map((id) => `${id} 10 1`);
  const reservoirs = [...ids].filter((id) => id.startsWith('R')).map((id) => `${id} 60`);
  const text = `[JUNCTIONS]\n${junctions.join('\n')}\n[RESERVOIRS]\n${reservoirs.join('\n')}\n[PIPES]\n${rows.map(([id, a, b]) => `${id} ${a} ${b} 100 200 120`).join('\n')}\n${extra}\n[OPTIONS]\nUNITS LPS\n[END]\n`;
  return networkGraph(parseInp(text));
}

const valve = (id: string, pipe: string, node: string, inoperable = false): IsolationValve => ({ id, pipe, node, ...(inoperable ? { inoperable } : {}) });
const sorted = (xs: readonly string[]): string[] => [...xs].sort();

describe('isolation segments', () => {
  //   R ──P0── J1 |V1──P1──V2| J2 |V3──P2── J3
  const line = net(`
    P0 R J1
    P1 J1 J2
    P2 J2 J3`);

  it('a pipe with a valve at each end is its own segment', () => {
    const plan = isolate({ graph: line, policy: 'register', valves: [valve('V1', 'P1', 'J1'), valve('V2', 'P1', 'J2'), valve('V3', 'P2', 'J2')] }, 'P1');
    expect(plan.pipes).toEqual(['P1']);
    expect(plan.nodes).toEqual([]);
    expect(sorted(plan.closures.map((c) => c.id))).toEqual(['V1', 'V2']);
    expect(plan.gaps).toEqual([]);
  });

  it('a missing valve widens the segment to the next valves and is reported', () => {
    // No V2: the segment takes in J2 and stops at V3 on P2.
    const plan = isolate({ graph: line, policy: 'register', valves: [valve('V1', 'P1', 'J1'), valve('V3', 'P2', 'J2')] }, 'P1');
    expect(plan.pipes).toEqual(['P1']);
    expect(plan.nodes).toEqual(['J2']);
    expect(sorted(plan.closures.map((c) => c.id))).toEqual(['V1', 'V3']);
    expect(plan.gaps).toEqual([{ pipe: 'P1', node: 'J2', reason: 'none' }]);
  });

  it('a failed valve widens the segment past it and is named', () => {
    //   R ──P0──V0| J1 |V1──P1──V2| J2 |V3──P2── J3 ──P3──V4| J4
    const g = net(`
      P0 R J1
      P1 J1 J2
      P2 J2 J3
      P3 J3 J4`);
    const valves = [valve('V0', 'P0', 'J1'), valve('V1', 'P1', 'J1'), valve('V2', 'P1', 'J2'), valve('V3', 'P2', 'J2'), valve('V4', 'P3', 'J4')];
    const input: IsolationInput = { graph: g, policy: 'register', valves, failed: new Set(['V2']) };
    const plan = isolate(input, 'P1');
    expect(sorted(plan.pipes)).toEqual(['P1']);
    expect(plan.nodes).toEqual(['J2']);
    expect(sorted(plan.closures.map((c) => c.id))).toEqual(['V1', 'V3']);
    expect(plan.gaps).toEqual([{ pipe: 'P1', node: 'J2', reason: 'failed', valve: 'V2' }]);

    // And if V3 fails as well, the segment runs on through J3 to V4.
    const wider = fallbackIfFails(input, 'P1', 'V3');
    expect(sorted(wider.pipes)).toEqual(['P1', 'P2', 'P3']);
    expect(sorted(wider.nodes)).toEqual(['J2', 'J3']);
    expect(sorted(wider.closures.map((c) => c.id))).toEqual(['V1', 'V4']);
  });

  it('a valve marked inoperable in the register counts as failed', () => {
    const plan = isolate({ graph: line, policy: 'register', valves: [valve('V1', 'P1', 'J1'), valve('V2', 'P1', 'J2', true), valve('V3', 'P2', 'J2')] }, 'P1');
    expect(plan.nodes).toEqual(['J2']);
    expect(plan.gaps[0]).toMatchObject({ reason: 'failed', valve: 'V2' });
  });

  it('a loop that closes on itself needs no valve inside the segment', () => {
    //        J1 ──P1── J2
    //  R─P0─ |          |P2 (no valves on P1, P2, P3)
    //        J1 ──P3── J3 ──P4──V4| J4
    const g = net(`
      P0 R J1
      P1 J1 J2
      P2 J2 J3
      P3 J3 J1
      P4 J3 J4`);
    const plan = isolate({ graph: g, policy: 'register', valves: [valve('V0', 'P0', 'J1'), valve('V2', 'P2', 'J3'), valve('V4', 'P4', 'J4')] }, 'P1');
    expect(sorted(plan.pipes)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(sorted(plan.nodes)).toEqual(['J1', 'J2', 'J3']);
    // V2 sits between two segment elements (P2, J3): closing it would not help, so it is not asked for.
    expect(sorted(plan.closures.map((c) => c.id))).toEqual(['V0', 'V4']);
  });

  it('EPANET control valves and pumps bound a segment where they stand', () => {
    const g = net(`
      P0 R J1
      P1 J1 J2`, '[VALVES]\nTCV1 J2 J3 200 TCV 0\n[JUNCTIONS]\nJ3 10 1');
    const plan = isolate({ graph: g, policy: 'register', valves: [valve('V1', 'P1', 'J1')] }, 'P1');
    expect(plan.nodes).toEqual(['J2']);
    expect(plan.closures.map((c) => [c.id, c.kind])).toEqual(expect.arrayContaining([['V1', 'valve'], ['TCV1', 'link']]));
  });

  it('a segment that reaches a source without a valve names the source to shut', () => {
    const plan = isolate({ graph: line, policy: 'register', valves: [valve('V1', 'P1', 'J1')] }, 'P0');
    expect(plan.sources).toEqual(['R']);
    expect(plan.gaps).toContainEqual({ pipe: 'P0', node: 'R', reason: 'none' });
  });

  it('with a valve at every pipe end the segment is the pipe alone', () => {
    const plan = isolate({ graph: line, policy: 'every-pipe-end', valves: [] }, 'P2');
    expect(plan.pipes).toEqual(['P2']);
    expect(sorted(plan.closures.map((c) => c.id))).toEqual(['P2@J2', 'P2@J3']);
  });

  it('refuses an unknown pipe', () => {
    expect(() => isolate({ graph: line, policy: 'register', valves: [] }, 'NOPE')).toThrow(/unknown pipe/);
  });
});
