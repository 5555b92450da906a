import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, CaseAlarm, Domain, Level } from '../../src/domain/index.js';
import type { DemoCity } from '../../src/demo/index.js';
import { seedDemoCity } from '../helpers/demo-city.js';
import { startTestPlatform } from '../helpers/platform.js';
import type { TestPlatform } from '../helpers/platform.js';

let t: TestPlatform;
let city: DemoCity;
beforeAll(async () => {
  t = await startTestPlatform();
  city = await seedDemoCity(t);
}, 60_000);
afterAll(async () => { await t.destroy(); });

interface CaseImpact {
  model: string; kind: string; summary: string; trigger: string;
  affected: { assets: { id: string; effect: string }[]; population: number; facilities: unknown[] };
  actions: { code: string }[]; layers: Record<string, { type: string }>; area: { type: string; coordinates: number[][][] };
}
interface CaseBody { id: string; impact: CaseImpact | null; timeline: { action: string }[] }

async function impactOf(id: string, within = 5000): Promise<CaseImpact> {
  const deadline = Date.now() + within;
  for (;;) {
    const c = await (await t.api(`/cases/${id}`)).json() as CaseBody;
    if (c.impact) return c.impact;
    if (Date.now() > deadline) throw new Error(`case ${id} got no impact within ${within} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function open(asset: Asset, level: Level = 2, domain: Domain = asset.domain): Promise<string> {
  const now = t.platform.clock.now();
  const alarm: CaseAlarm = { id: `al-${asset.id}-${now}`, sensor: `${asset.id}-S`, asset: asset.id, level, class: 'hazard', message: 'test alarm', raisedAt: now };
  const change = await t.platform.workflow.cases.open({ class: 'hazard', domain, level, title: `test on ${asset.id}`, asset: asset.id, alarm });
  return change.case!.id;
}

const find = (pred: (a: Asset) => boolean) => city.assets.find(pred)!;

describe('a case carries its impact', () => {
  it('a methane reading opens a gas case; its gas-leak impact arrives within a second and becomes the CAP area', async () => {
    const now = Date.now();
    const rows = [];
    for (let m = 60; m > 10; m--) rows.push({ sensor: 'G-RS-1-CH4', ts: now - m * 60_000, value: 0.5 + (m % 3) * 0.2 });
    for (let m = 10; m >= 0; m--) rows.push({ sensor: 'G-RS-1-CH4', ts: now - m * 60_000, value: 30 + (10 - m) * 3 });
    expect((await t.api('/readings', { method: 'POST', json: rows })).status).toBe(202);
    let id: string | undefined;
    const deadline = Date.now() + 8000;
    while (!id && Date.now() < deadline) {
      const list = await (await t.api('/cases?domain=gas')).json() as { items: { id: string; asset: string }[] };
      id = list.items.find((c) => c.asset === 'G-RS-1')?.id;
      if (!id) await new Promise((r) => setTimeout(r, 50));
    }
    expect(id).toBeDefined();
    const impact = await impactOf(id!, 1000);
    expect(impact).toMatchObject({ model: 'gas-leak', kind: 'gas-leak' });
    // Rising methane may escalate the case before its first assessment: either way it is assessed.
    expect(['open', 'escalate']).toContain(impact.trigger);
    expect(impact.summary.length).toBeGreaterThan(20);
    expect(impact.actions.length).toBeGreaterThan(0);
    expect(impact.layers.zones!.type).toBe('FeatureCollection');
    expect(impact.area.type).toBe('Polygon');
    expect(impact.area.coordinates[0]!.length).toBeGreaterThanOrEqual(4);

    for (const action of [{ action: 'assess' }, { action: 'confirm', level: 2 }]) expect((await t.api(`/cases/${id}/actions`, { method: 'POST', json: action })).status).toBe(200);
    const cap = await (await t.api(`/cases/${id}/cap`)).text();
    expect(cap).toContain('<polygon>');
  });

  it('water: a junction\'s case is assessed as a burst on the nearest pipe', async () => {
    const impact = await impactOf(await open(find((a) => a.domain === 'water' && a.kind === 'junction')));
    expect(impact.model).toBe('water-burst');
    expect(impact.affected.assets.some((a) => a.effect === 'burst')).toBe(true);
  });

  it('power: a substation\'s case is assessed as an outage cascade', async () => {
    const impact = await impactOf(await open(find((a) => a.kind === 'substation' && a.domain === 'power')));
    expect(impact.model).toBe('outage');
  });

  it('anything else (a building) gets a radius impact: people and facilities within reach', async () => {
    const impact = await impactOf(await open(find((a) => a.domain === 'building'), 1));
    expect(impact.model).toBe('radius');
    expect(impact.affected.population).toBeGreaterThan(0);
    expect(impact.layers.reach!.type).toBe('FeatureCollection');
  });

  it('drainage: a design storm\'s effects around the manhole; an escalation assesses the case again at its new level', async () => {
    const asset = find((a) => a.domain === 'drainage' && a.kind === 'manhole');
    const id = await open(asset, 4);
    const first = await impactOf(id);
    expect(first).toMatchObject({ model: 'rainstorm-local', kind: 'rainstorm', trigger: 'open' });
    expect(first.summary).toMatch(/2-year 60-minute storm/);
    const now = t.platform.clock.now();
    await t.platform.workflow.cases.attach(id, { id: 'al-esc', sensor: 'S-esc', asset: asset.id, level: 1, class: 'hazard', message: 'worse', raisedAt: now }, [asset.id]);
    const deadline = Date.now() + 5000;
    let impact = await impactOf(id);
    while ((impact as unknown as { level: number }).level !== 1 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      impact = await impactOf(id);
    }
    expect(impact.trigger).toBe('escalate');
  });
});
