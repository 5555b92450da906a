import type { WaterNetwork } from './network.js';

/**
 * Put a node on a pipe at `fraction` of its length from its start, so a burst can be modelled as
 * an emitter there (EPANET emitters live on nodes). The two halves keep the pipe's diameter and
 * roughness; the minor loss stays on the first half, so with the emitter shut the network
 * solves exactly as before. The new node's elevation and position are interpolated.
 */
export function splitPipe(net: WaterNetwork, pipeId: string, fraction: number, nodeId: string): WaterNetwork {
  const pipe = net.pipes.find((p) => p.id === pipeId);
  if (!pipe) throw new Error(`unknown pipe ${pipeId}`);
  const t = Math.min(0.99, Math.max(0.01, fraction));
  const elevation = (id: string): number | undefined =>
    net.junctions.find((j) => j.id === id)?.elevation ?? net.tanks.find((k) => k.id === id)?.elevation ?? net.reservoirs.find((r) => r.id === id)?.head;
  const e0 = elevation(pipe.from);
  const e1 = elevation(pipe.to);
  const elev = e0 !== undefined && e1 !== undefined ? e0 + (e1 - e0) * t : (e0 ?? e1 ?? 0);

  const first = { ...pipe, to: nodeId, length: pipe.length * t };
  const second = { ...pipe, id: `${pipe.id}-B`, from: nodeId, length: pipe.length * (1 - t), minorLoss: 0 };
  const coordinates = { ...net.coordinates };
  const a = net.coordinates[pipe.from];
  const b = net.coordinates[pipe.to];
  if (a && b) coordinates[nodeId] = pointAlong([a, ...(net.vertices[pipe.id] ?? []), b], t);
  const status = { ...net.status };
  if (status[pipe.id]) status[second.id] = status[pipe.id]!;

  return {
    ...net,
    junctions: [...net.junctions, { id: nodeId, elevation: elev, demand: 0 }],
    pipes: net.pipes.flatMap((p) => (p.id === pipe.id ? [first, second] : [p])),
    coordinates,
    status,
  };
}

/** The point a fraction `t` of the way along a polyline. */
export function pointAlong(points: readonly (readonly [number, number])[], t: number): [number, number] {
  const lengths = points.slice(1).map((p, k) => Math.hypot(p[0] - points[k]![0], p[1] - points[k]![1]));
  const total = lengths.reduce((s, l) => s + l, 0);
  let want = total * t;
  for (let k = 0; k < lengths.length; k++) {
    const l = lengths[k]!;
    if (want <= l || k === lengths.length - 1) {
      const f = l === 0 ? 0 : Math.min(1, want / l);
      const p = points[k]!;
      const q = points[k + 1]!;
      return [p[0] + (q[0] - p[0]) * f, p[1] + (q[1] - p[1]) * f];
    }
    want -= l;
  }
  return [points[0]![0], points[0]![1]];
}
