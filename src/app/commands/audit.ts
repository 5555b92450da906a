import { parseArgs } from 'node:util';
import { AuditLog } from '../../cases/audit-log.js';
import type { VerifyResult } from '../../cases/audit-log.js';
import { ConfigError, loadConfig } from '../config.js';
import { nodeDigest } from '../notify/node-digest.js';
import { openStore } from '../profiles.js';

export const summary = 'verify the audit log hash chain (exit 0: intact, 1: broken)';

const HELP = `Usage: lifeline audit verify [--store sqlite:PATH | --url http://HOST:PORT --token T]

Walks the append-only audit log: each event's SHA-256, its link to the event before, no gaps, and
the recorded head (so deleting the newest events shows too). With --store it reads the database
directly (stop a server using the same SQLite file first); with --url it asks a running server
(GET /api/v1/audit/verify). Exit code 0 when the chain is intact, 1 when it is broken.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: { store: { type: 'string' }, url: { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals[0] !== 'verify') { process.stdout.write(`${HELP}\n`); return values.help ? 0 : 2; }
  let result: VerifyResult;
  if (values.url) {
    const token = values.token ?? process.env.LIFELINE_TOKEN ?? process.env.LIFELINE_ADMIN_TOKEN;
    if (!token) { process.stderr.write('lifeline audit: --url needs --token (or LIFELINE_TOKEN)\n'); return 2; }
    const res = await fetch(`${values.url.replace(/\/$/, '')}/api/v1/audit/verify`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) { process.stderr.write(`lifeline audit: the server answered ${res.status}: ${await res.text()}\n`); return 2; }
    result = (await res.json()) as VerifyResult;
  } else {
    let store;
    try {
      const { config } = loadConfig(values.store ? ['--store', values.store] : [], process.env);
      store = await openStore(config);
    } catch (e) {
      if (e instanceof ConfigError) { process.stderr.write(`lifeline audit: ${e.message}\n`); return 2; }
      throw e;
    }
    try {
      result = await new AuditLog(store, nodeDigest).verify();
    } finally {
      await store.close();
    }
  }
  if (result.ok) process.stdout.write(`audit log intact: ${result.events} events, head ${result.head.seq} ${result.head.hash.slice(0, 16)}…\n`);
  else process.stdout.write(`audit log BROKEN at event ${result.broken!.seq}: ${result.broken!.reason} (${result.events} events verified before it)\n`);
  return result.ok ? 0 : 1;
}
