import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../helpers/fake-clock.js';
import { seedSmallCity, startTestPlatform } from '../helpers/platform.js';
import type { TestPlatform } from '../helpers/platform.js';

const T0 = Date.UTC(2026, 10, 25, 2, 0, 0);
const clock = new FakeClock(T0);
let t: TestPlatform;
const tokens: Record<string, string> = {};

async function as(who: string, path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  return t.api(path, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${tokens[who]}` } });
}
const act = (who: string, id: string, json: unknown) => as(who, `/cases/${id}/actions`, { method: 'POST', json });
async function login(username: string, password: string): Promise<string> {
  const res = await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

function hasXmllint(): boolean {
  try { execFileSync('xmllint', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
}
function capValid(xml: string): boolean {
  if (!hasXmllint()) return true;
  const dir = mkdtempSync(join(tmpdir(), 'cap-'));
  try {
    writeFileSync(join(dir, 'a.xml'), xml);
    execFileSync('xmllint', ['--noout', '--schema', join(process.cwd(), 'test/fixtures/cap/CAP-v1.2.xsd'), join(dir, 'a.xml')], { stdio: 'pipe' });
    return true;
  } catch { return false; } finally { rmSync(dir, { recursive: true, force: true }); }
}

async function openCase(alarmId: string, level: 1 | 2 | 3 | 4 = 2, sensor = 'CH4-1'): Promise<string> {
  const change = await t.platform.workflow.grouper.onAlarm({ id: alarmId, sensor, level, class: 'hazard', raisedAt: clock.now(), message: `${sensor} out of range` });
  return change!.case!.id;
}

beforeAll(async () => {
  t = await startTestPlatform({ clock });
  await seedSmallCity(t);
  tokens.admin = 'test-admin-token';
  for (const d of [{ id: 'gas-co', name: '燃气公司', domains: ['gas'] }, { id: 'water-co', name: '供水公司', domains: ['water'] }]) {
    expect((await t.api('/departments', { method: 'POST', json: d })).status).toBe(201);
  }
  for (const u of [
    { username: 'duty', password: 'duty-pass-1', role: 'operator' },
    { username: 'gas1', password: 'gas1-pass-1', role: 'handler', department: 'gas-co' },
    { username: 'water1', password: 'water1-pass', role: 'handler', department: 'water-co' },
    { username: 'watch', password: 'watch-pass-1', role: 'viewer' },
  ]) {
    expect((await t.api('/users', { method: 'POST', json: u })).status).toBe(201);
    tokens[u.username] = await login(u.username, u.password);
  }
});
afterAll(async () => { await t.destroy(); });

describe('the closed loop over HTTP', () => {
  let id: string;

  it('runs alarm → case → assess → confirm → CAP → dispatch → accept → plan → resolve → close, across a restart', async () => {
    id = await openCase('al-1');
    expect((await act('duty', id, { action: 'assess' })).status).toBe(200);
    const confirmed = await (await act('duty', id, { action: 'confirm', level: 2 })).json() as { state: string; warnings: unknown[] };
    expect(confirmed).toMatchObject({ state: 'confirmed', warnings: [{ msgType: 'Alert', level: 2 }] });
    const cap = await as('watch', `/cases/${id}/cap`);
    expect(cap.headers.get('content-type')).toMatch(/application\/cap\+xml/);
    const xml = await cap.text();
    expect(xml).toContain('<msgType>Alert</msgType>');
    expect(capValid(xml)).toBe(true);
    const feed = await (await as('watch', '/cap/feed')).text();
    expect(feed).toContain(`/api/v1/cases/${id}/cap`);

    const dispatched = await (await act('duty', id, { action: 'dispatch', department: 'gas-co' })).json() as { state: string; plan: { steps: { id: string; mandatory: boolean }[] } };
    expect(dispatched.state).toBe('dispatched');

    // Restart in the middle of the loop: the case, the sessions and the audit chain survive.
    t = await t.restart();
    expect((await act('gas1', id, { action: 'accept' })).status).toBe(200);
    const early = await act('gas1', id, { action: 'resolve' });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { openSteps: string[] }).openSteps.length).toBeGreaterThan(0);
    for (const s of dispatched.plan.steps.filter((x) => x.mandatory)) expect((await act('gas1', id, { action: 'tick', step: s.id, note: 'ok' })).status).toBe(200);
    expect((await act('gas1', id, { action: 'report', note: 'leak sealed' })).status).toBe(200);
    expect((await act('gas1', id, { action: 'resolve', note: 'repaired' })).status).toBe(200);
    const closed = await (await act('duty', id, { action: 'close' })).json() as { state: string };
    expect(closed.state).toBe('closed');
    expect(await (await as('duty', `/cases/${id}/cap`)).text()).toContain('<msgType>Cancel</msgType>');
    expect(await (await as('watch', '/cap/feed')).text()).not.toContain(id);

    const verify = await (await as('duty', '/audit/verify')).json() as { ok: boolean; events: number };
    expect(verify.ok).toBe(true);
    const audit = await (await as('duty', `/cases/${id}/audit`)).json() as { items: { action: string; actor: string }[] };
    expect(audit.items.map((e) => e.action)).toContain('dispatch');
    expect(audit.items.find((e) => e.action === 'accept')?.actor).toBe('gas1');
  });

  it('answers an impossible transition with 409 listing the allowed actions', async () => {
    const res = await act('duty', id, { action: 'dispatch', department: 'gas-co' });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await res.json()).toMatchObject({ code: 'conflict', state: 'closed', allowed: ['reopen', 'comment'] });
  });

  it('lets only one of two concurrent dispatches through', async () => {
    const c = await openCase('al-2');
    await act('duty', c, { action: 'assess' });
    await act('duty', c, { action: 'confirm' });
    const [a, b] = await Promise.all([act('duty', c, { action: 'dispatch', department: 'gas-co' }), act('admin', c, { action: 'dispatch', department: 'water-co' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it('lists cases with filters, pagination and the overdue flag; a handler sees only its department', async () => {
    const list = await (await as('duty', '/cases?limit=1')).json() as { items: { id: string; overdue: boolean }[]; next: string };
    expect(list.items).toHaveLength(1);
    expect(list.next).toBeTruthy();
    const red = await openCase('al-3', 1, 'P-1'); // a water junction: a case of its own
    await clock.advance(6 * 60_000);
    const overdue = await (await as('duty', '/cases?overdue=true&level=1')).json() as { items: { id: string; sla: { escalated: Record<string, string> } }[] };
    expect(overdue.items.map((c) => c.id)).toEqual([red]);
    // The escalation is committed by the timer in the background.
    for (let i = 0; i < 100 && !(await t.platform.store.cases.get(red))?.sla.escalated.assess; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await (await as('duty', `/cases/${red}`)).json() as { sla: { escalated: Record<string, string> } }).sla.escalated.assess).toBeTruthy();
    const waterView = await (await as('water1', '/cases?limit=100')).json() as { items: { department: string }[] };
    expect(waterView.items.every((c) => c.department === 'water-co')).toBe(true);
    expect((await as('water1', `/cases/${id}`)).status).toBe(403);
    const assets = await (await as('gas1', '/assets?limit=100')).json() as { features: { id: string }[] };
    expect(assets.features.map((f) => f.id)).toEqual(['G-MH-1']);
    expect((await as('gas1', '/assets/W-J-1')).status).toBe(403);
  });

  it('refuses each role rule with 403 for the wrong role', async () => {
    const c = await openCase('al-4');
    const forbidden = async (who: string, body: unknown) => {
      const res = await act(who, c, body);
      expect(res.status, `${who} ${JSON.stringify(body)}`).toBe(403);
    };
    for (const who of ['gas1', 'watch']) await forbidden(who, { action: 'assess' });
    await act('duty', c, { action: 'assess' });
    for (const who of ['gas1', 'watch']) { await forbidden(who, { action: 'confirm' }); await forbidden(who, { action: 'dismiss', note: 'x' }); }
    await act('duty', c, { action: 'confirm' });
    for (const who of ['gas1', 'watch']) await forbidden(who, { action: 'dispatch', department: 'gas-co' });
    await act('duty', c, { action: 'dispatch', department: 'gas-co' });
    for (const who of ['duty', 'water1', 'watch']) await forbidden(who, { action: 'accept' });
    await act('gas1', c, { action: 'accept' });
    for (const who of ['duty', 'water1', 'watch']) { await forbidden(who, { action: 'report', note: 'x' }); await forbidden(who, { action: 'tick', step: 'arrive' }); }
    for (const who of ['water1', 'watch']) await forbidden(who, { action: 'resolve' });
    await forbidden('gas1', { action: 'resolve', override: true, note: 'skip' });
    expect((await act('duty', c, { action: 'resolve', override: true, note: 'crew confirmed by phone' })).status).toBe(200);
    for (const who of ['gas1', 'watch']) await forbidden(who, { action: 'close' });
    await act('duty', c, { action: 'close' });
    for (const who of ['gas1', 'watch']) await forbidden(who, { action: 'reopen' });
    await forbidden('watch', { action: 'comment', note: 'x' });
    // administration
    expect((await as('duty', '/users', { method: 'POST', json: { username: 'x1', password: 'xxxxxxxx', role: 'viewer' } })).status).toBe(403);
    expect((await as('gas1', '/departments', { method: 'POST', json: { id: 'x', name: 'x', domains: [] } })).status).toBe(403);
    expect((await as('watch', '/tokens', { method: 'POST', json: { name: 'x', scopes: ['read'] } })).status).toBe(403);
    expect((await as('gas1', '/audit/verify')).status).toBe(403);
    expect((await as('gas1', '/reports/daily')).status).toBe(403);
  });

  it('issues API tokens with scopes: ingest-only cannot read, read-only cannot act', async () => {
    const ingest = await (await t.api('/tokens', { method: 'POST', json: { name: 'gateway', scopes: ['ingest'] } })).json() as { token: string; id: string };
    const read = await (await t.api('/tokens', { method: 'POST', json: { name: 'wall', scopes: ['read'] } })).json() as { token: string };
    tokens.ingest = ingest.token;
    tokens.read = read.token;
    expect((await as('ingest', '/readings', { method: 'POST', json: [{ sensor: 'CH4-1', ts: clock.now(), value: 1 }] })).status).toBe(202);
    expect((await as('ingest', '/cases')).status).toBe(403);
    expect((await as('read', '/cases')).status).toBe(200);
    expect((await as('read', `/cases/${id}/actions`, { method: 'POST', json: { action: 'comment', note: 'x' } })).status).toBe(403);
    expect((await as('read', '/readings', { method: 'POST', json: [] })).status).toBe(403);
    const listed = await (await t.api('/tokens')).json() as { items: { id: string; token?: string }[] };
    expect(listed.items.map((x) => x.id)).toContain(ingest.id);
    expect(listed.items.every((x) => x.token === undefined)).toBe(true);
    expect((await t.api(`/tokens/${ingest.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await as('ingest', '/readings', { method: 'POST', json: [] })).status).toBe(401);
  });

  it('answers the daily report as JSON and as printable HTML', async () => {
    const date = new Date(T0 + 8 * 3600_000).toISOString().slice(0, 10);
    const r = await (await as('duty', `/reports/daily?date=${date}`)).json() as { cases: number; byDomain: Record<string, number>; responseTimes: { assess: { count: number } } };
    expect(r.cases).toBeGreaterThanOrEqual(3);
    expect(Object.values(r.byDomain).reduce((a, b) => a + b, 0)).toBe(r.cases);
    expect(r.responseTimes.assess.count).toBeGreaterThanOrEqual(2);
    const html = await as('watch', `/reports/daily?date=${date}`, { headers: { accept: 'text/html' } });
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toContain('值班日报');
  });

  it('shows webhook deliveries and dead letters, plans and maintenance windows to the right roles', async () => {
    expect((await as('duty', '/webhooks/deliveries?state=dead')).status).toBe(200);
    expect((await as('gas1', '/webhooks/deliveries')).status).toBe(403);
    const plans = await (await as('gas1', '/plans')).json() as { items: { id: string }[] };
    expect(plans.items.map((p) => p.id)).toEqual(expect.arrayContaining(['gas-leak-1', 'water-burst-2', 'waterlogging-3', 'bridge-overload-4', 'tunnel-gas-1', 'building-tilt-2']));
    const windows = [{ id: 'mw-1', asset: 'W-J-1', from: clock.now(), to: clock.now() + 3600_000, reason: 'valve replacement' }];
    expect((await as('gas1', '/maintenance', { method: 'PUT', json: windows })).status).toBe(403);
    expect((await as('duty', '/maintenance', { method: 'PUT', json: windows })).status).toBe(200);
    const suppressed = await t.platform.workflow.grouper.onAlarm({ id: 'al-mw', sensor: 'P-1', level: 2, class: 'hazard', raisedAt: clock.now(), message: 'low pressure' });
    expect(suppressed?.type).toBe('suppressed');
    expect((await as('duty', '/maintenance', { method: 'PUT', json: [{ id: 'x', from: 1, to: 2 }] })).status).toBe(400);
  });

  it('expires sessions', async () => {
    await clock.advance(13 * 3600_000);
    expect((await as('duty', '/cases')).status).toBe(401);
  });
});
