import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Role, Scope, StoredUser } from '../domain/index.js';
import { ROLE_SCOPES } from '../domain/index.js';
import type { Clock, Store } from '../ports/index.js';

export type { Role, Scope } from '../domain/index.js';

export interface Principal {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly department?: string;
  readonly scopes: readonly Scope[];
}

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

/** Tokens are stored only as their SHA-256 (they are random, so no salt or stretching is needed). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function principalOf(user: Pick<StoredUser, 'id' | 'username' | 'role' | 'department'>, scopes: readonly Scope[] = ROLE_SCOPES[user.role]): Principal {
  return { id: user.id, username: user.username, role: user.role, ...(user.department ? { department: user.department } : {}), scopes };
}

/**
 * Bearer tokens: the bootstrap admin token (from LIFELINE_ADMIN_TOKEN), session tokens issued at
 * login (they expire), and API tokens for machines with scopes. Session and API tokens are stored
 * hashed, so they survive a restart. An API token without `write` or `admin` acts as a viewer: an
 * ingest-only gateway or a read-only wall display can never act on a case.
 */
export class TokenAuth {
  private readonly adminPasswordHash: string;
  readonly admin: Principal = { id: 'admin', username: 'admin', role: 'admin', scopes: ROLE_SCOPES.admin };
  /** Machine tokens that live only as long as the process (tests, benches). */
  private readonly ephemeral = new Map<string, Principal>();

  constructor(private readonly clock: Clock, readonly adminToken: string, adminPassword: string, private readonly store?: Store) {
    this.adminPasswordHash = hashPassword(adminPassword);
  }

  async verify(token: string | undefined): Promise<Principal | undefined> {
    if (!token) return undefined;
    if (token.length === this.adminToken.length && timingSafeEqual(Buffer.from(token), Buffer.from(this.adminToken))) return this.admin;
    const machine = this.ephemeral.get(token);
    if (machine) return machine;
    if (!this.store) return undefined;
    const stored = await this.store.tokens.get(tokenHash(token));
    if (!stored) return undefined;
    if (stored.expiresAt !== null && stored.expiresAt <= this.clock.now()) {
      // An expired session is of no use to anyone: drop it (best effort).
      this.store.commit([{ op: 'token.delete', hash: stored.hash }]).catch(() => undefined);
      return undefined;
    }
    const user = stored.user === 'admin' ? { ...this.admin } : await this.store.users.get(stored.user);
    if (!user || (user as StoredUser).disabled) return undefined;
    const allowed = ROLE_SCOPES[user.role].filter((s) => stored.scopes.includes(s));
    const acts = stored.kind === 'session' || allowed.includes('write') || allowed.includes('admin');
    return { ...principalOf(user, allowed), role: acts ? user.role : 'viewer' };
  }

  /** A session token for a username and password, or undefined. */
  async login(username: string, password: string): Promise<{ token: string; expires: number; user: Principal } | undefined> {
    let user: Principal | undefined;
    if (username === 'admin' && verifyPassword(password, this.adminPasswordHash)) user = this.admin;
    else if (this.store) {
      const stored = await this.store.users.byUsername(username);
      if (stored && !stored.disabled && verifyPassword(password, stored.passwordHash)) user = principalOf(stored);
    }
    if (!user) return undefined;
    const token = newToken('lls');
    const now = this.clock.now();
    const expires = now + SESSION_TTL_MS;
    if (!this.store) return undefined;
    await this.store.commit([{ op: 'token.put', token: { hash: tokenHash(token), id: `s-${tokenHash(token).slice(0, 12)}`, kind: 'session', user: user.id, scopes: [...user.scopes], createdAt: now, expiresAt: expires } }]);
    return { token, expires, user };
  }

  async logout(token: string): Promise<void> {
    await this.store?.commit([{ op: 'token.delete', hash: tokenHash(token) }]);
  }

  /** A machine token limited to some scopes that lives only in this process (tests and benches). */
  issueMachineToken(name: string, scopes: Scope[]): string {
    const token = newToken('llm');
    const acts = scopes.includes('write') || scopes.includes('admin');
    this.ephemeral.set(token, { id: `machine:${name}`, username: name, role: acts ? 'admin' : 'viewer', scopes });
    return token;
  }

  static roleScopes(role: Role): readonly Scope[] {
    return ROLE_SCOPES[role];
  }
}
