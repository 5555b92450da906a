/**
 * The device side of bench/mqtt-ingest.ts, in its own process: publishes single-reading QoS 1
 * messages to `lifeline/readings/<id>` with many in flight and counts the PUBACKs. The in-flight
 * window is shared by `connections` clients (a city has many devices, each its own connection).
 * Run by the bench (fork, IPC): a Job in, a PublisherResult out.
 */
import mqtt, { type MqttClient } from 'mqtt';

export interface Job {
  readonly url: string;
  readonly sensors: number;
  readonly inFlight: number;
  readonly connections: number;
  readonly warmupS: number;
  readonly seconds: number;
  /** Time of the first round; each round (every sensor once) is 1 s later. */
  readonly start: number;
}

export interface PublisherResult {
  /** PUBACKs received during the measured seconds. */
  readonly acked: number;
  readonly elapsed: number;
  readonly totalAcked: number;
  readonly sent: number;
  readonly errors: number;
}

process.once('message', (job: Job) => void run(job));

async function run(job: Job): Promise<void> {
  const clients = await Promise.all(Array.from({ length: job.connections }, (_, c) =>
    mqtt.connectAsync(job.url, { clean: true, reconnectPeriod: 0, clientId: `bench-pub-${process.pid}-${c}` })));
  const topics = Array.from({ length: job.sensors }, (_, i) => `lifeline/readings/S${i}`);
  let next = 0;
  let acked = 0;
  let errors = 0;
  let stop = false;
  const pumps = clients.map((client) => pumpFor(client, Math.ceil(job.inFlight / job.connections)));

  /** Keeps `window` publishes of one client in flight, refilling once per turn of the event loop. */
  function pumpFor(client: MqttClient, window: number) {
    let inFlight = 0;
    let scheduled = false;
    const onAck = (error?: Error) => {
      inFlight--;
      if (error) errors++;
      else acked++;
      if (!scheduled && !stop) { scheduled = true; setImmediate(fill); }
    };
    function fill(): void {
      scheduled = false;
      while (inFlight < window && !stop) {
        // Each sensor once per round, so (sensor, ts) never repeats.
        const i = next++;
        const ts = job.start + Math.floor(i / job.sensors) * 1000;
        inFlight++;
        client.publish(topics[i % job.sensors]!, `{"ts":${ts},"value":${(0.3 + (i % 97) / 1000).toFixed(3)}}`, { qos: 1 }, onAck);
      }
    }
    fill();
    return { idle: () => inFlight === 0 };
  }

  await sleep(job.warmupS * 1000);
  const a0 = acked;
  const t0 = performance.now();
  await sleep(job.seconds * 1000);
  const a1 = acked;
  const elapsed = (performance.now() - t0) / 1000;
  stop = true;
  while (!pumps.every((p) => p.idle())) await sleep(10);
  await Promise.all(clients.map((c) => c.endAsync()));
  const result: PublisherResult = { acked: a1 - a0, elapsed, totalAcked: acked, sent: next, errors };
  process.send!(result, () => process.exit(0));
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
