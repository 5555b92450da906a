import type { Domain } from './domains.js';

/** An organisation that owns assets and disposes cases (部门). */
export interface Department {
  readonly id: string;
  readonly name: string;
  readonly nameEn?: string;
  /** The lifelines it is responsible for. */
  readonly domains: readonly Domain[];
  /** Where its case notifications go (signed webhook), if anywhere. */
  readonly webhook?: string;
  /** The HMAC-SHA256 key its webhook bodies are signed with (never listed by the API). */
  readonly webhookSecret?: string;
}
