import type { FastifyInstance } from 'fastify';
import { validationError } from '../../domain/index.js';
import { planCatalogue } from '../../cases/plans.js';
import { MAINTENANCE_KEY } from '../../pipeline/group/index.js';
import type { MaintenanceWindow } from '../../pipeline/group/index.js';
import { requireRole } from '../actor.js';
import type { ApiContext } from '../context.js';
import { requireScope } from '../guard.js';
import { parseLimit } from '../pagination.js';
import { parseTime } from '../../domain/index.js';
import { stringParam } from '../query.js';

/** Audit, dead letters, plans and maintenance windows: the workflow's housekeeping routes. */
export function auditRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/audit/verify', { schema: { summary: 'Walk the audit hash chain: `{ok, events, head, broken?}`', tags: ['audit'] } }, async (req) => {
    requireRole(req, 'operator');
    return ctx.audit.verify();
  });

  app.get('/audit', { schema: { summary: 'Audit events after `?after=` seq, oldest first (admin)', tags: ['audit'], querystring: { type: 'object', properties: { after: { type: 'integer' }, limit: { type: 'integer' } } } } }, async (req) => {
    requireRole(req);
    const q = req.query as Record<string, unknown>;
    const after = Number(q.after ?? 0);
    const limit = parseLimit(q.limit);
    const items = await ctx.store.audit.after(after, limit);
    return { items, next: items.length === limit ? String(items.at(-1)!.seq) : null };
  });

  app.get('/webhooks/deliveries', { schema: { summary: 'Webhook deliveries, newest first; `?state=dead` is the dead-letter list', tags: ['audit'], querystring: { type: 'object', properties: { state: { type: 'string', enum: ['pending', 'delivered', 'dead'] }, department: { type: 'string' }, limit: { type: 'integer' }, cursor: { type: 'string' } } } } }, async (req) => {
    requireRole(req, 'operator');
    const q = req.query as Record<string, unknown>;
    const state = stringParam(q, 'state') as 'pending' | 'delivered' | 'dead' | undefined;
    const department = stringParam(q, 'department');
    const page = await ctx.store.deliveries.list({ limit: parseLimit(q.limit), cursor: stringParam(q, 'cursor') ?? null, ...(state ? { state } : {}), ...(department ? { department } : {}) });
    return { items: page.items.map(({ body, ...d }) => ({ ...d, payload: JSON.parse(body) as unknown })), next: page.next };
  });

  app.get('/plans', { schema: { summary: 'The default plans (预案) per domain and level', tags: ['cases'] } }, async (req) => {
    requireScope(req, 'read');
    return { items: planCatalogue(), next: null };
  });

  app.get('/maintenance', { schema: { summary: 'Maintenance windows: alarms inside one are recorded but open no case', tags: ['cases'] } }, async (req) => {
    requireScope(req, 'read');
    return { items: (await ctx.store.settings.get<MaintenanceWindow[]>(MAINTENANCE_KEY)) ?? [], next: null };
  });

  app.put('/maintenance', { schema: { summary: 'Replace the maintenance windows (operator)', tags: ['cases'], description: 'Body: `[{id, asset? | sensor?, from, to, reason}]`, times ISO 8601 or epoch ms.' } }, async (req) => {
    const p = requireRole(req, 'operator');
    const body = req.body;
    if (!Array.isArray(body)) throw validationError('body', 'must be an array of windows');
    const windows: MaintenanceWindow[] = body.map((w: Record<string, unknown>, i) => {
      if (typeof w?.id !== 'string') throw validationError(`[${i}].id`, 'is required');
      if (typeof w.asset !== 'string' && typeof w.sensor !== 'string') throw validationError(`[${i}].asset`, 'name an asset or a sensor');
      const f = parseTime(w.from);
      const t = parseTime(w.to);
      const from = f.ok ? f.ts : NaN;
      const to = t.ok ? t.ts : NaN;
      if (!(to > from)) throw validationError(`[${i}].to`, 'from and to must be times with from < to');
      if (typeof w.reason !== 'string' || !w.reason) throw validationError(`[${i}].reason`, 'is required');
      return { id: w.id, from, to, reason: w.reason, ...(typeof w.asset === 'string' ? { asset: w.asset } : {}), ...(typeof w.sensor === 'string' ? { sensor: w.sensor } : {}) };
    });
    const before = await ctx.store.settings.get<MaintenanceWindow[]>(MAINTENANCE_KEY);
    await ctx.audit.commit([{ op: 'setting.put', key: MAINTENANCE_KEY, value: windows }], [{ at: ctx.clock.now(), actor: p.username, subject: { type: 'setting', id: MAINTENANCE_KEY }, action: 'set', from: before, to: windows }]);
    return { items: windows, next: null };
  });
}
