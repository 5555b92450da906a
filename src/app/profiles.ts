import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Bus, ReadingIngress, Store } from '../ports/index.js';
import { MemoryBus } from '../adapters/bus-memory/index.js';
import { openSqliteStore } from '../adapters/store-sqlite/index.js';
import { EmbeddedBroker } from '../adapters/mqtt-embedded/index.js';
import { ExternalBrokerSubscriber } from '../adapters/mqtt-client/index.js';
import type { Config } from './config.js';
import { ConfigError } from './config.js';

/**
 * Profiles: which adapter fills each port. Embedded = SQLite + in-process bus + embedded MQTT broker,
 * one process. The scaled profile (PostgreSQL + NATS + an external broker) plugs in here.
 */
export async function openStore(config: Config): Promise<Store> {
  if (config.store.startsWith('sqlite:')) {
    const path = config.store.slice('sqlite:'.length);
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    return openSqliteStore({ path, durability: config.durability });
  }
  throw new ConfigError(`--store ${config.store}: the PostgreSQL store is not available in this version; use sqlite:PATH`);
}

export function openBus(config: Config, onError: (subscriber: string, error: unknown) => void): Bus {
  if (config.bus === 'memory') return new MemoryBus(onError);
  throw new ConfigError(`--bus ${config.bus}: the NATS bus is not available in this version; use memory`);
}

export function openIngress(config: Config, log: (msg: string, fields: Record<string, unknown>) => void): ReadingIngress | undefined {
  if (config.mqtt === 'off') return undefined;
  if (config.mqtt === 'embedded') return new EmbeddedBroker({ host: config.host, port: config.mqttPort, log });
  return new ExternalBrokerSubscriber({ url: config.mqtt, log });
}
