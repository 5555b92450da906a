/**
 * Case actions under contention: 1,000 actions fired at once over 50 cases on the real SQLite store
 * (writer thread, fsync per commit), through the same CaseService the API uses.
 *
 * Per case: 18 comments and 2 dispatches racing each other (one must win, the other get 409).
 * Checks: every acknowledged action is in its case's timeline and the audit log exactly once,
 * nothing refused except the losing dispatch, versions count every change, the audit chain verifies.
 * Prints the throughput and writes bench/results/case-actions.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openSqliteStore } from '../src/adapters/store-sqlite/index.js';
import { MemoryBus } from '../src/adapters/bus-memory/index.js';
import { systemClock } from '../src/adapters/clock-system/index.js';
import { nodeDigest } from '../src/app/notify/node-digest.js';
import { AuditLog } from '../src/cases/audit-log.js';
import { CaseService } from '../src/cases/service.js';
import type { ActionInput } from '../src/cases/transitions.js';
import type { Actor } from '../src/domain/index.js';
import { LifelineError } from '../src/domain/index.js';

const CASES = 50;
const COMMENTS = 18;
const operator: Actor = { id: 'u-op', username: 'op', role: 'operator' };

export async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lifeline-bench-cases-'));
  const store = await openSqliteStore({ path: join(dir, 'lifeline.db') });
  const bus = new MemoryBus(() => undefined);
  const audit = new AuditLog(store, nodeDigest);
  const cases = new CaseService({ store, bus, clock: systemClock, audit });
  try {
    await cases.start();
    await store.commit([{ op: 'department.put', department: { id: 'gas-co', name: 'gas', domains: ['gas'] } }]);
    const ids: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const change = await cases.open({ class: 'hazard', domain: 'gas', level: 2, title: `case ${i}`, asset: `G-${i}`, department: 'gas-co', alarm: { id: `a${i}`, sensor: `s${i}`, asset: `G-${i}`, level: 2, class: 'hazard', message: 'm', raisedAt: systemClock.now() } });
      ids.push(change.case!.id);
      await cases.act(change.case!.id, operator, { action: 'assess' });
      await cases.act(change.case!.id, operator, { action: 'confirm' });
    }
    const auditBefore = (await store.audit.last())?.seq ?? 0;

    const jobs: { id: string; input: ActionInput }[] = [];
    for (const id of ids) {
      for (let k = 0; k < COMMENTS; k++) jobs.push({ id, input: { action: 'comment', note: `note ${id} ${k}` } });
      jobs.push({ id, input: { action: 'dispatch', department: 'gas-co', note: `dispatch A ${id}` } });
      jobs.push({ id, input: { action: 'dispatch', department: 'gas-co', note: `dispatch B ${id}` } });
    }
    // Interleave so that actions on one case arrive far apart and close together.
    jobs.sort((a, b) => (a.input.note! < b.input.note! ? -1 : 1));

    const started = performance.now();
    const results = await Promise.allSettled(jobs.map((j) => cases.act(j.id, operator, j.input)));
    const seconds = (performance.now() - started) / 1000;

    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.flatMap((r, i) => (r.status === 'rejected' ? [{ job: jobs[i]!, error: r.reason as unknown }] : []));
    const unexpected = refused.filter((r) => !(r.error instanceof LifelineError && r.error.code === 'conflict' && r.job.input.action === 'dispatch'));
    let lost = 0;
    let twice = 0;
    for (const id of ids) {
      const c = await cases.get(id);
      const notes = c.timeline.map((t) => t.note);
      for (const [i, j] of jobs.entries()) {
        if (j.id !== id || results[i]!.status !== 'fulfilled') continue;
        const n = notes.filter((x) => x === j.input.note).length;
        if (n === 0) lost++;
        if (n > 1) twice++;
      }
      if (c.timeline.filter((t) => t.action === 'dispatch').length > 1) twice++;
    }
    const auditEvents = ((await store.audit.last())?.seq ?? 0) - auditBefore;
    const verified = await audit.verify();
    const figures = {
      date: new Date().toISOString(), actions: jobs.length, cases: CASES, acknowledged: ok, refusedDispatches: refused.length - unexpected.length,
      unexpectedErrors: unexpected.length, lost, appliedTwice: twice, auditEvents, auditIntact: verified.ok,
      seconds: Number(seconds.toFixed(3)), actionsPerSecond: Math.round(jobs.length / seconds),
    };
    process.stdout.write(`case actions: ${jobs.length} concurrent over ${CASES} cases in ${seconds.toFixed(2)} s = ${figures.actionsPerSecond} actions/s\n`);
    process.stdout.write(`  acknowledged ${ok}, refused dispatches ${figures.refusedDispatches} (one per case expected: ${CASES}), unexpected errors ${unexpected.length}\n`);
    process.stdout.write(`  lost ${lost}, applied twice ${twice}, audit events ${auditEvents} (= acknowledged: ${auditEvents === ok}), chain intact ${verified.ok}\n`);
    if (unexpected.length) process.stdout.write(`  first unexpected error: ${String(unexpected[0]!.error)}\n`);
    const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'case-actions.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
    if (lost || twice || unexpected.length || auditEvents !== ok || !verified.ok || figures.refusedDispatches !== CASES) process.exitCode = 1;
  } finally {
    cases.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
