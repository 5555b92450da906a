import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/ports/index.js';
import { loadConfig } from '../../src/app/config.js';
import { startPlatform } from '../../src/app/start.js';
import type { Platform } from '../../src/app/start.js';
import pino from 'pino';

export const TEST_TOKEN = 'test-admin-token';
export const TEST_PASSWORD = 'test-password-1';

export interface TestPlatform {
  readonly platform: Platform;
  readonly url: string;
  readonly dir: string;
  readonly dbPath: string;
  /** fetch against the API with the admin token; `path` starts after /api/v1. */
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  restart(): Promise<TestPlatform>;
  stop(): Promise<void>;
  /** Stop and delete the data directory. */
  destroy(): Promise<void>;
}

/** A real platform (SQLite store in a temp dir, HTTP on a free port) for end-to-end tests. */
export async function startTestPlatform(options: { args?: string[]; clock?: Clock; dir?: string } = {}): Promise<TestPlatform> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'lifeline-test-'));
  const dbPath = join(dir, 'lifeline.db');
  const { config } = loadConfig(['--port', '0', '--store', `sqlite:${dbPath}`, '--mqtt', 'off', '--log-level', 'silent', ...(options.args ?? [])],
    { LIFELINE_ADMIN_TOKEN: TEST_TOKEN, LIFELINE_ADMIN_PASSWORD: TEST_PASSWORD });
  const platform = await startPlatform(config, { clock: options.clock, log: pino({ level: 'silent' }) });
  const url = platform.url;
  const t: TestPlatform = {
    platform, url, dir, dbPath,
    api(path, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('authorization')) headers.set('authorization', `Bearer ${TEST_TOKEN}`);
      let body = init.body;
      if (init.json !== undefined) { body = JSON.stringify(init.json); headers.set('content-type', 'application/json'); }
      return fetch(`${url}/api/v1${path}`, { ...init, headers, body });
    },
    async restart() {
      await platform.stop();
      return startTestPlatform({ ...options, dir });
    },
    stop: () => platform.stop(),
    async destroy() {
      await platform.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}

/** A small registry: one gas manhole with a methane sensor, one water junction with a pressure sensor (kPa device). */
export async function seedSmallCity(t: TestPlatform): Promise<void> {
  const features = [
    { type: 'Feature', id: 'G-MH-1', geometry: { type: 'Point', coordinates: [117.23, 31.82] }, properties: { kind: 'manhole', domain: 'gas', name: '燃气相邻井 1', department: 'gas-co' } },
    { type: 'Feature', id: 'W-J-1', geometry: { type: 'Point', coordinates: [117.25, 31.83] }, properties: { kind: 'junction', domain: 'water', elevation: 12 } },
    { type: 'Feature', id: 'W-P-1', geometry: { type: 'LineString', coordinates: [[117.25, 31.83], [117.26, 31.835]] }, properties: { kind: 'pipe', domain: 'water', diameterMm: 300, material: 'ductile_iron' } },
  ];
  const a = await t.api('/assets', { method: 'POST', json: { type: 'FeatureCollection', features } });
  if (a.status !== 201) throw new Error(`seeding assets: ${a.status} ${await a.text()}`);
  const s = await t.api('/sensors', { method: 'POST', json: [
    { id: 'CH4-1', asset: 'G-MH-1', quantity: 'methane', intervalS: 60 },
    { id: 'P-1', asset: 'W-J-1', quantity: 'pressure', unit: 'kPa', intervalS: 60 },
  ] });
  if (s.status !== 201) throw new Error(`seeding sensors: ${s.status} ${await s.text()}`);
}
