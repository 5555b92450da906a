import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isQuantity } from '../../domain/index.js';
import { replayFile } from './replay.js';

/**
 * Regression floor on eight series of the synthetic fault suite (test/fixtures/suite): replay each
 * as `lifeline replay --quantity <its quantity>` would, score with the suite's own score.mjs.
 */
const SUITE = fileURLToPath(new URL('../../../test/fixtures/suite/', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'lifeline-suite-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Score {
  overall: { recall: number; precision: number; f1: number };
  byClass: { hazard: { recall: number; medianDelayFrac: number } };
  falseAlarmsPer1000h: number;
}

describe('suite regression (8 series)', () => {
  it('keeps F1 ≥ 0.9, ≤ 1 false alarm per 1,000 sensor-hours, hazards found within 20 % of their length', () => {
    const names = readdirSync(SUITE).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    expect(names.length).toBe(8);
    for (const name of names) {
      const { quantity } = JSON.parse(readFileSync(join(SUITE, `${name}.json`), 'utf8')) as { quantity: string };
      if (!isQuantity(quantity)) throw new Error(`${name}: unknown quantity ${quantity}`);
      replayFile({ input: join(SUITE, `${name}.csv`), out: join(out, `${name}.csv`), quantity, progress: false });
    }
    const json = join(out, 'score.json');
    const r = spawnSync(process.execPath, [join(SUITE, 'score.mjs'), SUITE, out, '--json', json], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const score = JSON.parse(readFileSync(json, 'utf8')) as Score;
    expect(score.overall.f1).toBeGreaterThanOrEqual(0.9);
    expect(score.falseAlarmsPer1000h).toBeLessThanOrEqual(1);
    expect(score.byClass.hazard.recall).toBe(1);
    expect(score.byClass.hazard.medianDelayFrac).toBeLessThan(0.2);
  });
});
