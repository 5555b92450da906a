import type { Clock, Digest, Store, WebhookDelivery, WebhookTransport } from '../ports/index.js';

export interface WebhookDispatcherOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly digest: Digest;
  readonly transport: WebhookTransport;
  /** Attempts before a delivery becomes a dead letter (default 8). */
  readonly maxAttempts?: number;
  /** First retry delay (ms, default 2 s); doubles each attempt up to `maxBackoffMs` (default 10 min). */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** How often due deliveries are looked for (ms, default 1 s). */
  readonly pollMs?: number;
  readonly onError?: (e: unknown) => void;
}

export const SIGNATURE_HEADER = 'x-lifeline-signature';

/** `sha256=<hex HMAC-SHA256 of the body with the department's secret>`, as GitHub signs its webhooks. */
export function signature(digest: Digest, secret: string, body: string): string {
  return `sha256=${digest.hmacSha256Hex(secret, body)}`;
}

/**
 * Sends pending webhook deliveries (written in the same transaction as the case change that caused
 * them, so none is lost across a restart), retries failures with exponential backoff, and turns a
 * delivery that keeps failing into a dead letter (GET /webhooks/deliveries?state=dead).
 */
export class WebhookDispatcher {
  private cancel: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly o: WebhookDispatcherOptions) {}

  start(): void {
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.runDue().then(() => undefined, (e: unknown) => this.o.onError?.(e)).finally(() => {
        this.running = undefined;
        if (!this.stopped) this.cancel = this.o.clock.schedule(this.o.pollMs ?? 1000, loop);
      });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancel?.();
    await this.running;
  }

  /** Try every delivery due now; returns how many were attempted. */
  async runDue(): Promise<number> {
    const due = await this.o.store.deliveries.due(this.o.clock.now(), 100);
    await Promise.all(due.map((d) => this.attempt(d)));
    return due.length;
  }

  private async attempt(d: WebhookDelivery): Promise<void> {
    const department = await this.o.store.departments.get(d.department);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-lifeline-event': d.event,
      'x-lifeline-delivery': d.id,
    };
    if (department?.webhookSecret) headers[SIGNATURE_HEADER] = signature(this.o.digest, department.webhookSecret, d.body);
    let error: string | undefined;
    try {
      const { status } = await this.o.transport.post(department?.webhook ?? d.url, d.body, headers);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const now = this.o.clock.now();
    const attempts = d.attempts + 1;
    let next: WebhookDelivery;
    if (error === undefined) next = { ...d, attempts, state: 'delivered', deliveredAt: now };
    else if (attempts >= (this.o.maxAttempts ?? 8)) next = { ...d, attempts, state: 'dead', lastError: error };
    else {
      const delay = Math.min((this.o.backoffMs ?? 2000) * 2 ** (attempts - 1), this.o.maxBackoffMs ?? 600_000);
      next = { ...d, attempts, nextAt: now + delay, lastError: error };
    }
    await this.o.store.commit([{ op: 'delivery.put', delivery: next }]);
  }
}
