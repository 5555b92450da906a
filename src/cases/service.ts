import type { Actor, AuditInput, Case, CaseAlarm, CaseChange, Department, Domain, Level } from '../domain/index.js';
import { LifelineError, SELF_CLEARABLE, SYSTEM_ACTOR, allAlarmsClear, isFinalState, worseLevel } from '../domain/index.js';
import type { Bus, CaseIntake, Clock, NewCaseInput, Store, StoreOp } from '../ports/index.js';
import { TOPICS } from '../ports/index.js';
import { ActiveCaseIndex } from './active-index.js';
import type { AuditLog } from './audit-log.js';
import { caseId } from './ids.js';
import { KeyedMutex } from './mutex.js';
import { deliveriesFor } from './notifications.js';
import { CaseTimers } from './timers.js';
import type { ActionInput } from './transitions.js';
import { appendTimeline, applyAction, warningChange } from './transitions.js';
import type { SlaPolicy } from './sla.js';
import { DEFAULT_SLA, slaFor } from './sla.js';

export interface CaseServiceOptions {
  readonly store: Store;
  readonly bus: Bus;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly sla?: SlaPolicy;
  /** A never-confirmed case whose alarms all cleared self-clears after this long (ms, default 15 min). */
  readonly selfClearMs?: number;
  readonly onError?: (e: unknown) => void;
}

const DONE = { assess: 'assessed', dispatch: 'dispatched', accept: 'accepted', resolve: 'resolved' } as const;

/** Alarms kept on one case beyond this many are summarised (the newest stay). */
const MAX_ALARMS = 200;
const RETRIES = 5;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The case workflow: people's actions and the platform's own changes (new alarms, escalation,
 * overdue, self-clear). Each change is read, checked, and committed with its audit event and its
 * webhook deliveries in one transaction at the version it was read at; a concurrent change makes
 * the commit fail, and the change is tried again on the new state (where, say, a second dispatch
 * gets 409). In one process, changes to one case also queue up, so they rarely need that retry.
 * Then it is published on the bus topic 'case'.
 */
export class CaseService implements CaseIntake {
  readonly sla: SlaPolicy;
  readonly selfClearMs: number;
  readonly timers: CaseTimers;
  private serial = Math.floor(Math.random() * 10_000);
  /** Changes to one case queue up in this process; the version check still guards against other processes. */
  private readonly locks = new KeyedMutex();
  private readonly active = new ActiveCaseIndex();

  constructor(private readonly o: CaseServiceOptions) {
    this.sla = o.sla ?? DEFAULT_SLA;
    this.selfClearMs = o.selfClearMs ?? 15 * 60_000;
    const onError = o.onError ?? ((e: unknown) => console.error('lifeline cases:', e));
    this.timers = new CaseTimers(o.clock, { overdue: (id) => this.overdue(id), selfClear: (id) => this.selfClear(id) }, this.selfClearMs, onError);
  }

  /** Restore timers of every active case (after a restart). */
  async start(): Promise<void> {
    await this.o.audit.load();
    let cursor: string | null = null;
    do {
      const page = await this.o.store.cases.list({ active: true, limit: 1000, cursor });
      for (const c of page.items) {
        this.timers.track(c);
        this.active.put(c);
      }
      cursor = page.next;
    } while (cursor);
  }

  stop(): void {
    this.timers.stop();
  }

  /** The domain's active cases as this service last committed them (no store read). */
  activeCases(domain: Domain): Case[] {
    return this.active.list(domain);
  }

  async get(id: string): Promise<Case> {
    const c = await this.o.store.cases.get(id);
    if (!c) throw new LifelineError('not_found', `no case '${id}'`);
    return c;
  }

  /** A person's action (POST /cases/:id/actions). */
  async act(id: string, actor: Actor, input: ActionInput): Promise<Case> {
    const change = await this.change(id, actor, input.action, async (c) => {
      const wanted = input.action === 'dispatch' ? (input.department ?? c.department) : undefined;
      const department = wanted ? await this.o.store.departments.get(wanted) : undefined;
      return applyAction(c, actor, input, { now: this.o.clock.now(), sla: this.sla, departmentExists: (d) => department?.id === d });
    });
    return change!.case!;
  }

  async open(input: NewCaseInput): Promise<CaseChange> {
    const now = this.o.clock.now();
    for (let attempt = 0; ; attempt++) {
      this.serial = (this.serial + 1) % 10_000;
      const base = {
        id: caseId(now, this.serial), class: input.class, state: 'open' as const, level: input.class === 'device' ? 4 as Level : input.level,
        domain: input.domain, title: input.title, asset: input.asset, assets: [input.asset], alarms: [input.alarm],
        ...(input.location ? { location: input.location } : {}), ...(input.department ? { department: input.department } : {}),
        openedAt: now, updatedAt: now, warnings: [], version: 1,
        timeline: [{ at: now, actor: SYSTEM_ACTOR.username, action: 'open' as const, from: 'open' as const, to: 'open' as const, note: input.alarm.message, data: { alarm: input.alarm.id } }],
      };
      const c: Case = { ...base, sla: slaFor(base, this.sla) };
      try {
        await this.commit(c, null, 'open', SYSTEM_ACTOR, input.alarm.message);
        return this.publish({ type: 'opened', action: 'open', case: c, alarm: input.alarm.id });
      } catch (e) {
        if (attempt < RETRIES && e instanceof LifelineError && e.code === 'conflict' && /already exists/.test(e.message)) continue;
        throw e;
      }
    }
  }

  /** A new alarm, or a new state of one (escalated, cleared), on a case. */
  async attach(id: string, alarm: CaseAlarm, assets: readonly string[]): Promise<CaseChange> {
    const change = await this.change(id, SYSTEM_ACTOR, 'attach', async (c) => {
      const now = this.o.clock.now();
      const known = c.alarms.some((a) => a.id === alarm.id);
      let alarms = known ? c.alarms.map((a) => (a.id === alarm.id ? alarm : a)) : [...c.alarms, alarm];
      if (alarms.length > MAX_ALARMS) alarms = alarms.slice(-MAX_ALARMS);
      const next: Mutable<Case> = { ...c, alarms, assets: [...new Set([...c.assets, ...assets])], updatedAt: now, version: c.version + 1 };
      // Self-clear counts from the moment the last alarm cleared.
      if (allAlarmsClear(next)) next.clearSince = Math.max(...alarms.map((a) => a.clearedAt ?? a.raisedAt));
      else delete next.clearSince;
      let action: 'attach' | 'escalate' | 'alarm_cleared' = alarm.clearedAt !== undefined ? 'alarm_cleared' : 'attach';
      // Only hazard evidence sets a hazard case's level; a sensor fault flags it without raising it.
      const level = c.class === 'hazard' && alarm.class === 'hazard' && alarm.clearedAt === undefined ? worseLevel(c.level, alarm.level) : c.level;
      if (level !== c.level && !isFinalState(c.state)) {
        action = 'escalate';
        next.level = level;
        next.warnings = warningChange(c, 'Update', now, level);
        next.sla = slaFor(next, this.sla);
      }
      next.timeline = appendTimeline(c, { at: now, actor: SYSTEM_ACTOR.username, action, from: c.state, to: c.state, note: alarm.message, data: { alarm: alarm.id, level: alarm.level, ...(action === 'escalate' ? { from: c.level, to: level } : {}) } });
      return next;
    });
    return change!;
  }

  async suppressed(alarm: CaseAlarm, reason: string): Promise<CaseChange> {
    await this.o.audit.commit([], [{ at: this.o.clock.now(), actor: SYSTEM_ACTOR.username, subject: { type: 'alarm', id: alarm.id }, action: 'suppress', to: { sensor: alarm.sensor, asset: alarm.asset, level: alarm.level }, reason }]);
    return this.publish({ type: 'suppressed', action: 'suppress', alarm: alarm.id });
  }

  /**
   * Attach an impact assessment (what the case puts at risk). `impact.area`, a GeoJSON Polygon, becomes
   * the area of the case's CAP warning.
   */
  async setImpact(id: string, impact: unknown, actor: Actor = SYSTEM_ACTOR): Promise<Case> {
    const change = await this.change(id, actor, 'impact', async (c) => {
      const now = this.o.clock.now();
      return { ...c, impact, updatedAt: now, version: c.version + 1,
        timeline: appendTimeline(c, { at: now, actor: actor.username, action: 'impact', from: c.state, to: c.state, note: 'impact assessed' }) };
    });
    return change!.case!;
  }

  /** The SLA timer fired: flag the case overdue, once per milestone. */
  async overdue(id: string): Promise<CaseChange | undefined> {
    return this.change(id, SYSTEM_ACTOR, 'overdue', async (c) => {
      const now = this.o.clock.now();
      const m = c.sla.milestone;
      if (!m || c.sla.due === null || c.sla.due > now || c.sla.escalated[m] !== undefined || isFinalState(c.state)) return undefined;
      return {
        ...c, updatedAt: now, version: c.version + 1, sla: { ...c.sla, escalated: { ...c.sla.escalated, [m]: now } },
        timeline: appendTimeline(c, { at: now, actor: SYSTEM_ACTOR.username, action: 'overdue', from: c.state, to: c.state, note: `not ${DONE[m]} within the SLA (due ${new Date(c.sla.due).toISOString()})`, data: { milestone: m, due: c.sla.due } }),
      };
    });
  }

  /** The self-clear timer fired: a never-confirmed case whose alarms stayed clear becomes self_cleared. */
  async selfClear(id: string): Promise<CaseChange | undefined> {
    return this.change(id, SYSTEM_ACTOR, 'self_clear', async (c) => {
      const now = this.o.clock.now();
      if (!SELF_CLEARABLE.includes(c.state) || c.clearSince === undefined || !allAlarmsClear(c) || c.clearSince + this.selfClearMs > now) return undefined;
      const next: Case = { ...c, state: 'self_cleared', closedAt: now, updatedAt: now, version: c.version + 1, sla: { milestone: null, due: null, escalated: c.sla.escalated },
        timeline: appendTimeline(c, { at: now, actor: SYSTEM_ACTOR.username, action: 'self_clear', from: c.state, to: 'self_cleared', note: `every alarm clear since ${new Date(c.clearSince).toISOString()}` }) };
      return next;
    });
  }

  /**
   * Read, compute, commit at the version read; on a concurrent change, again on the new state.
   * `compute` returning undefined means nothing to do.
   */
  private change(id: string, actor: Actor, action: string, compute: (c: Case) => Promise<Case | undefined>): Promise<CaseChange | undefined> {
    return this.locks.run(id, () => this.changeNow(id, actor, action, compute));
  }

  private async changeNow(id: string, actor: Actor, action: string, compute: (c: Case) => Promise<Case | undefined>): Promise<CaseChange | undefined> {
    for (let attempt = 0; ; attempt++) {
      const c = await this.get(id);
      const next = await compute(c);
      if (!next) return undefined;
      try {
        const last = next.timeline.at(-1);
        await this.commit(next, c.version, action, actor, last?.note, c);
      } catch (e) {
        if (attempt < RETRIES && e instanceof LifelineError && e.code === 'conflict' && /changed meanwhile/.test(e.message)) continue;
        throw e;
      }
      const event = action === 'attach' ? next.timeline.at(-1)!.action : action;
      return this.publish({ type: action === 'overdue' ? 'overdue' : 'updated', action: event as CaseChange['action'], case: next });
    }
  }

  private async commit(next: Case, expectVersion: number | null, action: string, actor: Actor, reason: string | undefined, before?: Case): Promise<void> {
    const now = this.o.clock.now();
    const event = action === 'attach' ? next.timeline.at(-1)!.action : action;
    const departments = await this.departmentsFor(next, event);
    const ops: StoreOp[] = [{ op: 'case.put', case: next, expectVersion }];
    for (const delivery of deliveriesFor(next, event, departments, now)) ops.push({ op: 'delivery.put', delivery });
    const audit: AuditInput = {
      at: now, actor: actor.username, subject: { type: 'case', id: next.id }, action: event,
      from: before ? { state: before.state, level: before.level, department: before.department } : undefined,
      to: { state: next.state, level: next.level, department: next.department },
      ...(reason ? { reason } : {}),
    };
    await this.o.audit.commit(ops, [audit]);
    this.timers.track(next);
    this.active.put(next);
  }

  private async departmentsFor(c: Case, event: string): Promise<Department[]> {
    if (c.department) {
      const d = await this.o.store.departments.get(c.department);
      return d ? [d] : [];
    }
    if (event !== 'overdue') return [];
    return (await this.o.store.departments.list({ limit: 1000 })).items;
  }

  private async publish(change: CaseChange): Promise<CaseChange> {
    await this.o.bus.publish(TOPICS.case, change);
    return change;
  }
}
