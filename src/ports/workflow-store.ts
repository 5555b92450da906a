import type { AuditEvent, Case, CaseState, Department, Domain, Level, StoredToken, StoredUser, AlarmClass } from '../domain/index.js';
import type { ListOptions, Page } from './page.js';
import type { ScenarioRepository, StoredScenario } from './scenario-store.js';

/**
 * The workflow's repositories (departments, users, tokens, cases, audit, webhook deliveries).
 * Reads go through the repositories; every change goes through `Store.commit`, one transaction per
 * call, so a case change, its audit event and its notifications are durable together or not at all.
 */
export interface CaseQuery extends ListOptions {
  readonly state?: CaseState;
  readonly level?: Level;
  readonly domain?: Domain;
  readonly department?: string;
  readonly class?: AlarmClass;
  /** true: only cases not in a final state; false: only final ones. */
  readonly active?: boolean;
  /** Cases opened in [openedFrom, openedTo). */
  readonly openedFrom?: number;
  readonly openedTo?: number;
}

export interface DepartmentRepository {
  get(id: string): Promise<Department | undefined>;
  /** Ordered by id. */
  list(options: ListOptions): Promise<Page<Department>>;
}

export interface UserRepository {
  get(id: string): Promise<StoredUser | undefined>;
  byUsername(username: string): Promise<StoredUser | undefined>;
  /** Ordered by id. */
  list(options: ListOptions & { readonly department?: string }): Promise<Page<StoredUser>>;
}

export interface TokenRepository {
  /** By the SHA-256 (hex) of the bearer token. */
  get(hash: string): Promise<StoredToken | undefined>;
  /** API tokens (not sessions), ordered by id. */
  listApi(options: ListOptions): Promise<Page<StoredToken>>;
}

export interface CaseRepository {
  get(id: string): Promise<Case | undefined>;
  /** Newest first (ids sort by opening time): the cursor is the last id of the page. */
  list(query: CaseQuery): Promise<Page<Case>>;
}

export interface AuditRepository {
  /** The newest event, or undefined when the log is empty. */
  last(): Promise<AuditEvent | undefined>;
  /** Events with seq > after, oldest first. */
  after(after: number, limit: number): Promise<AuditEvent[]>;
  /** Events about one subject, oldest first. */
  of(type: string, id: string, limit?: number): Promise<AuditEvent[]>;
}

export type DeliveryState = 'pending' | 'delivered' | 'dead';

/** A signed webhook notification waiting, sent, or given up on (dead letter). */
export interface WebhookDelivery {
  readonly id: string;
  readonly department: string;
  readonly url: string;
  readonly event: string;
  readonly body: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly nextAt: number;
  readonly createdAt: number;
  readonly lastError?: string;
  readonly deliveredAt?: number;
}

export interface DeliveryRepository {
  get(id: string): Promise<WebhookDelivery | undefined>;
  /** Pending deliveries with nextAt <= now, oldest first. */
  due(now: number, limit: number): Promise<WebhookDelivery[]>;
  /** Newest first; `state: 'dead'` is the dead-letter list. */
  list(options: ListOptions & { readonly state?: DeliveryState; readonly department?: string }): Promise<Page<WebhookDelivery>>;
}

/**
 * One change inside a commit. `case.put` with `expectVersion` stores the case only if the stored
 * version equals it (null: only if no case has this id); otherwise the whole commit fails with a
 * `conflict` LifelineError and nothing is written. `audit.append` fails (conflict) if its seq is taken,
 * which keeps the hash chain a single line even with several writers.
 */
export type StoreOp =
  | { readonly op: 'department.put'; readonly department: Department }
  | { readonly op: 'user.put'; readonly user: StoredUser }
  | { readonly op: 'token.put'; readonly token: StoredToken }
  | { readonly op: 'token.delete'; readonly hash: string }
  | { readonly op: 'case.put'; readonly case: Case; readonly expectVersion: number | null }
  | { readonly op: 'audit.append'; readonly event: AuditEvent }
  | { readonly op: 'delivery.put'; readonly delivery: WebhookDelivery }
  | { readonly op: 'setting.put'; readonly key: string; readonly value: unknown }
  | { readonly op: 'scenario.put'; readonly scenario: StoredScenario };

export interface WorkflowStore {
  readonly departments: DepartmentRepository;
  readonly users: UserRepository;
  readonly tokens: TokenRepository;
  readonly cases: CaseRepository;
  readonly audit: AuditRepository;
  readonly deliveries: DeliveryRepository;
  readonly scenarios: ScenarioRepository;
  /** Apply the ops in one transaction, in order; resolves once durable. */
  commit(ops: readonly StoreOp[]): Promise<void>;
}
