/**
 * A source of raw messages from devices (an MQTT broker, embedded or external). The adapter calls
 * `onMessage` for each publish and acknowledges it (PUBACK for QoS 1) only when the returned promise
 * resolves, which the core does once the readings are durable. A rejected promise means "not stored":
 * the adapter must not acknowledge it.
 */
export type MessageHandler = (topic: string, payload: Buffer) => Promise<void>;

export interface IngressStatus {
  /** e.g. 'embedded', 'mqtt://127.0.0.1:1883', 'off' */
  readonly mode: string;
  readonly state: 'starting' | 'up' | 'down' | 'port_in_use' | 'off';
  /** A plain sentence for the banner and /health, e.g. why the broker is not listening. */
  readonly detail: string;
  readonly port?: number;
}

export interface ReadingIngress {
  start(onMessage: MessageHandler): Promise<IngressStatus>;
  status(): IngressStatus;
  /** Stop taking messages, wait for those in flight, disconnect. */
  stop(): Promise<void>;
}
