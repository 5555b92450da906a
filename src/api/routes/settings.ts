import type { FastifyInstance } from 'fastify';
import { validationError } from '../../domain/index.js';
import { DEFAULT_RETENTION } from '../../ports/index.js';
import type { RetentionSettings } from '../../ports/index.js';
import { requireRole } from '../actor.js';
import type { ApiContext } from '../context.js';
import { requireScope } from '../guard.js';

export const RETENTION_KEY = 'retention';
const FIELDS = ['rawDays', 'minuteDays', 'hourDays'] as const;

/** Retention of readings: how long raw rows and each rollup are kept. Applied hourly. */
export function settingsRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/settings/retention', { schema: { summary: 'How long raw readings and rollups are kept (days)', tags: ['system'] } }, async (req) => {
    requireScope(req, 'read');
    return (await ctx.store.settings.get<RetentionSettings>(RETENTION_KEY)) ?? DEFAULT_RETENTION;
  });

  app.put('/settings/retention', {
    schema: { summary: 'Change retention (admin; audited)', tags: ['system'], description: 'Body: `{rawDays, minuteDays, hourDays}`, whole days ≥ 1; rollups must be kept at least as long as raw rows.' },
  }, async (req) => {
    const p = requireRole(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const before = (await ctx.store.settings.get<RetentionSettings>(RETENTION_KEY)) ?? DEFAULT_RETENTION;
    const next = { ...before } as Record<(typeof FIELDS)[number], number>;
    for (const f of FIELDS) {
      const v = body[f];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 36_500) throw validationError(f, 'must be a whole number of days from 1 to 36,500');
      next[f] = v;
    }
    if (next.minuteDays < next.rawDays) throw validationError('minuteDays', 'must not be shorter than rawDays');
    if (next.hourDays < next.minuteDays) throw validationError('hourDays', 'must not be shorter than minuteDays');
    await ctx.audit.commit([{ op: 'setting.put', key: RETENTION_KEY, value: next }], [{
      at: ctx.clock.now(), actor: p.username, subject: { type: 'setting', id: RETENTION_KEY }, action: 'set', from: before, to: next,
    }]);
    return next;
  });
}
