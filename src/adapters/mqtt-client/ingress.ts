import mqtt, { type IClientOptions, type IConnackPacket, type IPublishPacket, type MqttClient } from 'mqtt';
import type { IngressStatus, MessageHandler, ReadingIngress } from '../../ports/index.js';

/** `lifeline/readings` and `lifeline/readings/<sensorId>` (`#` also matches its parent level). */
const READINGS_FILTER = 'lifeline/readings/#';

export interface ExternalBrokerOptions {
  /** `mqtt://host:port` (credentials may be given as `mqtt://user:pass@host:port`). */
  readonly url: string;
  /** Fixed, so the broker keeps our session (subscription and unacknowledged messages) across restarts. */
  readonly clientId?: string;
  /** How long the broker keeps the session while we are away (default 7 days). */
  readonly sessionExpirySeconds?: number;
  /** Unacknowledged messages the broker may send us at once (MQTT 5 Receive Maximum; default 1,000). */
  readonly inflight?: number;
  /** Wait between reconnection attempts (default 2,000 ms). */
  readonly reconnectMs?: number;
  /** How long start() waits for the first connection before answering with the status (default 5,000 ms). */
  readonly connectTimeoutMs?: number;
  /** Connection events: connected, lost, redelivery forced. */
  readonly log?: (msg: string, fields: Record<string, unknown>) => void;
}

/** mqtt.js sends PUBACKs from this private method; the public API can only ack one message at a time. */
interface PacketSender {
  _sendPacket(packet: { cmd: 'puback'; messageId: number; reasonCode: number }, cb: undefined, cbStorePut: undefined, noStore: boolean): void;
}

/** A PUBACK owed for one received message, sent in order of receipt once its readings are durable. */
interface OwedAck {
  readonly messageId: number;
  readonly connection: number;
  ready: boolean;
}

/**
 * Released through mqtt.js' error path of `customHandleAcks`: that frees its one-message-at-a-time
 * reader without sending a PUBACK, so many messages can wait for one group commit; the PUBACK is sent
 * by us once the core says the readings are durable.
 */
const DEFERRED = new Error('PUBACK deferred until durable');

/**
 * Subscribes to an external broker (Mosquitto, EMQX…) with MQTT 5, a persistent session and QoS 1,
 * and acknowledges each message only once its readings are durable. A message whose readings could
 * not be stored is never acknowledged: the connection is dropped so the broker delivers it again.
 */
export class ExternalBrokerSubscriber implements ReadingIngress {
  private readonly mode: string;
  private readonly clientId: string;
  private current: IngressStatus;
  private client: MqttClient | undefined;
  private onMessage: MessageHandler | undefined;
  private stopping = false;
  /** Bumped whenever the connection goes: acks owed on an old connection are never sent on a new one. */
  private connection = 0;
  private owed: OwedAck[] = [];
  private owedHead = 0;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  private subscribed = false;
  private startWaiters: (() => void)[] = [];

  constructor(private readonly options: ExternalBrokerOptions) {
    this.mode = redact(options.url);
    this.clientId = options.clientId ?? 'lifeline-ingest';
    this.current = { mode: this.mode, state: 'down', detail: `not connected to ${this.mode}: not started` };
  }

  status(): IngressStatus {
    return this.current;
  }

  /** Connect and subscribe; answers with the status once subscribed or on the first failure. Never throws. */
  async start(onMessage: MessageHandler): Promise<IngressStatus> {
    if (this.client) return this.current;
    this.onMessage = onMessage;
    this.stopping = false;
    this.set('starting', `connecting to ${this.mode} as ${this.clientId}`);
    let client: MqttClient;
    try {
      client = mqtt.connect(this.options.url, this.clientOptions());
    } catch (error) {
      this.set('down', `cannot connect to ${this.mode}: ${message(error)}`);
      return this.current;
    }
    this.client = client;
    client.on('connect', (connack) => this.connected(client, connack));
    client.on('close', () => this.lost());
    client.on('error', (error) => {
      if (error === DEFERRED) return;
      this.set('down', `not connected to ${this.mode}: ${error.message}; retrying every ${this.reconnectMs / 1000} s`);
    });
    // QoS 0 publishes skip customHandleAcks: nothing to acknowledge, so just ingest them.
    client.on('message', (topic, payload, packet) => {
      if (packet.qos === 0 && !this.stopping) this.run(topic, payload, () => {}, () => {});
    });
    // Answer once subscribed, or refused, or after the timeout (reconnection goes on in the background).
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.options.connectTimeoutMs ?? 5_000);
      this.startWaiters.push(() => { clearTimeout(timer); resolve(); });
    });
    this.startWaiters = [];
    return this.current;
  }

  /** Take no more messages, wait for those in flight (and send their PUBACKs), then disconnect. */
  async stop(): Promise<void> {
    this.stopping = true;
    const client = this.client;
    if (!client) return;
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    // A clean DISCONNECT goes after the last PUBACKs on the same stream; the session stays on the broker.
    await client.endAsync(false);
    this.client = undefined;
    this.set('down', `disconnected from ${this.mode}`);
  }

  private get reconnectMs(): number {
    return this.options.reconnectMs ?? 2_000;
  }

  private clientOptions(): IClientOptions {
    return {
      protocolVersion: 5,
      clientId: this.clientId,
      clean: false,
      reconnectPeriod: this.reconnectMs,
      // We subscribe ourselves on each connection without a session (see connected()).
      resubscribe: false,
      connectTimeout: this.options.connectTimeoutMs ?? 5_000,
      properties: {
        // MQTT 5 ends a session at disconnect unless it is given an expiry.
        sessionExpiryInterval: this.options.sessionExpirySeconds ?? 7 * 86_400,
        receiveMaximum: this.options.inflight ?? 1_000,
      },
      customHandleAcks: (topic, payload, packet: IPublishPacket, release) => this.received(topic, payload, packet, release),
    };
  }

  private connected(client: MqttClient, connack: IConnackPacket): void {
    this.log('connected to the MQTT broker', { url: this.mode, clientId: this.clientId, sessionPresent: connack.sessionPresent });
    if (connack.sessionPresent && this.subscribed) return this.up();
    // Retained messages are old state, not new readings: rh 2 leaves them out.
    client.subscribe(READINGS_FILTER, { qos: 1, rh: 2 }, (error, granted) => {
      const code = granted?.[0]?.qos;
      if (error || code === undefined || code > 2) {
        this.set('down', `connected to ${this.mode} but the subscription to ${READINGS_FILTER} was refused${error ? `: ${error.message}` : ` (code ${code})`}`);
        return;
      }
      this.subscribed = true;
      this.up();
    });
  }

  private up(): void {
    this.set('up', `subscribed to ${READINGS_FILTER} on ${this.mode} as ${this.clientId} (QoS 1, persistent session)`);
  }

  private lost(): void {
    this.connection++;
    this.owed = [];
    this.owedHead = 0;
    if (this.current.state === 'up' && !this.stopping) {
      this.set('down', `lost the connection to ${this.mode}; reconnecting every ${this.reconnectMs / 1000} s`);
      this.log('lost the connection to the MQTT broker', { url: this.mode });
    }
  }

  private received(topic: string, payload: Buffer, packet: IPublishPacket, release: (error: Error | number, code?: number) => void): void {
    // Not acknowledged: the broker keeps it in our session and delivers it again.
    if (this.stopping) return release(DEFERRED);
    if (packet.qos !== 1 || packet.messageId === undefined) {
      // We subscribe at QoS 1, so this is unexpected: handle it one at a time, acknowledged only when durable.
      this.run(topic, payload, () => release(0), (error) => release(asError(error)));
      return;
    }
    const ack: OwedAck = { messageId: packet.messageId, connection: this.connection, ready: false };
    this.owed.push(ack);
    release(DEFERRED);
    this.run(topic, payload, () => { ack.ready = true; this.sendAcks(); }, (error) => this.notStored(ack, error));
  }

  /** Hand a message to the core; `stop()` waits until every `then` has run (so its PUBACK is written). */
  private run(topic: string, payload: Buffer, stored: () => void, failed: (error: unknown) => void): void {
    this.inFlight++;
    let pending: Promise<void>;
    try {
      pending = this.onMessage!(topic, payload);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(stored, failed).catch((error: unknown) => this.log('MQTT acknowledgement failed', { error: message(error) })).finally(() => {
      if (--this.inFlight === 0) for (const w of this.idleWaiters.splice(0)) w();
    });
  }

  /** PUBACKs go in the order the messages came (MQTT 4.6), so one waits for those before it. */
  private sendAcks(): void {
    const client = this.client;
    while (this.owedHead < this.owed.length && this.owed[this.owedHead]!.ready) {
      const ack = this.owed[this.owedHead++]!;
      if (client?.connected && ack.connection === this.connection) {
        (client as unknown as PacketSender)._sendPacket({ cmd: 'puback', messageId: ack.messageId, reasonCode: 0 }, undefined, undefined, true);
      }
    }
    if (this.owedHead > 1024 && this.owedHead * 2 > this.owed.length) {
      this.owed = this.owed.slice(this.owedHead);
      this.owedHead = 0;
    }
  }

  /** Readings not stored: drop the connection so the broker delivers every unacknowledged message again. */
  private notStored(ack: OwedAck, error: unknown): void {
    if (ack.connection !== this.connection || !this.client) return;
    this.log('MQTT readings not stored; reconnecting so the broker delivers them again', { url: this.mode, error: message(error) });
    this.lost();
    this.client.stream?.destroy();
  }

  private set(state: IngressStatus['state'], detail: string): void {
    this.current = { mode: this.mode, state, detail };
    if (state !== 'starting') for (const w of this.startWaiters.splice(0)) w();
  }

  private log(msg: string, fields: Record<string, unknown>): void {
    try {
      this.options.log?.(msg, fields);
    } catch {
      // Logging must not break ingest.
    }
  }
}

/** The URL without its password, for status and logs. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
