/**
 * The workflow part of the Store contract (departments, users, tokens, cases, audit, deliveries,
 * commit). Called from describeStoreContract, so every adapter is held to it.
 */
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { AuditEvent, Case } from '../../src/domain/index.js';
import type { Store, StoredScenario, WebhookDelivery } from '../../src/ports/index.js';
import type { StoreHarness } from './store.contract.js';

const T0 = Date.UTC(2024, 2, 4);

export function aCase(id: string, over: Partial<Case> = {}): Case {
  return {
    id, class: 'hazard', state: 'open', level: 3, domain: 'gas', title: 'methane at G-1', asset: 'G-1', assets: ['G-1'],
    alarms: [{ id: 'al-1', sensor: 's-1', asset: 'G-1', level: 3, class: 'hazard', message: 'methane high', raisedAt: T0 }],
    openedAt: T0, updatedAt: T0, sla: { milestone: 'assess', due: T0 + 1_800_000, escalated: {} }, warnings: [], timeline: [], version: 1, ...over,
  };
}

function event(seq: number, prevHash: string): AuditEvent {
  return { seq, prevHash, hash: `h${seq}`.padEnd(64, '0'), at: T0 + seq, actor: 'u1', subject: { type: 'case', id: 'C1' }, action: 'assess', from: 'open', to: 'assessing' };
}

export function describeWorkflowContract(open: () => Promise<StoreHarness>): void {
  describe('workflow repositories', () => {
    let h: StoreHarness;
    let store: Store;
    beforeEach(async () => { h = await open(); store = h.store; });
    afterEach(async () => { await h.cleanup(); });

    it('stores departments, users and tokens and finds them again', async () => {
      await store.commit([
        { op: 'department.put', department: { id: 'd2', name: '供水', domains: ['water'] } },
        { op: 'department.put', department: { id: 'd1', name: '燃气', domains: ['gas'], webhook: 'http://x', webhookSecret: 's' } },
        { op: 'user.put', user: { id: 'u1', username: 'ann', role: 'handler', department: 'd1', passwordHash: 'scrypt$x', createdAt: T0 } },
        { op: 'user.put', user: { id: 'u2', username: 'bob', role: 'operator', passwordHash: 'scrypt$y', createdAt: T0 } },
        { op: 'token.put', token: { hash: 'a'.repeat(64), id: 't1', kind: 'api', user: 'u2', scopes: ['ingest'], createdAt: T0, expiresAt: null } },
        { op: 'token.put', token: { hash: 'b'.repeat(64), id: 't2', kind: 'session', user: 'u1', scopes: ['read'], createdAt: T0, expiresAt: T0 + 1000 } },
      ]);
      expect((await store.departments.list({ limit: 10 })).items.map((d) => d.id)).toEqual(['d1', 'd2']);
      expect(await store.departments.get('d1')).toMatchObject({ webhookSecret: 's' });
      expect((await store.users.byUsername('ann'))?.id).toBe('u1');
      expect((await store.users.list({ limit: 10, department: 'd1' })).items.map((u) => u.id)).toEqual(['u1']);
      const p1 = await store.users.list({ limit: 1 });
      expect(p1.next).not.toBeNull();
      expect((await store.users.list({ limit: 1, cursor: p1.next })).items.map((u) => u.id)).toEqual(['u2']);
      expect((await store.tokens.get('a'.repeat(64)))?.scopes).toEqual(['ingest']);
      expect((await store.tokens.listApi({ limit: 10 })).items.map((t) => t.id)).toEqual(['t1']);
      await store.commit([{ op: 'token.delete', hash: 'a'.repeat(64) }]);
      expect(await store.tokens.get('a'.repeat(64))).toBeUndefined();
    });

    it('stores a case only at the expected version, and a failed check writes nothing of the commit', async () => {
      await store.commit([{ op: 'case.put', case: aCase('C1'), expectVersion: null }]);
      await expect(store.commit([{ op: 'case.put', case: aCase('C1'), expectVersion: null }])).rejects.toMatchObject({ code: 'conflict' });
      await store.commit([{ op: 'case.put', case: aCase('C1', { state: 'assessing', version: 2 }), expectVersion: 1 }]);
      await expect(store.commit([
        { op: 'audit.append', event: event(1, '0'.repeat(64)) },
        { op: 'case.put', case: aCase('C1', { state: 'dismissed', version: 2 }), expectVersion: 1 },
      ])).rejects.toMatchObject({ code: 'conflict' });
      expect(await store.audit.last()).toBeUndefined();
      expect(await store.cases.get('C1')).toMatchObject({ state: 'assessing', version: 2 });
    });

    it('lists cases newest first with filters and a cursor', async () => {
      await store.commit(['C1', 'C2', 'C3'].map((id, i) => ({ op: 'case.put' as const, case: aCase(id, { level: i === 1 ? 1 : 3, openedAt: T0 + i, department: i === 2 ? 'd1' : undefined, state: i === 0 ? 'closed' : 'open' }), expectVersion: null })));
      expect((await store.cases.list({ limit: 10 })).items.map((c) => c.id)).toEqual(['C3', 'C2', 'C1']);
      expect((await store.cases.list({ limit: 10, level: 1 })).items.map((c) => c.id)).toEqual(['C2']);
      expect((await store.cases.list({ limit: 10, department: 'd1' })).items.map((c) => c.id)).toEqual(['C3']);
      expect((await store.cases.list({ limit: 10, active: true })).items.map((c) => c.id)).toEqual(['C3', 'C2']);
      expect((await store.cases.list({ limit: 10, openedFrom: T0 + 1, openedTo: T0 + 2 })).items.map((c) => c.id)).toEqual(['C2']);
      const p1 = await store.cases.list({ limit: 2 });
      expect((await store.cases.list({ limit: 2, cursor: p1.next })).items.map((c) => c.id)).toEqual(['C1']);
    });

    it('appends audit events in seq order and refuses a taken seq', async () => {
      await store.commit([{ op: 'audit.append', event: event(1, '0'.repeat(64)) }]);
      await store.commit([{ op: 'audit.append', event: event(2, 'h1') }]);
      await expect(store.commit([{ op: 'audit.append', event: event(2, 'h1') }])).rejects.toMatchObject({ code: 'conflict' });
      expect((await store.audit.last())?.seq).toBe(2);
      expect((await store.audit.after(0, 10)).map((e) => e.seq)).toEqual([1, 2]);
      expect((await store.audit.of('case', 'C1')).length).toBe(2);
    });

    it('keeps webhook deliveries and finds the due ones and the dead letters', async () => {
      const d = (id: string, over: Partial<WebhookDelivery> = {}): WebhookDelivery => ({ id, department: 'd1', url: 'http://x', event: 'case', body: '{}', state: 'pending', attempts: 0, nextAt: T0, createdAt: T0, ...over });
      await store.commit([{ op: 'delivery.put', delivery: d('w1') }, { op: 'delivery.put', delivery: d('w2', { nextAt: T0 + 5000 }) }, { op: 'delivery.put', delivery: d('w3', { state: 'dead' }) }]);
      expect((await store.deliveries.due(T0 + 1, 10)).map((x) => x.id)).toEqual(['w1']);
      expect((await store.deliveries.list({ limit: 10, state: 'dead' })).items.map((x) => x.id)).toEqual(['w3']);
      await store.commit([{ op: 'delivery.put', delivery: d('w1', { state: 'delivered', attempts: 1 }) }]);
      expect((await store.deliveries.get('w1'))?.state).toBe('delivered');
    });

    it('saves scenarios, lists them newest first by kind with a cursor, and a put replaces', async () => {
      const sc = (id: string, kind: string, over: Partial<StoredScenario> = {}): StoredScenario => ({ id, kind, params: { pipe: 'P1' }, createdAt: T0, createdBy: 'ann', impact: { summary: id }, ...over });
      await store.commit([{ op: 'scenario.put', scenario: sc('S-1', 'water-burst') }, { op: 'scenario.put', scenario: sc('S-2', 'outage') }, { op: 'scenario.put', scenario: sc('S-3', 'water-burst') }]);
      expect(await store.scenarios.get('S-2')).toEqual(sc('S-2', 'outage'));
      expect(await store.scenarios.get('S-9')).toBeUndefined();
      const first = await store.scenarios.list({ limit: 2 });
      expect(first.items.map((x) => x.id)).toEqual(['S-3', 'S-2']);
      expect((await store.scenarios.list({ limit: 2, cursor: first.next })).items.map((x) => x.id)).toEqual(['S-1']);
      expect((await store.scenarios.list({ limit: 10, kind: 'water-burst' })).items.map((x) => x.id)).toEqual(['S-3', 'S-1']);
      await store.commit([{ op: 'scenario.put', scenario: sc('S-1', 'water-burst', { name: 'main street' }) }]);
      expect((await store.scenarios.get('S-1'))?.name).toBe('main street');
    });

    it('keeps everything committed across a reopen', async () => {
      await store.commit([{ op: 'case.put', case: aCase('C9'), expectVersion: null }, { op: 'setting.put', key: 'k', value: { a: 1 } }]);
      await store.close();
      store = await h.reopen();
      expect((await store.cases.get('C9'))?.version).toBe(1);
      expect(await store.settings.get('k')).toEqual({ a: 1 });
    });
  });
}
