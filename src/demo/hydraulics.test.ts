import { describe, expect, it } from 'vitest';
import { solveHydraulics } from './hydraulics.js';

describe('solveHydraulics', () => {
  it('matches Hazen–Williams on a single pipe from a reservoir', () => {
    const q = 0.05; // m³/s
    const net = {
      nodes: [{ id: 'J', elevationM: 10, demandM3s: q }, { id: 'R', elevationM: 60, demandM3s: 0, fixedHeadM: 60 }],
      links: [{ id: 'P', kind: 'pipe' as const, from: 1, to: 0, lengthM: 1000, diameterM: 0.3, roughnessC: 120 }],
    };
    const s = solveHydraulics(net);
    const loss = (10.667 * 1000 * q ** 1.852) / (120 ** 1.852 * 0.3 ** 4.871);
    expect(s.converged).toBe(true);
    expect(s.flowM3s[0]).toBeCloseTo(q, 6);
    expect(s.pressureM[0]).toBeCloseTo(50 - loss, 3);
  });

  it('splits flow between parallel pipes by their resistance, and lowers pressure as demand rises', () => {
    const net = {
      nodes: [{ id: 'J', elevationM: 0, demandM3s: 0.1 }, { id: 'R', elevationM: 40, demandM3s: 0, fixedHeadM: 40 }],
      links: [
        { id: 'A', kind: 'pipe' as const, from: 1, to: 0, lengthM: 500, diameterM: 0.3, roughnessC: 130 },
        { id: 'B', kind: 'pipe' as const, from: 1, to: 0, lengthM: 500, diameterM: 0.2, roughnessC: 130 },
      ],
    };
    const low = solveHydraulics(net, 0.5);
    const high = solveHydraulics(net, 1.5);
    expect(low.flowM3s[0]! + low.flowM3s[1]!).toBeCloseTo(0.05, 6);
    expect(low.flowM3s[0]!).toBeGreaterThan(low.flowM3s[1]! * 2);
    expect(high.pressureM[0]!).toBeLessThan(low.pressureM[0]!);
  });
});
