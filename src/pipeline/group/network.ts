import type { Asset, Domain } from '../../domain/index.js';

/** Domains whose assets form a connected network (pipes carry `from`/`to` node ids). */
export const NETWORK_DOMAINS: readonly Domain[] = ['gas', 'water', 'drainage', 'heating'];

/**
 * A network's connectivity: every asset is a vertex, and a pipe is joined to the nodes it runs
 * between. So two manholes on one pipe are 2 hops apart, on two consecutive pipes 4. An asset
 * beside a pipe (`properties.pipe` or `nearPipe`, e.g. a valve well or an adjacent underground
 * space watched for gas) is one hop from that pipe.
 */
export class NetworkGraph {
  private readonly adjacent = new Map<string, string[]>();

  constructor(assets: Iterable<Asset>) {
    for (const a of assets) {
      const { from, to, pipe, nearPipe } = a.properties as Record<string, unknown>;
      for (const node of [from, to, pipe, nearPipe]) if (typeof node === 'string' && node !== '') this.link(a.id, node);
    }
  }

  private link(a: string, b: string): void {
    (this.adjacent.get(a) ?? this.adjacent.set(a, []).get(a)!).push(b);
    (this.adjacent.get(b) ?? this.adjacent.set(b, []).get(b)!).push(a);
  }

  has(id: string): boolean {
    return this.adjacent.has(id);
  }

  /** The number of hops from `from` to the nearest of `targets`, if within `maxHops`. */
  distance(from: string, targets: ReadonlySet<string>, maxHops: number): number | undefined {
    if (targets.has(from)) return 0;
    let frontier = [from];
    const seen = new Set(frontier);
    for (let hop = 1; hop <= maxHops && frontier.length > 0; hop++) {
      const next: string[] = [];
      for (const v of frontier) {
        for (const w of this.adjacent.get(v) ?? []) {
          if (seen.has(w)) continue;
          if (targets.has(w)) return hop;
          seen.add(w);
          next.push(w);
        }
      }
      frontier = next;
    }
    return undefined;
  }
}
