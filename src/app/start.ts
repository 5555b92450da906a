import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Logger } from 'pino';
import type { Clock, IngressStatus, ReadingIngress, Store, Bus } from '../ports/index.js';
import { DEFAULT_RETENTION } from '../ports/index.js';
import type { RetentionSettings } from '../ports/index.js';
import { systemClock } from '../adapters/clock-system/index.js';
import { SensorRegistry } from '../pipeline/registry.js';
import { WriteCoalescer } from '../pipeline/ingest/coalescer.js';
import { IngestService } from '../pipeline/ingest/service.js';
import { createMqttMessageHandler } from '../pipeline/ingest/mqtt-message.js';
import { RegistrationService } from '../pipeline/registration/service.js';
import { AlarmBook } from '../pipeline/alarms/book.js';
import { DetectionStage } from '../pipeline/alarms/stage.js';
import { createDetectionEngine } from '../pipeline/detect/engine.js';
import type { Rule } from '../pipeline/detect/rules/types.js';
import { RULES_KEY } from '../api/routes/rules.js';
import { TokenAuth, newToken } from '../api/auth.js';
import { buildServer } from '../api/server.js';
import { RiskService } from '../api/risk-service.js';
import type { Config } from './config.js';
import { openBus, openIngress, openStore } from './profiles.js';
import { startWorkflow } from './workflow.js';
import type { Workflow } from './workflow.js';
import { startAssessment, watchModelInputs } from './assessment.js';
import type { Assessment } from './assessment.js';
import { CityModels } from '../scenarios/index.js';

export interface Platform {
  readonly config: Config;
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly bus: Bus;
  readonly registry: SensorRegistry;
  readonly ingest: IngestService;
  readonly registration: RegistrationService;
  readonly auth: TokenAuth;
  /** Cases, audit, grouping (alarms → cases) and webhooks. */
  readonly workflow: Workflow;
  readonly alarms: AlarmBook;
  /** Impact assessment: the city's models, scenarios, and every case's impact. */
  readonly assessment: Assessment;
  readonly detection: DetectionStage;
  readonly clock: Clock;
  readonly log: Logger;
  /** The URL the HTTP server listens on. */
  readonly url: string;
  readonly adminToken: string;
  readonly adminPassword: string;
  /** Whether the token and password were generated (and so must be printed). */
  readonly generatedCredentials: boolean;
  mqtt(): IngressStatus;
  /** Orderly shutdown: stop taking input, flush every pending write, close everything. Idempotent. */
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly clock?: Clock;
  readonly log?: Logger;
}

const RETENTION_EVERY_MS = 3600_000;

export function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** The composition root: wire adapters into the core and start serving. */
export async function startPlatform(config: Config, options: StartOptions = {}): Promise<Platform> {
  const clock = options.clock ?? systemClock;
  // Structured JSON logs go to stderr; stdout carries the banner and command output.
  const log = options.log ?? pino({ level: config.logLevel, base: { app: 'lifeline' } }, pino.destination(2));
  const opened = await openStore(config);
  const models = new CityModels(opened);
  // Everything writes through this view, so any change to the assets rebuilds the models.
  const store = watchModelInputs(opened, () => models.invalidate());
  const bus = openBus(config, (subscriber, error) => log.error({ err: error, subscriber }, 'bus subscriber failed'));

  const registry = new SensorRegistry();
  for await (const page of store.sensors.scan(10_000)) for (const s of page) registry.put(s);
  const last = await store.readings.lastReadings();
  for (const [key, r] of last) {
    const entry = registry.byStoreKey(key);
    if (entry) entry.last = r;
  }

  const writer = new WriteCoalescer(store.readings);
  const ingest = new IngestService({ registry, writer, bus, clock });
  const registration = new RegistrationService(store, registry);
  const generatedCredentials = !config.adminToken || !config.adminPassword;
  const adminToken = config.adminToken ?? newToken('lla');
  const adminPassword = config.adminPassword ?? newToken('pw').slice(3, 19);
  const auth = new TokenAuth(clock, adminToken, adminPassword, store);
  const workflow = await startWorkflow(store, bus, clock, log);
  const assessment = startAssessment({ store, models, bus, clock, cases: workflow.cases, log });
  const alarms = new AlarmBook();
  const rules = (await store.settings.get<Rule[]>(RULES_KEY)) ?? [];
  const engine = createDetectionEngine({ now: () => clock.now(), rules });
  const detection = new DetectionStage({
    bus, clock, registry, engine, book: alarms,
    onAlarm: (event) => workflow.onAlarmEvent(event, (id) => {
      const s = registry.get(id)?.sensor;
      return s && { asset: s.asset, domain: s.domain, quantity: s.quantity };
    }),
  });
  if (config.detection) detection.start();
  const risk = new RiskService({ store, bus, clock, registry, alarms, onError: (e) => log.error({ err: e }, 'risk update failed') });
  await risk.start();

  const ingress: ReadingIngress | undefined = openIngress(config, (msg, fields) => (/in use|error|fail|unreachable/i.test(msg) ? log.warn(fields, msg) : log.info(fields, msg)));
  const mqttOff: IngressStatus = { mode: 'off', state: 'off', detail: 'MQTT ingest is off (--mqtt off)' };
  const mqtt = () => ingress?.status() ?? mqttOff;

  const app = await buildServer({
    store, bus, clock, registry, ingest, registration, auth, alarms, engine, mqttStatus: mqtt, version: version(), bodyLimit: config.bodyLimit,
    cases: workflow.cases, audit: workflow.audit, models, scenarios: assessment.scenarios, forecasts: assessment.forecasts, capSender: `lifeline@${config.host}`, risk,
  }, { logger: false });
  const address = await app.listen({ host: config.host, port: config.port });
  const url = address.replace('[::1]', 'localhost');

  if (ingress) {
    const status = await ingress.start(createMqttMessageHandler(ingest, (msg, fields) => log.warn(fields ?? {}, msg)));
  }

  const retentionTimer = setInterval(() => void applyRetention(store, clock, log), RETENTION_EVERY_MS);
  retentionTimer.unref();

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    clearInterval(retentionTimer);
    await ingress?.stop().catch((e: unknown) => log.error({ err: e }, 'stopping MQTT failed'));
    await app.close();
    await writer.close();
    detection.stop();
    risk.stop();
    await workflow.stop();
    await assessment.stop();
    await bus.close();
    await store.close();
    log.info('stopped; everything acknowledged is stored');
  })());

  return {
    config, app, store, bus, registry, ingest, registration, auth, workflow, alarms, assessment, detection, clock, log, url, adminToken, adminPassword,
    generatedCredentials, mqtt, stop,
  };
}

async function applyRetention(store: Store, clock: Clock, log: Logger): Promise<void> {
  try {
    const retention = (await store.settings.get<RetentionSettings>('retention')) ?? DEFAULT_RETENTION;
    const { dropped } = await store.readings.applyRetention(clock.now(), retention);
    if (dropped) log.info({ dropped, retention }, 'retention applied');
  } catch (e) {
    log.error({ err: e }, 'retention failed');
  }
}
