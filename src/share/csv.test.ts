import { describe, expect, it } from 'vitest';
import { parseTime } from '../domain/index.js';
import { daysFromCivil, parseDecimal, parseTimestamp, readingColumns, splitCsvLine, writeScore } from './csv.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const num = (s: string): number => { const b = bytes(s); return parseDecimal(b, 0, b.length); };
const time = (s: string): number => { const b = bytes(s); return parseTimestamp(b, 0, b.length); };

describe('CSV fields from bytes', () => {
  it('reads decimals exactly as Number does', () => {
    for (const s of ['0', '1', '-2.5', '0.3966', '12345.678901', '+7', ' 3.25 ', '1e3', '-0.001', '99999999999999.9', '0.1234567890123456789']) {
      expect(num(s)).toBe(Number(s.trim()));
    }
  });

  it('refuses what is not a finite number', () => {
    for (const s of ['', 'abc', '1.2.3', 'NaN', 'Infinity', '--1', '.']) expect(num(s)).toBeNaN();
  });

  it('reads both time formats as parseTime does, fast path or not', () => {
    for (const s of ['2024-03-04T05:06:00Z', '2024-03-04 05:06:00', '2024-02-29T23:59:59Z', '2024-03-04T05:06:00.250Z', '2024-03-04T13:06:00+08:00', '2024-03-04T05:06']) {
      const r = parseTime(s);
      expect(r.ok).toBe(true);
      expect(time(s)).toBe(r.ok ? r.ts : Number.NaN);
    }
    expect(time('2023-02-29 00:00:00')).toBeNaN();
    expect(time('2024-13-01 00:00:00')).toBeNaN();
    expect(time('1999-12-31 23:00:00')).toBeNaN();
    expect(time('yesterday')).toBeNaN();
  });

  it('counts days as the calendar does', () => {
    for (const [y, m, d] of [[1970, 1, 1], [2000, 2, 29], [2024, 12, 31], [2100, 3, 1]] as const) {
      expect(daysFromCivil(y, m, d) * 86_400_000).toBe(Date.UTC(y, m - 1, d));
    }
  });

  it('writes scores with at most four decimals', () => {
    const out = new Uint8Array(16);
    const w = (x: number): string => new TextDecoder().decode(out.subarray(0, writeScore(out, 0, x)));
    expect([w(0), w(1), w(0.5), w(0.04213), w(0.99999), w(-1), w(2), w(0.0001)]).toEqual(['0', '1', '0.5', '0.0421', '1', '0', '1', '0.0001']);
  });

  it('finds the columns of either header, and splits quoted fields', () => {
    expect(readingColumns('timestamp,value')).toEqual({ timestamp: 0, value: 1, sensor: -1, count: 2 });
    expect(readingColumns('\uFEFFtimestamp,sensor,value')).toEqual({ timestamp: 0, value: 2, sensor: 1, count: 3 });
    expect(readingColumns('time,reading')).toMatch(/header must be/);
    expect(splitCsvLine('"2024-01-01 00:00:00","a,b",1')).toEqual(['2024-01-01 00:00:00', 'a,b', '1']);
  });
});
