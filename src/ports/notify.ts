/** Hashing and signing, so the core can chain audit events and sign webhooks without importing crypto. */
export interface Digest {
  sha256Hex(text: string): string;
  hmacSha256Hex(key: string, text: string): string;
}

/** Posts a webhook body; resolves with the HTTP status, rejects on a network error or timeout. */
export interface WebhookTransport {
  post(url: string, body: string, headers: Readonly<Record<string, string>>): Promise<{ status: number }>;
}
