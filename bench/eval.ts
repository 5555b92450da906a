/**
 * `npm run eval [-- DIR] [--per-series] [--out DIR] [--json FILE] [--only PREFIX]`: replays every
 * series of the synthetic fault suite (default ../shared/data/suite-dev) through `lifeline replay`,
 * exactly as the measuring harness does (a process per series, two at a time), then scores the
 * outputs with the suite's own score.mjs and prints its report.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_SUITE = resolve(ROOT, '../shared/data/suite-dev');
const PARALLEL = 2;

const TIMEOUT_MS = 300_000;

function runProcess(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    const timer = setTimeout(() => { stderr += `timed out after ${TIMEOUT_MS / 1000} s`; child.kill('SIGKILL'); }, TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (code) => { clearTimeout(timer); done({ code: code ?? 1, stdout, stderr }); });
  });
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { 'per-series': { type: 'boolean' }, out: { type: 'string' }, json: { type: 'string' }, only: { type: 'string' } },
  });
  const suite = resolve(positionals[0] ?? DEFAULT_SUITE);
  if (!existsSync(join(suite, 'score.mjs'))) { console.error(`eval: no score.mjs in ${suite}`); return 2; }
  const names = readdirSync(suite).filter((f) => f.endsWith('.json') && existsSync(join(suite, f.replace(/\.json$/, '.csv'))))
    .map((f) => f.replace(/\.json$/, '')).filter((n) => !values.only || n.startsWith(values.only)).sort();
  const out = values.out ? resolve(values.out) : mkdtempSync(join(tmpdir(), 'lifeline-eval-'));
  mkdirSync(out, { recursive: true });
  const env = { ...process.env, LIFELINE_FROM_SOURCE: '1' };
  const started = Date.now();
  let next = 0, failed = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const name = names[next++]!;
      const side = JSON.parse(readFileSync(join(suite, `${name}.json`), 'utf8')) as { quantity: string };
      const r = await runProcess(process.execPath, [join(ROOT, 'bin/lifeline.mjs'), 'replay', '--input', join(suite, `${name}.csv`), '--out', join(out, `${name}.csv`), '--quantity', side.quantity], env);
      if (r.code !== 0) { failed++; console.error(`eval: replay of ${name} failed (${r.code}): ${r.stderr.trim()}`); }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const replayS = (Date.now() - started) / 1000;
  const scoreArgs = [join(suite, 'score.mjs'), suite, out];
  if (values['per-series']) scoreArgs.push('--per-series');
  if (values.json) scoreArgs.push('--json', resolve(values.json));
  const scored = await runProcess(process.execPath, scoreArgs, process.env);
  process.stdout.write(scored.stdout);
  if (scored.stderr) process.stderr.write(scored.stderr);
  const last = scored.stdout.trim().split('\n').pop() ?? '';
  const figure = (k: string): string => /\s(\S+)=/.test(last) ? (new RegExp(`${k}=(\\S+)`).exec(last)?.[1] ?? '?') : '?';
  console.log(`\neval: ${names.length} series replayed in ${replayS.toFixed(1)} s (${failed} failed)`);
  console.log(`eval: event recall ${figure('recall')}, precision ${figure('precision')}, F1 ${figure('f1')}, false alarms per 1,000 sensor-hours ${figure('falseAlarmsPer1000h')}, median detection delay ${figure('medianDelayFrac')} of the event length, NAB-style ${figure('nab')}`);
  if (!values.out) rmSync(out, { recursive: true, force: true });
  return failed > 0 ? 1 : scored.code;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then((code) => { process.exitCode = code; }, (e: unknown) => { console.error(e); process.exitCode = 1; });
}
