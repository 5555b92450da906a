import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSmallCity, startTestPlatform } from '../helpers/platform.js';
import type { TestPlatform } from '../helpers/platform.js';

let t: TestPlatform;
beforeAll(async () => { t = await startTestPlatform(); await seedSmallCity(t); });
afterAll(async () => { await t.destroy(); });

describe('live detection', () => {
  it('raises an alarm from ingested readings, lists it and streams it over SSE', async () => {
    const ctrl = new AbortController();
    const sse = await fetch(`${t.url}/api/v1/events?types=alarm&access_token=test-admin-token`, { signal: ctrl.signal });
    const reader = sse.body!.getReader();
    const now = Date.now();
    // An hour of quiet methane, then a leak: 40 %LEL and more in an underground space next to a gas main.
    const rows = [];
    for (let m = 90; m > 10; m--) rows.push({ sensor: 'CH4-1', ts: now - m * 60_000, value: 0.5 + (m % 3) * 0.2 });
    for (let m = 10; m >= 0; m--) rows.push({ sensor: 'CH4-1', ts: now - m * 60_000, value: 30 + (10 - m) * 3 });
    const res = await t.api('/readings', { method: 'POST', json: rows });
    expect(res.status).toBe(202);
    let text = '';
    const deadline = Date.now() + 5000;
    while (!text.includes('event: alarm') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    ctrl.abort();
    expect(text).toContain('event: alarm');
    const list = (await (await t.api('/alarms?state=active&sensor=CH4-1')).json()) as { items: { level: number; class: string; sensor: string; asset: string }[] };
    expect(list.items.length).toBeGreaterThan(0);
    const worst = Math.min(...list.items.map((a) => a.level));
    expect(worst).toBeLessThanOrEqual(2);
    expect(list.items[0]).toMatchObject({ sensor: 'CH4-1', asset: 'G-MH-1', class: 'hazard' });
  });
});
