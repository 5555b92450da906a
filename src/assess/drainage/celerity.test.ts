import { describe, expect, it } from 'vitest';
import { celerity } from './celerity.js';
import { fullFlowVelocity } from './manning.js';

describe('kinematic wave celerity in a circular pipe', () => {
  const pipe = { kind: 'circular', diameterM: 0.6 } as const;
  const vFull = fullFlowVelocity(pipe, 0.013, 0.003);

  it('is 4/3 of the full-bore velocity at half depth (by hand: dQ/dA = Q·(5/(3A) − (2/(3P))·dP/dA), A = πD²/8, P = πD/2, dP/dA = 2/D)', () => {
    // Half depth carries exactly half the full flow (same hydraulic radius, half the area).
    expect(celerity(pipe, 0.013, 0.003, 0.5) / vFull).toBeCloseTo(4 / 3, 4);
  });

  it('is slower for a trickle and falls back to the full-bore velocity near the crown', () => {
    expect(celerity(pipe, 0.013, 0.003, 0.05) / vFull).toBeLessThan(1.1);
    expect(celerity(pipe, 0.013, 0.003, 0.95)).toBe(vFull);
  });
});
