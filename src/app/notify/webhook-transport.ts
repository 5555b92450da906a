import type { WebhookTransport } from '../../ports/index.js';

/** Webhooks over HTTP(S) with fetch; a receiver that does not answer within `timeoutMs` counts as failed. */
export function httpWebhookTransport(timeoutMs = 10_000): WebhookTransport {
  return {
    async post(url, body, headers) {
      const res = await fetch(url, { method: 'POST', body, headers: { ...headers, 'user-agent': 'lifeline-webhooks' }, signal: AbortSignal.timeout(timeoutMs) });
      await res.arrayBuffer().catch(() => undefined);
      return { status: res.status };
    },
  };
}
