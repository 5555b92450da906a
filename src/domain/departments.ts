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
}
