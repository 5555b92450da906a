import { parseArgs } from 'node:util';

/**
 * Configuration: each flag has an environment twin (DESIGN.md, "Processes and configuration").
 * Parsed, validated, then frozen; an invalid value stops start-up with a sentence naming it.
 */
export interface Config {
  readonly host: string;
  readonly port: number;
  readonly mqtt: 'embedded' | 'off' | string;
  readonly mqttPort: number;
  readonly store: string;
  readonly bus: string;
  readonly adminToken: string | undefined;
  readonly adminPassword: string | undefined;
  readonly logLevel: string;
  /** Largest request body accepted, in bytes. */
  readonly bodyLimit: number;
  /** Durability of the SQLite store: 'full' fsyncs each commit. */
  readonly durability: 'full' | 'normal';
  /** Live detection (rules and detectors) on ingested readings. */
  readonly detection: boolean;
}

export const CONFIG_OPTIONS = {
  host: { type: 'string', env: 'LIFELINE_HOST', default: '127.0.0.1', help: 'address the HTTP server listens on' },
  port: { type: 'string', env: 'LIFELINE_PORT', default: '8080', help: 'HTTP API and dashboard port' },
  mqtt: { type: 'string', env: 'LIFELINE_MQTT', default: 'embedded', help: "'embedded', 'off', or mqtt://host:port of an external broker" },
  'mqtt-port': { type: 'string', env: 'LIFELINE_MQTT_PORT', default: '1883', help: 'port of the embedded MQTT broker' },
  store: { type: 'string', env: 'LIFELINE_STORE', default: 'sqlite:./data/lifeline.db', help: 'sqlite:PATH or postgres://…' },
  bus: { type: 'string', env: 'LIFELINE_BUS', default: 'memory', help: "'memory' or nats://host:port" },
  'log-level': { type: 'string', env: 'LIFELINE_LOG_LEVEL', default: 'info', help: 'fatal, error, warn, info, debug, trace or silent' },
  'body-limit': { type: 'string', env: 'LIFELINE_BODY_LIMIT', default: String(16 * 1024 * 1024), help: 'largest request body in bytes' },
  durability: { type: 'string', env: 'LIFELINE_DURABILITY', default: 'full', help: "'full' (fsync at each commit) or 'normal'" },
  detection: { type: 'string', env: 'LIFELINE_DETECTION', default: 'on', help: "'on', or 'off' for a pure ingest/storage node" },
} as const;

export class ConfigError extends Error {}

type Values = Partial<Record<keyof typeof CONFIG_OPTIONS, string>>;

/** Parse argv (flags) and env into a frozen Config; flags win over env, env over defaults. */
export function loadConfig(argv: string[], env: NodeJS.ProcessEnv = process.env, extra: Record<string, { type: 'string' | 'boolean' }> = {}): { config: Config; rest: Record<string, string | boolean | undefined> } {
  const options: Record<string, { type: 'string' | 'boolean' }> = { ...extra };
  for (const [name, o] of Object.entries(CONFIG_OPTIONS)) options[name] = { type: o.type };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: false, strict: true });
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const pick = (name: keyof typeof CONFIG_OPTIONS): string => {
    const o = CONFIG_OPTIONS[name];
    const v = values[name] ?? env[o.env];
    return typeof v === 'string' && v !== '' ? v : o.default;
  };
  const config: Config = Object.freeze({
    host: pick('host'),
    port: portNumber('--port', pick('port'), true),
    mqtt: mqttMode(pick('mqtt')),
    mqttPort: portNumber('--mqtt-port', pick('mqtt-port'), true),
    store: storeUrl(pick('store')),
    bus: busUrl(pick('bus')),
    adminToken: env.LIFELINE_ADMIN_TOKEN || undefined,
    adminPassword: env.LIFELINE_ADMIN_PASSWORD || undefined,
    logLevel: oneOf('--log-level', pick('log-level'), ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    bodyLimit: positiveInt('--body-limit', pick('body-limit')),
    durability: oneOf('--durability', pick('durability'), ['full', 'normal'] as const),
    detection: oneOf('--detection', pick('detection'), ['on', 'off'] as const) === 'on',
  });
  const rest: Record<string, string | boolean | undefined> = {};
  for (const name of Object.keys(extra)) rest[name] = values[name];
  return { config, rest };
}

function portNumber(flag: string, v: string, allowZero: boolean): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1) || n > 65535) throw new ConfigError(`${flag} must be a port number (0–65535), got '${v}'`);
  return n;
}

function positiveInt(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${flag} must be a positive integer, got '${v}'`);
  return n;
}

function oneOf<T extends string>(flag: string, v: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(v)) throw new ConfigError(`${flag} must be one of ${allowed.join(', ')}, got '${v}'`);
  return v as T;
}

function mqttMode(v: string): string {
  if (v === 'embedded' || v === 'off' || /^mqtts?:\/\/[^/]+/.test(v)) return v;
  throw new ConfigError(`--mqtt must be 'embedded', 'off' or mqtt://host:port, got '${v}'`);
}

function storeUrl(v: string): string {
  if (/^sqlite:.+/.test(v) || /^postgres(ql)?:\/\//.test(v)) return v;
  throw new ConfigError(`--store must be sqlite:PATH or postgres://…, got '${v}'`);
}

function busUrl(v: string): string {
  if (v === 'memory' || /^nats:\/\//.test(v)) return v;
  throw new ConfigError(`--bus must be 'memory' or nats://host:port, got '${v}'`);
}

export function configHelp(): string {
  return Object.entries(CONFIG_OPTIONS)
    .map(([name, o]) => `  --${name.padEnd(12)} ${o.env.padEnd(22)} ${o.help} (default ${o.default})`)
    .join('\n');
}
