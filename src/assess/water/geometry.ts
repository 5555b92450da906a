import type { Geometry } from '../../domain/index.js';
import type { WaterNetwork } from './network.js';

/**
 * Map geometry for a network's nodes and links: only when its coordinates are lon/lat. A
 * network drawn in its own units (EPANET's examples) has no place on the map, so its layers
 * stay empty rather than pretend.
 */
export interface NetworkGeometry {
  node(id: string): Geometry | undefined;
  link(id: string, from: string, to: string): Geometry | undefined;
  /** A point on a link next to one of its ends (where an isolation valve sits). */
  nearEnd(linkId: string, from: string, to: string, end: string, fraction?: number): Geometry | undefined;
}

export function networkGeometry(net: WaterNetwork): NetworkGeometry {
  const on = net.crs === 'lonlat';
  const coord = (id: string): readonly [number, number] | undefined => (on ? net.coordinates[id] : undefined);
  const line = (id: string, from: string, to: string): [number, number][] | undefined => {
    const a = coord(from);
    const b = coord(to);
    if (!a || !b) return undefined;
    return [[a[0], a[1]], ...(net.vertices[id] ?? []).map((v): [number, number] => [v[0], v[1]]), [b[0], b[1]]];
  };
  return {
    node: (id) => {
      const c = coord(id);
      return c ? { type: 'Point', coordinates: [c[0], c[1]] } : undefined;
    },
    link: (id, from, to) => {
      const pts = line(id, from, to);
      return pts ? { type: 'LineString', coordinates: pts } : undefined;
    },
    nearEnd: (id, from, to, end, fraction = 0.06) => {
      const pts = line(id, from, to);
      if (!pts) return undefined;
      const [p, q] = end === from ? [pts[0]!, pts[1]!] : [pts[pts.length - 1]!, pts[pts.length - 2]!];
      return { type: 'Point', coordinates: [p[0] + (q[0] - p[0]) * fraction, p[1] + (q[1] - p[1]) * fraction] };
    },
  };
}
