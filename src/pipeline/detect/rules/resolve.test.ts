import { describe, expect, it } from 'vitest';
import { effectiveRules, scopeMatches } from './resolve.js';
import { TEMPLATES } from './templates.js';
import type { Rule } from './types.js';
import { ruleProblem } from './validate.js';

const sensor = { id: 's1', asset: 'a1', quantity: 'pressure' as const, domain: 'water' as const };

describe('which rules watch a sensor', () => {
  it('matches every field of a scope given', () => {
    expect(scopeMatches({}, sensor)).toBe(true);
    expect(scopeMatches({ quantity: 'pressure', domain: 'water' }, sensor)).toBe(true);
    expect(scopeMatches({ quantity: 'pressure', domain: 'gas' }, sensor)).toBe(false);
    expect(scopeMatches({ asset: 'a2' }, sensor)).toBe(false);
  });

  it('lets a configured rule replace a template for one sensor, or switch one off', () => {
    const mine: Rule = { id: 'mine', kind: 'threshold', scope: { sensor: 's1' }, params: { direction: 'below', levels: [{ level: 3, value: 0.2 }] }, replaces: ['std.pressure.low'] };
    const off: Rule = { id: 'std.spike', kind: 'spike', scope: {}, enabled: false };
    const ids = effectiveRules(sensor, TEMPLATES, [mine, off]).map((r) => r.id);
    expect(ids).toContain('mine');
    expect(ids).not.toContain('std.pressure.low');
    expect(ids).not.toContain('std.spike');
    expect(effectiveRules({ ...sensor, id: 's2' }, TEMPLATES, [mine]).map((r) => r.id)).toContain('std.pressure.low');
  });

  it('every template compiles, and a bad rule is explained', () => {
    for (const t of TEMPLATES) expect(ruleProblem(t)).toBeUndefined();
    expect(ruleProblem({ id: 'x', kind: 'nope', scope: {} })).toMatch(/kind must be one of/);
    expect(ruleProblem({ id: 'x', kind: 'threshold', scope: { quantity: 'furlongs' } })).toMatch(/not a quantity/);
    expect(ruleProblem({ id: 'x', kind: 'threshold', scope: {}, params: { direction: 'above', levels: [] } })).toMatch(/levels/);
    expect(ruleProblem(JSON.parse(JSON.stringify(TEMPLATES[5])))).toBeUndefined(); // rules are plain JSON
  });
});
