import type { Asset, Domain } from '../domain/index.js';
import { representativePoint } from '../domain/index.js';
import type { CityLayers } from './layers.js';
import { servicePopulation, type NetworkLinkInput } from './network.js';
import { BinGrid } from './spatial.js';

/** Node kinds that feed a network: a failure between them and the customers cuts supply. */
const SOURCE_KINDS = new Set(['reservoir', 'tank', 'regulator_station', 'substation']);
const SEARCH_M = [250, 500, 1000, 2000];

/**
 * Residents served through each network asset, per domain: every population cell's residents go
 * to the domain's nearest node (a Voronoi allocation at cell resolution), then `servicePopulation`
 * tells what each link and node carries. Links are assets with `from` and `to` node ids.
 */
export function serviceOf(assets: readonly Asset[], layers: CityLayers): { served: Map<string, number>; bridges: Set<string> } {
  const served = new Map<string, number>();
  const bridges = new Set<string>();
  const byId = new Map(assets.map((a) => [a.id, a]));
  const linksBy = new Map<Domain, NetworkLinkInput[]>();
  for (const a of assets) {
    const { from, to } = a.properties;
    if (typeof from !== 'string' || typeof to !== 'string') continue;
    let list = linksBy.get(a.domain);
    if (!list) linksBy.set(a.domain, (list = []));
    list.push({ id: a.id, from, to });
  }
  const cells = layers.populationCells();
  for (const links of linksBy.values()) {
    const nodes = new Set<string>();
    for (const l of links) { nodes.add(l.from); nodes.add(l.to); }
    const index = new BinGrid<{ id: string; x: number; y: number }>(250);
    const sources = new Set<string>();
    for (const id of nodes) {
      const a = byId.get(id);
      if (!a) continue;
      if (SOURCE_KINDS.has(a.kind)) sources.add(id);
      const [x, y] = layers.frame.toXY(representativePoint(a.geometry));
      index.addPoint([x, y], { id, x, y });
    }
    const population = new Map<string, number>();
    for (const c of cells) {
      const id = nearest(index, c.x, c.y);
      if (id !== undefined) population.set(id, (population.get(id) ?? 0) + c.pop);
    }
    const r = servicePopulation({ links, sources, population });
    for (const [id, v] of r.link) served.set(id, v);
    for (const [id, v] of r.node) if (!served.has(id)) served.set(id, v);
    for (const id of r.bridges) bridges.add(id);
  }
  return { served, bridges };
}

function nearest(index: BinGrid<{ id: string; x: number; y: number }>, x: number, y: number): string | undefined {
  for (const r of SEARCH_M) {
    let best: string | undefined;
    let bestD = r;
    index.near(x, y, r, (n) => {
      const d = Math.hypot(n.x - x, n.y - y);
      if (d <= bestD) { bestD = d; best = n.id; }
    });
    if (best !== undefined) return best;
  }
  return undefined;
}
