import { LifelineError } from '../domain/index.js';

export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 100_000;

export function parseLimit(raw: unknown): number {
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) {
    throw new LifelineError('validation_failed', `limit must be an integer from 1 to ${MAX_LIMIT}`, [{ field: 'limit', code: 'invalid', reason: `must be an integer from 1 to ${MAX_LIMIT}` }]);
  }
  return n;
}
