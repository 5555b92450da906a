import type { Clock, MessageHandler } from '../../ports/index.js';
import type { IngestResult, IngestService } from './service.js';

/** The MQTT contract (DESIGN.md): `lifeline/readings/<sensorId>` for one sensor, `lifeline/readings` for a batch. */
export const MQTT_READINGS_TOPIC = 'lifeline/readings';
const SENSOR_PREFIX = `${MQTT_READINGS_TOPIC}/`;

export type IngestLogger = (msg: string, fields: Record<string, unknown>) => void;

/** Counters for /health. */
export interface MqttMessageStats {
  /** Messages taken on the readings topics. */
  messages: number;
  /** Readings made durable. */
  readings: number;
  /** Messages not used in full: not JSON, wrong shape, or with a refused reading. Acknowledged anyway. */
  badMessages: number;
  /** Readings refused inside bad messages. */
  rejectedReadings: number;
  /** Store writes that failed: their messages are not acknowledged, so the broker delivers them again. */
  storeFailures: number;
  /** Log lines dropped by the rate limit. */
  logSuppressed: number;
}

export interface MqttMessageOptions {
  /** Times the log rate limit (default: a monotonic timer; log throttling is not domain time). */
  readonly clock?: Pick<Clock, 'now'>;
  /** At most this many lines per window for each kind of problem; the rest are counted, then summarised. */
  readonly logBurst?: number;
  readonly logWindowMs?: number;
  /** Readings gathered into one ingest call at most. */
  readonly maxBatch?: number;
}

export interface MqttMessageHandlerOptions extends MqttMessageOptions {
  readonly ingest: Pick<IngestService, 'ingest' | 'stats'>;
  readonly log: IngestLogger;
}

/** A MessageHandler for ReadingIngress.start, with its counters for /health. */
export type MqttMessageIngest = MessageHandler & { readonly stats: MqttMessageStats };

/** The handler for an ingress adapter: `ingress.start(createMqttMessageHandler(ingest, log))`. */
export function createMqttMessageHandler(ingest: Pick<IngestService, 'ingest' | 'stats'>, log: IngestLogger, options: MqttMessageOptions = {}): MqttMessageIngest {
  const handler = new MqttMessageHandler({ ...options, ingest, log });
  return Object.assign(handler.handle, { stats: handler.stats });
}

type Parsed = { ok: true; items: unknown[] } | { ok: false; reason: string };

/** One message's place in a gathered batch. */
interface Slot {
  readonly topic: string;
  readonly start: number;
  readonly count: number;
}

interface Gathering {
  readonly items: unknown[];
  readonly slots: Slot[];
  readonly done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

const RESOLVED = Promise.resolve();
const LOOSE_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Turns MQTT publishes into ingest calls. Messages arriving in the same turn of the event loop are
 * gathered into one ingest call (one validation pass, one bus message) and share its promise: it
 * resolves once their readings are durable, so the adapter acknowledges them then. A bad payload is
 * counted, logged (rate-limited) and resolved, so it is acknowledged and not redelivered forever;
 * a store failure rejects, so the message is not acknowledged.
 */
export class MqttMessageHandler {
  readonly stats: MqttMessageStats = { messages: 0, readings: 0, badMessages: 0, rejectedReadings: 0, storeFailures: 0, logSuppressed: 0 };
  private current: Gathering | undefined;
  private readonly maxBatch: number;
  private readonly badLog: RateLimitedLog;
  private readonly failureLog: RateLimitedLog;

  constructor(private readonly options: MqttMessageHandlerOptions) {
    this.maxBatch = options.maxBatch ?? 5_000;
    const burst = options.logBurst ?? 5;
    const windowMs = options.logWindowMs ?? 60_000;
    const clock = options.clock ?? { now: () => performance.now() };
    this.badLog = new RateLimitedLog(options.log, clock, burst, windowMs, this.stats);
    this.failureLog = new RateLimitedLog(options.log, clock, burst, windowMs, this.stats);
  }

  /** The MessageHandler to give an ingress adapter. */
  readonly handle: MessageHandler = (topic, payload) => {
    try {
      return this.take(topic, payload);
    } catch (error) {
      // A bug here must not crash the broker; not acknowledging lets the message come back.
      return Promise.reject(error);
    }
  };

  private take(topic: string, payload: Buffer): Promise<void> {
    let sensor: string | undefined;
    if (topic.startsWith(SENSOR_PREFIX)) {
      sensor = topic.slice(SENSOR_PREFIX.length);
    } else if (topic !== MQTT_READINGS_TOPIC) {
      return RESOLVED; // not ours: the broker carries it as any other message
    }
    this.stats.messages++;
    const parsed = sensor === undefined ? parseBatch(payload) : sensor === '' ? bad('the topic names no sensor') : parseSensorPayload(payload, sensor);
    if (!parsed.ok) {
      this.countBad(0);
      this.badLog.write('bad MQTT message', { topic, reason: parsed.reason, bytes: payload.length });
      return RESOLVED;
    }
    if (parsed.items.length === 0) return RESOLVED;
    const g = this.gathering();
    g.slots.push({ topic, start: g.items.length, count: parsed.items.length });
    for (const item of parsed.items) g.items.push(item);
    if (g.items.length >= this.maxBatch) this.flush();
    return g.done;
  }

  private gathering(): Gathering {
    if (this.current) return this.current;
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const done = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
    // Shared by every message of the batch: a caller that drops it must not make the rejection 'unhandled'.
    done.catch(() => {});
    const g: Gathering = { items: [], slots: [], done, resolve, reject };
    this.current = g;
    // After the I/O callbacks of this turn, so every publish read in it joins the batch.
    setImmediate(() => { if (this.current === g) this.flush(); });
    return g;
  }

  private flush(): void {
    const g = this.current;
    if (!g) return;
    this.current = undefined;
    this.options.ingest.ingest(g.items).then(
      (result) => {
        this.stats.readings += result.accepted;
        if (result.rejected.length > 0) this.reportRejected(g, result.rejected);
        g.resolve();
      },
      (error: unknown) => {
        this.stats.storeFailures++;
        this.failureLog.write('MQTT readings not stored; not acknowledged, the broker will deliver them again', {
          messages: g.slots.length, readings: g.items.length, error: error instanceof Error ? error.message : String(error),
        });
        g.reject(error);
      },
    );
  }

  /** Count and log each message that had a refused reading, naming the item by its index in that message. */
  private reportRejected(g: Gathering, rejected: IngestResult['rejected']): void {
    let s = 0;
    let i = 0;
    while (i < rejected.length) {
      while (rejected[i]!.index >= g.slots[s]!.start + g.slots[s]!.count) s++;
      const slot = g.slots[s]!;
      const first = rejected[i]!;
      let n = 0;
      while (i < rejected.length && rejected[i]!.index < slot.start + slot.count) { n++; i++; }
      this.countBad(n);
      // A one-reading message on a sensor's topic names just the field; otherwise the item's index in the message.
      const field = slot.count === 1 && slot.topic !== MQTT_READINGS_TOPIC
        ? first.field.replace(/^\[\d+\]\./, '')
        : first.field.replace(/^\[\d+\]/, `[${first.index - slot.start}]`);
      this.badLog.write('bad MQTT message', { topic: slot.topic, field, code: first.code, reason: first.error, rejected: n, of: slot.count });
    }
  }

  private countBad(readings: number): void {
    this.stats.badMessages++;
    this.stats.rejectedReadings += readings;
    this.options.ingest.stats.badMessages++;
  }
}

function bad(reason: string): Parsed {
  return { ok: false, reason };
}

function parseJson(payload: Buffer): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (payload.length === 0) return { ok: false, reason: 'the payload is empty' };
  const text = payload.toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    // Devices also send numbers JSON does not allow, like "+5" or ".5".
    const t = text.trim();
    if (LOOSE_NUMBER.test(t)) return { ok: true, value: Number(t) };
    return { ok: false, reason: `the payload is not JSON or a number: ${(e as Error).message}` };
  }
}

/** `lifeline/readings`: a JSON array of {sensor, ts, value} (one such object is taken as a batch of one). */
function parseBatch(payload: Buffer): Parsed {
  const r = parseJson(payload);
  if (!r.ok) return r;
  if (Array.isArray(r.value)) return { ok: true, items: r.value };
  if (typeof r.value === 'object' && r.value !== null) return { ok: true, items: [r.value] };
  return bad(`the payload must be a JSON array of {sensor, ts, value} (the topic ${MQTT_READINGS_TOPIC}/<sensorId> takes a bare value)`);
}

/**
 * `lifeline/readings/<sensorId>`: {"ts", "value"} or a bare number (an array of those is accepted too).
 * Each item is given the topic's sensor, so items of many topics can go in one ingest call.
 */
function parseSensorPayload(payload: Buffer, sensor: string): Parsed {
  const r = parseJson(payload);
  if (!r.ok) return r;
  if (Array.isArray(r.value)) return { ok: true, items: r.value.map((item) => withSensor(item, sensor)) };
  if (typeof r.value === 'object' && r.value !== null) return { ok: true, items: [withSensor(r.value, sensor)] };
  if (typeof r.value === 'number' || typeof r.value === 'string') return { ok: true, items: [{ sensor, value: r.value }] };
  return bad('the payload must be a number or {"ts": …, "value": …}');
}

function withSensor(item: unknown, sensor: string): unknown {
  if (typeof item === 'number' || typeof item === 'string') return { sensor, value: item };
  // The topic names the sensor; it wins over a `sensor` field in the payload. The object is ours (just parsed).
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) (item as Record<string, unknown>).sensor = sensor;
  return item;
}

/** At most `burst` lines per window; then one line saying how many were left out. */
class RateLimitedLog {
  private windowStart = Number.NEGATIVE_INFINITY;
  private written = 0;
  private suppressed = 0;

  constructor(
    private readonly log: IngestLogger,
    private readonly clock: Pick<Clock, 'now'>,
    private readonly burst: number,
    private readonly windowMs: number,
    private readonly stats: MqttMessageStats,
  ) {}

  write(msg: string, fields: Record<string, unknown>): void {
    const now = this.clock.now();
    if (now - this.windowStart >= this.windowMs) {
      if (this.suppressed > 0) this.emit(`${msg}: ${this.suppressed} more not logged`, { suppressed: this.suppressed, windowMs: this.windowMs });
      this.windowStart = now;
      this.written = 0;
      this.suppressed = 0;
    }
    if (this.written < this.burst) {
      this.written++;
      this.emit(msg, fields);
    } else {
      this.suppressed++;
      this.stats.logSuppressed++;
    }
  }

  private emit(msg: string, fields: Record<string, unknown>): void {
    try {
      this.log(msg, fields);
    } catch {
      // A failing logger must not turn a bad message into a crash.
    }
  }
}
