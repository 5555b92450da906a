import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/store-sqlite/index.js';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'lifeline-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function lifeline(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', join(root, 'src/app/cli.ts'), ...args], { cwd: root });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('lifeline import', () => {
  const db = join(dir, 'lifeline.db');

  it('loads assets and sensors from GeoJSON and reports the rejected ones with reasons', async () => {
    const geo = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'MH-1', geometry: { type: 'Point', coordinates: [117.23, 31.82] }, properties: { kind: 'manhole', domain: 'gas', sensors: [{ id: 'CH4-1', quantity: 'methane' }] } },
        { type: 'Feature', id: 'J-1', geometry: { type: 'Point', coordinates: [117.24, 31.82] }, properties: { kind: 'junction', domain: 'water' } },
        { type: 'Feature', id: 'BAD', geometry: { type: 'Point', coordinates: [117.24, 31.82] }, properties: { kind: 'junction', domain: 'moon' } },
      ],
      sensors: [{ id: 'P-1', asset: 'J-1', quantity: 'pressure', unit: 'bar' }, { id: 'P-2', asset: 'NOPE', quantity: 'pressure' }],
    };
    writeFileSync(join(dir, 'city.geojson'), JSON.stringify(geo));
    const r = await lifeline(['import', '--store', `sqlite:${db}`, join(dir, 'city.geojson')]);
    expect(r.stdout).toContain('Imported 2 assets, 2 sensors, 0 readings');
    expect(r.stdout).toContain('properties.domain');
    expect(r.stdout).toContain("no asset is registered with id 'NOPE'");
    expect(r.code).toBe(3);
  });

  it('loads readings from CSV and NDJSON, converting units and counting each kind of bad row', async () => {
    const t0 = Date.UTC(2026, 9, 1);
    const csv = ['timestamp,sensor,value',
      ...Array.from({ length: 100 }, (_, i) => `${new Date(t0 + i * 60_000).toISOString()},CH4-1,${(i % 7) / 2}`),
      `2026-10-01 02:00:00,P-1,3.5`, 'not-a-time,CH4-1,1', `${new Date(t0).toISOString()},GHOST,1`, `${new Date(t0).toISOString()},CH4-1,abc`].join('\n');
    writeFileSync(join(dir, 'r.csv'), `${csv}\n`);
    writeFileSync(join(dir, 'r.ndjson'), `{"sensor":"P-1","ts":${t0},"value":4}\n{"sensor":"P-1","ts":${t0 + 1},"value":1e9}\n{oops\n`);
    const r = await lifeline(['import', '--store', `sqlite:${db}`, join(dir, 'r.csv'), join(dir, 'r.ndjson')]);
    expect(r.stdout).toContain('102 readings');
    expect(r.stdout).toMatch(/Rejected 5/);
    for (const reason of ['ts: ts is not a valid time', 'sensor: no sensor is registered', 'value: value is not a number', "value: value is outside the quantity's physical range"]) {
      expect(r.stdout).toContain(reason);
    }
    const store = await openSqliteStore({ path: db });
    try {
      const p1 = (await store.sensors.get('P-1'))!;
      const rows = await store.readings.range(p1.key, t0, t0 + 3 * 3600_000);
      expect(rows.map((x) => x.value)).toEqual([0.4, 0.35]); // bar → MPa
      const ch4 = (await store.sensors.get('CH4-1'))!;
      expect(await store.readings.range(ch4.key, t0, t0 + 3 * 3600_000)).toHaveLength(100);
    } finally {
      await store.close();
    }
  });

  it('explains itself when run without files', async () => {
    const r = await lifeline(['import']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage: lifeline import');
  });
});
