import type { FastifyInstance } from 'fastify';
import { LifelineError } from '../../domain/index.js';
import { parseJsonBody, parseNdjson } from '../../pipeline/ingest/parse.js';
import type { ParsedBody } from '../../pipeline/ingest/parse.js';
import type { ApiContext } from '../context.js';
import { requireScope } from '../guard.js';

/** Raw bodies of these types reach the route as text: we parse them ourselves (fast, per-line errors). */
export const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/ndjson', 'application/jsonlines'];

export function readingRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/readings', {
    schema: {
      summary: 'Ingest readings: a JSON array [{sensor, ts, value}] or NDJSON, one reading per line', tags: ['readings'],
      description: 'Answers 202 {accepted, rejected:[{index, field, error}]} once the accepted readings are durable. '
        + 'Bad items are reported by index and the good ones kept. ts is ISO 8601 or epoch ms (default: now); value is in the sensor\'s unit.',
      response: { 202: { type: 'object', properties: {
        accepted: { type: 'integer' },
        rejected: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, field: { type: 'string' }, code: { type: 'string' }, error: { type: 'string' } } } },
      } } },
    },
  }, async (req, reply) => {
    requireScope(req, 'ingest');
    const body = req.body;
    let parsed: ParsedBody;
    if (typeof body === 'string') {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      parsed = NDJSON_TYPES.includes(type) ? parseNdjson(body) : parseJsonBody(body);
    } else if (Array.isArray(body)) {
      parsed = { items: body, errors: new Map() };
    } else if (body !== null && typeof body === 'object') {
      parsed = { items: [body], errors: new Map() };
    } else {
      throw new LifelineError('validation_failed', 'body must be a JSON array of readings or NDJSON', [{ field: 'body', code: 'invalid', reason: 'expected an array of {sensor, ts, value}' }]);
    }
    if (parsed.items.length === 0) {
      throw new LifelineError('validation_failed', 'the body holds no readings', [{ field: 'body', code: 'empty', reason: 'no readings' }]);
    }
    const result = await ctx.ingest.ingest(parsed.items, parsed.errors);
    if (result.accepted === 0) {
      // Nothing was stored: answer with a problem naming every item and its reason.
      const first = result.rejected[0]!;
      throw new LifelineError('batch_rejected',
        result.rejected.length === 1 ? `${first.field}: ${first.error}` : `all ${result.rejected.length} readings were rejected; first: ${first.field}: ${first.error}`,
        result.rejected.map((r) => ({ field: r.field, code: r.code, reason: r.error })), { accepted: 0, rejected: result.rejected });
    }
    return reply.code(202).send(result);
  });
}
