import { EARLIEST_TS, parseTime } from '../domain/index.js';

/**
 * Byte-level helpers for the CSV shapes Lifeline reads and writes (`timestamp,value`,
 * `timestamp,sensor,value`), fast enough for a million rows a second: they read fields straight
 * from the bytes, without building a string per field. Anything unusual falls back to the
 * general parsers (`parseTime`, `Number`), so the fast path never changes an answer.
 */

/** Local copies: an imported binding is a property read on every use when run from source (tsx). */
const EARLIEST = EARLIEST_TS;
const ZERO = 48;
const isDigit = (c: number): boolean => c >= ZERO && c <= ZERO + 9;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** A decimal number in bytes [start, end), or NaN. Plain decimals are parsed inline; others by `Number`. */
export function parseDecimal(buf: Uint8Array, start: number, end: number): number {
  while (start < end && buf[start] === 32) start++;
  while (end > start && buf[end - 1] === 32) end--;
  if (start >= end) return Number.NaN;
  let i = start;
  let negative = false;
  if (buf[i] === 45) { negative = true; i++; } else if (buf[i] === 43) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let seenDigit = false;
  for (; i < end && isDigit(buf[i]!); i++) { mantissa = mantissa * 10 + buf[i]! - ZERO; digits++; seenDigit = true; }
  if (i < end && buf[i] === 46) {
    for (i++; i < end && isDigit(buf[i]!); i++) { mantissa = mantissa * 10 + buf[i]! - ZERO; digits++; scale++; seenDigit = true; }
  }
  // Exact while the mantissa fits 15 digits: one correctly rounded division (as Number() would give).
  if (i === end && seenDigit && digits <= 15) {
    const v = scale === 0 ? mantissa : mantissa / POW10[scale]!;
    return negative ? -v : v;
  }
  const v = Number(latin1(buf, start, end));
  return Number.isFinite(v) ? v : Number.NaN;
}

/**
 * A time in bytes [start, end) as epoch ms, or NaN. `YYYY-MM-DD[T ]hh:mm:ss[.sss][Z]` inline; anything
 * else by `parseTime`.
 */
export function parseTimestamp(buf: Uint8Array, start: number, end: number): number {
  return SHARED_READER.read(buf, start, end);
}

/**
 * `parseTimestamp` for a column of times: rows in time order mostly share their day, so the day's
 * part (calendar check, days since 1970) is computed once per day, and only the time of day per row.
 */
export class TimestampReader {
  /** The last day read (yyyymmdd) and its first millisecond. */
  private day = -1;
  private dayMs = Number.NaN;

  read(buf: Uint8Array, start: number, end: number): number {
    while (start < end && buf[start] === 32) start++;
    while (end > start && (buf[end - 1] === 32 || buf[end - 1] === 13)) end--;
    let n = end - start;
    if (n === 20 || n === 24) { if (buf[end - 1] === 90 || buf[end - 1] === 122) n--; else n = 0; } // Z
    if ((n === 19 || (n === 23 && buf[start + 19] === 46))
      && buf[start + 4] === 45 && buf[start + 7] === 45 && (buf[start + 10] === 84 || buf[start + 10] === 32 || buf[start + 10] === 116)
      && buf[start + 13] === 58 && buf[start + 16] === 58) {
      const y = twoDigits(buf, start) * 100 + twoDigits(buf, start + 2), mo = twoDigits(buf, start + 5), d = twoDigits(buf, start + 8);
      const h = twoDigits(buf, start + 11), mi = twoDigits(buf, start + 14), s = twoDigits(buf, start + 17);
      const ms = n === 23 ? digits(buf, start + 20, 3) : 0;
      if ((y | mo | d | h | mi | s | ms) >= 0 && h <= 23 && mi <= 59 && s <= 59) {
        const day = (y * 100 + mo) * 100 + d;
        if (day !== this.day && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) {
          this.day = day;
          this.dayMs = daysFromCivil(y, mo, d) * 86_400_000;
        }
        if (day === this.day) {
          const ts = this.dayMs + ((h * 60 + mi) * 60 + s) * 1000 + ms;
          return ts >= EARLIEST ? ts : Number.NaN;
        }
      }
    }
    const r = parseTime(latin1(buf, start, end));
    return r.ok ? r.ts : Number.NaN;
  }
}

const SHARED_READER = new TimestampReader();

/** The two decimal digits at `at`, or a negative number when either is not a digit. */
function twoDigits(buf: Uint8Array, at: number): number {
  const a = buf[at]! - ZERO, b = buf[at + 1]! - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -10_000;
}

function digits(buf: Uint8Array, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = buf[i]!;
    if (!isDigit(c)) return -1;
    v = v * 10 + c - ZERO;
  }
  return v;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms"). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function latin1(buf: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]!);
  return s;
}

/** Writes a score in 0..1 with at most 4 decimals ("0", "1", "0.0421") at `pos`; returns the new position. */
export function writeScore(out: Uint8Array, pos: number, score: number): number {
  const k = Math.round((score > 1 ? 1 : score > 0 ? score : 0) * 10_000);
  if (k === 0) { out[pos] = ZERO; return pos + 1; }
  if (k === 10_000) { out[pos] = ZERO + 1; return pos + 1; }
  out[pos] = ZERO; out[pos + 1] = 46;
  let d = 1000, r = k, p = pos + 2;
  while (r > 0) { out[p++] = ZERO + Math.floor(r / d); r %= d; d /= 10; }
  return p;
}

/** Splits one CSV line into fields, with RFC 4180 quotes (the slow path, for headers and quoted rows). */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"') { if (line[i + 1] === '"') { cur += '"'; i++; } else quoted = false; } else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(cur); cur = ''; } else cur += c;
  }
  fields.push(cur);
  return fields;
}

export interface ReadingColumns {
  readonly timestamp: number;
  readonly value: number;
  /** -1 for a one-sensor file. */
  readonly sensor: number;
  readonly count: number;
}

/** Columns of a readings header (`timestamp,value` or `timestamp,sensor,value`, any order), or an error sentence. */
export function readingColumns(header: string): ReadingColumns | string {
  const names = splitCsvLine(header.replace(/^\uFEFF/, '').trim()).map((h) => h.trim().toLowerCase());
  const find = (...options: string[]) => names.findIndex((n) => options.includes(n));
  const timestamp = find('timestamp', 'ts', 'time');
  const value = find('value');
  const sensor = find('sensor', 'sensor_id');
  if (timestamp < 0 || value < 0) return `the header must be 'timestamp,value' or 'timestamp,sensor,value' (got '${header.slice(0, 80)}')`;
  return { timestamp, value, sensor, count: names.length };
}
