import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallCity, startTestPlatform } from '../helpers/platform.js';
import type { TestPlatform } from '../helpers/platform.js';

let t: TestPlatform;
beforeAll(async () => { t = await startTestPlatform(); await seedSmallCity(t); });
afterAll(async () => { await t.destroy(); });

const rule = { id: 'ch4-early', kind: 'threshold', scope: { sensor: 'CH4-1' }, params: { direction: 'above', levels: [{ level: 3, value: 5 }], minDurationS: 0 } };

describe('rules API', () => {
  it('lists the templates from standards', async () => {
    const list = (await (await t.api('/rules')).json()) as { items: { id: string; template: boolean }[] };
    expect(list.items.find((r) => r.id === 'std.methane.threshold')?.template).toBe(true);
  });

  it('refuses a bad rule, naming the field', async () => {
    const kind = await t.api('/rules', { method: 'POST', json: { ...rule, kind: 'magic' } });
    expect(kind.status).toBe(400);
    expect(((await kind.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('kind');
    const scope = await t.api('/rules', { method: 'POST', json: { ...rule, scope: { quantity: 'vibes' } } });
    expect(((await scope.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('scope.quantity');
  });

  it('applies a new rule live, backtests it on stored history, and removes it', async () => {
    const now = Date.now();
    // History first: 6 %LEL an hour ago, below every template's threshold.
    await t.api('/readings', { method: 'POST', json: [{ sensor: 'CH4-1', ts: now - 3600_000, value: 6 }, { sensor: 'CH4-1', ts: now - 3540_000, value: 0.5 }] });
    expect((await t.api('/rules', { method: 'POST', json: rule })).status).toBe(201);
    expect((await t.api('/rules', { method: 'POST', json: rule })).status).toBe(409);
    await t.api('/readings', { method: 'POST', json: [{ sensor: 'CH4-1', ts: now - 1000, value: 7 }] });
    let active: { items: { message: string; level: number }[] } = { items: [] };
    for (let i = 0; i < 50 && active.items.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      active = (await (await t.api('/alarms?state=active&sensor=CH4-1')).json()) as typeof active;
    }
    expect(active.items.some((a) => a.level === 3)).toBe(true);
    const bt = (await (await t.api('/rules/ch4-early/backtest', { method: 'POST', json: { from: now - 2 * 3600_000, to: now } })).json()) as { sensors: number; alarms: { raisedAt: string }[] };
    expect(bt.sensors).toBe(1);
    expect(bt.alarms.map((a) => a.raisedAt)).toContain(new Date(now - 3600_000).toISOString());
    expect((await t.api('/rules/ch4-early', { method: 'DELETE' })).status).toBe(204);
    expect((await t.api('/rules/ch4-early', { method: 'DELETE' })).status).toBe(404);
  });
});
