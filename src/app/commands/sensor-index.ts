/**
 * The sensors of a replay, found from the id bytes of a row without building a string per row:
 * an open-addressing hash table (FNV-1a of the bytes, linear probing) whose entries keep their id
 * bytes, compared in place. Made for many sensors interleaved row by row: no Map lookup, no
 * native call, a few typed-array reads per row.
 */
export class SensorIndex<T> {
  /** Per slot: entry index + 1, 0 when free. */
  private slots = new Int32Array(1024);
  private mask = 1023;
  /** Per entry: where its id bytes start in `bytes`, their length, its value. */
  private starts: number[] = [];
  private lengths: number[] = [];
  private readonly values: T[] = [];
  private bytes = new Uint8Array(4096);
  private used = 0;
  /** The entry found last: rows come sensor after sensor in a fixed order, or a sensor's rows together. */
  private last = -1;

  get size(): number {
    return this.values.length;
  }

  /** The value of the id in buf[start, end), or undefined if none was added. */
  get(buf: Uint8Array, start: number, end: number): T | undefined {
    // Guess first (the entry after the last one found, or that one again), then look it up. A file
    // of interleaved sensors then walks the entries in order, which the CPU's cache follows well.
    const last = this.last;
    const e = last + 1 < this.values.length && this.matches(last + 1, buf, start, end) ? last + 1
      : last >= 0 && this.matches(last, buf, start, end) ? last
        : this.find(buf, start, end, hash(buf, start, end));
    if (e < 0) return undefined;
    this.last = e;
    return this.values[e];
  }

  /** Adds the id in buf[start, end) (not yet in the index) with its value. */
  add(buf: Uint8Array, start: number, end: number, value: T): void {
    const n = end - start;
    if (this.used + n > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(2 * this.bytes.length, this.used + n));
      bigger.set(this.bytes.subarray(0, this.used));
      this.bytes = bigger;
    }
    this.bytes.set(buf.subarray(start, end), this.used);
    this.starts.push(this.used);
    this.lengths.push(n);
    this.values.push(value);
    this.used += n;
    if (2 * this.values.length > this.slots.length) this.grow();
    else this.place(this.values.length - 1, hash(buf, start, end));
  }

  private find(buf: Uint8Array, start: number, end: number, h: number): number {
    const slots = this.slots, mask = this.mask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = slots[s]! - 1;
      if (e < 0 || this.matches(e, buf, start, end)) return e;
    }
  }

  /** Whether entry e's id is the bytes buf[start, end). */
  private matches(e: number, buf: Uint8Array, start: number, end: number): boolean {
    const n = end - start;
    if (this.lengths[e] !== n) return false;
    const bytes = this.bytes, at = this.starts[e]!;
    let i = 0;
    while (i < n && bytes[at + i] === buf[start + i]) i++;
    return i === n;
  }

  private place(e: number, h: number): void {
    let s = h & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    this.slots[s] = e + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let e = 0; e < this.values.length; e++) {
      const at = this.starts[e]!;
      this.place(e, hash(this.bytes, at, at + this.lengths[e]!));
    }
  }
}

/** FNV-1a of buf[start, end). */
function hash(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h;
}
