import type { FastifyInstance } from 'fastify';
import { LifelineError, validationError } from '../../domain/index.js';
import { assetToFeature } from '../../pipeline/registration/asset-input.js';
import type { ApiContext } from '../context.js';
import { requireScope } from '../guard.js';
import { parseLimit } from '../pagination.js';
import { bboxParam, domainParam, kindParam, stringParam } from '../query.js';

export function assetRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/assets', {
    schema: {
      summary: 'Assets as a GeoJSON FeatureCollection (with `next` beside `features`)', tags: ['registry'],
      querystring: { type: 'object', properties: {
        domain: { type: 'string' }, kind: { type: 'string' }, bbox: { type: 'string', description: 'minLon,minLat,maxLon,maxLat' },
        department: { type: 'string' }, limit: { type: 'integer', default: 1000 }, cursor: { type: 'string' },
      } },
    },
  }, async (req) => {
    const q = req.query as Record<string, unknown>;
    // A handler sees its own department's assets.
    const handler = req.principal?.role === 'handler';
    const page = await ctx.store.assets.list({
      domain: domainParam(q), kind: kindParam(q), bbox: bboxParam(q), department: handler ? req.principal!.department ?? '-' : stringParam(q, 'department'),
      limit: parseLimit(q.limit), cursor: stringParam(q, 'cursor') ?? null,
    });
    return { type: 'FeatureCollection', features: page.items.map(assetToFeature), next: page.next };
  });

  app.get('/assets/:id', { schema: { summary: 'One asset as a GeoJSON Feature', tags: ['registry'] } }, async (req) => {
    const { id } = req.params as { id: string };
    const asset = await ctx.store.assets.get(id);
    if (!asset) throw new LifelineError('not_found', `no asset '${id}'`);
    if (req.principal?.role === 'handler' && asset.department !== req.principal.department) throw new LifelineError('forbidden', `asset ${id} belongs to another department`);
    return assetToFeature(asset);
  });

  app.post('/assets', {
    schema: {
      summary: 'Register assets: a GeoJSON Feature, a FeatureCollection or an array of Features (upsert by id)', tags: ['registry'],
      description: 'Each feature needs `id`, a geometry and `properties.kind` and `properties.domain`. In a collection, bad features are reported by index and the good ones kept.',
    },
  }, async (req, reply) => {
    requireScope(req, 'write');
    const body = req.body as Record<string, unknown> | unknown[] | undefined;
    if (body === undefined || body === null || typeof body !== 'object') throw validationError('body', 'must be a GeoJSON Feature or FeatureCollection');
    const single = !Array.isArray(body) && body.type === 'Feature';
    const items = Array.isArray(body) ? body : body.type === 'FeatureCollection' ? (body.features as unknown[]) : [body];
    if (!Array.isArray(items)) throw validationError('features', 'must be an array of Features');
    const result = await ctx.registration.registerAssets(items);
    if (single) {
      const bad = result.rejected[0];
      if (bad) throw validationError(bad.field, bad.error);
      return reply.code(201).send(assetToFeature(result.accepted[0]!));
    }
    if (result.accepted.length === 0 && result.rejected.length > 0) {
      throw new LifelineError('batch_rejected', 'no feature was valid', result.rejected.map((r) => ({ field: r.field, code: 'invalid', reason: r.error })));
    }
    return reply.code(201).send({ accepted: result.accepted.length, rejected: result.rejected });
  });
}
