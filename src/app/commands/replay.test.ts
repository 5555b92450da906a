import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDetectionEngine } from '../../pipeline/detect/engine.js';
import { writeScore } from '../../share/csv.js';
import { replayFile, run } from './replay.js';

const dir = mkdtempSync(join(tmpdir(), 'lifeline-replay-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T0 = Date.UTC(2024, 0, 1);
const iso = (i: number): string => new Date(T0 + i * 60_000).toISOString().replace('.000Z', 'Z');
const plain = (i: number): string => iso(i).replace('T', ' ').replace('Z', '');
/** Methane: quiet, then a leak at 30 %LEL from minute 300. */
const methane = (i: number): number => (i < 300 ? 0.5 + ((i * 7) % 10) / 10 : 30 + ((i * 3) % 5) / 10);

function replay(name: string, text: string, quantity: 'methane' | 'generic' = 'methane'): string[] {
  const input = join(dir, `${name}.csv`), out = join(dir, `${name}.out.csv`);
  writeFileSync(input, text);
  replayFile({ input, out, quantity, progress: false });
  return readFileSync(out, 'utf8').split('\n').filter((l) => l !== '');
}

describe('lifeline replay', () => {
  it('repeats every row of a one-sensor file and adds anomaly_score and level (ISO times)', () => {
    const rows = Array.from({ length: 400 }, (_, i) => `${iso(i)},${methane(i).toFixed(2)}`);
    const out = replay('single', `timestamp,value\n${rows.join('\n')}\n`);
    expect(out[0]).toBe('timestamp,value,anomaly_score,level');
    expect(out).toHaveLength(401);
    out.slice(1).forEach((line, i) => expect(line.startsWith(`${rows[i]},`)).toBe(true));
    const levels = out.slice(1).map((l) => l.split(',')[3]);
    const scores = out.slice(1).map((l) => Number(l.split(',')[2]));
    expect(levels.slice(0, 300).every((l) => l === '')).toBe(true);
    expect(levels[303]).toMatch(/^[1-4]$/); // the 20 %LEL threshold after its 2 minutes
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
  });

  it('gives the same answers as the engine fed directly (replay and live run one code)', () => {
    const rows = Array.from({ length: 400 }, (_, i) => `${iso(i)},${methane(i).toFixed(2)}`);
    const out = replay('same', `timestamp,value\n${rows.join('\n')}\n`).slice(1);
    const monitor = createDetectionEngine().monitor({ id: 'same', quantity: 'methane' });
    out.forEach((line, i) => {
      monitor.process(T0 + i * 60_000, Number(methane(i).toFixed(2)));
      const [, , score, level] = line.split(',');
      expect(level).toBe(monitor.level === 0 ? '' : String(monitor.level));
      expect(Number(score)).toBeCloseTo(monitor.score, 4);
    });
  });

  it('reads timestamp,sensor,value with plain UTC times, sensors interleaved and kept apart', () => {
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) {
      lines.push(`${plain(i)},quiet,${(0.5 + ((i * 7) % 10) / 10).toFixed(2)}`);
      lines.push(`${plain(i)},leaky,${methane(i).toFixed(2)}`);
    }
    const out = replay('multi', `timestamp,sensor,value\r\n${lines.join('\r\n')}\r\n`);
    expect(out).toHaveLength(801);
    expect(out[1]).toBe(`${lines[0]},0,`);
    const level = (sensor: string): string[] => out.slice(1).filter((l) => l.split(',')[1] === sensor).map((l) => l.split(',')[4]!);
    expect(level('quiet').filter((l) => l !== '')).toEqual([]);
    expect(level('leaky').filter((l) => l !== '').length).toBeGreaterThan(50);
  });

  it('reads rows that straddle its read chunks (CRLF, blank lines, quotes) as the engine sees them', () => {
    // ≈ 1 MB: several 256 KiB chunks, rows cut anywhere.
    const lines: string[] = [];
    const engine = createDetectionEngine();
    const expected: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      const sensor = `s${i % 7}`, value = (methane(i % 700) + (i % 7)).toFixed(2);
      const row = i % 997 === 0 ? `"${plain(i)}","${sensor}",${value}` : `${plain(i)},${sensor},${value}`;
      lines.push(row);
      if (i % 1999 === 0) lines.push('');
      const m = engine.monitor({ id: sensor, quantity: 'methane' });
      m.process(T0 + i * 60_000, Number(value));
      const score = new Uint8Array(8);
      expected.push(`${row},${new TextDecoder().decode(score.subarray(0, writeScore(score, 0, m.score)))},${m.level === 0 ? '' : m.level}`);
    }
    const out = replay('chunks', `timestamp,sensor,value\r\n${lines.join('\r\n')}`);
    expect(out.slice(1)).toEqual(expected);
  });

  it('copies bad rows with an empty score and level, and carries on', () => {
    const out = replay('bad', `timestamp,value\n${iso(0)},1\nnot a time,2\n${iso(2)},oops\n${iso(3)},\n"${iso(4)}","4"\n${iso(5)},5`, 'generic');
    expect(out.slice(1)).toEqual([`${iso(0)},1,0,`, 'not a time,2,,', `${iso(2)},oops,,`, `${iso(3)},,,`, `"${iso(4)}","4",0,`, `${iso(5)},5,0,`]);
  });

  it('the command checks its flags and the rules file', async () => {
    const input = join(dir, 'cmd.csv');
    writeFileSync(input, `timestamp,value\n${iso(0)},1\n`);
    expect(await run(['--input', input])).toBe(2);
    expect(await run(['--input', input, '--out', join(dir, 'o.csv'), '--quantity', 'furlongs'])).toBe(2);
    const rules = join(dir, 'rules.json');
    writeFileSync(rules, JSON.stringify([{ id: 'x', kind: 'threshold', scope: {}, params: { direction: 'up' } }]));
    expect(await run(['--input', input, '--out', join(dir, 'o.csv'), '--rules', rules])).toBe(2);
    writeFileSync(rules, JSON.stringify([{ id: 'x', kind: 'threshold', scope: {}, params: { direction: 'above', levels: [{ level: 2, value: 0.5 }] } }]));
    expect(await run(['--input', input, '--out', join(dir, 'o.csv'), '--rules', rules])).toBe(0);
    expect(readFileSync(join(dir, 'o.csv'), 'utf8')).toBe(`timestamp,value,anomaly_score,level\n${iso(0)},1,0,2\n`);
  });
});
