import type { EventEmitter } from 'node:events';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes, type AedesOptions, type Client, type PublishPacket } from 'aedes';
import type { IngressStatus, MessageHandler, ReadingIngress } from '../../ports/index.js';

/** The readings topics of the MQTT contract: `lifeline/readings` and `lifeline/readings/<sensorId>`. */
const READINGS_TOPIC = 'lifeline/readings';
const MODE = 'embedded';

export interface EmbeddedMqttOptions {
  /** Address to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** Port to listen on (default 1883; 0 picks a free one, reported in status().port). */
  readonly port?: number;
  /** Broker-level events: listening, port in use, broker errors. */
  readonly log?: (msg: string, fields: Record<string, unknown>) => void;
}

type AuthorizeCallback = (error?: Error | null) => void;

/**
 * The embedded MQTT broker (aedes). A publish on a readings topic is handed to the core from aedes'
 * `authorizePublish` hook, which aedes answers (PUBACK for QoS 1) only when we call back: we do so
 * once the core says the readings are durable. Other topics, and subscribers, work as on any broker.
 */
export class EmbeddedBroker implements ReadingIngress {
  private readonly host: string;
  private readonly port: number;
  private current: IngressStatus;
  private broker: Aedes | undefined;
  private server: Server | undefined;
  private onMessage: MessageHandler | undefined;
  private stopping = false;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: EmbeddedMqttOptions = {}) {
    this.host = options.host ?? '127.0.0.1';
    this.port = options.port ?? 1883;
    this.current = { mode: MODE, state: 'down', detail: 'the embedded MQTT broker is not started', port: this.port };
  }

  status(): IngressStatus {
    return this.current;
  }

  /** Listen; never throws: a port in use or another listen error is reported in the status. */
  async start(onMessage: MessageHandler): Promise<IngressStatus> {
    if (this.server) return this.current;
    this.onMessage = onMessage;
    this.stopping = false;
    this.current = { mode: MODE, state: 'starting', detail: `starting the embedded MQTT broker on ${this.host}:${this.port}`, port: this.port };
    let broker: Aedes | undefined;
    try {
      broker = await Aedes.createBroker(this.brokerOptions());
      // aedes emits 'error' (its typings omit it); unheard, it would crash the process.
      (broker as EventEmitter).on('error', (error: Error) => this.log('embedded MQTT broker error', { error: error.message }));
      const server = createServer(broker.handle);
      await listen(server, this.port, this.host);
      server.on('error', (error) => this.log('embedded MQTT listener error', { error: error.message }));
      this.broker = broker;
      this.server = server;
      const port = (server.address() as AddressInfo).port;
      this.current = { mode: MODE, state: 'up', detail: `embedded MQTT broker listening on mqtt://${this.host}:${port}`, port };
      this.log('embedded MQTT broker listening', { host: this.host, port });
    } catch (error) {
      if (broker) await closeBroker(broker);
      this.current = listenFailure(error, this.host, this.port);
      this.log(this.current.detail, { host: this.host, port: this.port });
    }
    return this.current;
  }

  /** Refuse new publishes on the readings topics, wait for those in flight, then close every connection. */
  async stop(): Promise<void> {
    this.stopping = true;
    const { broker, server } = this;
    this.broker = undefined;
    this.server = undefined;
    if (!broker || !server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    // The last PUBACKs are written on the next tick (mqtt-packet corks the socket): let them out first.
    await new Promise((resolve) => setImmediate(resolve));
    await closeBroker(broker);
    await closed;
    this.current = { mode: MODE, state: 'down', detail: 'the embedded MQTT broker is stopped', port: this.current.port };
  }

  private brokerOptions(): AedesOptions {
    return {
      authorizePublish: (client: Client | null, packet: PublishPacket, callback: AuthorizeCallback) => this.authorizePublish(client, packet, callback),
    };
  }

  private authorizePublish(client: Client | null, packet: PublishPacket, callback: AuthorizeCallback): void {
    const topic = packet.topic;
    // aedes' default rule, kept: clients may not publish as the broker.
    if (topic.startsWith('$SYS/')) return callback(new Error('$SYS/ topic is reserved'));
    if (client === null || !(topic === READINGS_TOPIC || topic.startsWith(`${READINGS_TOPIC}/`))) return callback(null);
    // Not acknowledged: aedes drops the connection and the client sends the message again elsewhere or later.
    if (this.stopping || !this.onMessage) return callback(new Error('the broker is stopping'));
    this.inFlight++;
    let pending: Promise<void>;
    try {
      pending = this.onMessage(topic, packet.payload as Buffer);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending
      .then(() => callback(null), (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))))
      .catch((error: unknown) => this.log('embedded MQTT broker failed to answer a publish', { error: String(error) }))
      .finally(() => this.settled());
  }

  private settled(): void {
    if (--this.inFlight === 0) for (const w of this.idleWaiters.splice(0)) w();
  }

  private log(msg: string, fields: Record<string, unknown>): void {
    try {
      this.options.log?.(msg, fields);
    } catch {
      // Logging must not break the broker.
    }
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeBroker(broker: Aedes): Promise<void> {
  return new Promise((resolve) => broker.close(() => resolve()));
}

function listenFailure(error: unknown, host: string, port: number): IngressStatus {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    const local = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    return {
      mode: MODE, state: 'port_in_use', port,
      detail: `MQTT port ${port} is already in use (another broker?); the embedded broker is not listening — use --mqtt-port or --mqtt mqtt://${local}:${port}`,
    };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return { mode: MODE, state: 'down', port, detail: `the embedded MQTT broker could not listen on ${host}:${port}: ${reason}` };
}
