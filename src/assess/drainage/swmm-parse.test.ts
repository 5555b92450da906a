import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { totalDepthMm } from './hyetograph.js';
import { assessRainstorm } from './rainstorm.js';
import { parseSwmm } from './swmm-parse.js';

const FIXTURES = new URL('../../../test/fixtures/assess/swmm/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

describe('SWMM .inp import', () => {
  const site = parseSwmm(read('site_drainage_model.inp'));

  it('reads nodes, conduits and subcatchments in SI units', () => {
    const { nodes, links, subcatchments } = site.network;
    expect(site.flowUnits).toBe('CFS');
    expect(nodes.filter((n) => n.kind === 'junction')).toHaveLength(11);
    expect(nodes.filter((n) => n.kind === 'outfall').map((n) => n.id)).toEqual(['O1']);
    expect(links).toHaveLength(11);
    // J1: invert 4973 ft; no depth given, so its rim is the crown of its highest pipe (C1, 3 ft deep).
    const j1 = nodes.find((n) => n.id === 'J1')!;
    expect(j1.invertM).toBeCloseTo(4973 * 0.3048, 6);
    expect(j1.groundM - j1.invertM).toBeCloseTo(3 * 0.3048, 6);
    // C2 ends 4 ft above J11's invert; C3 is a 2.25 ft circular pipe.
    const c2 = links.find((l) => l.id === 'C2')!;
    expect(c2.outOffsetM).toBeCloseTo(4 * 0.3048, 6);
    expect(links.find((l) => l.id === 'C3')!.shape).toEqual({ kind: 'circular', diameterM: 2.25 * 0.3048 });
    expect(links.find((l) => l.id === 'C1')!.shape).toEqual({ kind: 'trapezoidal', heightM: 3 * 0.3048, bottomM: 5 * 0.3048, leftSlope: 5, rightSlope: 5 });
    const s1 = subcatchments.find((s) => s.id === 'S1')!;
    expect(s1.areaHa).toBeCloseTo(4.55 * 0.40468564, 6);
    expect(s1.outlet).toBe('J1');
    expect(s1.horton).toEqual({ f0MmH: 4.5 * 25.4, fcMmH: 0.2 * 25.4, decayPerH: 6.5 });
  });

  it('reads its rain gauge\'s series (volumes over 5-minute intervals, minute by minute)', () => {
    const text = read('site_drainage_model.inp');
    const volumesIn = [...text.matchAll(/^2-yr\s+\S+\s+(\S+)/gm)].reduce((s, m) => s + Number(m[1]), 0);
    expect(site.rainfall!.stepMin).toBe(1);
    expect(totalDepthMm(site.rainfall!)).toBeCloseTo(volumesIn * 25.4, 6);
    // The second value (0.00284 in at 0:12) falls over minutes 6–10 after the first.
    expect(site.rainfall!.depthMm.slice(6, 11).reduce((s, d) => s + d, 0)).toBeCloseTo(0.00284 * 25.4, 9);
  });

  it('routes the file\'s own storm and a design storm, conserving water', () => {
    for (const storm of [{ hyetograph: site.rainfall! }, { returnPeriodYears: 10, durationMin: 120 }]) {
      const impact = assessRainstorm(site.network, storm, { assets: [] });
      expect(impact.kind).toBe('rainstorm');
      expect(impact.summary).toMatch(/mm, heaviest/);
    }
  });

  it('follows a subcatchment that drains onto another to its node, and reads pumps and storage', () => {
    const m = parseSwmm(`
[OPTIONS]
FLOW_UNITS CMS
[SUBCATCHMENTS]
A G B 1 50 100 1 0
B G J1 2 50 100 1 0
[JUNCTIONS]
J1 10 2 0 0 0
[STORAGE]
ST 8 3 0 FUNCTIONAL 0 0 250
[OUTFALLS]
O 5 FREE
[CONDUITS]
C1 J1 ST 50 0.013 0 0
[PUMPS]
P1 ST O PC ON 0 0
[CURVES]
PC Pump1 10 0.2
PC 20 0.5
[XSECTIONS]
C1 CIRCULAR 0.6 0 0 0 1
`);
    expect(m.network.subcatchments.map((s) => s.outlet)).toEqual(['J1', 'J1']);
    expect(m.network.nodes.find((n) => n.id === 'ST')!.shaftAreaM2).toBe(250);
    expect(m.network.links.find((l) => l.id === 'P1')).toMatchObject({ kind: 'pump', pumpCapacityM3s: 0.5 });
  });
});
