import { describe, expect, it } from 'vitest';
import { firstAlarm, run } from '../synthetic.js';
import type { Rule } from './types.js';

describe('rate-of-change rule', () => {
  const rule: Rule = { id: 'r', kind: 'rate', scope: {}, params: { direction: 'rise', per: 'hour', levels: [{ level: 3, value: 2 }, { level: 2, value: 5 }] } };

  it('measures the slope per hour over its window and grades it', () => {
    // 1-minute readings: flat for 3 h, then rising 3 units/h, then 6 units/h.
    const values = Array.from({ length: 600 }, (_, i) => (i < 180 ? 10 : i < 360 ? 10 + (i - 180) * 0.05 : 19 + (i - 360) * 0.1));
    const r = run(values, { rules: [rule] });
    const first = firstAlarm(r);
    expect(first).toBeGreaterThan(180);
    expect(first).toBeLessThan(260); // within about a window of the change
    expect(r.levels[350]).toBe(3);
    expect(r.levels[550]).toBe(2);
    expect(r.levels.slice(0, 180).every((l) => l === 0)).toBe(true);
  });

  it('ignores a rise when it watches falls', () => {
    const values = Array.from({ length: 400 }, (_, i) => 10 + i * 0.2);
    const r = run(values, { rules: [{ ...rule, params: { ...rule.params, direction: 'fall' } }] });
    expect(firstAlarm(r)).toBe(-1);
  });
});
