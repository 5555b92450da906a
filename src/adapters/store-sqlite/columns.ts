/** Readings in columns, keyed by sensor key: the shape batches take inside the adapter. */
export interface Columns {
  readonly length: number;
  readonly key: Int32Array;
  readonly ts: Float64Array;
  readonly value: Float64Array;
}

export function allocateColumns(length: number): Columns {
  return { length, key: new Int32Array(length), ts: new Float64Array(length), value: new Float64Array(length) };
}

/** The rows at `indexes`, copied. */
export function pickRows(from: Columns, indexes: ArrayLike<number>, count = indexes.length): Columns {
  const out = allocateColumns(count);
  for (let j = 0; j < count; j++) {
    const i = indexes[j]!;
    out.key[j] = from.key[i]!;
    out.ts[j] = from.ts[i]!;
    out.value[j] = from.value[i]!;
  }
  return out;
}

/** Several column sets as one (shares the single one's arrays). */
export function concatColumns(parts: readonly Columns[]): Columns {
  if (parts.length === 1) return parts[0]!;
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = allocateColumns(total);
  let at = 0;
  for (const p of parts) {
    out.key.set(p.key.subarray(0, p.length), at);
    out.ts.set(p.ts.subarray(0, p.length), at);
    out.value.set(p.value.subarray(0, p.length), at);
    at += p.length;
  }
  return out;
}

/**
 * One buffer holding a batch's three columns (ts, value, key: each 8-byte column first, so every
 * view is aligned), to be transferred to the writer thread without copying.
 */
export function packColumns(batch: Columns): ArrayBuffer {
  const n = batch.length;
  const buffer = new ArrayBuffer(n * 20);
  new Float64Array(buffer, 0, n).set(batch.ts.subarray(0, n));
  new Float64Array(buffer, n * 8, n).set(batch.value.subarray(0, n));
  new Int32Array(buffer, n * 16, n).set(batch.key.subarray(0, n));
  return buffer;
}

export function unpackColumns(buffer: ArrayBuffer, n: number): Columns {
  return {
    length: n,
    ts: new Float64Array(buffer, 0, n),
    value: new Float64Array(buffer, n * 8, n),
    key: new Int32Array(buffer, n * 16, n),
  };
}

/** A column as a blob for SQLite, without copying. */
export function columnBlob(column: Int32Array | Float64Array, length: number): Buffer {
  return Buffer.from(column.buffer, column.byteOffset, length * column.BYTES_PER_ELEMENT);
}

/** Columns from the blobs of a staging_log row (copied where the blob is not aligned for a typed view). */
export function columnsFromBlobs(rows: number, keys: Buffer, ts: Buffer, vals: Buffer): Columns {
  return { length: rows, key: view(keys, Int32Array, rows), ts: view(ts, Float64Array, rows), value: view(vals, Float64Array, rows) };
}

function view<T extends Int32Array | Float64Array>(blob: Buffer, Type: { new (b: ArrayBufferLike, o: number, n: number): T; BYTES_PER_ELEMENT: number }, n: number): T {
  if (blob.byteLength !== n * Type.BYTES_PER_ELEMENT) throw new Error('staging_log blob has the wrong length');
  if (blob.byteOffset % Type.BYTES_PER_ELEMENT === 0) return new Type(blob.buffer, blob.byteOffset, n);
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Type(copy.buffer, 0, n);
}
