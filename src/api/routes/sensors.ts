import type { FastifyInstance } from 'fastify';
import { LifelineError, STEPS, toIso, validationError } from '../../domain/index.js';
import { cursorAfter } from '../../ports/index.js';
import type { ApiContext } from '../context.js';
import { requireScope } from '../guard.js';
import { parseLimit } from '../pagination.js';
import { domainParam, intParam, quantityParam, stepParam, stringParam, timeParam } from '../query.js';
import { sensorToWire } from '../wire.js';
import { sensorPositionRoutes } from './sensor-positions.js';

const STATUSES = ['online', 'offline', 'maintenance', 'disabled'];
const DAY = 86_400_000;
/** Raw queries answer at most this many rows; ask with a step for longer spans. */
const MAX_RAW = 1_000_000;

export function sensorRoutes(app: FastifyInstance, ctx: ApiContext): void {
  sensorPositionRoutes(app, ctx);

  app.get('/sensors', {
    schema: {
      summary: 'Sensors with their status and last reading', tags: ['registry'],
      querystring: { type: 'object', properties: {
        domain: { type: 'string' }, quantity: { type: 'string' }, asset: { type: 'string' },
        status: { type: 'string', enum: STATUSES }, limit: { type: 'integer', default: 1000 }, cursor: { type: 'string' },
      } },
    },
  }, async (req) => {
    const q = req.query as Record<string, unknown>;
    const status = stringParam(q, 'status');
    const limit = parseLimit(q.limit);
    const now = ctx.clock.now();
    const base = { domain: domainParam(q), quantity: quantityParam(q), asset: stringParam(q, 'asset') };
    // Status is derived from the last reading's time, so it filters after the store's page; keep
    // paging until the page is full or the store is exhausted.
    const items: Record<string, unknown>[] = [];
    let cursor = stringParam(q, 'cursor') ?? null;
    do {
      const page = await ctx.store.sensors.list({ ...base, limit, cursor });
      for (const s of page.items) {
        const wire = sensorToWire(s, ctx.registry, now);
        if (!status || wire.status === status) items.push(wire);
        if (items.length === limit) { cursor = page.next && s !== page.items[page.items.length - 1] ? cursorAfter(s.id) : page.next; break; }
      }
      if (items.length < limit) cursor = page.next;
    } while (status && items.length < limit && cursor);
    return { items, next: cursor };
  });

  app.get('/sensors/:id', { schema: { summary: 'One sensor', tags: ['registry'] } }, async (req) => {
    const { id } = req.params as { id: string };
    const sensor = await ctx.store.sensors.get(id);
    if (!sensor) throw new LifelineError('not_found', `no sensor '${id}'`);
    return sensorToWire(sensor, ctx.registry, ctx.clock.now());
  });

  app.post('/sensors', {
    schema: {
      summary: 'Register sensors: one object or an array (upsert by id)', tags: ['registry'],
      description: 'Each sensor: `id`, `asset` (registered), `quantity`; optional `unit` (any known unit of the quantity, converted at ingest), `intervalS`, `name`, `state`, `properties`.',
    },
  }, async (req, reply) => {
    requireScope(req, 'write');
    const body = req.body;
    if (body === undefined || body === null || typeof body !== 'object') throw validationError('body', 'must be a sensor object or an array of them');
    const items = Array.isArray(body) ? body : [body];
    const result = await ctx.registration.registerSensors(items);
    const now = ctx.clock.now();
    if (!Array.isArray(body)) {
      const bad = result.rejected[0];
      if (bad) throw validationError(bad.field, bad.error);
      return reply.code(201).send(sensorToWire(result.accepted[0]!, ctx.registry, now));
    }
    if (result.accepted.length === 0 && result.rejected.length > 0) {
      throw new LifelineError('batch_rejected', 'no sensor was valid', result.rejected.map((r) => ({ field: r.field, code: 'invalid', reason: r.error })));
    }
    return reply.code(201).send({ accepted: result.accepted.length, rejected: result.rejected });
  });

  app.get('/sensors/:id/readings', {
    schema: {
      summary: 'Readings of a sensor: raw [{ts, value}], or with `step` aggregated [{ts, min, max, avg, count}]', tags: ['readings'],
      querystring: { type: 'object', properties: {
        from: { type: 'string', description: 'ISO 8601 or epoch ms; default 24 h before `to`' },
        to: { type: 'string', description: 'ISO 8601 or epoch ms; default now' },
        step: { type: 'string', enum: Object.keys(STEPS) }, limit: { type: 'integer' },
      } },
    },
  }, async (req) => {
    const { id } = req.params as { id: string };
    const q = req.query as Record<string, unknown>;
    const entry = ctx.registry.get(id);
    if (!entry) throw new LifelineError('not_found', `no sensor '${id}'`);
    const to = timeParam(q, 'to') ?? ctx.clock.now() + 1;
    const from = timeParam(q, 'from') ?? to - DAY;
    if (from > to) throw validationError('from', 'must not be after `to`');
    const step = stepParam(q, 'step');
    const key = entry.sensor.key;
    if (step) {
      const points = await ctx.store.readings.aggregate(key, from, to, step);
      return points.map((p) => ({ ts: toIso(p.ts), min: p.min, max: p.max, avg: p.avg, count: p.count }));
    }
    const limit = intParam(q, 'limit', 1, MAX_RAW) ?? MAX_RAW;
    const rows = await ctx.store.readings.range(key, from, to, limit);
    return rows.map((r) => ({ ts: toIso(r.ts), value: r.value }));
  });
}
