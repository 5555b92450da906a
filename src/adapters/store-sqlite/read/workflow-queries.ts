import type { AuditEvent, Case, Department, StoredToken, StoredUser } from '../../../domain/index.js';
import type { CaseQuery, DeliveryState, ListOptions, Page, StoredScenario, WebhookDelivery } from '../../../ports/index.js';
import { cursorAfter, idFromCursor } from '../../../ports/index.js';
import type { StoreReader } from './reader.js';

type Param = string | number;

/** Reads of the workflow tables; every answer is parsed from the row's `doc`. */
export class WorkflowQueries {
  constructor(private readonly reader: StoreReader) {}

  private one<T>(sql: string, ...params: Param[]): T | undefined {
    const doc = this.reader.statements.get(sql).pluck().get(...params) as string | undefined;
    return doc === undefined ? undefined : (JSON.parse(doc) as T);
  }

  private many<T>(sql: string, ...params: Param[]): T[] {
    return (this.reader.statements.get(sql).pluck().all(...params) as string[]).map((d) => JSON.parse(d) as T);
  }

  /** A page over `table` filtered by `where`, ordered by `key` (asc or desc), with the opaque cursor. */
  private page<T extends Record<string, unknown>>(table: string, key: string, desc: boolean, where: string[], params: Param[], options: ListOptions): Page<T> {
    const w = [...where];
    const p = [...params];
    if (options.cursor) { w.push(`${key} ${desc ? '<' : '>'} ?`); p.push(idFromCursor(options.cursor)); }
    const sql = `SELECT doc FROM ${table}${w.length ? ` WHERE ${w.join(' AND ')}` : ''} ORDER BY ${key} ${desc ? 'DESC' : 'ASC'} LIMIT ?`;
    const items = this.reader.snapshot(() => this.many<T>(sql, ...p, options.limit + 1));
    const more = items.length > options.limit;
    if (more) items.length = options.limit;
    return { items, next: more ? cursorAfter(String(items.at(-1)![key])) : null };
  }

  department(id: string): Department | undefined {
    return this.one('SELECT doc FROM departments WHERE id = ?', id);
  }

  departments(options: ListOptions): Page<Department> {
    return this.page('departments', 'id', false, [], [], options) as unknown as Page<Department>;
  }

  user(id: string): StoredUser | undefined {
    return this.one('SELECT doc FROM users WHERE id = ?', id);
  }

  userByName(username: string): StoredUser | undefined {
    return this.one('SELECT doc FROM users WHERE username = ?', username);
  }

  users(options: ListOptions & { department?: string }): Page<StoredUser> {
    const where = options.department ? ['department = ?'] : [];
    return this.page('users', 'id', false, where, options.department ? [options.department] : [], options) as unknown as Page<StoredUser>;
  }

  token(hash: string): StoredToken | undefined {
    return this.one('SELECT doc FROM tokens WHERE hash = ?', hash);
  }

  apiTokens(options: ListOptions): Page<StoredToken> {
    return this.page('tokens', 'id', false, ["kind = 'api'"], [], options) as unknown as Page<StoredToken>;
  }

  case(id: string): Case | undefined {
    return this.one('SELECT doc FROM cases WHERE id = ?', id);
  }

  cases(q: CaseQuery): Page<Case> {
    const where: string[] = [];
    const params: Param[] = [];
    const eq = (column: string, value: Param | undefined) => { if (value !== undefined) { where.push(`${column} = ?`); params.push(value); } };
    eq('state', q.state);
    eq('level', q.level);
    eq('domain', q.domain);
    eq('department', q.department);
    eq('class', q.class);
    if (q.active !== undefined) eq('active', q.active ? 1 : 0);
    if (q.openedFrom !== undefined) { where.push('opened_at >= ?'); params.push(q.openedFrom); }
    if (q.openedTo !== undefined) { where.push('opened_at < ?'); params.push(q.openedTo); }
    return this.page('cases', 'id', true, where, params, q) as unknown as Page<Case>;
  }

  lastAudit(): AuditEvent | undefined {
    return this.one('SELECT doc FROM audit ORDER BY seq DESC LIMIT 1');
  }

  auditAfter(after: number, limit: number): AuditEvent[] {
    return this.many('SELECT doc FROM audit WHERE seq > ? ORDER BY seq LIMIT ?', after, limit);
  }

  auditOf(type: string, id: string, limit: number): AuditEvent[] {
    return this.many('SELECT doc FROM audit WHERE subject_type = ? AND subject_id = ? ORDER BY seq LIMIT ?', type, id, limit);
  }

  delivery(id: string): WebhookDelivery | undefined {
    return this.one('SELECT doc FROM deliveries WHERE id = ?', id);
  }

  dueDeliveries(now: number, limit: number): WebhookDelivery[] {
    return this.many("SELECT doc FROM deliveries WHERE state = 'pending' AND next_at <= ? ORDER BY next_at LIMIT ?", now, limit);
  }

  deliveries(options: ListOptions & { state?: DeliveryState; department?: string }): Page<WebhookDelivery> {
    const where: string[] = [];
    const params: Param[] = [];
    if (options.state) { where.push('state = ?'); params.push(options.state); }
    if (options.department) { where.push('department = ?'); params.push(options.department); }
    return this.page('deliveries', 'id', true, where, params, options) as unknown as Page<WebhookDelivery>;
  }

  scenario(id: string): StoredScenario | undefined {
    return this.one('SELECT doc FROM scenarios WHERE id = ?', id);
  }

  scenarios(options: ListOptions & { kind?: string }): Page<StoredScenario> {
    const where = options.kind ? ['kind = ?'] : [];
    return this.page('scenarios', 'id', true, where, options.kind ? [options.kind] : [], options) as unknown as Page<StoredScenario>;
  }
}
