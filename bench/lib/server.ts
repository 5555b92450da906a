import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BENCH_TOKEN = 'bench-token';

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  readonly dir: string;
  readonly child: ChildProcess;
  /** Resident set size of the server process, in bytes (from /proc). */
  rss(): number;
  api(path: string, init?: RequestInit): Promise<Response>;
  /** SIGTERM and wait for exit; returns the exit code. */
  stop(): Promise<number | null>;
  destroy(): Promise<void>;
}

/** Start `lifeline serve` in a child process on a free port with its own SQLite file. */
export async function startServerProcess(args: string[] = [], dir = mkdtempSync(join(tmpdir(), 'lifeline-bench-'))): Promise<ServerProcess> {
  const root = new URL('../..', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/app/cli.ts'), 'serve', '--port', '0', '--mqtt', 'off',
    '--store', `sqlite:${join(dir, 'lifeline.db')}`, '--log-level', 'warn', ...args], {
    cwd: root, env: { ...process.env, LIFELINE_ADMIN_TOKEN: BENCH_TOKEN, LIFELINE_ADMIN_PASSWORD: 'bench-password' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Health\s+(http:\/\/[^\s]+)\/api\/v1\/health/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready:\n${out}`)));
  });
  child.stdout!.resume();
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    url, pid: child.pid!, dir, child,
    rss() {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : 0;
    },
    api(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${BENCH_TOKEN}`);
      return fetch(`${url}/api/v1${path}`, { ...init, headers });
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
    async destroy() {
      if (child.exitCode === null) { child.kill('SIGTERM'); await exited; }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Register `count` sensors (quantity generic-free: pressure) on a handful of assets, in chunks. */
export async function registerSensors(server: ServerProcess, count: number, prefix = 'S', chunk = 10_000): Promise<void> {
  const assets = Array.from({ length: 100 }, (_, i) => ({
    type: 'Feature', id: `BA-${i}`, geometry: { type: 'Point', coordinates: [117.2 + i * 0.0005, 31.8] }, properties: { kind: 'junction', domain: 'water' },
  }));
  const a = await server.api('/assets', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'FeatureCollection', features: assets }) });
  if (a.status !== 201) throw new Error(`assets: ${a.status} ${await a.text()}`);
  for (let i = 0; i < count; i += chunk) {
    const sensors = [];
    for (let j = i; j < Math.min(count, i + chunk); j++) sensors.push({ id: `${prefix}${j}`, asset: `BA-${j % 100}`, quantity: 'pressure', intervalS: 10 });
    const r = await server.api('/sensors', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sensors) });
    if (r.status !== 201) throw new Error(`sensors: ${r.status} ${await r.text()}`);
  }
}

export function writeResult(name: string, result: Record<string, unknown>): void {
  const dir = new URL('../results/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ ...result, at: new Date().toISOString() }, null, 2)}\n`);
}
