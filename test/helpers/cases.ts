import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/adapters/store-sqlite/index.js';
import type { SqliteStore } from '../../src/adapters/store-sqlite/index.js';
import { MemoryBus } from '../../src/adapters/bus-memory/index.js';
import type { Actor, CaseAlarm, Case } from '../../src/domain/index.js';
import type { Digest } from '../../src/ports/index.js';
import { AuditLog } from '../../src/cases/audit-log.js';
import { CaseService } from '../../src/cases/service.js';
import type { CaseServiceOptions } from '../../src/cases/service.js';
import { FakeClock } from './fake-clock.js';

export const nodeDigest: Digest = {
  sha256Hex: (text) => createHash('sha256').update(text).digest('hex'),
  hmacSha256Hex: (key, text) => createHmac('sha256', key).update(text).digest('hex'),
};

export const T0 = Date.UTC(2026, 10, 25, 2, 0, 0);

export const people = {
  admin: { id: 'admin', username: 'admin', role: 'admin' },
  operator: { id: 'u-op', username: 'op', role: 'operator' },
  handler: { id: 'u-gas', username: 'gas1', role: 'handler', department: 'gas-co' },
  otherHandler: { id: 'u-water', username: 'water1', role: 'handler', department: 'water-co' },
  viewer: { id: 'u-view', username: 'viewer', role: 'viewer' },
} satisfies Record<string, Actor>;

export interface CaseHarness {
  store: SqliteStore;
  bus: MemoryBus;
  clock: FakeClock;
  audit: AuditLog;
  cases: CaseService;
  dir: string;
  path: string;
  /** Close and open the same database again, with a fresh service (a restart). */
  restart(): Promise<CaseHarness>;
  cleanup(): Promise<void>;
}

export async function caseHarness(options: Partial<CaseServiceOptions> = {}, dir = mkdtempSync(join(tmpdir(), 'lifeline-cases-')), clock = new FakeClock(T0)): Promise<CaseHarness> {
  const path = join(dir, 'lifeline.db');
  const store = await openSqliteStore({ path, worker: false, durability: 'normal' });
  const bus = new MemoryBus(() => undefined);
  const audit = new AuditLog(store, nodeDigest);
  const cases = new CaseService({ store, bus, clock, audit, ...options });
  await cases.start();
  const h: CaseHarness = {
    store, bus, clock, audit, cases, dir, path,
    async restart() {
      cases.stop();
      await store.close();
      return caseHarness(options, dir, clock);
    },
    async cleanup() {
      cases.stop();
      await store.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

export async function seedDepartments(h: CaseHarness, webhook?: string): Promise<void> {
  await h.store.commit([
    { op: 'department.put', department: { id: 'gas-co', name: '燃气公司', domains: ['gas'], ...(webhook ? { webhook, webhookSecret: 'gas-secret' } : {}) } },
    { op: 'department.put', department: { id: 'water-co', name: '供水公司', domains: ['water'] } },
  ]);
}

export function alarm(id: string, over: Partial<CaseAlarm> = {}): CaseAlarm {
  return { id, sensor: 'CH4-1', asset: 'G-MH-1', level: 2, class: 'hazard', message: 'methane 25 %LEL', raisedAt: T0, ...over };
}

export async function openGasCase(h: CaseHarness, level: 1 | 2 | 3 | 4 = 2): Promise<Case> {
  const change = await h.cases.open({ class: 'hazard', domain: 'gas', level, title: '燃气井甲烷超限', asset: 'G-MH-1', location: [117.23, 31.82], department: 'gas-co', alarm: alarm('A1', { level }) });
  return change.case!;
}
