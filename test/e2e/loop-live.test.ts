import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallCity, startTestPlatform } from '../helpers/platform.js';
import type { TestPlatform } from '../helpers/platform.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
  await seedSmallCity(t);
  await t.api('/departments', { method: 'POST', json: { id: 'gas-co', name: '燃气公司', domains: ['gas'] } });
});
afterAll(async () => { await t.destroy(); });

interface CaseItem { id: string; state: string; level: number; asset: string; department: string; alarms: { sensor: string }[] }

describe('readings → detection → case, live', () => {
  it('opens a case from a detected leak, streams it over SSE, and closes it through the API', async () => {
    const ctrl = new AbortController();
    const sse = await fetch(`${t.url}/api/v1/events?types=case&access_token=test-admin-token`, { signal: ctrl.signal });
    const reader = sse.body!.getReader();
    const now = Date.now();
    const rows = [];
    for (let m = 90; m > 10; m--) rows.push({ sensor: 'CH4-1', ts: now - m * 60_000, value: 0.5 + (m % 3) * 0.2 });
    for (let m = 10; m >= 0; m--) rows.push({ sensor: 'CH4-1', ts: now - m * 60_000, value: 30 + (10 - m) * 3 });
    expect((await t.api('/readings', { method: 'POST', json: rows })).status).toBe(202);

    let text = '';
    const deadline = Date.now() + 8000;
    while (!text.includes('event: case') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    ctrl.abort();
    expect(text).toContain('event: case');
    const data = JSON.parse(/event: case\ndata: (.*)\n/.exec(text)![1]!) as { type: string; case: { openedAt: string; overdue: boolean } };
    expect(data).toMatchObject({ type: 'opened', case: { overdue: false } });
    expect(data.case.openedAt).toMatch(/Z$/);
    await t.platform.workflow.drained();

    const list = await (await t.api('/cases?domain=gas&active=true')).json() as { items: CaseItem[] };
    expect(list.items).toHaveLength(1);
    const c = list.items[0]!;
    expect(c).toMatchObject({ state: 'open', asset: 'G-MH-1', department: 'gas-co' });
    expect(c.level).toBeLessThanOrEqual(2);
    expect(c.alarms.every((a) => a.sensor === 'CH4-1')).toBe(true);

    const act = (json: unknown) => t.api(`/cases/${c.id}/actions`, { method: 'POST', json });
    for (const body of [{ action: 'assess' }, { action: 'confirm' }, { action: 'dispatch' }, { action: 'accept' }]) expect((await act(body)).status).toBe(200);
    t = await t.restart();
    expect((await t.api(`/cases/${c.id}/actions`, { method: 'POST', json: { action: 'resolve', override: true, note: 'valve closed, area ventilated' } })).status).toBe(200);
    const closed = await (await t.api(`/cases/${c.id}/actions`, { method: 'POST', json: { action: 'close' } })).json() as CaseItem;
    expect(closed.state).toBe('closed');
    expect(await (await t.api('/audit/verify')).json()).toMatchObject({ ok: true });
  });
});
