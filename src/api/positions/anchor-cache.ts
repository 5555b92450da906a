import type { AssetRepository } from '../../ports/index.js';
import { assetAnchor } from './anchor.js';

type Anchor = readonly [number, number];

/** Assets move rarely: a moved asset's sensors follow within this long, a new asset's at once. */
const MAX_AGE_MS = 30_000;
const PAGE = 100_000;

/**
 * Each asset's anchor point, read from the store once and kept: reading 50,000 asset geometries
 * on every map load would cost more than the whole answer. Rebuilt when the number of assets
 * changes (a registration) or after MAX_AGE_MS (an asset moved in place).
 */
export class AnchorCache {
  private anchors = new Map<string, Anchor>();
  private count = -1;
  private builtAt = 0;
  private building: Promise<void> | null = null;

  constructor(private readonly assets: AssetRepository) {}

  async lookup(now: number): Promise<(asset: string) => Anchor | null> {
    const count = await this.assets.count();
    if (count !== this.count || now - this.builtAt > MAX_AGE_MS) {
      // Concurrent map loads share one rebuild.
      this.building ??= this.rebuild(count, now).finally(() => { this.building = null; });
      await this.building;
    }
    const anchors = this.anchors;
    return (asset) => anchors.get(asset) ?? null;
  }

  private async rebuild(count: number, now: number): Promise<void> {
    const next = new Map<string, Anchor>();
    let cursor: string | null = null;
    do {
      const page = await this.assets.list({ limit: PAGE, cursor });
      for (const a of page.items) {
        const at = assetAnchor(a.geometry);
        if (at) next.set(a.id, at);
      }
      cursor = page.next;
    } while (cursor);
    this.anchors = next;
    this.count = count;
    this.builtAt = now;
  }
}
