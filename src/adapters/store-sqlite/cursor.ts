import { validationError } from '../../domain/index.js';

/**
 * List cursors are opaque to clients: the id of the last item of the page, base64url-encoded
 * with a version prefix so the format can change without misreading old cursors.
 */
export function encodeCursor(lastId: string): string {
  return Buffer.from(`1:${lastId}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | undefined {
  if (cursor === undefined || cursor === null || cursor === '') return undefined;
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith('1:')) throw validationError('cursor', 'is not a cursor this list returned', 'bad_cursor');
  return text.slice(2);
}

export const MAX_LIMIT = 100_000;

export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw validationError('limit', `must be an integer from 1 to ${MAX_LIMIT}`, 'out_of_range');
  }
  return limit;
}
