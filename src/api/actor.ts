import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from '../domain/index.js';
import { LifelineError } from '../domain/index.js';
import type { Principal } from './auth.js';
import { requireScope } from './guard.js';

export function actorOf(p: Principal): Actor {
  return { id: p.id, username: p.username, role: p.role, ...(p.department ? { department: p.department } : {}) };
}

/** Refuse (403) unless the caller has one of the roles (admin always passes). */
export function requireRole(req: FastifyRequest, ...roles: Role[]): Principal {
  const p = requireScope(req, 'read');
  if (p.role !== 'admin' && !roles.includes(p.role)) {
    throw new LifelineError('forbidden', `this needs the role ${['admin', ...roles].join(' or ')}; you are ${p.role}`);
  }
  return p;
}
