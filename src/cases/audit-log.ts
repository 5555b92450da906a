import type { AuditEvent, AuditInput } from '../domain/index.js';
import { AUDIT_GENESIS, LifelineError, auditDigestInput } from '../domain/index.js';
import type { Digest, Store, StoreOp } from '../ports/index.js';
import { Mutex } from './mutex.js';

/** The settings key holding the newest event's seq and hash, so deleting the last events shows too. */
export const AUDIT_HEAD_KEY = 'audit.head';

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

export interface VerifyResult {
  readonly ok: boolean;
  readonly events: number;
  readonly head: AuditHead;
  /** The first event that breaks the chain, and why. */
  readonly broken?: { readonly seq: number; readonly reason: string };
}

/**
 * The append-only, hash-chained audit log. Every change that must be audited is committed through
 * `commit`, which adds the audit events (and the new head) to the same transaction, one commit at a
 * time so the chain stays a single line.
 */
export class AuditLog {
  private head: AuditHead = { seq: 0, hash: AUDIT_GENESIS };
  private readonly mutex = new Mutex();
  private loaded = false;

  constructor(private readonly store: Store, private readonly digest: Digest) {}

  async load(): Promise<void> {
    const last = await this.store.audit.last();
    this.head = last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: AUDIT_GENESIS };
    this.loaded = true;
  }

  /** Commit `ops` together with one audit event per input; resolves with the events once durable. */
  commit(ops: readonly StoreOp[], inputs: readonly AuditInput[]): Promise<AuditEvent[]> {
    return this.mutex.run(async () => {
      if (!this.loaded) await this.load();
      for (let attempt = 0; ; attempt++) {
        const events = this.chain(inputs);
        const head = events.length ? { seq: events.at(-1)!.seq, hash: events.at(-1)!.hash } : this.head;
        try {
          await this.store.commit([...ops, ...events.map((event) => ({ op: 'audit.append' as const, event })),
            ...(events.length ? [{ op: 'setting.put' as const, key: AUDIT_HEAD_KEY, value: head }] : [])]);
          this.head = head;
          return events;
        } catch (e) {
          // Another process appended first: take its head and chain after it.
          if (attempt < 3 && e instanceof LifelineError && e.code === 'conflict' && /audit event/.test(e.message)) { await this.load(); continue; }
          throw e;
        }
      }
    });
  }

  private chain(inputs: readonly AuditInput[]): AuditEvent[] {
    let { seq, hash } = this.head;
    return inputs.map((input) => {
      seq += 1;
      const event = { ...input, seq, prevHash: hash };
      hash = this.digest.sha256Hex(auditDigestInput(event));
      return { ...event, hash };
    });
  }

  /** Walk the whole chain: every event's hash, its link to the one before, no gaps, the recorded head. */
  async verify(): Promise<VerifyResult> {
    let prev: AuditHead = { seq: 0, hash: AUDIT_GENESIS };
    let events = 0;
    const fail = (seq: number, reason: string): VerifyResult => ({ ok: false, events, head: prev, broken: { seq, reason } });
    for (;;) {
      const page = await this.store.audit.after(prev.seq, 5000);
      if (page.length === 0) break;
      for (const e of page) {
        if (e.seq !== prev.seq + 1) return fail(prev.seq + 1, `event ${prev.seq + 1} is missing (next is ${e.seq})`);
        if (e.prevHash !== prev.hash) return fail(e.seq, `event ${e.seq} does not link to event ${prev.seq}`);
        if (this.digest.sha256Hex(auditDigestInput(e)) !== e.hash) return fail(e.seq, `event ${e.seq} was changed after it was written`);
        prev = { seq: e.seq, hash: e.hash };
        events++;
      }
    }
    const recorded = await this.store.settings.get<AuditHead>(AUDIT_HEAD_KEY);
    if (recorded && (recorded.seq !== prev.seq || recorded.hash !== prev.hash)) {
      return fail(prev.seq + 1, `the log ends at event ${prev.seq} but event ${recorded.seq} was written: events were deleted`);
    }
    return { ok: true, events, head: prev };
  }
}
