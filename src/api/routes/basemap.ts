import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';

/** Settings key the demo (or an import) stores the city's context layers under. */
export const BASEMAP_KEY = 'demo.basemap';
/** Settings key of a MapLibre style URL that replaces the drawn basemap (a city with its own tile server). */
export const STYLE_URL_KEY = 'map.styleUrl';

const EMPTY = { type: 'FeatureCollection', features: [] } as const;
const LAYERS = ['districts', 'roads', 'waterBodies', 'populationGrid'] as const;

/**
 * The basemap is drawn from the city's own layers (no external tiles on a closed network):
 * districts, roads, water bodies and the population grid, each a GeoJSON FeatureCollection.
 */
export function basemapRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/basemap', {
    schema: {
      summary: 'The city\'s basemap layers (districts, roads, waterBodies, populationGrid) as GeoJSON, and an optional style URL', tags: ['map'],
    },
  }, async () => {
    const stored = (await ctx.store.settings.get<Record<string, unknown>>(BASEMAP_KEY)) ?? {};
    const styleUrl = (await ctx.store.settings.get<string>(STYLE_URL_KEY)) ?? null;
    const layers: Record<string, unknown> = {};
    for (const name of LAYERS) layers[name] = stored[name] ?? EMPTY;
    return { styleUrl, ...layers };
  });
}
