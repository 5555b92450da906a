import type { DailyReport, DurationStats } from '../cases/report.js';
import { DOMAINS, LEVEL_INFO } from '../domain/index.js';
import type { Domain, Level } from '../domain/index.js';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const minutes = (s: number | null) => (s === null ? '—' : `${(s / 60).toFixed(1)} min`);

function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** The duty report as a printable page (A4, no scripts). */
export function reportHtml(r: DailyReport): string {
  const times = Object.entries(r.responseTimes) as [string, DurationStats][];
  const names: Record<string, string> = { assess: '研判 assess', dispatch: '派单 dispatch', accept: '接单 accept', resolve: '处置完成 resolve' };
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>值班日报 Duty report ${esc(r.date)}</title>
<style>
  @page { size: A4; margin: 18mm; }
  body { font: 12pt/1.5 system-ui, "Noto Sans CJK SC", sans-serif; color: #111; max-width: 190mm; margin: auto; }
  h1 { font-size: 18pt; margin-bottom: 0; } h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 1.4em; }
  table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; }
  th { background: #eee; } .meta { color: #555; }
</style></head><body>
<h1>值班日报 · Duty report</h1>
<p class="meta">${esc(r.date)} (UTC${esc(r.utcOffset)}) · ${esc(r.from)} – ${esc(r.to)} · generated ${esc(r.generatedAt)}</p>
<p>事件总数 Cases opened: <strong>${r.cases}</strong></p>
<h2>按领域 By domain</h2>
${table(['领域 domain', '数量 cases'], Object.entries(r.byDomain).map(([d, n]) => [`${DOMAINS[d as Domain]?.zh ?? d} ${d}`, String(n)]))}
<h2>按级别 By level</h2>
${table(['级别 level', '数量 cases'], Object.entries(r.byLevel).map(([l, n]) => [`${LEVEL_INFO[Number(l) as Level].zh} ${LEVEL_INFO[Number(l) as Level].en}`, String(n)]))}
<h2>按状态 By state</h2>
${table(['状态 state', '数量 cases'], Object.entries(r.byState).map(([s, n]) => [s, String(n)]))}
<h2>响应时间 Response times (from opening)</h2>
${table(['环节 step', '次数 count', '中位数 median', 'P90'], times.map(([k, s]) => [names[k] ?? k, String(s.count), minutes(s.median), minutes(s.p90)]))}
<h2>超时事件 Overdue cases</h2>
${r.overdue.length ? table(['事件 case', '标题 title', '级别 level', '状态 state', '超时环节 overdue'], r.overdue.map((o) => [o.id, o.title, String(o.level), o.state, o.milestones.join(', ')])) : '<p>无 None</p>'}
</body></html>
`;
}
