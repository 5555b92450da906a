import type { FastifyInstance } from 'fastify';
import { LifelineError, representativePoint, toIso, validationError } from '../../domain/index.js';
import { assetRisk, renewalCsv, renewalGeoJson, renewalList, zoneFeatures } from '../../risk/index.js';
import type { ApiContext } from '../context.js';
import { parseLimit } from '../pagination.js';
import { domainParam, intParam, kindParam, stringParam } from '../query.js';
import type { RiskService } from '../risk-service.js';

/** Offsets into a ranked list, opaque to clients like every other cursor. */
const encodeCursor = (offset: number) => Buffer.from(`o${offset}`).toString('base64url');
function decodeCursor(raw: string | undefined): number {
  if (!raw) return 0;
  const m = /^o(\d+)$/.exec(Buffer.from(raw, 'base64url').toString());
  if (!m) throw validationError('cursor', 'is not a cursor this list gave out');
  return Number(m[1]);
}

function service(ctx: ApiContext): RiskService {
  if (!ctx.risk) throw new LifelineError('unavailable', 'risk assessment is not running in this process');
  return ctx.risk;
}

/** Risk (风险评估): assets with their factors, the four-colour zone map, and the renewal list. Method: docs/risk.md. */
export function riskRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/risk/assets', {
    schema: {
      summary: 'Asset risk (L × C, level 1 red … 4 blue) with its factors, highest risk first', tags: ['risk'],
      querystring: { type: 'object', properties: {
        domain: { type: 'string' }, kind: { type: 'string' }, level: { type: 'integer', minimum: 1, maximum: 4 },
        limit: { type: 'integer' }, cursor: { type: 'string' },
      } },
    },
  }, async (req) => {
    const q = req.query as Record<string, unknown>;
    const domain = domainParam(q);
    const kind = kindParam(q);
    const level = intParam(q, 'level', 1, 4);
    const limit = parseLimit(q.limit);
    const offset = decodeCursor(stringParam(q, 'cursor'));
    const model = await service(ctx).current();
    const picked: number[] = [];
    for (let i = 0; i < model.assets.length; i++) {
      const a = model.assets[i]!;
      if ((!domain || a.domain === domain) && (!kind || a.kind === kind) && (!level || model.level[i] === level)) picked.push(i);
    }
    picked.sort((x, y) => model.risk[y]! - model.risk[x]! || (model.assets[x]!.id < model.assets[y]!.id ? -1 : 1));
    const page = picked.slice(offset, offset + limit);
    return {
      items: page.map((i) => ({ ...assetRisk(model, i), location: representativePoint(model.assets[i]!.geometry) })),
      next: offset + limit < picked.length ? encodeCursor(offset + limit) : null,
      total: picked.length, at: toIso(model.at),
    };
  });

  app.get('/risk/assets/:id', { schema: { summary: 'One asset\'s risk with its factors', tags: ['risk'] } }, async (req) => {
    const { id } = req.params as { id: string };
    const model = await service(ctx).current();
    const i = model.indexOf(id);
    if (i === undefined) throw new LifelineError('not_found', `no asset '${id}'`);
    return { ...assetRisk(model, i), location: representativePoint(model.assets[i]!.geometry), at: toIso(model.at) };
  });

  app.get('/risk/zones', {
    schema: {
      summary: 'The four-colour risk map: an H3 grid (?res=) or districts (?by=district) as a GeoJSON FeatureCollection with levels and factors', tags: ['risk'],
      querystring: { type: 'object', properties: { res: { type: 'integer', minimum: 4, maximum: 12 }, by: { type: 'string', enum: ['h3', 'district'] } } },
    },
  }, async (req) => {
    const q = req.query as Record<string, unknown>;
    const res = intParam(q, 'res', 4, 12);
    const by = stringParam(q, 'by') ?? 'h3';
    if (by !== 'h3' && by !== 'district') throw validationError('by', "must be 'h3' or 'district'");
    const model = await service(ctx).current();
    // Without districts the grid is the map.
    const kind = by === 'district' && model.districts.size > 0 ? 'district' : 'h3';
    return { ...zoneFeatures(model, kind, res !== undefined ? { res } : {}), at: toIso(model.at) };
  });

  app.get('/risk/renewal', {
    schema: {
      summary: 'Pipes ranked for renewal by risk reduced per unit cost, with reasons (?format=json|csv|geojson)', tags: ['risk'],
      querystring: { type: 'object', properties: {
        format: { type: 'string', enum: ['json', 'csv', 'geojson'] }, domain: { type: 'string' }, limit: { type: 'integer' }, cursor: { type: 'string' },
      } },
    },
  }, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const format = stringParam(q, 'format') ?? 'json';
    if (!['json', 'csv', 'geojson'].includes(format)) throw validationError('format', "must be 'json', 'csv' or 'geojson'");
    const domain = domainParam(q);
    const model = await service(ctx).current();
    const all = renewalList(model, domain ? { domain } : {});
    if (format === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="renewal.csv"').send(renewalCsv(all.slice(0, parseLimit(q.limit ?? 100_000))));
    }
    if (format === 'geojson') return reply.type('application/geo+json').send(renewalGeoJson(all.slice(0, parseLimit(q.limit ?? 100_000))));
    const limit = parseLimit(q.limit);
    const offset = decodeCursor(stringParam(q, 'cursor'));
    const items = all.slice(offset, offset + limit).map(({ geometry: _g, ...rest }) => rest);
    return { items, next: offset + limit < all.length ? encodeCursor(offset + limit) : null, total: all.length, at: toIso(model.at) };
  });
}
