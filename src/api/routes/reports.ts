import type { FastifyInstance } from 'fastify';
import type { Case } from '../../domain/index.js';
import { validationError } from '../../domain/index.js';
import { dailyReport, dayWindow, parseUtcOffset } from '../../cases/report.js';
import { requireRole } from '../actor.js';
import type { ApiContext } from '../context.js';
import { stringParam } from '../query.js';
import { reportHtml } from '../report-html.js';

export function reportRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/reports/daily', {
    schema: {
      summary: 'The duty report (值班日报): cases by domain, level and state; response times (median, p90); overdue cases', tags: ['reports'],
      description: '`?date=YYYY-MM-DD` (default today), `?utcOffset=+08:00` (the duty day; default +08:00). JSON, or a printable HTML page with `Accept: text/html` or `?format=html`.',
      querystring: { type: 'object', properties: { date: { type: 'string' }, utcOffset: { type: 'string' }, format: { type: 'string', enum: ['json', 'html'] } } },
    },
  }, async (req, reply) => {
    requireRole(req, 'operator', 'viewer');
    const q = req.query as Record<string, unknown>;
    const offsetText = stringParam(q, 'utcOffset') ?? '+08:00';
    const offset = parseUtcOffset(offsetText.replace(' ', '+'));
    if (offset === undefined) throw validationError('utcOffset', 'must look like +08:00');
    const now = ctx.clock.now();
    const date = stringParam(q, 'date') ?? new Date(now + offset * 60_000).toISOString().slice(0, 10);
    const window = dayWindow(date, offset);
    if (!window) throw validationError('date', 'must be a date YYYY-MM-DD');
    const cases: Case[] = [];
    let cursor: string | null = null;
    do {
      const page = await ctx.store.cases.list({ openedFrom: window.from, openedTo: window.to, limit: 10_000, cursor });
      cases.push(...page.items);
      cursor = page.next;
    } while (cursor);
    const report = dailyReport(cases, date, offsetText.replace(' ', '+'), window, now);
    const html = q.format === 'html' || (q.format === undefined && /text\/html/.test(String(req.headers.accept ?? '')));
    return html ? reply.type('text/html; charset=utf-8').send(reportHtml(report)) : report;
  });
}
