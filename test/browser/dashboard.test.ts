import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TEST_PASSWORD } from '../helpers/platform.js';
import { SCREENSHOTS, canvasColours, canvasPixel, ensureWebBuild, launchChromium, login, mapIdle, shot, warmShare } from './browser.js';
import { startDemoPlatform, type DemoPlatform } from './demo-platform.js';
import { HANDLER, OPERATOR, seedPeople } from './people.js';

/** A rain gauge of the demo city: heavy rain (≥ 100 mm/h) is a red alarm at the first reading. */
const RAIN_GAUGE = 'D-OF-03-RF';
/** The levels of its rule (std.rainfall.intensity), as the chart reports the lines it drew. */
const RAIN_LEVELS = '20 50 80 100';

describe('dashboard in a real browser', () => {
  let t: DemoPlatform;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await ensureWebBuild();
    t = await startDemoPlatform();
    await seedPeople(t);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await t?.destroy();
  });

  it('logs in and draws the city on the map', async () => {
    await page.goto(t.url);
    await page.waitForSelector('input[name=username]');
    await shot(page, 'login-1920');
    await login(page, t.url, 'admin', TEST_PASSWORD);
    await mapIdle(page);
    // A drawn city has basemap, roads, buildings, pipes and sensors: many colours, not a blank canvas.
    expect(await canvasColours(page)).toBeGreaterThan(12);
    expect(await page.textContent('.topbar')).toContain('态势一张图');
    await shot(page, 'map-1920');
  }, 40_000);

  it('follows the pointer when the map is dragged (half resolution and interim frames on a software renderer)', async () => {
    const before = await page.evaluate(`(() => { const m = globalThis.__lifeline.map; const c = m.getCenter(); return [c.lng, c.lat]; })()`) as [number, number];
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) { await page.mouse.move(x - i * 10, y - i * 4); await page.waitForTimeout(16); }
    await page.waitForTimeout(100);
    // The point that was under the pointer at the start is under it still: 300 px left, 120 px up.
    const moved = await page.evaluate(`(() => { const p = globalThis.__lifeline.map.project(${JSON.stringify(before)}); return [p.x, p.y]; })()`) as [number, number];
    await page.mouse.up();
    expect(Math.abs(moved[0] - (box.width / 2 - 300))).toBeLessThan(20);
    expect(Math.abs(moved[1] - (box.height / 2 - 120))).toBeLessThan(20);
    await mapIdle(page);
  }, 30_000);

  it('draws each sensor in its state colour, names it under the pointer and opens it on click', async () => {
    // An online sensor without an alarm, brought to the middle of the map at street zoom.
    const target = await page.evaluate(`(async () => {
      const { map, sensors, sensorIds } = globalThis.__lifeline;
      const [id, index] = [...sensorIds].find(([, i]) => sensors.stateOf(i).status === 0 && sensors.stateOf(i).level === 0);
      map.jumpTo({ center: sensors.positionOf(index), zoom: 17.5 });
      await new Promise((r) => map.once('idle', r));
      const p = map.project(sensors.positionOf(index));
      return { id, x: p.x, y: p.y };
    })()`) as { id: string; x: number; y: number };
    await page.waitForTimeout(300); // full resolution again after the jump
    // Online green (#27c07d) at the dot's centre: the points layer really drew it there.
    const [r, g, b] = await canvasPixel(page, target.x, target.y);
    expect(g).toBeGreaterThan(150);
    expect(r).toBeLessThan(110);
    expect(b).toBeLessThan(170);
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await page.mouse.move(box.x + target.x + 1, box.y + target.y + 1);
    await page.waitForSelector(`.map-tooltip:has-text("${target.id}")`, { timeout: 5000 });
    await page.mouse.click(box.x + target.x + 1, box.y + target.y + 1);
    await page.waitForFunction(`location.hash === ${JSON.stringify(`#/sensors/${encodeURIComponent(target.id)}`)}`, undefined, { timeout: 5000 });
    // Back to the whole city for the tests that follow.
    await page.goto(`${t.url}/#/`);
    await page.reload();
    await mapIdle(page);
  }, 30_000);

  it('paints a live alarm on the map and lists its case, then walks it through the loop', async () => {
    const before = Date.now();
    const r = await t.api('/readings', { method: 'POST', json: [{ sensor: RAIN_GAUGE, ts: Date.now(), value: 120 }] });
    expect(r.status).toBe(202);
    // The sensor turns red on the map through SSE, without reloading anything.
    await page.waitForFunction((sensor) => {
      const w = globalThis as unknown as { __lifeline: { sensors: { stateOf(i: number): { level: number } }; sensorIds: Map<string, number> } };
      const id = w.__lifeline.sensorIds.get(sensor);
      return id !== undefined && w.__lifeline.sensors.stateOf(id).level === 1;
    }, RAIN_GAUGE, { timeout: 10_000 });

    // The case appears in the live list within seconds (once alarms are grouped into cases on this server).
    const row = page.locator('[data-testid="case-item"][data-level="1"]').first();
    await row.waitFor({ timeout: 10_000 });
    expect(Date.now() - before).toBeLessThan(15_000);
    await shot(page, 'map-live-case-1920');
    const id = (await row.getAttribute('data-case-id'))!;
    // The red case draws the eye on the map: a pulsing ring, animated by CSS (no map redraw).
    await page.waitForSelector(`.case-pulse[data-level="1"][data-case-id="${id}"]`, { timeout: 5000 });
    await row.click();
    await page.waitForSelector('[data-testid="chart"]');
    // The rain gauge's chart draws its rule's level lines (heavy rainfall: 20, 50, 80, 100 mm/h) and shades the alarm span.
    await page.waitForSelector(`[data-testid="chart"][data-thresholds="${RAIN_LEVELS}"]`, { timeout: 10_000 });
    expect(Number(await page.locator(`[data-testid="chart"][data-thresholds="${RAIN_LEVELS}"]`).first().getAttribute('data-spans'))).toBeGreaterThan(0);
    await shot(page, 'case-1920');

    const state = page.getByTestId('case-state');
    const act = async (action: string) => {
      await page.fill('[data-testid="action-note"]', `browser test: ${action}`);
      await page.click(`button[data-action="${action}"]`);
      await page.waitForSelector('.actions .ok, .actions .error');
      expect(await page.locator('.actions .error').count()).toBe(0);
    };
    // Operator: assess, confirm as red, dispatch to drainage.
    const caseUrl = `${t.url}/#/cases/${encodeURIComponent(id)}`;
    await page.click('text=退出');
    await login(page, caseUrl, OPERATOR.username, OPERATOR.password);
    await page.waitForSelector('button[data-action="assess"]');
    await act('assess');
    await expect.poll(() => state.textContent()).toBe('研判中');
    await page.selectOption('[data-testid="action-level"]', '1');
    await act('confirm');
    await expect.poll(() => state.textContent()).toBe('已确认');
    await page.selectOption('[data-testid="action-department"]', HANDLER.department);
    await act('dispatch');
    await expect.poll(() => state.textContent()).toBe('已派发');

    // Handler: from the department view, accept, tick the plan, report, resolve.
    await page.click('text=退出');
    await login(page, `${t.url}/#/department/${encodeURIComponent(id)}`, HANDLER.username, HANDLER.password);
    await page.waitForSelector('button[data-action="accept"]');
    await shot(page, 'department-1920');
    await act('accept');
    await expect.poll(() => state.textContent()).toBe('处置中');
    // Tick every step (mandatory ones gate resolve); each tick re-renders the list, so take the first open one each time.
    const open = page.locator('.checklist input[type=checkbox]:not(:checked):not(:disabled)');
    for (let n = await open.count(); n > 0; n = await open.count()) {
      await open.first().check();
      await expect.poll(() => open.count()).toBeLessThan(n);
    }
    await act('report');
    await act('resolve');
    await expect.poll(() => state.textContent()).toBe('已处置');

    // Operator closes.
    await page.click('text=退出');
    await login(page, caseUrl, OPERATOR.username, OPERATOR.password);
    await page.waitForSelector('button[data-action="close"]');
    await act('close');
    await expect.poll(() => state.textContent()).toBe('已办结');
    expect(await page.locator('[data-testid="timeline"] li').count()).toBeGreaterThanOrEqual(6);
    await shot(page, 'case-closed-1920');
  }, 60_000);

  it('shows sensor history, the overview and switches language', async () => {
    await page.goto(`${t.url}/#/sensors/${RAIN_GAUGE}`);
    await page.waitForSelector('[data-testid="chart"] canvas');
    await page.waitForSelector(`[data-testid="chart"][data-thresholds="${RAIN_LEVELS}"]`, { timeout: 10_000 });
    await shot(page, 'sensor-1920');
    await page.goto(`${t.url}/#/overview`);
    await page.waitForSelector('[data-testid="duty-report"]');
    await shot(page, 'overview-1920');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.textContent('.topbar')).toContain('Overview');
    await shot(page, 'overview-en-1920');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${t.url}/#/`);
    await mapIdle(page);
    await shot(page, 'map-en-1366');
    await page.goto(`${t.url}/#/assets/D-OF-03`);
    await page.waitForSelector('.detail h2');
    await shot(page, 'asset-en-1366');
  }, 40_000);

  it('draws the four-colour risk map and runs a water-burst scenario from its page', async () => {
    // A fresh context (own session and language), so this does not depend on the tests above.
    const p = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    try {
      await login(p, `${t.url}/#/risk`, 'admin', TEST_PASSWORD);
      expect(await p.textContent('.topbar nav')).toContain('风险一张图');
      await mapIdle(p);
      await p.waitForFunction(() => {
        const w = globalThis as unknown as { __lifeline: { map: { queryRenderedFeatures(o: object): unknown[] } } };
        return w.__lifeline.map.queryRenderedFeatures({ layers: ['risk-fill'] }).length > 0;
      }, undefined, { timeout: 10_000 });
      await p.waitForSelector('[data-testid="renewal-row"]');
      await mapIdle(p);
      // Zones colour the city: warm pixels are many with the zones and few without them.
      const withZones = await warmShare(p);
      await shot(p, 'risk-1920');
      await p.evaluate(() => (globalThis as unknown as { __lifeline: { map: { setLayoutProperty(l: string, k: string, v: string): void } } }).__lifeline.map.setLayoutProperty('risk-fill', 'visibility', 'none'));
      await mapIdle(p);
      const without = await warmShare(p);
      await p.evaluate(() => (globalThis as unknown as { __lifeline: { map: { setLayoutProperty(l: string, k: string, v: string): void } } }).__lifeline.map.setLayoutProperty('risk-fill', 'visibility', 'visible'));
      expect(withZones).toBeGreaterThan(0.1);
      expect(withZones).toBeGreaterThan(without * 3);
      // A renewal row opens that pipe's factors.
      await p.locator('[data-testid="renewal-row"]').first().click();
      await p.waitForSelector('[data-testid="risk-factors"] tbody tr');
      expect(await p.locator('[data-testid="asset-risk"] .badge').count()).toBeGreaterThan(0);
      await shot(p, 'risk-asset-1920');

      // Scenario: centre the map on a water pipe, click it, run, see the result on the map and in the list.
      const pipe = 'W-P-0194';
      const res = await t.api(`/assets/${pipe}`);
      const [a, b] = ((await res.json()) as { geometry: { coordinates: [number, number][] } }).geometry.coordinates as [[number, number], [number, number]];
      // A saved rainstorm to compare with.
      const rain = await t.api('/scenarios', { method: 'POST', json: { kind: 'rainstorm', name: '50年一遇暴雨', params: { returnPeriodYears: 50, durationMin: 120 } } });
      expect(rain.status).toBe(201);
      // Read the (large) answer: an unread body keeps the connection busy and the server's close waits for it.
      await rain.arrayBuffer();
      await p.goto(`${t.url}/#/scenarios`);
      await mapIdle(p);
      await p.evaluate((c) => (globalThis as unknown as { __lifeline: { map: { jumpTo(o: object): void } } }).__lifeline.map.jumpTo({ center: c, zoom: 17 }), [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
      await mapIdle(p);
      const box = (await p.locator('canvas.maplibregl-canvas').boundingBox())!;
      await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expect.poll(() => p.textContent('[data-testid="scn-pick"]')).toContain(pipe);
      await p.click('[data-testid="scn-run"]');
      await p.waitForSelector('[data-testid="scn-result"]', { timeout: 15_000 });
      expect(Number((await p.textContent('[data-testid="scn-assets"]'))!.replace(/\D/g, ''))).toBeGreaterThan(0);
      await p.waitForFunction(() => {
        const w = globalThis as unknown as { __lifeline: { map: { getLayer(id: string): unknown; queryRenderedFeatures(o: object): unknown[] } } };
        return !!w.__lifeline.map.getLayer('scn-burst-point') && w.__lifeline.map.queryRenderedFeatures({ layers: ['scn-burst-point', 'scn-segment-line'] }).length > 0;
      }, undefined, { timeout: 10_000 });
      expect(await p.locator('.scn-actions li').count()).toBeGreaterThan(0);
      await mapIdle(p);
      await shot(p, 'scenario-1920');
      // Saved server side: listed, and two can be compared.
      const saved = await (await t.api('/scenarios')).json() as { items: { id: string; kind: string }[] };
      expect(saved.items.map((s) => s.kind).sort()).toEqual(['rainstorm', 'water-burst']);

      // English, the smaller screen.
      await p.getByTestId('lang-toggle').click();
      await p.setViewportSize({ width: 1366, height: 768 });
      await expect.poll(() => p.textContent('.topbar nav')).toContain('Scenarios');
      await p.click('[data-testid="tab-saved"]');
      const picks = p.locator('[data-testid="scn-item"] [data-testid="scn-compare"]');
      await expect.poll(() => picks.count()).toBe(2);
      await picks.nth(0).check();
      await picks.nth(1).check();
      await p.waitForSelector('[data-testid="scn-compare-table"]');
      await shot(p, 'scenario-compare-en-1366');
      await p.goto(`${t.url}/#/risk`);
      await mapIdle(p);
      await p.waitForSelector('[data-testid="renewal-row"]');
      await shot(p, 'risk-en-1366');
    } finally {
      await p.close();
    }
  }, 40_000);
});
