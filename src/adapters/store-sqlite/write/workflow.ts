import { LifelineError, isFinalState } from '../../../domain/index.js';
import type { StoreOp } from '../../../ports/index.js';
import type { Connection, Statement } from '../connection.js';

/**
 * Applies `Store.commit`: a list of ops in one IMMEDIATE transaction. A failed version check (or a
 * taken audit seq) throws `conflict` and rolls everything back.
 */
export class WorkflowWriter {
  private readonly s: Record<string, Statement>;

  constructor(private readonly db: Connection) {
    this.s = {
      department: db.prepare('INSERT INTO departments (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc'),
      user: db.prepare('INSERT INTO users (id, username, department, doc) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET username = excluded.username, department = excluded.department, doc = excluded.doc'),
      token: db.prepare('INSERT INTO tokens (hash, id, kind, user, expires_at, doc) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO UPDATE SET doc = excluded.doc, expires_at = excluded.expires_at'),
      tokenDelete: db.prepare('DELETE FROM tokens WHERE hash = ?'),
      caseInsert: db.prepare('INSERT INTO cases (id, state, level, domain, class, department, active, opened_at, version, doc) VALUES (@id, @state, @level, @domain, @class, @department, @active, @opened_at, @version, @doc) ON CONFLICT (id) DO NOTHING'),
      caseUpdate: db.prepare('UPDATE cases SET state = @state, level = @level, domain = @domain, class = @class, department = @department, active = @active, version = @version, doc = @doc WHERE id = @id AND version = @expect'),
      caseVersion: db.prepare('SELECT version FROM cases WHERE id = ?').pluck(),
      audit: db.prepare('INSERT INTO audit (seq, at, subject_type, subject_id, hash, doc) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING'),
      delivery: db.prepare('INSERT INTO deliveries (id, department, state, next_at, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state, next_at = excluded.next_at, doc = excluded.doc'),
      scenario: db.prepare('INSERT INTO scenarios (id, kind, created_at, doc) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, doc = excluded.doc'),
      setting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  commit(ops: readonly StoreOp[]): void {
    this.db.transaction(() => { for (const op of ops) this.apply(op); }).immediate();
  }

  private apply(op: StoreOp): void {
    const s = this.s;
    switch (op.op) {
      case 'department.put':
        s.department!.run(op.department.id, JSON.stringify(op.department));
        return;
      case 'user.put':
        s.user!.run(op.user.id, op.user.username, op.user.department ?? null, JSON.stringify(op.user));
        return;
      case 'token.put':
        s.token!.run(op.token.hash, op.token.id, op.token.kind, op.token.user, op.token.expiresAt, JSON.stringify(op.token));
        return;
      case 'token.delete':
        s.tokenDelete!.run(op.hash);
        return;
      case 'case.put': {
        const c = op.case;
        const row = {
          id: c.id, state: c.state, level: c.level, domain: c.domain, class: c.class, department: c.department ?? null,
          active: isFinalState(c.state) ? 0 : 1, opened_at: c.openedAt, version: c.version, doc: JSON.stringify(c), expect: op.expectVersion,
        };
        const changed = op.expectVersion === null ? s.caseInsert!.run(row).changes : s.caseUpdate!.run(row).changes;
        if (changed !== 1) {
          const stored = s.caseVersion!.get(c.id) as number | undefined;
          throw new LifelineError('conflict', op.expectVersion === null
            ? `case ${c.id} already exists`
            : `case ${c.id} changed meanwhile (version ${stored ?? 'none'}, expected ${op.expectVersion}); reload and try again`, [], { currentVersion: stored ?? null });
        }
        return;
      }
      case 'audit.append': {
        const e = op.event;
        if (s.audit!.run(e.seq, e.at, e.subject.type, e.subject.id, e.hash, JSON.stringify(e)).changes !== 1) {
          throw new LifelineError('conflict', `audit event ${e.seq} is already written`);
        }
        return;
      }
      case 'delivery.put': {
        const d = op.delivery;
        s.delivery!.run(d.id, d.department, d.state, d.nextAt, JSON.stringify(d));
        return;
      }
      case 'setting.put':
        s.setting!.run(op.key, JSON.stringify(op.value));
        return;
      case 'scenario.put':
        s.scenario!.run(op.scenario.id, op.scenario.kind, op.scenario.createdAt, JSON.stringify(op.scenario));
        return;
    }
  }
}
