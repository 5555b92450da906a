/**
 * The audit log: an append-only list of events, each chained to the one before by a hash, so an
 * edited or deleted event breaks the chain (checked by `lifeline audit verify`).
 */
export interface AuditSubject {
  readonly type: 'case' | 'rule' | 'user' | 'setting' | 'department' | 'token' | 'alarm';
  readonly id: string;
}

/** What a caller records: who, when, what, from, to, why. */
export interface AuditInput {
  readonly at: number;
  readonly actor: string;
  readonly subject: AuditSubject;
  readonly action: string;
  readonly from?: unknown;
  readonly to?: unknown;
  readonly reason?: string;
}

export interface AuditEvent extends AuditInput {
  /** 1, 2, 3 … without gaps. */
  readonly seq: number;
  readonly prevHash: string;
  /** SHA-256 (hex) of prevHash and the canonical JSON of the event. */
  readonly hash: string;
}

export const AUDIT_GENESIS = '0'.repeat(64);

/** The text that is hashed: stable key order, undefined fields left out. */
export function auditDigestInput(e: AuditInput & { readonly seq: number; readonly prevHash: string }): string {
  return canonicalJson({ seq: e.seq, prevHash: e.prevHash, at: e.at, actor: e.actor, subject: e.subject, action: e.action, from: e.from, to: e.to, reason: e.reason });
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
