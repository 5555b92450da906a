import type { Logger } from 'pino';
import type { Bus, Clock, Store } from '../ports/index.js';
import { AuditLog } from '../cases/audit-log.js';
import { CaseService } from '../cases/service.js';
import type { SlaPolicy } from '../cases/sla.js';
import { WebhookDispatcher } from '../cases/webhook-dispatcher.js';
import { Grouper } from '../pipeline/group/index.js';
import { nodeDigest } from './notify/node-digest.js';
import { httpWebhookTransport } from './notify/webhook-transport.js';

import type { AlarmEvent, Domain } from '../domain/index.js';

/** Settings keys read at start: `{1: {assess, dispatch, accept, resolve}, …}` in ms, and ms. */
export const SLA_SETTING = 'cases.sla';
export const SELF_CLEAR_SETTING = 'cases.selfClearMs';

export interface Workflow {
  readonly audit: AuditLog;
  readonly cases: CaseService;
  /** The live pipeline calls `grouper.onAlarm(alarm)` for each alarm event. */
  readonly grouper: Grouper;
  readonly webhooks: WebhookDispatcher;
  /**
   * Hand an alarm event to grouping without making detection wait: events are grouped one at a
   * time, in order (a raise before its clear). `locate` names the sensor's asset, domain and quantity.
   */
  onAlarmEvent(event: AlarmEvent, locate?: (sensor: string) => { asset: string; domain: Domain; quantity: string } | undefined): void;
  /** Resolves when every alarm event handed over so far is grouped. */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The closed loop's services: the case workflow (timers restored from the store), alarm grouping,
 * and the webhook sender. Call `stop` before closing the store.
 */
export async function startWorkflow(store: Store, bus: Bus, clock: Clock, log: Logger): Promise<Workflow> {
  const audit = new AuditLog(store, nodeDigest);
  // SLA deadlines and the self-clear delay may be overridden per deployment in settings.
  const sla = await store.settings.get<SlaPolicy>(SLA_SETTING);
  const selfClearMs = await store.settings.get<number>(SELF_CLEAR_SETTING);
  const cases = new CaseService({
    store, bus, clock, audit, ...(sla ? { sla } : {}), ...(typeof selfClearMs === 'number' ? { selfClearMs } : {}),
    onError: (e) => log.error({ err: e }, 'case timer failed'),
  });
  await cases.start();
  const grouper = new Grouper({ store, cases, now: () => clock.now() });
  const webhooks = new WebhookDispatcher({ store, clock, digest: nodeDigest, transport: httpWebhookTransport(), onError: (e) => log.warn({ err: e }, 'webhook delivery failed') });
  webhooks.start();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    audit, cases, grouper, webhooks,
    onAlarmEvent(event, locate) {
      const where = locate?.(event.alarm.sensor);
      queue = queue.then(() => grouper.onAlarm({ ...event.alarm, ...where })).catch((e: unknown) => log.error({ err: e, alarm: event.alarm.id }, 'grouping an alarm failed'));
    },
    drained: () => queue.then(() => undefined),
    async stop() {
      await queue;
      cases.stop();
      await webhooks.stop();
    },
  };
}
