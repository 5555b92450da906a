import type { AlarmEvent, ReadingBatch } from '../../domain/index.js';
import type { Bus, Clock, Subscription } from '../../ports/index.js';
import { TOPICS } from '../../ports/index.js';
import type { DetectionEngine } from '../detect/engine.js';
import type { SensorRegistry } from '../registry.js';
import type { AlarmBook } from './book.js';

export interface DetectionStageDeps {
  readonly bus: Bus;
  readonly clock: Clock;
  readonly registry: SensorRegistry;
  readonly engine: DetectionEngine;
  readonly book: AlarmBook;
  /** Called for every alarm event after it is in the book (case grouping, notifications). */
  readonly onAlarm?: (event: AlarmEvent) => Promise<void> | void;
  /** How often time-based checks (offline sensors) run, ms. */
  readonly tickMs?: number;
}

export interface DetectionStats {
  readings: number;
  events: number;
  /** Reading time → alarm published, for the latest events (ms), a bounded window for p99. */
  readonly latencies: number[];
}

/**
 * The live detection stage: readings from the bus go through the same engine `lifeline replay` uses;
 * alarm events go into the alarm book, out on the bus (topic `alarm`, for live views) and to `onAlarm`.
 */
export class DetectionStage {
  readonly stats: DetectionStats = { readings: 0, events: 0, latencies: [] };
  private subscription: Subscription | undefined;
  private cancelTick: (() => void) | undefined;

  constructor(private readonly deps: DetectionStageDeps) {}

  start(): void {
    const { bus, clock } = this.deps;
    this.subscription = bus.subscribe<ReadingBatch>(TOPICS.readings, (batch) => this.onBatch(batch), { capacity: 256, name: 'detect' });
    const tickMs = this.deps.tickMs ?? 10_000;
    const tick = () => {
      void this.emit(this.deps.engine.tick(clock.now()));
      this.cancelTick = clock.schedule(tickMs, tick);
    };
    this.cancelTick = clock.schedule(tickMs, tick);
  }

  private async onBatch(batch: ReadingBatch): Promise<void> {
    const { registry, engine } = this.deps;
    let events: AlarmEvent[] | undefined;
    for (let i = 0; i < batch.length; i++) {
      const entry = registry.byStoreKey(batch.key[i]!);
      if (!entry) continue;
      const e = engine.process(entry.sensor, batch.ts[i]!, batch.value[i]!);
      if (e.length) (events ??= []).push(...e);
    }
    this.stats.readings += batch.length;
    if (events) await this.emit(events);
  }

  private async emit(events: readonly AlarmEvent[]): Promise<void> {
    if (events.length === 0) return;
    const { book, bus, clock, onAlarm } = this.deps;
    const now = clock.now();
    for (const event of events) {
      const alarm = book.apply(event);
      this.stats.events++;
      await bus.publish(TOPICS.alarm, { type: event.type, alarm: { ...alarm, state: event.type === 'clear' ? 'cleared' : 'active' } });
      if (onAlarm) await onAlarm(event);
      const lat = this.stats.latencies;
      lat.push(now - event.ts);
      if (lat.length > 1000) lat.shift();
    }
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.cancelTick?.();
  }
}
