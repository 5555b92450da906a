import { MemoryBus } from '../../src/adapters/bus-memory/index.js';
import { systemClock } from '../../src/adapters/clock-system/index.js';
import type { Sensor } from '../../src/domain/index.js';
import { WriteCoalescer } from '../../src/pipeline/ingest/coalescer.js';
import { MqttMessageHandler } from '../../src/pipeline/ingest/mqtt-message.js';
import { IngestService } from '../../src/pipeline/ingest/service.js';
import { SensorRegistry } from '../../src/pipeline/registry.js';
import type { Clock, NewSensor, ReadingRepository } from '../../src/ports/index.js';

export interface LogLine {
  readonly msg: string;
  readonly fields: Record<string, unknown>;
}

/** The ingest stage wired for MQTT tests: registry, group commit, bus, service and the message handler. */
export interface MqttPipeline {
  readonly registry: SensorRegistry;
  readonly writer: WriteCoalescer;
  readonly bus: MemoryBus;
  readonly service: IngestService;
  readonly handler: MqttMessageHandler;
  readonly logs: LogLine[];
  close(): Promise<void>;
}

export function pressureSensor(id: string, key: number): Sensor;
export function pressureSensor(id: string): NewSensor;
export function pressureSensor(id: string, key?: number): NewSensor {
  return { id, ...(key === undefined ? {} : { key }), asset: `asset-${id}`, domain: 'gas', quantity: 'pressure', unit: 'MPa', intervalS: 60, state: 'active', properties: {} };
}

export function buildMqttPipeline(readings: ReadingRepository, sensors: readonly Sensor[], clock: Clock = systemClock): MqttPipeline {
  const registry = new SensorRegistry();
  for (const s of sensors) registry.put(s);
  const writer = new WriteCoalescer(readings, { maxDelayMs: 2 });
  const bus = new MemoryBus();
  const service = new IngestService({ registry, writer, bus, clock });
  const logs: LogLine[] = [];
  const handler = new MqttMessageHandler({ ingest: service, clock, log: (msg, fields) => logs.push({ msg, fields }) });
  return {
    registry, writer, bus, service, handler, logs,
    async close() {
      await writer.close();
      await bus.close();
    },
  };
}
