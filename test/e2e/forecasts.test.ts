import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_SEWER, SMALL_SEWER_SENSORS } from '../fixtures/assess/forecast/small-sewer.js';
import { TEST_TOKEN, startTestPlatform } from '../helpers/platform.js';
import type { TestPlatform } from '../helpers/platform.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform();
  expect((await t.api('/assets', { method: 'POST', json: SMALL_SEWER })).status).toBe(201);
  expect((await t.api('/sensors', { method: 'POST', json: SMALL_SEWER_SENSORS })).status).toBe(201);
}, 60_000);
afterAll(async () => { await t.destroy(); });

interface ForecastBody {
  storm: { key: string; label: string; depthMm: number; startsAt: string };
  live: { sensors: number; stale: string[] };
  summary: string;
  predicted: { asset: string; effect: string; atMin: number | null; at: string | null; level: number; system: string }[];
  cases: { id: string; action: 'opened' | 'updated' | 'cleared'; system: string; level: number; title: string }[];
}
interface CaseBody {
  id: string; class: string; domain: string; level: number; state: string; title: string; assets: string[];
  alarms: { id: string; kind?: string; message: string; clearedAt: string | null }[];
  impact: { model: string; summary: string; affected: { assets: { id: string; effect: string }[] }; layers: Record<string, { features: unknown[] }>; area?: { type: string }; forecast?: { storm: string } } | null;
  timeline: { action: string }[];
}
interface Problem { status: number; errors: { field: string }[] }

/** Every manhole's level ratio, as the sensors would report it now. */
const levels = async (ratio: number) => {
  const now = Date.now();
  const res = await t.api('/readings', { method: 'POST', json: SMALL_SEWER_SENSORS.map((s) => ({ sensor: s.id, ts: now, value: ratio })) });
  expect(res.status).toBe(202);
};
const forecast = async (json: unknown) => t.api('/forecasts/rain', { method: 'POST', json });
const forecastCases = async () => {
  const page = await (await t.api('/cases?domain=drainage')).json() as { items: CaseBody[] };
  return page.items.filter((c) => c.alarms.some((a) => a.kind?.startsWith('forecast-')));
};
const TWO_YEAR = { returnPeriodYears: 2, durationMin: 60 };

describe('POST /forecasts/rain: a forecast storm on the live network', () => {
  it('refuses bad input with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'returnPeriodYears'],
      [[1, 2], 'body'],
      [{ returnPeriodYears: 0, durationMin: 60 }, 'returnPeriodYears'],
      [{ returnPeriodYears: 2 }, 'durationMin'],
      [{ returnPeriodYears: 2, durationMin: 2000 }, 'durationMin'],
      [{ intensityMmPerHour: [10, -1], stepMin: 5 }, 'intensityMmPerHour[1]'],
      [{ intensityMmPerHour: [], stepMin: 5 }, 'intensityMmPerHour'],
      [{ intensityMmPerHour: [10] }, 'stepMin'],
      [{ ...TWO_YEAR, intensityMmPerHour: [10], stepMin: 5 }, 'body'],
      [{ ...TWO_YEAR, startsAt: 'tomorrow' }, 'startsAt'],
    ];
    for (const [body, field] of cases) {
      const res = await forecast(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((await res.json() as Problem).errors[0]!.field, JSON.stringify(body)).toBe(field);
    }
    expect(await forecastCases()).toHaveLength(0);
  });

  it('opens nothing when the sewers are low, and says so', async () => {
    await levels(0.3);
    const res = await forecast(TWO_YEAR);
    expect(res.status).toBe(200);
    const body = await res.json() as ForecastBody;
    expect(body.live.sensors).toBe(3);
    expect(body.predicted).toEqual([]);
    expect(body.cases).toEqual([]);
    expect(body.summary).toMatch(/nothing surcharges/);
    expect(body.storm.key).toBe('P2-T60');
    expect(await forecastCases()).toHaveLength(0);
  });

  let caseId = '';
  it('raises one pre-warning case when the same storm lands on nearly full sewers', async () => {
    await levels(0.9);
    const res = await forecast({ ...TWO_YEAR, name: 'afternoon storm' });
    expect(res.status).toBe(200);
    const body = await res.json() as ForecastBody;
    expect(body.predicted.length).toBeGreaterThan(0);
    expect(body.predicted.some((p) => p.effect === 'flooding' && p.asset.startsWith('D-MH-'))).toBe(true);
    for (const p of body.predicted) if (p.atMin !== null) expect(Date.parse(p.at!)).toBe(Date.parse(body.storm.startsAt) + p.atMin * 60_000);
    expect(body.cases).toHaveLength(1);
    expect(body.cases[0]).toMatchObject({ action: 'opened', system: 'D-OF-1', level: 3 });
    caseId = body.cases[0]!.id;

    const listed = await forecastCases();
    expect(listed.map((c) => c.id)).toEqual([caseId]);
    const c = await (await t.api(`/cases/${caseId}`)).json() as CaseBody;
    expect(c).toMatchObject({ class: 'hazard', domain: 'drainage', level: 3, state: 'open' });
    expect(c.title).toMatch(/forecast/);
    expect(c.alarms[0]!.kind).toBe('forecast-flooding');
    expect(c.alarms[0]!.message).toMatch(/2-year 60-minute design storm.*first at/);
    expect(new Set(c.assets)).toEqual(new Set(body.predicted.map((p) => p.asset)));
    // The forecast's own impact, not replaced by the generic case assessment.
    await t.platform.assessment.caseImpact.idle();
    const again = await (await t.api(`/cases/${caseId}`)).json() as CaseBody;
    expect(again.impact).toMatchObject({ model: 'forecast-rainstorm', forecast: { storm: 'P2-T60' } });
    expect(again.impact!.summary).toMatch(/^Forecast/);
    expect(again.impact!.affected.assets.length).toBe(body.predicted.length);
    expect(again.impact!.layers.flooding!.features.length).toBeGreaterThan(0);
    expect(again.impact!.area?.type).toBe('Polygon');
    expect(again.timeline.map((e) => e.action)).toEqual(expect.arrayContaining(['open', 'impact']));
  });

  it('updates that case when the same forecast comes again: no duplicate', async () => {
    const body = await (await forecast(TWO_YEAR)).json() as ForecastBody;
    expect(body.cases).toEqual([expect.objectContaining({ id: caseId, action: 'updated' })]);
    const listed = await forecastCases();
    expect(listed).toHaveLength(1);
    expect(listed[0]!.alarms.filter((a) => a.kind?.startsWith('forecast-'))).toHaveLength(1);
  });

  it('goes through the normal lifecycle: confirmed, it publishes a CAP warning', async () => {
    const act = (action: string, extra: Record<string, unknown> = {}) => t.api(`/cases/${caseId}/actions`, { method: 'POST', json: { action, ...extra } });
    expect((await act('assess')).status).toBe(200);
    expect((await act('confirm', { level: 3 })).status).toBe(200);
    const cap = await (await t.api(`/cases/${caseId}/cap`)).text();
    expect(cap).toMatch(/<alert/);
    expect(cap).toMatch(/<polygon>/);
  });

  it('clears the storm\'s alarm when a new forecast no longer overwhelms the system', async () => {
    await levels(0.3);
    const body = await (await forecast(TWO_YEAR)).json() as ForecastBody;
    expect(body.predicted).toEqual([]);
    expect(body.cases).toEqual([expect.objectContaining({ id: caseId, action: 'cleared' })]);
    const c = await (await t.api(`/cases/${caseId}`)).json() as CaseBody;
    expect(c.alarms.find((a) => a.kind?.startsWith('forecast-'))!.clearedAt).not.toBeNull();
  });

  it('takes a forecast series too, and is for operators only', async () => {
    const series = { intensityMmPerHour: [5, 10, 20, 10, 5], stepMin: 10, startsAt: new Date(Date.now() + 3_600_000).toISOString() };
    const res = await forecast(series);
    expect(res.status).toBe(200);
    const body = await res.json() as ForecastBody;
    expect(body.storm.key).toMatch(/^R10-[0-9a-f]{8}$/);
    expect(body.storm.startsAt).toBe(series.startsAt);

    expect((await t.api('/users', { method: 'POST', json: { username: 'watcher', password: 'watcher-pass-1', role: 'viewer' } })).status).toBe(201);
    const login = await (await fetch(`${t.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'watcher', password: 'watcher-pass-1' }) })).json() as { token: string };
    const denied = await t.api('/forecasts/rain', { method: 'POST', json: TWO_YEAR, headers: { authorization: `Bearer ${login.token}` } });
    expect(denied.status).toBe(403);
  });

  it('is in the API docs', async () => {
    const doc = await (await fetch(`${t.url}/api/docs/json`)).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/api/v1/forecasts/rain');
  });

  it('runs from the command line against the server', async () => {
    await levels(0.9);
    const cli = (args: string[]) => new Promise<{ code: number; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, ['bin/lifeline.mjs', 'forecast', ...args], { env: { ...process.env, LIFELINE_FROM_SOURCE: '1' } });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
      child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
      child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
    });
    const ok = await cli(['--return-period', '2', '--duration-min', '60', '--url', t.url, '--token', TEST_TOKEN, '--json']);
    expect(ok.code, ok.err).toBe(0);
    const body = JSON.parse(ok.out) as ForecastBody;
    expect(body.cases).toEqual([expect.objectContaining({ id: caseId, action: 'updated' })]);
    const bad = await cli(['--return-period', 'soon', '--duration-min', '60', '--url', t.url, '--token', TEST_TOKEN]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/returnPeriodYears/);
  }, 60_000);
});
