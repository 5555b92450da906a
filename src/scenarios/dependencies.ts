import { LifelineError } from '../domain/index.js';
import { validateDependencyGraph, type DependencyGraph } from '../assess/index.js';

/**
 * Check a dependency graph sent to PUT /dependencies: the shape first, then the graph's own rules
 * (unknown nodes, self-dependencies, negative delays); every problem is named by its path.
 */
export function parseDependencyGraph(body: unknown): DependencyGraph {
  const b = body as Record<string, unknown> | null;
  if (typeof b !== 'object' || b === null || Array.isArray(b)) throw problem([{ path: 'body', reason: 'must be an object {nodes, edges}' }]);
  if (!Array.isArray(b.nodes)) throw problem([{ path: 'nodes', reason: 'must be a list of nodes {id, kind}' }]);
  if (!Array.isArray(b.edges)) throw problem([{ path: 'edges', reason: 'must be a list of edges {from, to, kind, delayMin}' }]);
  const shape: { path: string; reason: string }[] = [];
  b.nodes.forEach((n: unknown, k) => {
    const x = n as Record<string, unknown> | null;
    if (typeof x !== 'object' || x === null) shape.push({ path: `nodes[${k}]`, reason: 'must be an object' });
    else if (!['asset', 'zone', 'path'].includes(x.kind as string)) shape.push({ path: `nodes[${k}].kind`, reason: 'must be asset, zone or path' });
  });
  b.edges.forEach((e: unknown, k) => {
    const x = e as Record<string, unknown> | null;
    if (typeof x !== 'object' || x === null) shape.push({ path: `edges[${k}]`, reason: 'must be an object' });
    else if (typeof x.kind !== 'string') shape.push({ path: `edges[${k}].kind`, reason: 'must be power, water, gas, heat, drainage, carries, comms or path' });
  });
  if (shape.length) throw problem(shape);
  const graph = { nodes: b.nodes, edges: b.edges } as DependencyGraph;
  const problems = validateDependencyGraph(graph);
  if (problems.length) throw problem(problems);
  return graph;
}

function problem(problems: { path: string; reason: string }[]): LifelineError {
  const first = problems[0]!;
  return new LifelineError('validation_failed', `${first.path}: ${first.reason}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
    problems.slice(0, 100).map((p) => ({ field: p.path, code: 'invalid', reason: p.reason })));
}
