import type { FastifyInstance } from 'fastify';
import type { AlarmEvent } from '../../domain/index.js';
import { LifelineError, isDomain, isQuantity, toIso, validationError } from '../../domain/index.js';
import { createDetectionEngine } from '../../pipeline/detect/engine.js';
import { compileRule } from '../../pipeline/detect/rules/compile.js';
import { scopeMatches } from '../../pipeline/detect/rules/resolve.js';
import { TEMPLATES } from '../../pipeline/detect/rules/templates.js';
import { RULE_KINDS } from '../../pipeline/detect/rules/types.js';
import type { Rule, RuleKind } from '../../pipeline/detect/rules/types.js';
import { requireRole } from '../actor.js';
import type { ApiContext } from '../context.js';
import { requireScope } from '../guard.js';
import { timeParam } from '../query.js';

export const RULES_KEY = 'rules';
/** A backtest reads at most this many sensors' history, so one request stays bounded. */
const BACKTEST_MAX_SENSORS = 500;

/** A posted rule → a Rule, or a problem naming the field. Compiling it proves its params are usable. */
export function ruleFromInput(body: unknown, id: string | undefined): Rule {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw validationError('body', 'must be a rule object');
  const b = body as Record<string, unknown>;
  const ruleId = id ?? b.id;
  if (typeof ruleId !== 'string' || !/^[A-Za-z0-9._:-]{1,128}$/.test(ruleId)) throw validationError('id', 'must be 1–128 letters, digits, . _ : -');
  if (!RULE_KINDS.includes(b.kind as RuleKind)) throw validationError('kind', `must be one of ${RULE_KINDS.join(', ')}`);
  const scope = (b.scope ?? {}) as Record<string, unknown>;
  if (typeof scope !== 'object' || Array.isArray(scope)) throw validationError('scope', 'must be an object with sensor, asset, quantity or domain');
  if (scope.quantity !== undefined && !isQuantity(scope.quantity)) throw validationError('scope.quantity', 'is not a known quantity');
  if (scope.domain !== undefined && !isDomain(scope.domain)) throw validationError('scope.domain', 'is not a lifeline domain');
  for (const k of ['sensor', 'asset'] as const) if (scope[k] !== undefined && typeof scope[k] !== 'string') throw validationError(`scope.${k}`, 'must be a string');
  if (b.params !== undefined && (typeof b.params !== 'object' || b.params === null || Array.isArray(b.params))) throw validationError('params', 'must be an object');
  if (b.enabled !== undefined && typeof b.enabled !== 'boolean') throw validationError('enabled', 'must be true or false');
  const rule = { ...b, id: ruleId, scope } as unknown as Rule;
  try {
    compileRule(rule, { id: 'check', quantity: rule.scope.quantity ?? 'generic', ...(rule.scope.domain ? { domain: rule.scope.domain } : {}), intervalS: 60 });
  } catch (e) {
    throw validationError('params', (e as Error).message);
  }
  return rule;
}

/** Rules (报警规则): the default templates (read-only, `template: true`) and the configured rules, which the live engine uses at once. */
export function ruleRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const configured = async () => (await ctx.store.settings.get<Rule[]>(RULES_KEY)) ?? [];
  const save = async (next: Rule[], actor: string, action: string, id: string, from?: Rule, to?: Rule) => {
    ctx.engine.setRules(next);
    await ctx.audit.commit([{ op: 'setting.put', key: RULES_KEY, value: next }], [{
      at: ctx.clock.now(), actor, subject: { type: 'rule', id }, action, ...(from ? { from } : {}), ...(to ? { to } : {}),
    }]);
  };

  app.get('/rules', { schema: { summary: 'Rules: templates from standards (template: true) and configured ones', tags: ['rules'] } }, async (req) => {
    requireScope(req, 'read');
    const mine = await configured();
    return { items: [...TEMPLATES.map((r) => ({ ...r, template: true })), ...mine.map((r) => ({ ...r, template: false }))], next: null };
  });

  app.get('/rules/:id', { schema: { summary: 'One rule', tags: ['rules'] } }, async (req) => {
    requireScope(req, 'read');
    const { id } = req.params as { id: string };
    const rule = (await configured()).find((r) => r.id === id) ?? TEMPLATES.find((r) => r.id === id);
    if (!rule) throw new LifelineError('not_found', `no rule '${id}'`);
    return rule;
  });

  app.post('/rules', {
    schema: { summary: 'Add a rule (operator); a rule with a template\'s id overrides that template', tags: ['rules'], description: 'Body: `{id, kind, scope: {sensor?|asset?|quantity?|domain?}, params, enabled?, replaces?}` — see docs/rules.md.' },
  }, async (req, reply) => {
    const p = requireRole(req, 'operator');
    const rule = ruleFromInput(req.body, undefined);
    const rules = await configured();
    if (rules.some((r) => r.id === rule.id)) throw new LifelineError('conflict', `rule '${rule.id}' exists: PUT /rules/${rule.id} to change it`);
    await save([...rules, rule], p.username, 'create', rule.id, undefined, rule);
    return reply.code(201).send(rule);
  });

  app.put('/rules/:id', { schema: { summary: 'Replace a rule (operator)', tags: ['rules'] } }, async (req) => {
    const p = requireRole(req, 'operator');
    const { id } = req.params as { id: string };
    const rule = ruleFromInput(req.body, id);
    const rules = await configured();
    const before = rules.find((r) => r.id === id);
    await save([...rules.filter((r) => r.id !== id), rule], p.username, before ? 'update' : 'create', id, before, rule);
    return rule;
  });

  app.delete('/rules/:id', { schema: { summary: 'Remove a configured rule (operator); its alarms clear', tags: ['rules'] } }, async (req, reply) => {
    const p = requireRole(req, 'operator');
    const { id } = req.params as { id: string };
    const rules = await configured();
    const before = rules.find((r) => r.id === id);
    if (!before) throw new LifelineError('not_found', `no configured rule '${id}' (templates cannot be deleted; override one with enabled: false)`);
    await save(rules.filter((r) => r.id !== id), p.username, 'delete', id, before);
    return reply.code(204).send();
  });

  app.post('/rules/:id/backtest', {
    schema: { summary: 'Which alarms a rule would have raised on stored history', tags: ['rules'], description: 'Body: `{from, to}` (ISO 8601 or epoch ms). Runs the same detection code as the live server over the raw readings of the sensors in the rule\'s scope (at most 500).' },
  }, async (req) => {
    requireScope(req, 'read');
    const { id } = req.params as { id: string };
    const rule = (await configured()).find((r) => r.id === id) ?? TEMPLATES.find((r) => r.id === id);
    if (!rule) throw new LifelineError('not_found', `no rule '${id}'`);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const to = timeParam(body, 'to') ?? ctx.clock.now();
    const from = timeParam(body, 'from') ?? to - 7 * 86_400_000;
    if (from >= to) throw validationError('from', 'must be before `to`');
    const engine = createDetectionEngine({ templates: [], rules: [{ ...rule, enabled: true }] });
    const sensors = [...ctx.registry.entries()].filter((e) => scopeMatches(rule.scope, e.sensor)).slice(0, BACKTEST_MAX_SENSORS);
    const events: AlarmEvent[] = [];
    for (const e of sensors) {
      const rows = await ctx.store.readings.range(e.sensor.key, from, to);
      for (const r of rows) events.push(...engine.process(e.sensor, r.ts, r.value));
    }
    const alarms = new Map<string, AlarmEvent['alarm']>();
    for (const ev of events) alarms.set(ev.alarm.id, ev.alarm);
    return {
      rule: rule.id, from: toIso(from), to: toIso(to), sensors: sensors.length,
      alarms: [...alarms.values()].map((a) => ({
        id: a.id, sensor: a.sensor, level: a.level, class: a.class, message: a.message,
        raisedAt: toIso(a.raisedAt), clearedAt: a.clearedAt !== undefined ? toIso(a.clearedAt) : null,
      })),
    };
  });
}
