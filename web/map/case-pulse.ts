import maplibregl, { type Map as MapLibre, type Marker } from 'maplibre-gl';
import type { AssetFeature, Case } from '../api/types';
import { caseAnchor } from './case-layer';

/**
 * A pulsing ring over each red and orange hazard case, to draw the eye. The ring is a DOM marker
 * animated by CSS (`.case-pulse` in styles.css): the browser's compositor runs the animation, so
 * the map is not redrawn for it. A pulse drawn in WebGL redraws the whole map 20 times a second
 * for as long as the case is open, which on a software renderer is all of the machine's time.
 */
export class CasePulses {
  private readonly markers = new Map<string, Marker>();
  private shown = true;

  constructor(private readonly map: MapLibre) {}

  /** Rings for the urgent cases among `cases`: added, moved or removed to match. */
  update(cases: readonly Case[], assetsById: ReadonlyMap<string, AssetFeature>): void {
    const keep = new Set<string>();
    for (const c of cases) {
      if (c.level > 2 || c.class === 'device') continue;
      const at = caseAnchor(c, assetsById);
      if (!at) continue;
      keep.add(c.id);
      const existing = this.markers.get(c.id);
      if (existing) {
        existing.setLngLat(at);
        existing.getElement().dataset.level = String(c.level);
        continue;
      }
      // The marker positions the outer element by its transform; the ring inside animates its own.
      const el = document.createElement('div');
      el.className = 'case-pulse';
      el.appendChild(document.createElement('span'));
      el.dataset.level = String(c.level);
      el.dataset.caseId = c.id;
      el.style.display = this.shown ? '' : 'none';
      this.markers.set(c.id, new maplibregl.Marker({ element: el }).setLngLat(at).addTo(this.map));
    }
    for (const [id, m] of this.markers) if (!keep.has(id)) { m.remove(); this.markers.delete(id); }
  }

  /** Follows the cases layer toggle. */
  setVisible(on: boolean): void {
    this.shown = on;
    for (const m of this.markers.values()) m.getElement().style.display = on ? '' : 'none';
  }

  remove(): void {
    for (const m of this.markers.values()) m.remove();
    this.markers.clear();
  }
}
