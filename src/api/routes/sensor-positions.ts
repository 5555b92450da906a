import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import { requireScope } from '../guard.js';
import { AnchorCache } from '../positions/anchor-cache.js';
import { sensorPositions, STATUS_CODES } from '../positions/columns.js';

const gzipAsync = promisify(gzip);
const ints = { type: 'array', items: { type: 'integer' } } as const;
const numbers = { type: 'array', items: { type: 'number' } } as const;
const strings = { type: 'array', items: { type: 'string' } } as const;

/**
 * GET /sensors/positions: what a map needs to draw every sensor, as columns. The dashboard loads
 * this instead of paging full sensor objects; details of one sensor stay at /sensors/:id.
 */
export function sensorPositionRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const anchors = new AnchorCache(ctx.store.assets);
  app.get('/sensors/positions', {
    schema: {
      summary: 'Every located sensor as parallel arrays: id, position, status, alarm level, domain, quantity', tags: ['registry'],
      description: 'For drawing many sensors on a map. Entry `i` of each array belongs to `ids[i]`. `status[i]` indexes `statuses` '
        + `(${STATUS_CODES.join(', ')}); \`level[i]\` is the worst active hazard alarm (1 red … 4 blue, 0 none); \`domain[i]\` and `
        + '`quantity[i]` index `domains` and `quantities`. A sensor is drawn at its asset (a line\'s middle vertex, a polygon\'s centre), '
        + 'several on one asset on a small spiral; sensors whose asset has no geometry are left out. Gzipped when the client accepts it.',
      response: {
        200: {
          type: 'object',
          properties: {
            count: { type: 'integer' }, ids: strings, lon: numbers, lat: numbers, status: ints, level: ints, domain: ints, quantity: ints,
            statuses: strings, domains: strings, quantities: strings,
          },
        },
      },
    },
  }, async (req, reply) => {
    requireScope(req, 'read');
    const now = ctx.clock.now();
    const anchorOf = await anchors.lookup(now);
    const entries = [...ctx.registry.entries()].map((e) => ({ sensor: e.sensor, last: e.last }));
    const body = JSON.stringify(sensorPositions(entries, anchorOf, ctx.alarms.active(), now));
    reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').header('vary', 'accept-encoding');
    if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.send(body);
    // Level 1: the columns compress almost as well as at level 6, in a third of the time.
    return reply.header('content-encoding', 'gzip').send(await gzipAsync(body, { level: 1 }));
  });
}
