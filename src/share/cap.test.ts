import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Case } from '../domain/index.js';
import { capAlert, capTime } from './cap.js';
import { warningsFeed } from './atom.js';

const T0 = Date.UTC(2026, 10, 25, 3, 4, 5, 678);
const SCHEMA = join(process.cwd(), 'test/fixtures/cap/CAP-v1.2.xsd');

function hasXmllint(): boolean {
  try { execFileSync('xmllint', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
}

/** Validate with xmllint against the OASIS schema (libxml2-utils); answers the errors, or '' when valid. */
function validate(xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cap-'));
  try {
    const file = join(dir, 'alert.xml');
    writeFileSync(file, xml);
    try { execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], { stdio: 'pipe' }); return ''; } catch (e) { return String((e as { stderr?: Buffer }).stderr ?? e); }
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

const aCase: Case = {
  id: 'C-20261125-030405-0001', class: 'hazard', state: 'dispatched', level: 1, domain: 'gas', title: '长江路燃气井甲烷 <超限> & 扩散', asset: 'G-MH-1', assets: ['G-MH-1', 'G-P-2'],
  location: [117.23, 31.82], alarms: [{ id: 'a', sensor: 's', asset: 'G-MH-1', level: 1, class: 'hazard', message: 'methane 60 %LEL', raisedAt: T0 }],
  openedAt: T0, updatedAt: T0, sla: { milestone: 'accept', due: T0, escalated: {} }, version: 5, timeline: [],
  warnings: [{ n: 1, msgType: 'Alert', sent: T0, level: 2 }, { n: 2, msgType: 'Update', sent: T0 + 60_000, level: 1 }, { n: 3, msgType: 'Cancel', sent: T0 + 120_000, level: 1 }],
  plan: { id: 'gas-leak-1', title: { zh: '燃气泄漏处置预案', en: 'Gas leak response plan' }, steps: [{ id: 'evacuate', zh: '疏散', en: 'Evacuate', mandatory: true, done: false }] },
};
const options = { sender: 'lifeline@hefei.example', senderName: '合肥市城市生命线安全运行监测中心', web: 'http://localhost/cases/C-1' };

describe('CAP 1.2', () => {
  it('formats times as the schema asks (no fraction, an explicit offset)', () => {
    expect(capTime(T0)).toBe('2026-11-25T03:04:05+00:00');
  });

  it('maps the level to severity, urgency and certainty, in zh-CN and en, with the plan as instruction', () => {
    const xml = capAlert(aCase, aCase.warnings[1]!, undefined, options);
    expect(xml).toContain('<msgType>Update</msgType>');
    expect(xml).toContain('<severity>Extreme</severity>');
    expect(xml).toContain('<urgency>Immediate</urgency>');
    expect(xml).toContain('<language>zh-CN</language>');
    expect(xml).toContain('<language>en</language>');
    expect(xml).toContain('1. 疏散');
    expect(xml).toContain('<circle>31.82,117.23 1</circle>');
    expect(xml).toContain(`<references>lifeline@hefei.example,lifeline@hefei.example.${aCase.id}.1,2026-11-25T03:04:05+00:00</references>`);
    expect(xml).toContain('&lt;超限&gt; &amp;');
  });

  it.skipIf(!hasXmllint())('validates against the OASIS CAP 1.2 schema: Alert, Update, Cancel, circle and polygon', () => {
    for (const w of aCase.warnings) expect(validate(capAlert(aCase, w, undefined, options))).toBe('');
    const polygon = { ...aCase, impact: { area: { type: 'Polygon', coordinates: [[[117.2, 31.8], [117.3, 31.8], [117.3, 31.9], [117.2, 31.8]]] } } };
    const xml = capAlert(polygon, polygon.warnings[0]!, undefined, { sender: 'x' });
    expect(xml).toContain('<polygon>31.8,117.2 31.8,117.3 31.9,117.3 31.8,117.2</polygon>');
    expect(validate(xml)).toBe('');
    // The check itself catches a broken alert.
    expect(validate(xml.replace('<msgType>Alert</msgType>', '<msgType>Shout</msgType>'))).toMatch(/msgType/);
  });

  it('lists only warnings in force in the Atom feed', () => {
    const inForce = { ...aCase, id: 'C-2', warnings: aCase.warnings.slice(0, 2) };
    const feed = warningsFeed([aCase, inForce], { baseUrl: 'http://h', sender: 's', now: T0 });
    expect(feed.match(/<entry>/g)).toHaveLength(1);
    expect(feed).toContain('href="http://h/api/v1/cases/C-2/cap"');
  });
});
