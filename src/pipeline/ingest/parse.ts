import type { FieldError } from '../../domain/index.js';

/** A parsed body: the items, and the per-item problems found while parsing (NDJSON lines that are not JSON). */
export interface ParsedBody {
  readonly items: unknown[];
  readonly errors: Map<number, FieldError>;
}

export class BodyParseError extends Error {
  constructor(message: string, readonly field: string) {
    super(message);
  }
}

/**
 * A JSON body: an array of items, or a single object (taken as a batch of one).
 * Throws BodyParseError when the body is not JSON at all.
 */
export function parseJsonBody(text: string): ParsedBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new BodyParseError(`body is not valid JSON: ${(e as Error).message}`, 'body');
  }
  if (Array.isArray(value)) return { items: value, errors: new Map() };
  if (typeof value === 'object' && value !== null) return { items: [value], errors: new Map() };
  throw new BodyParseError('body must be a JSON array of readings or one reading object', 'body');
}

/** NDJSON: one JSON item per line; blank lines are skipped; a bad line is an error for its index. */
export function parseNdjson(text: string): ParsedBody {
  const items: unknown[] = [];
  const errors = new Map<number, FieldError>();
  let start = 0;
  const n = text.length;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    let line = text.slice(start, end);
    start = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') continue;
    try {
      items.push(JSON.parse(line));
    } catch {
      errors.set(items.length, { field: `[${items.length}]`, code: 'invalid_json', reason: 'line is not valid JSON' });
      items.push(undefined);
    }
  }
  return { items, errors };
}
