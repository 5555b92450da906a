import { describe, expect, it } from 'vitest';
import { fullArea, fullFlowCapacity, fullFlowVelocity, fullWettedPerimeter } from './manning.js';

describe('Manning full-flow capacity', () => {
  it('of a DN1000 concrete pipe at 0.25 %, by hand', () => {
    // A = π/4 = 0.7854 m², R = D/4 = 0.25 m, R^(2/3) = 0.39685, √S = 0.05:
    // Q = 0.7854 × 0.39685 × 0.05 / 0.013 = 1.1988 m³/s (the demo lists 1204 L/s for this size and slope).
    const pipe = { kind: 'circular', diameterM: 1 } as const;
    expect(fullFlowCapacity(pipe, 0.013, 0.0025)).toBeCloseTo(1.1988, 4);
    expect(fullFlowVelocity(pipe, 0.013, 0.0025)).toBeCloseTo(1.5264, 3);
  });

  it('of a 2 m × 1 m box culvert', () => {
    // A = 2, P = 6, R = 1/3, R^(2/3) = 0.48075; n 0.015, S 0.001: Q = 2 × 0.48075 × 0.031623 / 0.015 = 2.0270 m³/s.
    expect(fullFlowCapacity({ kind: 'rect_closed', heightM: 1, widthM: 2 }, 0.015, 0.001)).toBeCloseTo(2.027, 3);
  });

  it('of a trapezoidal ditch', () => {
    const ditch = { kind: 'trapezoidal', heightM: 1, bottomM: 2, leftSlope: 1, rightSlope: 1 } as const;
    expect(fullArea(ditch)).toBe(3);
    expect(fullWettedPerimeter(ditch)).toBeCloseTo(2 + 2 * Math.SQRT2, 12);
  });
});
