import { describe, expect, it } from 'vitest';
import { validateDependencyGraph, type DependencyEdge, type DependencyGraph } from './graph.js';
import { propagate } from './propagate.js';

const graph = (edges: DependencyEdge[]): DependencyGraph => {
  const ids = new Set(edges.flatMap((e) => [e.from, e.to]));
  return { nodes: [...ids].map((id) => ({ id, kind: 'asset' as const })), edges };
};
const order = (fs: { id: string; atMin: number }[]): [string, number][] => fs.map((f) => [f.id, f.atMin]);

describe('failure propagation', () => {
  // Substation S feeds pumping station P; P feeds zone Z, whose tower lasts 2 h; hospital H needs Z
  // (8 h of storage) and S (24 h of diesel).
  const city = graph([
    { from: 'S', to: 'P', kind: 'power', delayMin: 0 },
    { from: 'P', to: 'Z', kind: 'water', delayMin: 120 },
    { from: 'Z', to: 'H', kind: 'water', delayMin: 480 },
    { from: 'S', to: 'H', kind: 'power', delayMin: 1440 },
  ]);

  it('orders failures in time, with each backup\'s delay', () => {
    expect(order(propagate(city, [{ id: 'S' }]))).toEqual([['S', 0], ['P', 0], ['Z', 120], ['H', 600]]);
  });

  it('names the lost need and its causes', () => {
    const h = propagate(city, [{ id: 'S' }]).find((f) => f.id === 'H')!;
    expect(h).toMatchObject({ need: 'water', causes: ['Z'], depth: 3 });
  });

  it('keeps a node going while any alternative supplier of a need survives', () => {
    // R is fed from A or from B (an open ring): losing A alone is not losing power.
    const ring = graph([
      { from: 'A', to: 'R', kind: 'power', delayMin: 0 },
      { from: 'B', to: 'R', kind: 'power', delayMin: 5 },
    ]);
    expect(order(propagate(ring, [{ id: 'A' }]))).toEqual([['A', 0]]);
    // Both go, at 10 and 30 min: R lasts until the later plus its delay.
    expect(order(propagate(ring, [{ id: 'A', atMin: 10 }, { id: 'B', atMin: 30 }]))).toEqual([['A', 10], ['B', 30], ['R', 35]]);
  });

  it('loses what a structure carries with it, each carrier a need of its own', () => {
    const g = graph([
      { from: 'T1', to: 'CABLE', kind: 'carries', need: 'carried-by:T1', delayMin: 0 },
      { from: 'T2', to: 'CABLE', kind: 'carries', need: 'carried-by:T2', delayMin: 0 },
    ]);
    expect(order(propagate(g, [{ id: 'T2' }]))).toEqual([['T2', 0], ['CABLE', 0]]);
  });

  it('does not fail a loop of mutual alternatives by itself', () => {
    const g = graph([
      { from: 'X', to: 'Y', kind: 'power', delayMin: 0 },
      { from: 'Y', to: 'X', kind: 'power', delayMin: 0 },
      { from: 'S', to: 'X', kind: 'power', delayMin: 0 },
    ]);
    expect(order(propagate(g, [{ id: 'S' }]))).toEqual([['S', 0]]);
  });

  it('stops at the horizon and refuses unknown nodes', () => {
    expect(order(propagate(city, [{ id: 'S' }], 200))).toEqual([['S', 0], ['P', 0], ['Z', 120]]);
    expect(() => propagate(city, [{ id: 'NOPE' }])).toThrow(/unknown node/);
  });
});

describe('dependency graph validation', () => {
  it('names every problem by path', () => {
    const problems = validateDependencyGraph({
      nodes: [{ id: 'A', kind: 'asset' }, { id: 'A', kind: 'asset' }],
      edges: [{ from: 'A', to: 'B', kind: 'power', delayMin: -1 }, { from: 'A', to: 'A', kind: 'power', delayMin: 0 }],
    });
    expect(problems).toEqual([
      { path: 'nodes[1].id', reason: "duplicate node 'A'" },
      { path: 'edges[0].to', reason: "unknown node 'B'" },
      { path: 'edges[0].delayMin', reason: 'must be a finite number of minutes ≥ 0' },
      { path: 'edges[1]', reason: 'a node cannot depend on itself' },
    ]);
  });
});
