/** People and machines that use Lifeline. */
export const ROLES = ['admin', 'operator', 'handler', 'viewer'] as const;
/** admin: everything; operator: the monitoring centre (值班员); handler: a department's; viewer: reads. */
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** What a token may do: `read` lists and views, `ingest` posts readings, `write` changes the registry, `admin` everything. */
export const SCOPES = ['read', 'ingest', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}

export const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  admin: ['read', 'ingest', 'write', 'admin'],
  operator: ['read', 'ingest', 'write'],
  handler: ['read'],
  viewer: ['read'],
};

export interface User {
  readonly id: string;
  readonly username: string;
  readonly name?: string;
  readonly role: Role;
  /** Handlers belong to the department whose cases they dispose. */
  readonly department?: string;
  readonly disabled?: boolean;
  readonly createdAt: number;
}

/** A user as stored: the password only as an scrypt hash. */
export interface StoredUser extends User {
  readonly passwordHash: string;
}

/**
 * A bearer credential as stored: only the SHA-256 of the token. `session` tokens come from a login
 * and expire; `api` tokens are for machines (a gateway: `ingest`; a dashboard wall: `read`).
 */
export interface StoredToken {
  readonly hash: string;
  /** Short public id (for listing and revoking). */
  readonly id: string;
  readonly kind: 'session' | 'api';
  readonly user: string;
  readonly name?: string;
  readonly scopes: readonly Scope[];
  readonly createdAt: number;
  /** Epoch ms, or null for no expiry. */
  readonly expiresAt: number | null;
}

/** Who does something: a person (by role and department) or the platform itself (`system`). */
export interface Actor {
  readonly id: string;
  readonly username: string;
  readonly role: Role | 'system';
  readonly department?: string;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', username: 'system', role: 'system' };
