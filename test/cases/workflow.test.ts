import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseChange } from '../../src/domain/index.js';
import { TOPICS } from '../../src/ports/index.js';
import type { CaseHarness } from '../helpers/cases.js';
import { T0, alarm, caseHarness, openGasCase, people, seedDepartments } from '../helpers/cases.js';

let h: CaseHarness;
beforeEach(async () => { h = await caseHarness(); await seedDepartments(h, 'http://127.0.0.1:9/hook'); });
afterEach(async () => { await h.cleanup(); });

const MIN = 60_000;

function collect(): CaseChange[] {
  const seen: CaseChange[] = [];
  h.bus.subscribe<CaseChange>(TOPICS.case, (m) => { seen.push(m); });
  return seen;
}

describe('the case workflow', () => {
  it('runs the whole loop as operator and handler, audited, with the plan ticked', async () => {
    const c = await openGasCase(h, 2);
    const op = people.operator;
    await h.cases.act(c.id, op, { action: 'assess' });
    await h.cases.act(c.id, op, { action: 'confirm', level: 1 });
    const dispatched = await h.cases.act(c.id, op, { action: 'dispatch' });
    expect(dispatched).toMatchObject({ state: 'dispatched', department: 'gas-co', level: 1 });
    await h.cases.act(c.id, people.handler, { action: 'accept' });
    for (const s of dispatched.plan!.steps.filter((x) => x.mandatory)) await h.cases.act(c.id, people.handler, { action: 'tick', step: s.id, note: 'done' });
    await h.cases.act(c.id, people.handler, { action: 'report', note: 'valve closed' });
    await h.cases.act(c.id, people.handler, { action: 'resolve', note: 'repaired' });
    const closed = await h.cases.act(c.id, op, { action: 'close' });
    expect(closed.state).toBe('closed');
    expect(closed.warnings.map((w) => w.msgType)).toEqual(['Alert', 'Cancel']);
    const events = await h.store.audit.of('case', c.id);
    expect(events.map((e) => e.action)).toEqual(['open', 'assess', 'confirm', 'dispatch', 'accept', ...dispatched.plan!.steps.filter((x) => x.mandatory).map(() => 'tick'), 'report', 'resolve', 'close']);
    expect(events[3]).toMatchObject({ actor: 'op', from: { state: 'confirmed' }, to: { state: 'dispatched', department: 'gas-co' } });
    expect((await h.audit.verify()).ok).toBe(true);
    // dispatch, resolve and close went to the gas company's webhook
    expect((await h.store.deliveries.list({ limit: 10 })).items.map((d) => d.event).sort()).toEqual(['close', 'dispatch', 'resolve']);
  });

  it('serialises concurrent actions: two officers cannot both dispatch', async () => {
    const c = await openGasCase(h);
    await h.cases.act(c.id, people.operator, { action: 'assess' });
    await h.cases.act(c.id, people.operator, { action: 'confirm' });
    const results = await Promise.allSettled([
      h.cases.act(c.id, people.operator, { action: 'dispatch', department: 'gas-co' }),
      h.cases.act(c.id, people.admin, { action: 'dispatch', department: 'water-co' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: 'conflict', extra: { state: 'dispatched', allowed: ['accept', 'tick', 'comment'] } });
    const final = await h.cases.get(c.id);
    expect(final.timeline.filter((t) => t.action === 'dispatch')).toHaveLength(1);
    expect(final.version).toBe(4);
  });

  it('escalates an overdue case on the clock: an event, a notification and the flag', async () => {
    const seen = collect();
    const c = await openGasCase(h, 1);
    expect(c.sla).toMatchObject({ milestone: 'assess', due: T0 + 5 * MIN });
    await h.clock.advance(5 * MIN - 1);
    expect((await h.cases.get(c.id)).sla.escalated).toEqual({});
    await h.clock.advance(1);
    const overdue = await h.cases.get(c.id);
    expect(overdue.sla.escalated).toEqual({ assess: T0 + 5 * MIN });
    expect(seen.some((s) => s.type === 'overdue' && s.case?.id === c.id)).toBe(true);
    const deliveries = await h.store.deliveries.list({ limit: 10 });
    expect(deliveries.items.map((d) => [d.department, d.event])).toEqual([['gas-co', 'overdue']]);
    // assessed late, the next deadline is the dispatch one (10 min from opening), and it escalates too
    await h.cases.act(c.id, people.operator, { action: 'assess' });
    await h.clock.advance(5 * MIN);
    expect(Object.keys((await h.cases.get(c.id)).sla.escalated)).toEqual(['assess', 'dispatch']);
  });

  it('keeps SLA timers across a restart', async () => {
    const c = await openGasCase(h, 1);
    await h.clock.advance(2 * MIN);
    h = await h.restart();
    await h.clock.advance(3 * MIN);
    expect((await h.cases.get(c.id)).sla.escalated).toEqual({ assess: T0 + 5 * MIN });
  });

  it('self-clears a never-confirmed case whose alarms stay clear, and not one that is raised again', async () => {
    const c = await openGasCase(h);
    await h.cases.attach(c.id, alarm('A1', { clearedAt: T0 + MIN }), ['G-MH-1']);
    await h.clock.advance(10 * MIN);
    expect((await h.cases.get(c.id)).state).toBe('open');
    h = await h.restart();
    await h.clock.advance(6 * MIN);
    const done = await h.cases.get(c.id);
    expect(done.state).toBe('self_cleared');
    expect(done.timeline.at(-1)).toMatchObject({ action: 'self_clear', actor: 'system' });
    const again = await openGasCase(h);
    await h.cases.attach(again.id, alarm('A1', { clearedAt: h.clock.now() }), []);
    await h.cases.attach(again.id, alarm('A2', { raisedAt: h.clock.now() + 1 }), []);
    await h.clock.advance(20 * MIN);
    expect((await h.cases.get(again.id)).state).toBe('open');
  });

  it('escalates the level when a worse alarm joins, and updates a published warning', async () => {
    const c = await openGasCase(h, 3);
    await h.cases.act(c.id, people.operator, { action: 'assess' });
    await h.cases.act(c.id, people.operator, { action: 'confirm' });
    const change = await h.cases.attach(c.id, alarm('A9', { level: 1 }), ['G-MH-2']);
    expect(change.action).toBe('escalate');
    expect(change.case).toMatchObject({ level: 1, assets: ['G-MH-1', 'G-MH-2'] });
    expect(change.case!.warnings.map((w) => [w.msgType, w.level])).toEqual([['Alert', 3], ['Update', 1]]);
  });
});

describe('impact', () => {
  it('attaches an impact assessment, audited, and its area becomes the CAP polygon', async () => {
    const c = await openGasCase(h);
    const area = { type: 'Polygon', coordinates: [[[117.2, 31.8], [117.3, 31.8], [117.3, 31.9], [117.2, 31.8]]] };
    const next = await h.cases.setImpact(c.id, { area, population: 1200 });
    expect(next).toMatchObject({ version: 2, impact: { population: 1200 } });
    expect((await h.store.audit.of('case', c.id)).map((e) => e.action)).toEqual(['open', 'impact']);
  });
});

describe('the audit chain', () => {
  async function someHistory(): Promise<void> {
    const c = await openGasCase(h);
    await h.cases.act(c.id, people.operator, { action: 'assess' });
    await h.cases.act(c.id, people.operator, { action: 'comment', note: 'looking' });
    await h.cases.act(c.id, people.operator, { action: 'dismiss', note: 'sensor fault' });
  }
  const tamper = async (sql: string) => {
    const db = new Database(h.path);
    db.exec(sql);
    db.close();
  };

  it('verifies an untouched log', async () => {
    await someHistory();
    expect(await h.audit.verify()).toMatchObject({ ok: true, events: 4 });
  });
  it('detects an edited event', async () => {
    await someHistory();
    await tamper(`UPDATE audit SET doc = json_set(doc, '$.actor', 'someone-else') WHERE seq = 2`);
    expect(await h.audit.verify()).toMatchObject({ ok: false, broken: { seq: 2 } });
  });
  it('detects a deleted event in the middle', async () => {
    await someHistory();
    await tamper('DELETE FROM audit WHERE seq = 2');
    expect((await h.audit.verify()).broken?.reason).toMatch(/missing/);
  });
  it('detects deleted events at the end', async () => {
    await someHistory();
    await tamper('DELETE FROM audit WHERE seq = 4');
    expect((await h.audit.verify()).broken?.reason).toMatch(/deleted/);
  });
  it('continues the chain after a restart', async () => {
    await someHistory();
    h = await h.restart();
    await openGasCase(h);
    expect(await h.audit.verify()).toMatchObject({ ok: true, events: 5 });
  });
});
