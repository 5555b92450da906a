import type { Bus, Clock, IngressStatus, Store } from '../ports/index.js';
import type { IngestService } from '../pipeline/ingest/service.js';
import type { SensorRegistry } from '../pipeline/registry.js';
import type { RegistrationService } from '../pipeline/registration/service.js';
import type { TokenAuth } from './auth.js';
import type { AuditLog } from '../cases/audit-log.js';
import type { CaseService } from '../cases/service.js';
import type { AlarmBook } from '../pipeline/alarms/book.js';
import type { DetectionEngine } from '../pipeline/detect/engine.js';
import type { RiskService } from './risk-service.js';
import type { CityModels, ForecastService, ScenarioService } from '../scenarios/index.js';

/** What the HTTP layer is given by the composition root. */
export interface ApiContext {
  readonly store: Store;
  readonly bus: Bus;
  readonly clock: Clock;
  readonly registry: SensorRegistry;
  readonly ingest: IngestService;
  readonly registration: RegistrationService;
  readonly auth: TokenAuth;
  readonly cases: CaseService;
  readonly audit: AuditLog;
  /** CAP `sender` (e.g. lifeline@host). */
  readonly capSender: string;
  readonly alarms: AlarmBook;
  /** The live detection engine: rule changes apply to it at once. */
  readonly engine: DetectionEngine;
  /** The city's network models (water, drainage, dependencies), built once from the assets. */
  readonly models: CityModels;
  readonly scenarios: ScenarioService;
  /** Rainfall forecasts run on the live network (POST /forecasts/rain); absent, that route answers 503. */
  readonly forecasts?: ForecastService;
  readonly mqttStatus: () => IngressStatus;
  readonly version: string;
  /** Largest request body in bytes. */
  readonly bodyLimit: number;
  /** The risk model kept current (GET /risk/*); absent, those routes answer 503. */
  readonly risk?: RiskService;
}
