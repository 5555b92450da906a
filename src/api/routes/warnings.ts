import type { FastifyInstance } from 'fastify';
import { LifelineError } from '../../domain/index.js';
import { planFor } from '../../cases/plans.js';
import { capAlert, inForce } from '../../share/cap.js';
import { warningsFeed } from '../../share/atom.js';
import type { Case } from '../../domain/index.js';
import type { ApiContext } from '../context.js';
import { requireScope } from '../guard.js';
import { visibleCase } from './cases.js';

function baseUrl(req: { protocol: string; headers: Record<string, unknown> }): string {
  return `${req.protocol}://${String(req.headers.host ?? 'localhost')}`;
}

export function warningRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/cases/:id/cap', {
    schema: { summary: 'The case\'s warning as CAP 1.2 XML (the latest message, or `?n=`)', tags: ['warnings'], querystring: { type: 'object', properties: { n: { type: 'integer' } } } },
  }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const c = await visibleCase(ctx, req, id);
    const n = (req.query as { n?: number }).n;
    const message = n === undefined ? c.warnings.at(-1) : c.warnings.find((w) => w.n === n);
    if (!message) throw new LifelineError('not_found', c.warnings.length ? `case ${id} has no warning message ${n}` : `case ${id} has published no warning (a hazard case publishes one when confirmed)`);
    const plan = c.plan ? undefined : planFor(c.domain, message.level);
    const xml = capAlert(c, message, plan, { sender: ctx.capSender, senderName: 'Lifeline 城市生命线安全监测预警平台', web: `${baseUrl(req)}/#/cases/${encodeURIComponent(c.id)}` });
    return reply.type('application/cap+xml; charset=utf-8').send(xml);
  });

  app.get('/cap/feed', { schema: { summary: 'Atom feed of the warnings in force, each entry linking its CAP', tags: ['warnings'] } }, async (req, reply) => {
    requireScope(req, 'read');
    const cases: Case[] = [];
    let cursor: string | null = null;
    do {
      const page = await ctx.store.cases.list({ active: true, class: 'hazard', limit: 1000, cursor });
      cases.push(...page.items.filter((c) => inForce(c)));
      cursor = page.next;
    } while (cursor);
    return reply.type('application/atom+xml; charset=utf-8').send(warningsFeed(cases, { baseUrl: baseUrl(req), sender: ctx.capSender, now: ctx.clock.now() }));
  });
}
