import { describe, expect, it } from 'vitest';
import { fullFlowCapacity } from './manning.js';
import type { DrainageLink, DrainageNetwork, DrainageNode } from './network.js';
import { pondDepthM, route } from './routing.js';

const manhole = (id: string, invertM: number, groundM: number, extra: Partial<DrainageNode> = {}): DrainageNode =>
  ({ id, kind: 'junction', invertM, groundM, shaftAreaM2: 1, pondAreaM2: 100, ...extra });
const outfall = (id: string, invertM: number): DrainageNode => ({ id, kind: 'outfall', invertM, groundM: invertM + 2, shaftAreaM2: 1, pondAreaM2: 0 });
const pipe = (id: string, from: string, to: string, diameterM: number, lengthM: number, slope: number): DrainageLink =>
  ({ id, kind: 'conduit', from, to, lengthM, manningN: 0.013, slope, shape: { kind: 'circular', diameterM } });
const constant = (q: number, steps: number, until = steps): Float64Array => Float64Array.from({ length: steps }, (_, k) => (k < until ? q : 0));

describe('routing through the network', () => {
  // J1 (invert 10, rim 12) ── C1 DN500, 100 m, 1 % ── O1 (invert 9)
  const single: DrainageNetwork = { nodes: [manhole('J1', 10, 12), outfall('O1', 9)], links: [pipe('C1', 'J1', 'O1', 0.5, 100, 0.01)], subcatchments: [], crs: 'local' };
  const qFull = fullFlowCapacity({ kind: 'circular', diameterM: 0.5 }, 0.013, 0.01); // 0.3776 m³/s by hand

  it('passes a flow under capacity through unchanged, one travel time later', () => {
    expect(qFull).toBeCloseTo(0.3776, 4);
    const r = route({ network: single, inflow: new Map([['J1', constant(0.2, 20, 10)]]), stepS: 60, steps: 20 });
    // v = Q/A = 1.92 m/s: 100 m takes 52 s, one 60 s step.
    expect(r.links.get('C1')!.travelSteps).toBe(1);
    expect(r.series.outfallM3s[0]).toBe(0);
    expect(r.series.outfallM3s[1]).toBeCloseTo(0.2, 12);
    expect(r.series.outfallM3s[10]).toBeCloseTo(0.2, 12);
    expect(r.series.outfallM3s[11]).toBe(0);
    expect(r.balance.outfallM3).toBeCloseTo(120, 9);
    expect(r.nodes.get('J1')!.surchargeSteps).toBe(0);
  });

  it('floods at the rest of the inflow once the pipe runs full under the rim\'s head', () => {
    // At the rim the pipe is pressurised: Sf = (12 − 9.5)/100 = 0.025, so it carries
    // 0.3776 × √(0.025/0.01) = 0.597 m³/s and 1.0 − 0.597 = 0.403 m³/s goes onto the street.
    const r = route({ network: single, inflow: new Map([['J1', constant(1, 120)]]), stepS: 60, steps: 120 });
    const j1 = r.nodes.get('J1')!;
    expect(j1.surchargeStep).toBeLessThanOrEqual(j1.floodStep!);
    expect(r.links.get('C1')!.peakRatio).toBeGreaterThan(1.5);
    // Steady state: the standing water grows by 0.403 m³/s.
    const growth = (r.series.pondedM3[119]! - r.series.pondedM3[99]!) / (20 * 60);
    expect(growth).toBeCloseTo(1 - qFull * Math.sqrt(2.5), 2);
    expect(Math.abs(r.balance.errorM3)).toBeLessThan(1e-6);
  });

  it('backs water up: a bottleneck downstream surcharges the manhole above it first', () => {
    //   J1 ── C1 DN1000 ── J2 ── C2 DN300 ── O
    const net: DrainageNetwork = {
      nodes: [manhole('J1', 10, 13), manhole('J2', 9.5, 12.5), outfall('O', 9)],
      links: [pipe('C1', 'J1', 'J2', 1, 100, 0.005), pipe('C2', 'J2', 'O', 0.3, 100, 0.005)],
      subcatchments: [], crs: 'local',
    };
    const r = route({ network: net, inflow: new Map([['J1', constant(0.3, 90)]]), stepS: 60, steps: 90 });
    const [j1, j2] = [r.nodes.get('J1')!, r.nodes.get('J2')!];
    expect(j2.surchargeStep).toBeDefined();
    expect(j1.surchargeStep).toBeDefined();
    expect(j2.surchargeStep!).toBeLessThan(j1.surchargeStep!);
    // C1 alone could carry 0.3 m³/s easily; backwater is what throttles it.
    expect(r.links.get('C1')!.capacityM3s).toBeGreaterThan(1);
    expect(Math.abs(r.balance.errorM3)).toBeLessThan(1e-6);
  });

  it('sends flood water overland to a lower sag, where it ponds', () => {
    const net: DrainageNetwork = {
      nodes: [...single.nodes, { id: 'SAG', kind: 'low_point', invertM: 10, groundM: 11, shaftAreaM2: 1, pondAreaM2: 500 }],
      links: single.links, subcatchments: [], crs: 'local',
    };
    const r = route({ network: net, inflow: new Map([['J1', constant(1, 60)]]), stepS: 60, steps: 60, overflowTo: new Map([['J1', 'SAG']]) });
    expect(r.nodes.get('J1')!.peakPondedM3).toBe(0);
    expect(r.nodes.get('SAG')!.peakPondDepthM).toBeGreaterThan(0.15);
    expect(r.nodes.get('SAG')!.waterloggedStep).toBeDefined();
    expect(Math.abs(r.balance.errorM3)).toBeLessThan(1e-6);
  });
});

describe('ponding depth', () => {
  it('is volume over area while shallow, then grows more slowly as the pond widens', () => {
    const node = { pondAreaM2: 1000, pondSlope: 0.01 };
    expect(pondDepthM(node, 10)).toBeGreaterThan(0.009);
    expect(pondDepthM(node, 10)).toBeLessThan(0.01);
    // A cone of slope s holding V: h = (3 V s² / π)^(1/3) when the floor is small.
    expect(pondDepthM({ pondAreaM2: 0, pondSlope: 0.01 }, 10_000)).toBeCloseTo(Math.cbrt((3 * 10_000 * 1e-4) / Math.PI), 9);
    expect(pondDepthM(node, 0)).toBe(0);
  });
});
