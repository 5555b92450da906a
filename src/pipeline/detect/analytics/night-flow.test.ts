import { describe, expect, it } from 'vitest';
import { alarmedCount, firstAlarm, hourOf, rng, run } from '../synthetic.js';

const STEP = 900_000; // 15 minutes
const PER_DAY = 96;

/** District meter inflow: night minimum ~100 m³/h at 03:00, day ~300; `heat` adds 12 % by day. */
function dma(days: number, seed: number, heat: (day: number) => boolean = () => false): number[] {
  const r = rng(seed);
  return Array.from({ length: days * PER_DAY }, (_, i) => {
    const h = hourOf(i, STEP), day = Math.floor(i / PER_DAY);
    const demand = 100 + 200 * Math.max(0, Math.sin(((h - 5) / 19) * Math.PI));
    const heatwave = heat(day) && h > 8 && h < 21 ? 1.12 : 1;
    return demand * heatwave * (1 + r.normal() * 0.02);
  });
}

describe('incipient leak from the minimum night flow', () => {
  it('is quiet through a heat wave (more demand by day, same nights)', () => {
    const r = run(dma(21, 1, (d) => d >= 10 && d < 14), { quantity: 'flow', templates: true, stepMs: STEP });
    expect(alarmedCount(r, 7 * PER_DAY)).toBe(0);
  });

  it('catches a leak of 20 m³/h (20 % of the night flow) within two nights', () => {
    const values = dma(21, 2);
    const start = 14 * PER_DAY + 40; // day 14, 10:00, growing in over 12 h
    for (let i = start; i < values.length; i++) values[i]! += Math.min(20, ((i - start) / 48) * 20);
    const r = run(values, { quantity: 'flow', templates: true, stepMs: STEP });
    expect(alarmedCount(r, 7 * PER_DAY, start)).toBe(0);
    const first = firstAlarm(r, start);
    expect(first).toBeGreaterThan(start);
    expect(first - start).toBeLessThan(2 * PER_DAY);
    expect(r.events.find((e) => e.type === 'raise')?.alarm.source).toBe('std.flow.night');
  });
});
