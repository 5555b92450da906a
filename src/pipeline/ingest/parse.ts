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

/**
 * NDJSON: one JSON item per line; blank lines are skipped; a bad line is an error for its index.
 * Well-formed bodies are parsed as one JSON array (V8 parses one large array about twice as fast as
 * a thousand small documents); a body that is not, line by line, so each bad line gets its index.
 */
export function parseNdjson(text: string): ParsedBody {
  const whole = parseAsArray(text);
  return whole ? { items: whole, errors: new Map() } : parseLineByLine(text);
}

function parseAsArray(text: string): unknown[] | undefined {
  const body = text.trimEnd();
  if (body === '') return [];
  let lines = 1;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) lines++;
  let items: unknown;
  try {
    items = JSON.parse(`[${body.replace(/\r?\n/g, ',')}]`);
  } catch {
    return undefined;
  }
  // A line holding two values ("1,2") would shift every index after it: only one value per line counts.
  return Array.isArray(items) && items.length === lines ? items : undefined;
}

function parseLineByLine(text: string): ParsedBody {
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
