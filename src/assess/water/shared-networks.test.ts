import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessWaterBurst } from './burst.js';
import { parseInp } from './inp-parse.js';

/**
 * Real networks from the shared data folder (Balerma, Hanoi, PA1, the LeakDB networks …): every
 * one parses, and a break on one of its larger pipes is assessed end to end. Skipped where the
 * folder is not present (a fresh clone has only the fixtures).
 */
const DIRS = ['water-networks', 'leakdb-networks'].map((d) => new URL(`../../../../shared/data/${d}/`, import.meta.url));
const files = DIRS.filter((d) => existsSync(d)).flatMap((d) => readdirSync(d).filter((f) => /\.inp$/i.test(f)).map((f) => new URL(f, d)));

describe.skipIf(files.length === 0)('shared water networks', () => {
  it.each(files.map((f) => [f.pathname.split('/').slice(-2).join('/'), f] as const))('%s: parses and assesses a burst', async (_, file) => {
    const net = parseInp(readFileSync(file, 'utf8'));
    expect(net.junctions.length).toBeGreaterThan(0);
    const pipe = [...net.pipes].sort((a, b) => b.diameter - a.diameter || (a.id < b.id ? -1 : 1))[Math.floor(net.pipes.length / 3)]!;
    const impact = await assessWaterBurst(net, { pipe: pipe.id }, { assets: [] });
    expect(impact.kind).toBe('water-burst');
    const burst = impact.affected.assets.find((a) => a.effect === 'burst')!;
    expect((burst.detail as { outflowLps: number }).outflowLps).toBeGreaterThan(0);
    expect(impact.actions.filter((a) => a.code === 'close_valve').length).toBeGreaterThanOrEqual(1);
    expect(Number.isFinite(impact.affected.population)).toBe(true);
  });
});
