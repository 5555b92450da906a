import type { FastifyInstance } from 'fastify';
import { LifelineError, toIso, validationError } from '../../domain/index.js';
import type { ApiContext } from '../context.js';

export function authRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/auth/login', {
    schema: {
      summary: 'Log in with username and password; answers a session token', tags: ['auth'], security: [],
      body: { type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } },
    },
  }, async (req) => {
    const { username, password } = req.body as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || username === '') throw validationError('username', 'is required');
    if (typeof password !== 'string') throw validationError('password', 'is required');
    const session = await ctx.auth.login(username, password);
    if (!session) throw new LifelineError('unauthorized', 'wrong username or password');
    const u = session.user;
    return { token: session.token, expires: toIso(session.expires), user: { id: u.id, username: u.username, role: u.role, department: u.department ?? null } };
  });

  app.post('/auth/logout', { schema: { summary: 'End this session', tags: ['auth'] } }, async (req, reply) => {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) await ctx.auth.logout(header.slice(7).trim());
    return reply.code(204).send();
  });

  app.get('/auth/me', { schema: { summary: 'Who the token belongs to', tags: ['auth'] } }, async (req) => {
    const u = req.principal!;
    return { id: u.id, username: u.username, role: u.role, department: u.department ?? null, scopes: u.scopes };
  });
}
