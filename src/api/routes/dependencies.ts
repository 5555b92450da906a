import type { FastifyInstance } from 'fastify';
import { DEPENDENCIES_SETTING, parseDependencyGraph } from '../../scenarios/index.js';
import { requireRole } from '../actor.js';
import type { ApiContext } from '../context.js';
import { requireScope } from '../guard.js';

/**
 * The dependency graph the cascade model runs on (a substation feeds a pumping station …):
 * derived from the assets until someone edits it; an edit is stored and audited.
 */
export function dependencyRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/dependencies', {
    schema: { summary: 'The dependency graph between lifelines and facilities: `{nodes, edges, source}` (source: derived | edited)', tags: ['scenarios'] },
  }, async (req) => {
    requireScope(req, 'read');
    const city = await ctx.models.get();
    return { nodes: city.graph.nodes, edges: city.graph.edges, source: city.graphEdited ? 'edited' : 'derived' };
  });

  app.put('/dependencies', {
    schema: {
      summary: 'Replace the dependency graph (operator)', tags: ['scenarios'],
      description: 'Body: `{nodes: [{id, kind: asset|zone|path, name?, asset?}], edges: [{from, to, kind, need?, delayMin, note?}]}`: an edge says `to` needs `from`. Every problem is named by its path (400).',
    },
  }, async (req) => {
    const p = requireRole(req, 'operator');
    const graph = parseDependencyGraph(req.body);
    const before = await ctx.models.get();
    await ctx.audit.commit([{ op: 'setting.put', key: DEPENDENCIES_SETTING, value: graph }], [{
      at: ctx.clock.now(), actor: p.username, subject: { type: 'setting', id: DEPENDENCIES_SETTING }, action: 'set',
      from: { nodes: before.graph.nodes.length, edges: before.graph.edges.length, source: before.graphEdited ? 'edited' : 'derived' },
      to: { nodes: graph.nodes.length, edges: graph.edges.length },
    }]);
    ctx.models.invalidate();
    return { nodes: graph.nodes, edges: graph.edges, source: 'edited' };
  });

  app.delete('/dependencies', { schema: { summary: 'Forget the edits: derive the graph from the assets again (operator)', tags: ['scenarios'] } }, async (req, reply) => {
    const p = requireRole(req, 'operator');
    await ctx.audit.commit([{ op: 'setting.put', key: DEPENDENCIES_SETTING, value: null }], [{
      at: ctx.clock.now(), actor: p.username, subject: { type: 'setting', id: DEPENDENCIES_SETTING }, action: 'reset',
    }]);
    ctx.models.invalidate();
    return reply.code(204).send();
  });
}
