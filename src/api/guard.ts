import type { FastifyRequest } from 'fastify';
import { LifelineError } from '../domain/index.js';
import type { Principal, Scope } from './auth.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** Refuse (403) unless the caller's token carries the scope. */
export function requireScope(req: FastifyRequest, scope: Scope): Principal {
  const p = req.principal;
  if (!p) throw new LifelineError('unauthorized', 'a bearer token is required');
  if (!p.scopes.includes(scope) && !p.scopes.includes('admin')) {
    throw new LifelineError('forbidden', `this needs the '${scope}' scope; your token (${p.role}) has ${p.scopes.join(', ') || 'none'}`);
  }
  return p;
}
