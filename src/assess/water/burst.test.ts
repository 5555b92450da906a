import { describe, expect, it } from 'vitest';
import { isGeometry, type Asset } from '../../domain/index.js';
import type { AssessContext } from '../context.js';
import { assessWaterBurst, peakHour } from './burst.js';
import { parseInp } from './inp-parse.js';
import type { WaterNetwork } from './network.js';
import { orificeEmitterCoefficient, unitSystem } from './units.js';

/**
 * A small town drawn on real coordinates, SI units:
 *
 *        J5 (hospital)
 *        |P5 DN100
 *  R1─P0─J1─P1─J2─P2─J3 (school)
 *         \P3       /P4
 *          └──J4───┘
 *
 * Valves: V1 on P1 at J1, V2 on P1 at J2, V3 on P2 at J2, V5 on P5 at J2.
 */
const INP = `
[JUNCTIONS]
J1 10 2
J2 10 2
J3 10 2
J4 10 2
J5 12 1
[RESERVOIRS]
R1 50
[PIPES]
P0 R1 J1 100 300 130
P1 J1 J2 200 200 130
P2 J2 J3 200 200 130
P3 J1 J4 200 150 130
P4 J4 J3 200 150 130
P5 J2 J5 300 100 130
[OPTIONS]
UNITS LPS
HEADLOSS H-W
[COORDINATES]
R1 117.2490 31.8200
J1 117.2500 31.8200
J2 117.2521 31.8200
J3 117.2542 31.8200
J4 117.2521 31.8182
J5 117.2521 31.8227
[END]
`;

function town(): WaterNetwork {
  const net = parseInp(INP);
  return {
    ...net,
    isolationValves: [
      { id: 'V1', pipe: 'P1', node: 'J1' }, { id: 'V2', pipe: 'P1', node: 'J2' },
      { id: 'V3', pipe: 'P2', node: 'J2' }, { id: 'V5', pipe: 'P5', node: 'J2' },
    ],
  };
}

const facility = (id: string, type: string, lon: number, lat: number, population: number): Asset => ({
  id, kind: 'facility', domain: 'building', name: id, geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { facility: type, population },
});

const context: AssessContext = {
  assets: [facility('SCHOOL', 'school', 117.2543, 31.8201, 900), facility('HOSPITAL', 'hospital', 117.2522, 31.8228, 300)],
  populationGrid: {
    type: 'FeatureCollection',
    features: [{
      id: 'cell', properties: { population: 9000 },
      geometry: { type: 'Polygon', coordinates: [[[117.248, 31.817], [117.256, 31.817], [117.256, 31.824], [117.248, 31.824], [117.248, 31.817]]] },
    }],
  },
};

describe('water burst assessment', () => {
  it('a break on a dead-end main cuts off the hospital at its end, and says so first', async () => {
    const impact = await assessWaterBurst(town(), { pipe: 'P5' }, context);
    expect(impact.kind).toBe('water-burst');
    expect(impact.affected.assets).toContainEqual(expect.objectContaining({ id: 'J5', effect: 'cut_off' }));
    expect(impact.affected.facilities[0]).toMatchObject({ id: 'HOSPITAL', facility: 'hospital', priority: 1, effect: 'no_water' });
    // People are shared by demand: J5 has 1 of 9 L/s of the town's demand.
    expect(impact.affected.population).toBeGreaterThanOrEqual(1000);
    const codes = impact.actions.map((a) => a.code);
    expect(codes.indexOf('temporary_supply')).toBeLessThan(codes.indexOf('close_valve'));
    expect(impact.actions.find((a) => a.code === 'close_valve')?.targets).toEqual(['V5']);
    expect(impact.actions.map((a) => a.order)).toEqual(impact.actions.map((_, k) => k + 1));
    expect(impact.summary).toMatch(/P5/);
  });

  it('a failed valve widens the isolation, cuts off more and is reported', async () => {
    const impact = await assessWaterBurst(town(), { pipe: 'P5', failedValves: ['V5'] }, context);
    const closed = impact.actions.filter((a) => a.code === 'close_valve').flatMap((a) => a.targets);
    expect(closed.sort()).toEqual(['V2', 'V3']);
    expect(impact.actions).toContainEqual(expect.objectContaining({ code: 'report_failed_valve', targets: ['V5'] }));
    expect(impact.affected.assets.filter((a) => a.effect === 'cut_off').map((a) => a.id).sort()).toEqual(['J2', 'J5']);
    expect(impact.summary).toMatch(/more than with every valve working/);
  });

  it('a full break on the feeder drops pressure downstream while it runs, hospitals listed first', async () => {
    const impact = await assessWaterBurst(town(), { pipe: 'P1' }, context, { servicePressureM: 30 });
    const low = impact.affected.assets.filter((a) => a.effect === 'low_pressure');
    expect(low.length).toBeGreaterThan(0);
    for (const a of low) expect((a.detail as { pressureM: number }).pressureM).toBeLessThan(30);
    // The loop through J4 keeps everyone connected once P1 is shut: nobody is cut off.
    expect(impact.affected.assets.some((a) => a.effect === 'cut_off')).toBe(false);
    const types = impact.affected.facilities.map((f) => f.facility);
    expect(types).toEqual([...types].sort((a, b) => (a === 'hospital' ? -1 : b === 'hospital' ? 1 : 0)));
    const outflow = impact.affected.assets.find((a) => a.effect === 'burst')!.detail as { outflowLps: number };
    expect(outflow.outflowLps).toBeGreaterThan(20);
  });

  it('draws every layer as valid GeoJSON on the map', async () => {
    const impact = await assessWaterBurst(town(), { pipe: 'P5' }, context);
    for (const [name, fc] of Object.entries(impact.layers)) {
      expect(fc.type, name).toBe('FeatureCollection');
      for (const f of fc.features) expect(isGeometry(f.geometry), `${name} ${f.id}`).toBe(true);
    }
    expect(impact.layers.segment!.features.map((f) => f.id)).toEqual(['P5']);
    expect(impact.layers.burst!.features).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(impact))).toEqual(impact);
  });

  it('a smaller opening loses less water', async () => {
    const full = await assessWaterBurst(town(), { pipe: 'P1' }, context);
    const leak = await assessWaterBurst(town(), { pipe: 'P1', openingMm: 20 }, context);
    const q = (i: typeof full): number => (i.affected.assets.find((a) => a.effect === 'burst')!.detail as { outflowLps: number }).outflowLps;
    expect(q(leak)).toBeLessThan(q(full) / 10);
    // A 20 mm orifice at about 40 m of pressure: Cd·A·√(2gh) = 0.6 × 3.14e-4 m² × 28 m/s ≈ 5.3 L/s.
    expect(q(leak)).toBeGreaterThan(4);
    expect(q(leak)).toBeLessThan(6);
  });

  it('passes on EPANET\'s own error for a network it cannot solve, and keeps working after it', async () => {
    const sourceless = parseInp('[JUNCTIONS]\nJ1 0 1\nJ2 0 1\n[PIPES]\nP1 J1 J2 100 100 100\n[OPTIONS]\nUNITS LPS\n[END]\n');
    await expect(assessWaterBurst(sourceless, { pipe: 'P1' }, { assets: [] })).rejects.toThrow(/no tanks or reservoirs/);
    const impact = await assessWaterBurst(town(), { pipe: 'P5' }, context);
    expect(impact.affected.facilities[0]!.id).toBe('HOSPITAL');
  });

  it('refuses a pipe the network does not have', async () => {
    await expect(assessWaterBurst(town(), { pipe: 'P9' }, context)).rejects.toThrow(/no pipe 'P9'/);
  });
});

describe('orifice emitter coefficient', () => {
  it('is Cd·A·√(2g) in L/s per √m for SI networks', () => {
    // 0.6 × 0.01 m² × √(2 × 9.80665) = 0.026571 m³/s per √m = 26.571 L/s per √m.
    expect(orificeEmitterCoefficient(0.01, 0.6, unitSystem('LPS'))).toBeCloseTo(26.571, 2);
  });

  it('converts to gpm per √psi for US networks', () => {
    // 26.571 L/s per √m × √0.70307 m/psi = 22.280 L/s per √psi = 353.1 gpm per √psi.
    expect(orificeEmitterCoefficient(0.01, 0.6, unitSystem('GPM'))).toBeCloseTo(353.1, 0);
  });
});

describe('the hour of the burst', () => {
  it('defaults to the peak of the demand pattern', () => {
    const net = parseInp(`[JUNCTIONS]\nJ1 0 1\n[RESERVOIRS]\nR 10\n[PIPES]\nP R J1 10 100 100\n[PATTERNS]\n1 0.5 0.8 1.4 1.1\n[TIMES]\nPATTERN TIMESTEP 2:00\n[END]`);
    expect(peakHour(net)).toBe(4);
  });
});
