/** A page of a list: `next` is the cursor of the following page, or null. */
export interface Page<T> {
  readonly items: T[];
  readonly next: string | null;
}

/** Cursors are opaque to clients; every adapter makes them the same way: the last id, base64url. */
export function cursorAfter(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function idFromCursor(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

export interface ListOptions {
  readonly limit: number;
  readonly cursor?: string | null;
}
