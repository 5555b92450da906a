/**
 * `npm run bench`: run every benchmark in bench/ (each in its own process, one after another, so they
 * do not share the two cores), then print a summary. `npm run bench -- http-ingest` runs one.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const SKIP = new Set(['run.ts', 'eval.ts']);
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !SKIP.has(f) && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n── ${name} ──\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, `${name}.ts`)], { stdio: 'inherit', cwd: join(here, '..') });
  if (r.status !== 0) { failed++; process.stdout.write(`${name}: failed (exit ${r.status})\n`); }
}
process.stdout.write(`\n${benches.length - failed} of ${benches.length} benchmarks ran; figures are in bench/results/*.json\n`);
process.exitCode = failed ? 1 : 0;
