import type { Case, Domain, Level, Plan, WarningMessage } from '../domain/index.js';
import { LEVEL_INFO } from '../domain/index.js';

/**
 * CAP 1.2 (OASIS Common Alerting Protocol) for a case's warning: one `info` in zh-CN and one in en.
 * Validated against the OASIS schema in test/fixtures/cap/CAP-v1.2.xsd.
 */
export interface CapOptions {
  /** The sender, e.g. `lifeline@hefei.example` (CAP: unique, no spaces, commas or '<' '&'). */
  readonly sender: string;
  readonly senderName?: string;
  /** A link to the case for people (`web`). */
  readonly web?: string;
  readonly status?: 'Actual' | 'Exercise' | 'System' | 'Test' | 'Draft';
}

const SEVERITY: Record<Level, string> = { 1: 'Extreme', 2: 'Severe', 3: 'Moderate', 4: 'Minor' };
const URGENCY: Record<Level, string> = { 1: 'Immediate', 2: 'Immediate', 3: 'Expected', 4: 'Future' };
/** A confirmed case was assessed by a duty officer on evidence: observed for red/orange, likely for the rest. */
const CERTAINTY: Record<Level, string> = { 1: 'Observed', 2: 'Observed', 3: 'Likely', 4: 'Likely' };
/** Circle radius (km) when the case has no impact polygon. */
const RADIUS_KM: Record<Level, number> = { 1: 1, 2: 0.5, 3: 0.3, 4: 0.2 };

const EVENTS: Record<Domain, { zh: string; en: string; category: string[] }> = {
  gas: { zh: '燃气泄漏', en: 'Gas leak', category: ['Safety', 'Infra'] },
  water: { zh: '供水管网异常', en: 'Water main failure', category: ['Infra'] },
  drainage: { zh: '城市内涝', en: 'Urban waterlogging', category: ['Met', 'Infra'] },
  heating: { zh: '供热管网异常', en: 'Heating network failure', category: ['Infra'] },
  power: { zh: '电力设施异常', en: 'Power failure', category: ['Infra'] },
  bridge: { zh: '桥梁结构异常', en: 'Bridge structural anomaly', category: ['Infra', 'Transport'] },
  tunnel: { zh: '综合管廊异常', en: 'Utility tunnel anomaly', category: ['Infra', 'Safety'] },
  hydrant: { zh: '消防栓异常', en: 'Fire hydrant failure', category: ['Fire', 'Infra'] },
  building: { zh: '房屋安全隐患', en: 'Building safety hazard', category: ['Safety'] },
  environment: { zh: '环境监测异常', en: 'Environmental anomaly', category: ['Env'] },
};

export function capTime(ts: number): string {
  return `${new Date(Math.floor(ts / 1000) * 1000).toISOString().slice(0, 19)}+00:00`;
}

export function capIdentifier(sender: string, caseId: string, n: number): string {
  return `${sender}.${caseId}.${n}`;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const el = (name: string, text: string, indent: string) => `${indent}<${name}>${esc(text)}</${name}>`;

/** A polygon from the impact (GeoJSON Polygon in `impact.area`) in CAP form "lat,lon lat,lon …", if any. */
function impactPolygon(impact: unknown): string | undefined {
  const area = (impact as { area?: { type?: string; coordinates?: number[][][] } } | undefined)?.area;
  const ring = area?.type === 'Polygon' ? area.coordinates?.[0] : undefined;
  if (!ring || ring.length < 4) return undefined;
  return ring.map(([lon, lat]) => `${lat},${lon}`).join(' ');
}

/** The CAP alert for message `message` of the case's warning. */
export function capAlert(c: Case, message: WarningMessage, plan: Plan | undefined, o: CapOptions): string {
  const level = message.level;
  const info = LEVEL_INFO[level];
  const event = EVENTS[c.domain];
  const earlier = c.warnings.filter((w) => w.n < message.n);
  const references = earlier.map((w) => `${o.sender},${capIdentifier(o.sender, c.id, w.n)},${capTime(w.sent)}`).join(' ');
  const polygon = impactPolygon(c.impact);
  const [lon, lat] = c.location ?? [0, 0];
  const cancel = message.msgType === 'Cancel';
  const steps = plan?.steps ?? c.plan?.steps ?? [];
  const blocks = (['zh-CN', 'en'] as const).map((lang) => {
    const zh = lang === 'zh-CN';
    const headline = cancel
      ? (zh ? `解除${event.zh}${info.zh}预警：${c.title}` : `${event.en} ${info.en.toLowerCase()} warning cancelled: ${c.title}`)
      : (zh ? `${event.zh}${info.zh}预警（${info.roman}级 ${info.zhSeverity}）：${c.title}` : `${info.en} (level ${info.roman}) ${event.en.toLowerCase()} warning: ${c.title}`);
    const description = zh
      ? `设施 ${c.asset} 等 ${c.assets.length} 处设施监测到异常，共 ${c.alarms.length} 条报警。${c.alarms.slice(-3).map((a) => a.message).join('；')}`
      : `Monitoring detected an anomaly on asset ${c.asset} (${c.assets.length} asset(s), ${c.alarms.length} alarm(s)). ${c.alarms.slice(-3).map((a) => a.message).join('; ')}`;
    const instruction = cancel
      ? (zh ? '预警解除，恢复正常。' : 'The warning is over.')
      : steps.length ? steps.map((s, i) => `${i + 1}. ${zh ? s.zh : s.en}`).join(zh ? '；' : '; ') : (zh ? '请远离相关区域，听从现场指挥。' : 'Keep away from the area and follow instructions on site.');
    const area = polygon
      ? [el('areaDesc', zh ? `${c.title} 影响范围` : `Impact area of ${c.title}`, '      '), el('polygon', polygon, '      ')]
      : [el('areaDesc', zh ? `${c.title} 周边 ${RADIUS_KM[level]} 公里` : `${RADIUS_KM[level]} km around ${c.title}`, '      '), el('circle', `${lat},${lon} ${RADIUS_KM[level]}`, '      ')];
    return [
      '  <info>',
      el('language', lang, '    '),
      ...event.category.map((cat) => el('category', cat, '    ')),
      el('event', zh ? event.zh : event.en, '    '),
      el('responseType', cancel ? 'AllClear' : level <= 2 ? 'Evacuate' : 'Monitor', '    '),
      el('urgency', cancel ? 'Past' : URGENCY[level], '    '),
      el('severity', SEVERITY[level], '    '),
      el('certainty', CERTAINTY[level], '    '),
      `    <eventCode><valueName>lifeline-level</valueName><value>${level}</value></eventCode>`,
      el('effective', capTime(message.sent), '    '),
      ...(o.senderName ? [el('senderName', o.senderName, '    ')] : []),
      el('headline', headline, '    '),
      el('description', description, '    '),
      el('instruction', instruction, '    '),
      ...(o.web ? [el('web', o.web, '    ')] : []),
      '    <parameter><valueName>colour</valueName><value>' + info.colour + '</value></parameter>',
      '    <area>',
      ...area,
      '    </area>',
      '  </info>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">',
    el('identifier', capIdentifier(o.sender, c.id, message.n), '  '),
    el('sender', o.sender, '  '),
    el('sent', capTime(message.sent), '  '),
    el('status', o.status ?? 'Actual', '  '),
    el('msgType', message.msgType, '  '),
    el('scope', 'Public', '  '),
    ...(references ? [el('references', references, '  ')] : []),
    el('incidents', c.id, '  '),
    ...blocks,
    '</alert>',
    '',
  ].join('\n');
}

/** The warnings in force: cases whose last CAP message is not a Cancel. */
export function inForce(c: Case): WarningMessage | undefined {
  const last = c.warnings.at(-1);
  return last && last.msgType !== 'Cancel' ? last : undefined;
}
