import type { FastifyInstance } from 'fastify';
import type { Department } from '../../domain/index.js';
import { LifelineError, isDomain, validationError } from '../../domain/index.js';
import { requireRole } from '../actor.js';
import type { ApiContext } from '../context.js';
import { requireScope } from '../guard.js';
import { parseLimit } from '../pagination.js';
import { stringParam } from '../query.js';

/** A department as the API shows it: the webhook secret is never listed. */
export function departmentView(d: Department) {
  const { webhookSecret, ...rest } = d;
  return { ...rest, webhookSigned: webhookSecret !== undefined };
}

export function parseDepartment(body: unknown): Department {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.id !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(b.id)) throw validationError('id', 'is required: 1–64 letters, digits, _ . -');
  if (typeof b.name !== 'string' || b.name.trim() === '') throw validationError('name', 'is required');
  const domains = b.domains ?? [];
  if (!Array.isArray(domains) || !domains.every(isDomain)) throw validationError('domains', 'must be a list of domains (gas, water, …)');
  if (b.webhook !== undefined && (typeof b.webhook !== 'string' || !/^https?:\/\//.test(b.webhook))) throw validationError('webhook', 'must be an http(s) URL');
  if (b.webhookSecret !== undefined && (typeof b.webhookSecret !== 'string' || b.webhookSecret.length < 8)) throw validationError('webhookSecret', 'must be at least 8 characters');
  return {
    id: b.id, name: b.name.trim(), domains,
    ...(typeof b.nameEn === 'string' ? { nameEn: b.nameEn } : {}),
    ...(typeof b.webhook === 'string' ? { webhook: b.webhook } : {}),
    ...(typeof b.webhookSecret === 'string' ? { webhookSecret: b.webhookSecret } : {}),
  };
}

export function departmentRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/departments', { schema: { summary: 'Departments (部门)', tags: ['people'], querystring: { type: 'object', properties: { limit: { type: 'integer' }, cursor: { type: 'string' } } } } }, async (req) => {
    requireScope(req, 'read');
    const q = req.query as Record<string, unknown>;
    const page = await ctx.store.departments.list({ limit: parseLimit(q.limit), cursor: stringParam(q, 'cursor') ?? null });
    return { items: page.items.map(departmentView), next: page.next };
  });

  app.get('/departments/:id', { schema: { summary: 'One department', tags: ['people'] } }, async (req) => {
    requireScope(req, 'read');
    const { id } = req.params as { id: string };
    const d = await ctx.store.departments.get(id);
    if (!d) throw new LifelineError('not_found', `no department '${id}'`);
    return departmentView(d);
  });

  app.post('/departments', { schema: { summary: 'Create or replace a department (admin)', tags: ['people'], description: 'Body: `{id, name, nameEn?, domains, webhook?, webhookSecret?}`. Case notifications to its webhook are signed with HMAC-SHA256 of `webhookSecret` in `X-Lifeline-Signature: sha256=<hex>`.' } }, async (req, reply) => {
    const p = requireRole(req);
    const d = parseDepartment(req.body);
    const before = await ctx.store.departments.get(d.id);
    await ctx.audit.commit([{ op: 'department.put', department: d }], [{
      at: ctx.clock.now(), actor: p.username, subject: { type: 'department', id: d.id }, action: before ? 'update' : 'create',
      from: before ? departmentView(before) : undefined, to: departmentView(d),
    }]);
    return reply.code(before ? 200 : 201).send(departmentView(d));
  });
}
