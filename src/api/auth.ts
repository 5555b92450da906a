import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../ports/index.js';

export type Role = 'admin' | 'operator' | 'handler' | 'viewer';
/** What a token may do: `read` lists and views, `ingest` posts readings, `write` changes the registry, `admin` everything. */
export type Scope = 'read' | 'ingest' | 'write' | 'admin';

export interface Principal {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly department?: string;
  readonly scopes: readonly Scope[];
}

const ROLE_SCOPES: Record<Role, Scope[]> = {
  admin: ['read', 'ingest', 'write', 'admin'],
  operator: ['read', 'ingest', 'write'],
  handler: ['read'],
  viewer: ['read'],
};

export const SESSION_TTL_MS = 12 * 3600_000;

/** scrypt (RFC 7914) with a random salt: `scrypt$N$r$p$salt$hash`. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = scryptSync(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

export function newToken(prefix = 'llt'): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

interface Session { principal: Principal; expires: number }

/**
 * Bearer tokens: the bootstrap admin token, machine tokens with scopes, and expiring session tokens
 * issued at login. Users beyond the bootstrap `admin` come with the workflow (issue 4).
 */
export class TokenAuth {
  private readonly tokens = new Map<string, Session>();
  private readonly adminPasswordHash: string;
  readonly admin: Principal = { id: 'admin', username: 'admin', role: 'admin', scopes: ROLE_SCOPES.admin };

  constructor(private readonly clock: Clock, readonly adminToken: string, adminPassword: string) {
    this.tokens.set(adminToken, { principal: this.admin, expires: Infinity });
    this.adminPasswordHash = hashPassword(adminPassword);
  }

  verify(token: string | undefined): Principal | undefined {
    if (!token) return undefined;
    const s = this.tokens.get(token);
    if (!s) return undefined;
    if (s.expires <= this.clock.now()) { this.tokens.delete(token); return undefined; }
    return s.principal;
  }

  /** A session token for a username and password, or undefined. */
  login(username: string, password: string): { token: string; expires: number; user: Principal } | undefined {
    if (username !== 'admin' || !verifyPassword(password, this.adminPasswordHash)) return undefined;
    const token = newToken('lls');
    const expires = this.clock.now() + SESSION_TTL_MS;
    this.tokens.set(token, { principal: this.admin, expires });
    return { token, expires, user: this.admin };
  }

  /** A machine token limited to some scopes (e.g. ingest-only for a gateway). */
  issueMachineToken(name: string, scopes: Scope[]): string {
    const token = newToken('llm');
    this.tokens.set(token, { principal: { id: `machine:${name}`, username: name, role: 'viewer', scopes }, expires: Infinity });
    return token;
  }

  static roleScopes(role: Role): readonly Scope[] {
    return ROLE_SCOPES[role];
  }
}
