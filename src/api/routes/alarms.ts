import type { FastifyInstance } from 'fastify';
import type { Alarm, Level } from '../../domain/index.js';
import { isAlarmActive, toIso, validationError } from '../../domain/index.js';
import type { ApiContext } from '../context.js';
import { parseLimit } from '../pagination.js';
import { intParam, stringParam } from '../query.js';

export function alarmToWire(a: Alarm, ctx: ApiContext): Record<string, unknown> {
  const sensor = ctx.registry.get(a.sensor)?.sensor;
  return {
    id: a.id, sensor: a.sensor, asset: sensor?.asset ?? null, domain: sensor?.domain ?? null, quantity: sensor?.quantity ?? null,
    source: a.source, kind: a.kind, class: a.class, level: a.level, score: a.score, message: a.message,
    state: isAlarmActive(a) ? 'active' : 'cleared',
    raisedAt: toIso(a.raisedAt), updatedAt: toIso(a.updatedAt), clearedAt: a.clearedAt !== undefined ? toIso(a.clearedAt) : null,
  };
}

export function alarmRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/alarms', {
    schema: {
      summary: 'Alarms raised by rules and detectors, newest first', tags: ['alarms'],
      querystring: { type: 'object', properties: {
        state: { type: 'string', enum: ['active', 'cleared'] }, sensor: { type: 'string' }, level: { type: 'integer', minimum: 1, maximum: 4 },
        limit: { type: 'integer' }, cursor: { type: 'string' },
      } },
    },
  }, async (req) => {
    const q = req.query as Record<string, unknown>;
    const state = stringParam(q, 'state');
    if (state !== undefined && state !== 'active' && state !== 'cleared') throw validationError('state', "must be 'active' or 'cleared'");
    const page = ctx.alarms.list({
      state, sensor: stringParam(q, 'sensor'), level: intParam(q, 'level', 1, 4) as Level | undefined,
      limit: parseLimit(q.limit), cursor: stringParam(q, 'cursor') ?? null,
    });
    return { items: page.items.map((a) => alarmToWire(a, ctx)), next: page.next };
  });
}
