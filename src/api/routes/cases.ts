import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Case, CaseState } from '../../domain/index.js';
import { ALARM_CLASSES, CASE_ACTIONS, CASE_STATES, LifelineError, isCaseAction, isLevel, validationError } from '../../domain/index.js';
import { canSee } from '../../cases/roles.js';
import type { ActionInput } from '../../cases/transitions.js';
import { actorOf } from '../actor.js';
import { caseView } from '../case-view.js';
import type { ApiContext } from '../context.js';
import { requireScope } from '../guard.js';
import { parseLimit } from '../pagination.js';
import { domainParam, stringParam } from '../query.js';

/** The case, if the caller may see it (a handler sees its department's cases only: 403 otherwise). */
export async function visibleCase(ctx: ApiContext, req: FastifyRequest, id: string): Promise<Case> {
  const p = requireScope(req, 'read');
  const c = await ctx.cases.get(id);
  if (!canSee(actorOf(p), c)) throw new LifelineError('forbidden', `case ${id} belongs to another department`);
  return c;
}

function parseAction(body: unknown): ActionInput {
  const b = (body ?? {}) as Record<string, unknown>;
  if (!isCaseAction(b.action)) throw validationError('action', `must be one of ${CASE_ACTIONS.join(', ')}`);
  if (b.note !== undefined && typeof b.note !== 'string') throw validationError('note', 'must be text');
  if (b.level !== undefined && !isLevel(b.level)) throw validationError('level', 'must be 1 (red), 2 (orange), 3 (yellow) or 4 (blue)');
  if (b.department !== undefined && typeof b.department !== 'string') throw validationError('department', 'must be a department id');
  if (b.step !== undefined && typeof b.step !== 'string') throw validationError('step', 'must be a plan step id');
  if (b.override !== undefined && typeof b.override !== 'boolean') throw validationError('override', 'must be true or false');
  if (b.version !== undefined && !Number.isInteger(b.version)) throw validationError('version', 'must be the case version you read');
  return b as unknown as ActionInput;
}

export function caseRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/cases', {
    schema: {
      summary: 'Cases (事件), newest first; a handler sees its department\'s', tags: ['cases'],
      querystring: { type: 'object', properties: {
        state: { type: 'string' }, level: { type: 'integer' }, domain: { type: 'string' }, department: { type: 'string' }, class: { type: 'string' },
        active: { type: 'boolean' }, overdue: { type: 'boolean' }, limit: { type: 'integer', default: 1000 }, cursor: { type: 'string' },
      } },
    },
  }, async (req) => {
    const p = requireScope(req, 'read');
    const q = req.query as Record<string, unknown>;
    const state = stringParam(q, 'state');
    if (state !== undefined && !(CASE_STATES as readonly string[]).includes(state)) throw validationError('state', `must be one of ${CASE_STATES.join(', ')}`);
    if (q.level !== undefined && !isLevel(q.level)) throw validationError('level', 'must be 1 to 4');
    const cls = stringParam(q, 'class');
    if (cls !== undefined && !(ALARM_CLASSES as readonly string[]).includes(cls)) throw validationError('class', 'must be hazard or device');
    const department = p.role === 'handler' ? p.department ?? '-' : stringParam(q, 'department');
    const page = await ctx.store.cases.list({
      limit: parseLimit(q.limit), cursor: stringParam(q, 'cursor') ?? null,
      ...(state ? { state: state as CaseState } : {}), ...(isLevel(q.level) ? { level: q.level } : {}),
      ...(domainParam(q) ? { domain: domainParam(q)! } : {}), ...(department ? { department } : {}),
      ...(cls ? { class: cls as Case['class'] } : {}), ...(typeof q.active === 'boolean' ? { active: q.active } : {}),
    });
    const now = ctx.clock.now();
    let items = page.items.map((c) => caseView(c, now, false));
    if (typeof q.overdue === 'boolean') items = items.filter((c) => c.overdue === q.overdue);
    return { items, next: page.next };
  });

  app.get('/cases/:id', { schema: { summary: 'A case with its alarms, plan, warnings, timeline and impact', tags: ['cases'] } }, async (req) => {
    const { id } = req.params as { id: string };
    return caseView(await visibleCase(ctx, req, id), ctx.clock.now());
  });

  app.post('/cases/:id/actions', {
    schema: {
      summary: 'Act on a case', tags: ['cases'],
      description: [
        'Body: `{action, note?, level?, department?, step?, override?, version?}`.',
        'assess, confirm {level}, dismiss {note}, dispatch {department}, close, reopen: operators. accept, report {note}, tick {step, note?}, resolve: the assigned department\'s handlers;',
        'an operator may resolve with `override: true` and a `note` when mandatory plan steps are open. comment {note}: operators and the assigned department. Admin may do all.',
        'Wrong role: 403. Not allowed from the current state: 409 with `allowed`. `version`: refuse (409) if the case changed since you read it.',
      ].join(' '),
    },
  }, async (req) => {
    const p = requireScope(req, 'read');
    const { id } = req.params as { id: string };
    const input = parseAction(req.body);
    const c = await ctx.cases.act(id, actorOf(p), input);
    return caseView(c, ctx.clock.now());
  });

  app.get('/cases/:id/audit', { schema: { summary: 'The audit events of a case', tags: ['cases'] } }, async (req) => {
    const { id } = req.params as { id: string };
    await visibleCase(ctx, req, id);
    return { items: await ctx.store.audit.of('case', id), next: null };
  });
}
