import type { Department, StoredUser } from '../domain/index.js';
import type { AuditInput } from '../domain/index.js';
import type { StoreOp } from '../ports/index.js';
import type { Store } from '../ports/index.js';
import type { AuditLog } from '../cases/audit-log.js';
import { hashPassword } from '../api/auth.js';

/** Every demo user's password (docs/cases.md and the demo banner say so). */
export const DEMO_PASSWORD = 'lifeline-demo';

export interface DemoUser {
  readonly username: string;
  readonly role: StoredUser['role'];
  readonly department?: string;
}

/** One duty officer and one viewer at the monitoring centre; one handler per department (`<department>-handler`). */
export function demoUsers(departments: readonly Department[], centre: string): DemoUser[] {
  return [
    { username: 'duty', role: 'operator', department: centre },
    { username: 'viewer', role: 'viewer' },
    ...departments.filter((d) => d.id !== centre).map((d) => ({ username: `${d.id}-handler`, role: 'handler' as const, department: d.id })),
  ];
}

/** Seed departments and demo users (users that exist keep their password); audited. */
export async function seedDemoPeople(store: Store, audit: AuditLog, departments: readonly Department[], centre: string, now: number): Promise<DemoUser[]> {
  const ops: StoreOp[] = [];
  const events: AuditInput[] = [];
  for (const d of departments) {
    if (await store.departments.get(d.id)) continue;
    ops.push({ op: 'department.put', department: d });
    events.push({ at: now, actor: 'demo', subject: { type: 'department', id: d.id }, action: 'create', to: { id: d.id, name: d.name } });
  }
  const users = demoUsers(departments, centre);
  for (const u of users) {
    if (await store.users.byUsername(u.username)) continue;
    const user: StoredUser = { id: `u-${u.username}`, username: u.username, role: u.role, passwordHash: hashPassword(DEMO_PASSWORD), createdAt: now, ...(u.department ? { department: u.department } : {}) };
    ops.push({ op: 'user.put', user });
    events.push({ at: now, actor: 'demo', subject: { type: 'user', id: user.id }, action: 'create', to: { username: u.username, role: u.role, department: u.department ?? null } });
  }
  if (ops.length) await audit.commit(ops, events);
  return users;
}
