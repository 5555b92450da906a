import type { Case } from '../domain/index.js';
import { LEVEL_INFO, toIso } from '../domain/index.js';
import { capIdentifier, inForce } from './cap.js';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An Atom feed (RFC 4287) of the warnings in force, each entry linking its CAP message. */
export function warningsFeed(cases: readonly Case[], o: { readonly baseUrl: string; readonly sender: string; readonly now: number }): string {
  const entries = cases.flatMap((c) => {
    const w = inForce(c);
    if (!w) return [];
    const info = LEVEL_INFO[w.level];
    return [[
      '  <entry>',
      `    <id>urn:lifeline:cap:${esc(capIdentifier(o.sender, c.id, w.n))}</id>`,
      `    <title>${esc(`${info.zh}预警 ${info.en} warning: ${c.title}`)}</title>`,
      `    <updated>${toIso(w.sent)}</updated>`,
      `    <category term="${info.colour}" label="${info.zh}"/>`,
      `    <summary>${esc(`${c.domain} · level ${w.level} · ${c.state} · ${c.asset}`)}</summary>`,
      `    <link rel="alternate" type="application/cap+xml" href="${esc(`${o.baseUrl}/api/v1/cases/${encodeURIComponent(c.id)}/cap`)}"/>`,
      '  </entry>',
    ].join('\n')];
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>urn:lifeline:warnings:${esc(o.sender)}</id>`,
    '  <title>Lifeline warnings in force 生效中的预警</title>',
    `  <updated>${toIso(o.now)}</updated>`,
    `  <author><name>${esc(o.sender)}</name></author>`,
    `  <link rel="self" href="${esc(`${o.baseUrl}/api/v1/cap/feed`)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
