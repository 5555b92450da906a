import type { FastifyInstance } from 'fastify';
import { toIso } from '../../domain/index.js';
import type { StoredScenario } from '../../ports/index.js';
import { SCENARIO_KINDS, compareScenarios } from '../../scenarios/index.js';
import { validationError } from '../../domain/index.js';
import type { ApiContext } from '../context.js';
import { requireScope } from '../guard.js';
import { parseLimit } from '../pagination.js';
import { stringParam } from '../query.js';

/** A scenario on the wire: the contract's `{id, kind, summary, affected, actions, layers}` plus what was asked. */
export function scenarioView(s: StoredScenario, full = true) {
  const impact = s.impact as { summary: string; affected: { assets: unknown[]; population: number; facilities: unknown[] }; actions: unknown[]; layers: unknown };
  return {
    id: s.id, kind: s.kind, name: s.name ?? null, params: s.params, at: toIso(s.at ?? s.createdAt), createdAt: toIso(s.createdAt), createdBy: s.createdBy, summary: impact.summary,
    ...(full
      ? { affected: impact.affected, actions: impact.actions, layers: impact.layers }
      : { affected: { assets: impact.affected.assets.length, population: impact.affected.population, facilities: impact.affected.facilities.length } }),
  };
}

const KINDS = SCENARIO_KINDS.join(', ');

/** Scenarios (情景构建与快速评估): run one on the city's models, read it back, list the saved runs. */
export function scenarioRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/scenarios', {
    schema: {
      summary: 'Run a scenario and save it', tags: ['scenarios'],
      description: [
        `Body: \`{kind, params, name?, at?}\`; kinds ${KINDS}; \`at\` (ISO 8601 or epoch ms) is when it happens, for demand by hour of day (default now).`,
        'water-burst `{pipe, openingMm?, failedValves?}`; rainstorm `{returnPeriodYears, durationMin}`; gas-leak `{asset | point: [lon, lat], holeMm}`; outage `{asset, horizonH?}`.',
        '201 with `{id, kind, summary, affected: {assets, population, facilities}, actions, layers}` (layers are GeoJSON). A bad or unknown field: 400 naming it.',
      ].join(' '),
    },
  }, async (req, reply) => {
    const p = requireScope(req, 'read');
    const s = await ctx.scenarios.run(req.body, p.username);
    return reply.code(201).header('location', `/api/v1/scenarios/${s.id}`).send(scenarioView(s));
  });

  app.get('/scenarios', {
    schema: {
      summary: 'Saved scenarios, newest first (counts instead of lists; GET one for the whole result)', tags: ['scenarios'],
      querystring: { type: 'object', properties: { kind: { type: 'string', enum: [...SCENARIO_KINDS] }, limit: { type: 'integer', default: 1000 }, cursor: { type: 'string' } } },
    },
  }, async (req) => {
    requireScope(req, 'read');
    const q = req.query as Record<string, unknown>;
    const kind = stringParam(q, 'kind');
    const page = await ctx.scenarios.list({ limit: parseLimit(q.limit), cursor: stringParam(q, 'cursor') ?? null, ...(kind ? { kind } : {}) });
    return { items: page.items.map((s) => scenarioView(s, false)), next: page.next };
  });

  app.get('/scenarios/compare', {
    schema: {
      summary: 'Saved scenarios side by side: `?ids=S-…,S-…` (2 to 10)', tags: ['scenarios'],
      description: 'Each one\'s people, assets (by effect), facilities and actions, what is at risk only in it, and what all share.',
      querystring: { type: 'object', properties: { ids: { type: 'string' } }, required: ['ids'] },
    },
  }, async (req) => {
    requireScope(req, 'read');
    const ids = String((req.query as Record<string, unknown>).ids ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    if (ids.length < 2 || ids.length > 10) throw validationError('ids', 'name 2 to 10 saved scenarios, separated by commas');
    return compareScenarios(await Promise.all(ids.map((id) => ctx.scenarios.get(id))));
  });

  app.get('/scenarios/:id', { schema: { summary: 'A saved scenario with its whole result', tags: ['scenarios'] } }, async (req) => {
    requireScope(req, 'read');
    const { id } = req.params as { id: string };
    return scenarioView(await ctx.scenarios.get(id));
  });
}
