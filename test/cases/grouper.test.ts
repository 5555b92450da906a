import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Asset } from '../../src/domain/index.js';
import { Grouper, MAINTENANCE_KEY } from '../../src/pipeline/group/index.js';
import type { GroupableAlarm } from '../../src/pipeline/group/index.js';
import type { CaseHarness } from '../helpers/cases.js';
import { T0, caseHarness, people, seedDepartments } from '../helpers/cases.js';

let h: CaseHarness;
let g: Grouper;
const MIN = 60_000;

/** A gas line: N1 -P1- N2 -P2- N3 -P3- N4 -P4- N5, and a manhole far away on its own. */
const node = (id: string, lon: number): Asset => ({ id, kind: 'junction', domain: 'gas', department: 'gas-co', geometry: { type: 'Point', coordinates: [117 + lon, 31.8] }, properties: {} });
const pipe = (id: string, from: string, to: string): Asset => ({ id, kind: 'pipe', domain: 'gas', department: 'gas-co', geometry: { type: 'LineString', coordinates: [[117, 31.8], [117.01, 31.8]] }, properties: { from, to } });

beforeEach(async () => {
  h = await caseHarness();
  await seedDepartments(h);
  await h.store.assets.upsert([node('N1', 0), node('N2', 0.01), node('N3', 0.02), node('N4', 0.03), node('N5', 0.04), node('FAR', 0.5),
    pipe('P1', 'N1', 'N2'), pipe('P2', 'N2', 'N3'), pipe('P3', 'N3', 'N4'), pipe('P4', 'N4', 'N5')]);
  g = new Grouper({ store: h.store, cases: h.cases, now: () => h.clock.now() });
});
afterEach(async () => { await h.cleanup(); });

const alarm = (id: string, asset: string, over: Partial<GroupableAlarm> = {}): GroupableAlarm =>
  ({ id, sensor: `S-${asset}`, asset, level: 3, class: 'hazard', raisedAt: T0, message: `methane at ${asset}`, ...over });

describe('grouping alarms into cases', () => {
  it('gathers alarms on one asset and on assets a few hops apart, and not far ones', async () => {
    const first = await g.onAlarm(alarm('a1', 'N1'));
    expect(first).toMatchObject({ type: 'opened', case: { asset: 'N1', department: 'gas-co', location: [117, 31.8] } });
    expect((await g.onAlarm(alarm('a2', 'N1')))?.case?.id).toBe(first!.case!.id);
    expect((await g.onAlarm(alarm('a3', 'N3')))?.case?.id).toBe(first!.case!.id); // 4 hops
    expect((await g.onAlarm(alarm('a4', 'N5')))?.case?.id).toBe(first!.case!.id); // 4 hops from N3, now in the case
    expect((await g.onAlarm(alarm('a5', 'FAR')))?.type).toBe('opened');
    const c = await h.cases.get(first!.case!.id);
    expect(c.alarms.map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(c.assets).toEqual(['N1', 'N3', 'N5']);
  });

  it('gathers an asset beside a pipe (nearPipe) and a close neighbour no network links', async () => {
    const well = (id: string, lon: number, props: Record<string, unknown> = {}): Asset =>
      ({ id, kind: 'manhole', domain: 'gas', geometry: { type: 'Point', coordinates: [117 + lon, 31.9] }, properties: props });
    // Far from N2 on the map, but beside pipe P1, which ends at N2: 2 hops.
    await h.store.assets.upsert([well('W1', 0.3, { nearPipe: 'P1' }), well('W2', 0.6), well('W3', 0.6004), well('W4', 0.61)]);
    const first = await g.onAlarm(alarm('a1', 'N2'));
    expect((await g.onAlarm(alarm('a2', 'W1')))?.case?.id).toBe(first!.case!.id);
    const lone = await g.onAlarm(alarm('a3', 'W2'));
    expect(lone?.type).toBe('opened');
    expect((await g.onAlarm(alarm('a4', 'W3')))?.case?.id).toBe(lone!.case!.id); // about 38 m away
    expect((await g.onAlarm(alarm('a5', 'W4')))?.type).toBe('opened'); // about 950 m away
  });

  it('gathers the rain gauges of one storm into one environment case, wherever they stand', async () => {
    const gauge = (id: string, lon: number, domain: Asset['domain']): Asset =>
      ({ id, kind: 'meter', domain, geometry: { type: 'Point', coordinates: [117 + lon, 31.95] }, properties: {} });
    await h.store.assets.upsert([gauge('G1', 0, 'environment'), gauge('G2', 0.05, 'drainage')]);
    await h.store.sensors.upsert([
      { id: 'S-G1', asset: 'G1', domain: 'environment', quantity: 'rainfall', unit: 'mm/h', intervalS: 60, state: 'active', properties: {} },
      { id: 'S-G2', asset: 'G2', domain: 'drainage', quantity: 'rainfall', unit: 'mm/h', intervalS: 60, state: 'active', properties: {} },
    ]);
    const first = await g.onAlarm(alarm('r1', 'G1', { sensor: 'S-G1' }));
    expect(first?.case?.domain).toBe('environment');
    expect((await g.onAlarm(alarm('r2', 'G2', { sensor: 'S-G2' })))?.case?.id).toBe(first!.case!.id);
  });

  it('gathers pressure drops all over one network (a burst) into one case', async () => {
    const first = await g.onAlarm(alarm('p1', 'N1', { kind: 'pressure-drop' }));
    expect((await g.onAlarm(alarm('p2', 'FAR', { kind: 'pressure-drop' })))?.case?.id).toBe(first!.case!.id);
    expect((await g.onAlarm(alarm('t1', 'FAR', { kind: 'threshold', raisedAt: T0 + 1 })))?.case?.id).toBe(first!.case!.id); // same asset now
  });

  it('opens a new case when the old one went quiet longer than the window', async () => {
    const first = await g.onAlarm(alarm('a1', 'N1', { clearedAt: undefined }));
    await g.onAlarm(alarm('a1', 'N1', { clearedAt: T0 + MIN }));
    const later = await g.onAlarm(alarm('a2', 'N1', { raisedAt: T0 + 45 * MIN }));
    expect(later?.type).toBe('opened');
    expect(later?.case?.id).not.toBe(first?.case?.id);
  });

  it('takes the worst alarm level, and escalates on a worse alarm or when an alarm gets worse', async () => {
    const first = await g.onAlarm(alarm('a1', 'N1', { level: 3 }));
    const worse = await g.onAlarm(alarm('a2', 'N2', { level: 2 }));
    expect(worse).toMatchObject({ action: 'escalate', case: { id: first!.case!.id, level: 2 } });
    const same = await g.onAlarm(alarm('a1', 'N1', { level: 1 }));
    expect(same).toMatchObject({ action: 'escalate', case: { level: 1 } });
    expect(same!.case!.alarms).toHaveLength(2);
  });

  it('lets device alarms flag a case on their asset but open none and raise no level', async () => {
    expect(await g.onAlarm(alarm('d0', 'N2', { class: 'device', level: 2 }))).toBeUndefined();
    const hazard = await g.onAlarm(alarm('a1', 'N1'));
    const flagged = await g.onAlarm(alarm('d1', 'N1', { class: 'device', level: 1, message: 'sensor offline' }));
    expect(flagged?.case).toMatchObject({ id: hazard!.case!.id, level: 3 });
    expect(flagged!.case!.alarms.map((a) => a.class)).toEqual(['hazard', 'device']);
    expect((await h.store.cases.list({ limit: 10 })).items).toHaveLength(1);
  });

  it('with deviceCases, puts device alarms in a device case of their own, never in a hazard case', async () => {
    g = new Grouper({ store: h.store, cases: h.cases, now: () => h.clock.now(), deviceCases: true });
    const hazard = await g.onAlarm(alarm('a1', 'N1'));
    const device = await g.onAlarm(alarm('d1', 'N1', { class: 'device', level: 2, message: 'sensor offline' }));
    expect(device).toMatchObject({ type: 'opened', case: { class: 'device', level: 4 } });
    expect(device!.case!.id).not.toBe(hazard!.case!.id);
    expect((await g.onAlarm(alarm('d2', 'N1', { class: 'device' })))?.case?.id).toBe(device!.case!.id);
    expect((await g.onAlarm(alarm('d3', 'N2', { class: 'device' })))?.type).toBe('opened');
  });

  it('records an alarm in a maintenance window and opens nothing', async () => {
    await h.store.settings.set(MAINTENANCE_KEY, [{ id: 'mw-1', asset: 'N1', from: T0 - MIN, to: T0 + 60 * MIN, reason: 'valve replacement' }]);
    const change = await g.onAlarm(alarm('a1', 'N1'));
    expect(change).toMatchObject({ type: 'suppressed', alarm: 'a1' });
    expect((await h.store.cases.list({ limit: 10 })).items).toHaveLength(0);
    const [event] = await h.store.audit.of('alarm', 'a1');
    expect(event).toMatchObject({ action: 'suppress', reason: 'maintenance window mw-1: valve replacement' });
    expect((await g.onAlarm(alarm('a2', 'N1', { raisedAt: T0 + 61 * MIN })))?.type).toBe('opened');
  });

  it('self-clears a case whose alarms clear and stay clear; a confirmed one stays', async () => {
    const a = await g.onAlarm(alarm('a1', 'N1'));
    const b = await g.onAlarm(alarm('b1', 'FAR'));
    await h.cases.act(b!.case!.id, people.operator, { action: 'assess' });
    await h.cases.act(b!.case!.id, people.operator, { action: 'confirm' });
    await g.onAlarm(alarm('a1', 'N1', { clearedAt: T0 + MIN }));
    await g.onAlarm(alarm('b1', 'FAR', { clearedAt: T0 + MIN }));
    await h.clock.advance(20 * MIN);
    expect((await h.cases.get(a!.case!.id)).state).toBe('self_cleared');
    expect((await h.cases.get(b!.case!.id)).state).toBe('confirmed');
  });

  it('looks the asset up from the sensor when the alarm does not name it', async () => {
    await h.store.sensors.upsert([{ id: 'CH4-9', asset: 'N4', domain: 'gas', quantity: 'methane', unit: '%LEL', intervalS: 60, state: 'active', properties: {} }]);
    const change = await g.onAlarm({ id: 'x1', sensor: 'CH4-9', level: 2, class: 'hazard', raisedAt: T0, message: 'm' });
    expect(change?.case?.asset).toBe('N4');
  });

  it('after a restart, joins the case opened before it (active cases are reloaded from the store)', async () => {
    const first = await g.onAlarm(alarm('r1', 'N1'));
    h = await h.restart();
    g = new Grouper({ store: h.store, cases: h.cases, now: () => h.clock.now() });
    const second = await g.onAlarm(alarm('r2', 'N2', { raisedAt: T0 + MIN }));
    expect(second?.case?.id).toBe(first!.case!.id);
  });

  it('opens a new case once the old one on the same asset is closed by a person', async () => {
    const first = await g.onAlarm(alarm('c1', 'N1'));
    await h.cases.act(first!.case!.id, people.operator, { action: 'assess' });
    await h.cases.act(first!.case!.id, people.operator, { action: 'dismiss', note: 'test gas' });
    const second = await g.onAlarm(alarm('c2', 'N1', { raisedAt: T0 + MIN }));
    expect(second?.type).toBe('opened');
    expect(second?.case?.id).not.toBe(first!.case!.id);
  });
});
