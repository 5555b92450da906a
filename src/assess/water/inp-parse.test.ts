import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeLonLat, parseInp } from './inp-parse.js';
import { toInp } from './inp-write.js';

const FIXTURES = new URL('../../../test/fixtures/assess/epanet/', import.meta.url);

describe('EPANET .inp import', () => {
  const net1 = parseInp(readFileSync(new URL('Net1.inp', FIXTURES), 'utf8'));

  it('reads every element of Net1 with its values and units', () => {
    expect(net1.junctions).toHaveLength(9);
    expect(net1.junctions.find((j) => j.id === '22')).toEqual({ id: '22', elevation: 695, demand: 200 });
    expect(net1.reservoirs).toEqual([{ id: '9', head: 800 }]);
    expect(net1.tanks).toEqual([{ id: '2', elevation: 850, initLevel: 120, minLevel: 100, maxLevel: 150, diameter: 50.5, minVolume: 0 }]);
    expect(net1.pipes.find((p) => p.id === '110')).toEqual({ id: '110', from: '2', to: '12', length: 200, diameter: 18, roughness: 100, minorLoss: 0, status: 'OPEN' });
    expect(net1.pumps).toEqual([{ id: '9', from: '9', to: '10', parameters: ['HEAD', '1'] }]);
    expect(net1.patterns['1']).toEqual([1, 1.2, 1.4, 1.6, 1.4, 1.2, 1, 0.8, 0.6, 0.4, 0.6, 0.8]);
    expect(net1.curves['1']).toEqual([[1500, 250]]);
    expect(net1.controls).toEqual([' LINK 9 OPEN IF NODE 2 BELOW 110', ' LINK 9 CLOSED IF NODE 2 ABOVE 140']);
    expect(net1.options).toMatchObject({ units: 'GPM', headloss: 'H-W', demandMultiplier: 1, emitterExponent: 0.5, pattern: '1' });
    expect(net1.times['PATTERN TIMESTEP']).toBe('2:00');
    expect(net1.coordinates['9']).toEqual([10, 70]);
    expect(net1.crs).toBe('local');
  });

  it('writes back text that parses to the same network', () => {
    expect(parseInp(toInp(net1))).toEqual({ ...net1, title: net1.title.map((t) => t) });
  });

  it('reads statuses, valves, demand categories, emitters and quoted ids', () => {
    const net = parseInp(`
[JUNCTIONS]
"J 1" 10 5
J2 12
[RESERVOIRS]
R 50 ; a comment
[PIPES]
P1 R "J 1" 100 200 120 0 Closed
P2 "J 1" J2 100 200 120 0 CV
[VALVES]
V1 J2 J3 150 PRV 30 0.5
[JUNCTIONS]
J3 5
[DEMANDS]
J2 3 ;houses
J2 4 PAT ;shops
[EMITTERS]
J2 0.8
[STATUS]
P2 Open
[OPTIONS]
Units LPS
Demand Multiplier 1.5
[END]`);
    expect(net.junctions.find((j) => j.id === 'J 1')!.demand).toBe(5);
    expect(net.junctions.find((j) => j.id === 'J2')!.demand).toBe(7);
    expect(net.demands.J2).toEqual([{ demand: 3, category: 'houses' }, { demand: 4, pattern: 'PAT', category: 'shops' }]);
    expect(net.pipes.map((p) => p.status)).toEqual(['CLOSED', 'CV']);
    expect(net.valves).toEqual([{ id: 'V1', from: 'J2', to: 'J3', diameter: 150, type: 'PRV', setting: '30', minorLoss: 0.5 }]);
    expect(net.emitters).toEqual({ J2: 0.8 });
    expect(net.status).toEqual({ P2: 'Open' });
    expect(net.options.demandMultiplier).toBe(1.5);
    expect(parseInp(toInp(net))).toEqual(net);
  });

  it('refuses a malformed line, naming it', () => {
    expect(() => parseInp('[PIPES]\nP1 A B 100 abc 120\n')).toThrow(/line 2: 'abc' is not a number/);
    expect(() => parseInp('[JUNCTIONS]\nJ1\n')).toThrow(/line 2: expected at least 2 values/);
    expect(() => parseInp('[OPTIONS]\nUNITS FURLONGS\n')).toThrow(/unknown EPANET flow units/);
  });

  it('takes coordinates as lon/lat only when they are and span a city, not a drawing', () => {
    expect(looksLikeLonLat([[117.22, 31.8], [117.26, 31.84]])).toBe(true);
    expect(looksLikeLonLat([[10, 70], [50, 10]])).toBe(false);
    expect(looksLikeLonLat([[500000, 3500000]])).toBe(false);
  });
});
