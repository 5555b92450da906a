import type { FieldError, ReadingBatch } from '../../domain/index.js';
import type { Bus, Clock } from '../../ports/index.js';
import { TOPICS } from '../../ports/index.js';
import type { SensorEntry, SensorRegistry } from '../registry.js';
import type { WriteCoalescer } from './coalescer.js';
import { isFieldError, validateReading } from './validate.js';

export interface IngestResult {
  readonly accepted: number;
  readonly rejected: { index: number; error: string; field: string; code: string }[];
}

/** Counters for /health and logs. */
export interface IngestStats {
  accepted: number;
  rejected: number;
  badMessages: number;
}

export interface IngestDeps {
  readonly registry: SensorRegistry;
  readonly writer: WriteCoalescer;
  readonly bus: Bus;
  readonly clock: Clock;
  /** Readings older than now - maxAgeMs are refused (0: no limit). */
  readonly maxAgeMs?: number;
}

/**
 * The ingest stage: validate items, make the good ones durable (group commit) and publish them on
 * the bus meanwhile, then record them as each sensor's last reading. It answers only after the
 * write is durable.
 */
export class IngestService {
  readonly stats: IngestStats = { accepted: 0, rejected: 0, badMessages: 0 };

  constructor(private readonly deps: IngestDeps) {}

  /**
   * Ingest a batch of parsed items. `preErrors` are per-index problems found while parsing;
   * `topicSensor` is the sensor named by an MQTT topic (items may then be bare values).
   */
  async ingest(items: readonly unknown[], preErrors?: ReadonlyMap<number, FieldError>, topicSensor?: string): Promise<IngestResult> {
    const { registry, writer, clock } = this.deps;
    const now = clock.now();
    const ctx = { registry, now, oldest: this.deps.maxAgeMs ? now - this.deps.maxAgeMs : 0 };
    const n = items.length;
    const keys = new Int32Array(n);
    const ts = new Float64Array(n);
    const values = new Float64Array(n);
    const entries: SensorEntry[] = new Array(n);
    const rejected: IngestResult['rejected'] = [];
    let count = 0;
    for (let i = 0; i < n; i++) {
      const pre = preErrors?.get(i);
      const r = pre ?? validateReading(items[i], i, ctx, topicSensor);
      if (isFieldError(r)) {
        rejected.push({ index: i, error: r.reason, field: r.field, code: r.code });
        continue;
      }
      keys[count] = r.entry.sensor.key;
      ts[count] = r.ts;
      values[count] = r.value;
      entries[count] = r.entry;
      count++;
    }
    if (count > 0) {
      const batch: ReadingBatch = { length: count, key: keys.subarray(0, count), ts: ts.subarray(0, count), value: values.subarray(0, count) };
      // Detection sees the batch while it is being made durable (the writer copies it), so an alarm
      // never waits for the disk: a group commit or a run being sorted can take a few hundred ms.
      // The caller is still answered only once the write is durable. A batch whose write fails is
      // sent again by its client; detection ignores a sensor's readings at or before its last one.
      await Promise.all([writer.write(keys, ts, values, count), this.deps.bus.publish(TOPICS.readings, batch)]);
      for (let i = 0; i < count; i++) registry.observe(entries[i]!, ts[i]!, values[i]!);
    }
    this.stats.accepted += count;
    this.stats.rejected += rejected.length;
    return { accepted: count, rejected };
  }
}
