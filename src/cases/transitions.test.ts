import { describe, expect, it } from 'vitest';
import type { Actor, Case, CaseAction, CaseState } from '../domain/index.js';
import { CASE_ACTIONS, CASE_STATES, LifelineError, TRANSITIONS, allowedActions } from '../domain/index.js';
import { DEFAULT_SLA } from './sla.js';
import { applyAction } from './transitions.js';
import type { ActionInput } from './transitions.js';

const T0 = Date.UTC(2026, 0, 1);
const admin: Actor = { id: 'a', username: 'admin', role: 'admin' };
const operator: Actor = { id: 'o', username: 'op', role: 'operator' };
const handler: Actor = { id: 'h', username: 'gas1', role: 'handler', department: 'gas-co' };
const otherHandler: Actor = { id: 'h2', username: 'water1', role: 'handler', department: 'water-co' };
const viewer: Actor = { id: 'v', username: 'viewer', role: 'viewer' };

function aCase(state: CaseState, over: Partial<Case> = {}): Case {
  return {
    id: 'C-1', class: 'hazard', state, level: 2, domain: 'gas', title: 't', asset: 'G-1', assets: ['G-1'], alarms: [], department: 'gas-co',
    openedAt: T0, updatedAt: T0, sla: { milestone: 'assess', due: T0 + 1, escalated: {} }, warnings: [], timeline: [], version: 3, ...over,
  };
}

/** The input each action needs to pass its own checks. */
function inputFor(action: CaseAction): ActionInput {
  return { action, note: 'because', level: 1, department: 'gas-co', step: 'arrive' };
}

const ctx = { now: T0 + 60_000, sla: DEFAULT_SLA, departmentExists: (d: string) => d === 'gas-co' || d === 'water-co' };
const withPlan = (state: CaseState) => aCase(state, { plan: { id: 'p', title: { zh: '', en: '' }, steps: [{ id: 'arrive', zh: '', en: '', mandatory: false, done: false }] } });

describe('the case state machine', () => {
  for (const state of CASE_STATES) {
    for (const action of CASE_ACTIONS) {
      const to = TRANSITIONS[state][action];
      if (to) {
        it(`${state} --${action}--> ${to}`, () => {
          const next = applyAction(withPlan(state), admin, inputFor(action), ctx);
          expect(next.state).toBe(to);
          expect(next.version).toBe(4);
          expect(next.timeline.at(-1)).toMatchObject({ action, from: state, to, actor: 'admin' });
        });
      } else {
        it(`${state} refuses ${action} with 409 listing what is allowed`, () => {
          try {
            applyAction(withPlan(state), admin, inputFor(action), ctx);
            expect.unreachable();
          } catch (e) {
            expect(e).toBeInstanceOf(LifelineError);
            expect((e as LifelineError).code).toBe('conflict');
            expect((e as LifelineError).extra.allowed).toEqual(allowedActions(state));
          }
        });
      }
    }
  }

  it('confirm publishes a CAP Alert, a later escalation an Update, close a Cancel', () => {
    let c = applyAction(aCase('assessing'), operator, { action: 'confirm', level: 2 }, ctx);
    expect(c.warnings.map((w) => w.msgType)).toEqual(['Alert']);
    c = applyAction(c, operator, { action: 'dispatch' }, ctx);
    expect(c.plan?.steps.length).toBeGreaterThan(3);
    c = applyAction(c, handler, { action: 'accept' }, ctx);
    c = applyAction(c, operator, { action: 'resolve', override: true, note: 'crew confirmed by phone' }, ctx);
    c = applyAction(c, operator, { action: 'close' }, ctx);
    expect(c.warnings.map((w) => w.msgType)).toEqual(['Alert', 'Cancel']);
  });

  it('dismiss and report and comment need a note; dispatch needs a known department', () => {
    expect(() => applyAction(aCase('assessing'), operator, { action: 'dismiss' }, ctx)).toThrow(/note/);
    expect(() => applyAction(aCase('confirmed', { department: undefined }), operator, { action: 'dispatch' }, ctx)).toThrow(/department/);
    expect(() => applyAction(aCase('confirmed'), operator, { action: 'dispatch', department: 'nobody' }, ctx)).toThrow(/no department/);
  });

  it('refuses a stale client version with 409', () => {
    expect(() => applyAction(aCase('open'), operator, { action: 'assess', version: 2 }, ctx)).toThrow(/version 3/);
  });

  it('refuses resolve with mandatory steps open unless an operator overrides with a reason', () => {
    let c = applyAction(aCase('confirmed'), operator, { action: 'dispatch' }, ctx);
    c = applyAction(c, handler, { action: 'accept' }, ctx);
    expect(() => applyAction(c, handler, { action: 'resolve' }, ctx)).toThrow(/mandatory plan steps are open/);
    expect(() => applyAction(c, handler, { action: 'resolve', override: true, note: 'x' }, ctx)).toThrow(/only an operator/);
    expect(() => applyAction(c, operator, { action: 'resolve', override: true }, ctx)).toThrow(/reason/);
    for (const s of c.plan!.steps.filter((x) => x.mandatory)) c = applyAction(c, handler, { action: 'tick', step: s.id, note: `did ${s.id}` }, ctx);
    expect(c.plan!.steps.find((s) => s.mandatory)).toMatchObject({ done: true, by: 'gas1' });
    expect(applyAction(c, handler, { action: 'resolve' }, ctx).state).toBe('resolved');
  });
});

describe('role rules (403 for the wrong role)', () => {
  const forbidden = (c: Case, actor: Actor, input: ActionInput) => {
    try { applyAction(c, actor, input, ctx); expect.unreachable(); } catch (e) { expect((e as LifelineError).code).toBe('forbidden'); }
  };
  for (const action of ['assess', 'confirm', 'dismiss', 'dispatch', 'close', 'reopen'] as const) {
    it(`only an operator (or admin) may ${action}`, () => {
      const state = Object.entries(TRANSITIONS).find(([, t]) => t[action])![0] as CaseState;
      forbidden(aCase(state), handler, inputFor(action));
      forbidden(aCase(state), viewer, inputFor(action));
      expect(applyAction(withPlan(state), operator, inputFor(action), ctx).state).toBe(TRANSITIONS[state][action]);
    });
  }
  for (const action of ['accept', 'report', 'resolve', 'tick'] as const) {
    it(`only the assigned department's handler (or admin) may ${action}`, () => {
      const state = Object.entries(TRANSITIONS).find(([, t]) => t[action])![0] as CaseState;
      forbidden(withPlan(state), operator, inputFor(action));
      forbidden(withPlan(state), otherHandler, inputFor(action));
      forbidden(withPlan(state), viewer, inputFor(action));
      expect(applyAction(withPlan(state), handler, inputFor(action), ctx).state).toBe(TRANSITIONS[state][action]);
    });
  }
  it('a viewer cannot comment; another department cannot comment', () => {
    forbidden(aCase('open'), viewer, { action: 'comment', note: 'x' });
    forbidden(aCase('open'), otherHandler, { action: 'comment', note: 'x' });
    expect(applyAction(aCase('open'), handler, { action: 'comment', note: 'x' }, ctx).state).toBe('open');
  });
});
