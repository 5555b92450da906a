import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { caseHarness, openGasCase, people, seedDepartments } from '../helpers/cases.js';

function lifeline(...args: string[]) {
  return spawnSync(process.execPath, ['bin/lifeline.mjs', ...args], { encoding: 'utf8', env: { ...process.env, LIFELINE_FROM_SOURCE: '1' }, timeout: 60_000 });
}

describe('lifeline audit verify', () => {
  it('answers 0 for an intact chain and 1 once an event is edited', async () => {
    const h = await caseHarness();
    try {
      await seedDepartments(h);
      const c = await openGasCase(h);
      await h.cases.act(c.id, people.operator, { action: 'assess' });
      await h.cases.act(c.id, people.operator, { action: 'dismiss', note: 'interference' });
      await h.store.close();
      const ok = lifeline('audit', 'verify', '--store', `sqlite:${h.path}`);
      expect(ok.stdout).toMatch(/intact: 3 events/);
      expect(ok.status).toBe(0);
      const db = new Database(h.path);
      db.prepare(`UPDATE audit SET doc = json_set(doc, '$.reason', 'nothing happened') WHERE seq = 3`).run();
      db.close();
      const broken = lifeline('audit', 'verify', '--store', `sqlite:${h.path}`);
      expect(broken.stdout).toMatch(/BROKEN at event 3/);
      expect(broken.status).toBe(1);
    } finally {
      await h.cleanup();
    }
  });
});
