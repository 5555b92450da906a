import type { FastifyInstance } from 'fastify';
import type { StoredToken, StoredUser } from '../../domain/index.js';
import { LifelineError, ROLES, ROLE_SCOPES, SCOPES, isRole, isScope, toIso, validationError } from '../../domain/index.js';
import { requireRole } from '../actor.js';
import { hashPassword, newToken, tokenHash } from '../auth.js';
import type { ApiContext } from '../context.js';
import { requireScope } from '../guard.js';
import { parseLimit } from '../pagination.js';
import { stringParam } from '../query.js';

export function userView(u: StoredUser) {
  return { id: u.id, username: u.username, name: u.name ?? null, role: u.role, department: u.department ?? null, disabled: u.disabled === true, createdAt: toIso(u.createdAt) };
}

function tokenView(t: StoredToken) {
  return { id: t.id, name: t.name ?? null, user: t.user, scopes: t.scopes, createdAt: toIso(t.createdAt), expiresAt: t.expiresAt === null ? null : toIso(t.expiresAt) };
}

async function checkUserFields(ctx: ApiContext, b: Record<string, unknown>, partial: boolean): Promise<void> {
  if (!partial || b.role !== undefined) if (!isRole(b.role)) throw validationError('role', `must be one of ${ROLES.join(', ')}`);
  if (!partial || b.password !== undefined) if (typeof b.password !== 'string' || b.password.length < 8) throw validationError('password', 'must be at least 8 characters');
  if (b.department !== undefined && b.department !== null) {
    if (typeof b.department !== 'string' || !(await ctx.store.departments.get(b.department))) throw validationError('department', `no department '${String(b.department)}'`, 'unknown');
  }
}

export function userRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/users', { schema: { summary: 'Users; a handler sees its department\'s', tags: ['people'], querystring: { type: 'object', properties: { department: { type: 'string' }, limit: { type: 'integer' }, cursor: { type: 'string' } } } } }, async (req) => {
    const p = requireScope(req, 'read');
    const q = req.query as Record<string, unknown>;
    const department = p.role === 'handler' ? p.department : stringParam(q, 'department');
    const page = await ctx.store.users.list({ limit: parseLimit(q.limit), cursor: stringParam(q, 'cursor') ?? null, ...(department ? { department } : {}) });
    return { items: page.items.map(userView), next: page.next };
  });

  app.post('/users', { schema: { summary: 'Create a user (admin)', tags: ['people'], description: 'Body: `{username, password (≥ 8), role: admin|operator|handler|viewer, department?, name?}`. A handler needs a department. The password is stored as an scrypt hash.' } }, async (req, reply) => {
    const p = requireRole(req);
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (typeof b.username !== 'string' || !/^[A-Za-z0-9_.@-]{2,64}$/.test(b.username)) throw validationError('username', 'is required: 2–64 letters, digits, _ . @ -');
    if (b.username === 'admin') throw new LifelineError('conflict', "'admin' is the bootstrap administrator");
    await checkUserFields(ctx, b, false);
    if (b.role === 'handler' && typeof b.department !== 'string') throw validationError('department', 'a handler belongs to a department', 'required');
    if (await ctx.store.users.byUsername(b.username)) throw new LifelineError('conflict', `the username '${b.username}' is taken`);
    const user: StoredUser = {
      id: `u-${b.username}`, username: b.username, role: b.role as StoredUser['role'], passwordHash: hashPassword(b.password as string), createdAt: ctx.clock.now(),
      ...(typeof b.department === 'string' ? { department: b.department } : {}), ...(typeof b.name === 'string' ? { name: b.name } : {}),
    };
    await ctx.audit.commit([{ op: 'user.put', user }], [{ at: ctx.clock.now(), actor: p.username, subject: { type: 'user', id: user.id }, action: 'create', to: userView(user) }]);
    return reply.code(201).send(userView(user));
  });

  app.patch('/users/:id', { schema: { summary: 'Change a user\'s role, department, password or disabled flag (admin)', tags: ['people'] } }, async (req) => {
    const p = requireRole(req);
    const { id } = req.params as { id: string };
    const before = await ctx.store.users.get(id);
    if (!before) throw new LifelineError('not_found', `no user '${id}'`);
    const b = (req.body ?? {}) as Record<string, unknown>;
    await checkUserFields(ctx, b, true);
    if (b.disabled !== undefined && typeof b.disabled !== 'boolean') throw validationError('disabled', 'must be true or false');
    const user: StoredUser = {
      ...before,
      ...(b.role !== undefined ? { role: b.role as StoredUser['role'] } : {}),
      ...(typeof b.department === 'string' ? { department: b.department } : {}),
      ...(typeof b.password === 'string' ? { passwordHash: hashPassword(b.password) } : {}),
      ...(typeof b.disabled === 'boolean' ? { disabled: b.disabled } : {}),
    };
    await ctx.audit.commit([{ op: 'user.put', user }], [{
      at: ctx.clock.now(), actor: p.username, subject: { type: 'user', id }, action: 'update',
      from: userView(before), to: { ...userView(user), ...(b.password !== undefined ? { password: 'changed' } : {}) },
    }]);
    return userView(user);
  });

  app.get('/tokens', { schema: { summary: 'API tokens (admin); the secrets are never shown again', tags: ['people'] } }, async (req) => {
    requireRole(req);
    const q = req.query as Record<string, unknown>;
    const page = await ctx.store.tokens.listApi({ limit: parseLimit(q.limit), cursor: stringParam(q, 'cursor') ?? null });
    return { items: page.items.map(tokenView), next: page.next };
  });

  app.post('/tokens', { schema: { summary: 'Issue an API token for a machine (admin)', tags: ['people'], description: `Body: \`{name, scopes, user?, expiresInDays?}\`; scopes from ${SCOPES.join(', ')}: \`["ingest"]\` for a gateway, \`["read"]\` for a display. Answers the token once.` } }, async (req, reply) => {
    const p = requireRole(req);
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (typeof b.name !== 'string' || b.name.trim() === '') throw validationError('name', 'is required');
    if (!Array.isArray(b.scopes) || b.scopes.length === 0 || !b.scopes.every(isScope)) throw validationError('scopes', `must be a non-empty list of ${SCOPES.join(', ')}`);
    const owner = typeof b.user === 'string' ? b.user : p.id;
    const role = owner === 'admin' ? 'admin' : (await ctx.store.users.get(owner))?.role;
    if (!role) throw validationError('user', `no user '${owner}'`, 'unknown');
    const refused = b.scopes.filter((s) => !ROLE_SCOPES[role].includes(s));
    if (refused.length) throw validationError('scopes', `a ${role} cannot hold ${refused.join(', ')}`);
    const days = b.expiresInDays;
    if (days !== undefined && (typeof days !== 'number' || !(days > 0))) throw validationError('expiresInDays', 'must be a positive number');
    const token = newToken('llt');
    const now = ctx.clock.now();
    const stored: StoredToken = { hash: tokenHash(token), id: `t-${tokenHash(token).slice(0, 12)}`, kind: 'api', user: owner, name: b.name.trim(), scopes: b.scopes, createdAt: now, expiresAt: typeof days === 'number' ? now + days * 86_400_000 : null };
    await ctx.audit.commit([{ op: 'token.put', token: stored }], [{ at: now, actor: p.username, subject: { type: 'token', id: stored.id }, action: 'create', to: tokenView(stored) }]);
    return reply.code(201).send({ ...tokenView(stored), token });
  });

  app.delete('/tokens/:id', { schema: { summary: 'Revoke an API token (admin)', tags: ['people'] } }, async (req, reply) => {
    const p = requireRole(req);
    const { id } = req.params as { id: string };
    let cursor: string | null = null;
    let found: StoredToken | undefined;
    do {
      const page = await ctx.store.tokens.listApi({ limit: 1000, cursor });
      found = page.items.find((t) => t.id === id);
      cursor = page.next;
    } while (!found && cursor);
    if (!found) throw new LifelineError('not_found', `no token '${id}'`);
    await ctx.audit.commit([{ op: 'token.delete', hash: found.hash }], [{ at: ctx.clock.now(), actor: p.username, subject: { type: 'token', id }, action: 'revoke', from: tokenView(found) }]);
    return reply.code(204).send();
  });
}
