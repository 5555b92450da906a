import { beforeAll, describe, expect, it } from 'vitest';
import { QUANTITIES, inPhysicalRange, type Reading } from '../../domain/index.js';
import type { NewSensor } from '../../ports/store.js';
import { buildDemoCity, type DemoCity } from '../city/index.js';
import { INCIDENT_KINDS, INCIDENT_THRESHOLDS, createSimulator, type Incident, type Simulator } from './index.js';

const MINUTE = 60_000;
/** 09:00 in Hefei on a July morning. */
const START = Date.UTC(2025, 6, 15, 1, 0, 0);

let city: DemoCity;
let sim: Simulator;
let firstQuarter: Reading[];
let sensorById: Map<string, NewSensor>;

beforeAll(() => {
  city = buildDemoCity(1);
  sensorById = new Map(city.sensors.map((s) => [s.id, s]));
  sim = createSimulator({ city, start: START });
  firstQuarter = sim.readingsBetween(START, START + 25 * MINUTE);
});

function readingsOf(readings: readonly Reading[], sensor: string, from: number, to: number): Reading[] {
  return readings.filter((r) => r.sensor === sensor && r.ts >= from && r.ts < to);
}

/** Whether the readings show what the incident says plain thresholds will see. */
function expectationMet(s: Simulator, readings: readonly Reading[], incident: Incident, e: Incident['expectations'][number]): boolean {
  const rs = readingsOf(readings, e.sensor, incident.start, incident.end);
  switch (e.check) {
    case 'above': return rs.some((r) => r.value >= e.threshold!);
    case 'drop': return rs.some((r) => s.normalAt(e.sensor, r.ts)! - r.value >= e.threshold!);
    case 'rise': return rs.some((r) => r.value - s.normalAt(e.sensor, r.ts)! >= e.threshold!);
    case 'stuck': return rs.length >= 3 && rs.every((r) => r.value === rs[0]!.value);
    case 'silent': return rs.length === 0;
  }
}

describe('createSimulator', () => {
  it('is deterministic: same city, seed and start give the same readings; another seed does not', () => {
    const again = createSimulator({ city: buildDemoCity(1), start: START }).readingsBetween(START, START + 3 * MINUTE);
    expect(again).toEqual(firstQuarter.filter((r) => r.ts < START + 3 * MINUTE));
    const other = createSimulator({ city, seed: 7, start: START }).readingsBetween(START, START + 3 * MINUTE);
    expect(other).not.toEqual(again);
  });

  it('reports every sensor at its interval, in time order', () => {
    for (let i = 1; i < firstQuarter.length; i++) expect(firstQuarter[i]!.ts).toBeGreaterThanOrEqual(firstQuarter[i - 1]!.ts);
    const bySensor = new Map<string, number[]>();
    for (const r of firstQuarter) bySensor.set(r.sensor, [...(bySensor.get(r.sensor) ?? []), r.ts]);
    const silent = new Set(sim.incidents(START + 15 * MINUTE).flatMap((i) => i.expectations.filter((e) => e.check === 'silent').map((e) => e.sensor)));
    for (const s of city.sensors) {
      if (s.intervalS > 600 || silent.has(s.id)) continue;
      const times = bySensor.get(s.id) ?? [];
      expect(times.length, s.id).toBeGreaterThanOrEqual(Math.floor(900 / s.intervalS));
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(s.intervalS * 1000);
    }
  });

  it('keeps every reading inside its quantity\'s physical range', () => {
    for (const r of firstQuarter) {
      const q = sensorById.get(r.sensor)!.quantity;
      expect(Number.isFinite(r.value)).toBe(true);
      if (!inPhysicalRange(q, r.value)) expect.fail(`${r.sensor} ${r.value} ${QUANTITIES[q].unit}`);
    }
  });

  it('gives each reading once when ticked, the same as asking for the range', () => {
    const live = createSimulator({ city, start: START });
    const ticked: Reading[] = [];
    for (let now = START; now <= START + 4 * MINUTE; now += 7_000) ticked.push(...live.tick(now));
    const last = START + 4 * MINUTE - (4 * MINUTE) % 7_000;
    expect(ticked).toEqual(firstQuarter.filter((r) => r.ts <= last));
    expect(live.tick(last)).toEqual([]);
  });

  it('schedules every kind of incident in the first fifteen minutes, the first within two', () => {
    const incidents = sim.incidents(START + 15 * MINUTE);
    expect(incidents[0]!.start - START).toBeLessThanOrEqual(2 * MINUTE);
    expect(new Set(incidents.map((i) => i.kind))).toEqual(new Set(INCIDENT_KINDS));
    const day = sim.incidents();
    expect(day.length).toBeGreaterThan(100);
    expect(new Set(day.map((i) => i.id)).size).toBe(day.length);
    for (const i of day.slice(0, 20)) {
      expect(i.end).toBeGreaterThan(i.start);
      expect(i.assets.length).toBeGreaterThan(0);
      expect(i.sensors.length).toBeGreaterThan(0);
      expect(i.expectations.length).toBeGreaterThan(0);
      expect(i.description).toMatch(/[\u4e00-\u9fff]/);
      for (const a of i.assets) expect(city.assets.some((x) => x.id === a), a).toBe(true);
      for (const s of i.sensors) expect(sensorById.has(s), s).toBe(true);
    }
  });

  it('moves the incidents\' sensors past plain thresholds', () => {
    const incidents = sim.incidents(START + 11 * MINUTE);
    const byKind = new Map(incidents.map((i) => [i.kind, i]));
    const values = (i: Incident, sensor: string): number[] => readingsOf(firstQuarter, sensor, i.start, i.end).map((r) => r.value);

    const leak = byKind.get('gas-leak')!;
    expect(Math.max(...values(leak, leak.sensors[0]!))).toBeGreaterThanOrEqual(INCIDENT_THRESHOLDS.methaneLel);

    const burst = byKind.get('water-burst')!;
    const drops = burst.expectations.filter((e) => e.check === 'drop');
    expect(drops.length).toBeGreaterThanOrEqual(2);
    for (const e of drops) {
      const worst = Math.max(...readingsOf(firstQuarter, e.sensor, burst.start, burst.end).map((r) => sim.normalAt(e.sensor, r.ts)! - r.value));
      expect(worst, e.sensor).toBeGreaterThanOrEqual(INCIDENT_THRESHOLDS.waterPressureDropMpa);
    }
    expect(burst.expectations.some((e) => e.check === 'rise')).toBe(true);

    const storm = byKind.get('rainstorm')!;
    const surcharged = storm.expectations.filter((e) => sensorById.get(e.sensor)!.quantity === 'level_ratio');
    expect(surcharged.length).toBeGreaterThanOrEqual(3);
    for (const e of surcharged) expect(Math.max(...values(storm, e.sensor)), e.sensor).toBeGreaterThanOrEqual(INCIDENT_THRESHOLDS.levelRatio);
    const ponding = storm.expectations.find((e) => sensorById.get(e.sensor)!.quantity === 'ponding')!;
    expect(Math.max(...values(storm, ponding.sensor))).toBeGreaterThanOrEqual(INCIDENT_THRESHOLDS.pondingCm);
    const gauge = storm.sensors.find((s) => sensorById.get(s)!.quantity === 'rainfall')!;
    expect(Math.max(...values(storm, gauge))).toBeGreaterThan(50);

    const overload = byKind.get('bridge-overload')!;
    const strains = overload.sensors.filter((s) => sensorById.get(s)!.quantity === 'strain');
    expect(strains.length).toBeGreaterThanOrEqual(6);
    for (const s of strains) expect(Math.max(...values(overload, s)), s).toBeGreaterThan(sensorById.get(s)!.properties.designStrainUe as number);

    for (const i of incidents) {
      for (const e of i.expectations) expect(expectationMet(sim, firstQuarter, i, e), `${i.id} ${i.kind} ${e.sensor} ${e.check}`).toBe(true);
    }
  });

  it('keeps later cycles on other assets, still crossing the thresholds', () => {
    const from = START + 60 * MINUTE;
    const readings = sim.readingsBetween(from, from + 30 * MINUTE);
    const later = sim.incidents(from + 30 * MINUTE).filter((i) => i.start >= from && i.end <= from + 30 * MINUTE);
    expect(later.length).toBeGreaterThanOrEqual(4);
    for (const i of later) for (const e of i.expectations) expect(expectationMet(sim, readings, i, e), `${i.id} ${e.sensor} ${e.check}`).toBe(true);
    const leaks = sim.incidents(from + 30 * MINUTE).filter((i) => i.kind === 'gas-leak');
    expect(new Set(leaks.map((i) => i.assets[0])).size).toBeGreaterThan(1);
  });

  it('stays below the alarm thresholds in normal operation, all day', () => {
    const calm = createSimulator({ city, start: START, incidents: false });
    expect(calm.incidents()).toEqual([]);
    for (const s of city.sensors) {
      for (let k = 0; k < 96; k += 3) {
        const ts = START + k * 15 * MINUTE + 17_000;
        const v = calm.valueAt(s.id, ts)!;
        if (!inPhysicalRange(s.quantity, v)) expect.fail(`${s.id} ${v}`);
        if (s.quantity === 'methane') expect(v, s.id).toBeLessThan(INCIDENT_THRESHOLDS.methaneLel);
        if (s.quantity === 'level_ratio') expect(v, s.id).toBeLessThan(0.85);
        if (s.quantity === 'ponding') expect(v, s.id).toBeLessThan(INCIDENT_THRESHOLDS.pondingCm);
        if (s.quantity === 'strain') expect(v, s.id).toBeLessThan(s.properties.designStrainUe as number);
        if (s.quantity === 'pressure' && s.domain === 'water') expect(v, s.id).toBeGreaterThan(0.14);
      }
    }
  });

  it('follows the day: pressure dips at the evening peak, the afternoon is warmer than dawn', () => {
    const calm = createSimulator({ city, start: START, incidents: false });
    const at = (hourLocal: number): number => Date.UTC(2025, 6, 15, hourLocal - 8, 0, 30);
    const junction = city.sensors.find((s) => s.domain === 'water' && s.quantity === 'pressure' && s.asset.startsWith('W-J'))!;
    expect(calm.valueAt(junction.id, at(19))!).toBeLessThan(calm.valueAt(junction.id, at(3 + 24))! - 0.03);
    const inlet = city.sensors.find((s) => s.domain === 'water' && s.quantity === 'flow' && s.asset.startsWith('W-M'))!;
    expect(calm.valueAt(inlet.id, at(19))!).toBeGreaterThan(calm.valueAt(inlet.id, at(3 + 24))! * 2);
    const air = city.sensors.find((s) => s.domain === 'environment' && s.quantity === 'temperature')!;
    expect(calm.valueAt(air.id, at(15))!).toBeGreaterThan(calm.valueAt(air.id, at(5 + 24))!);
    expect(calm.valueAt(air.id, at(15))!).toBeGreaterThan(25); // July in Hefei
  });
});
