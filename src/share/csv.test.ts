import { describe, expect, it } from 'vitest';
import { parseTime } from '../domain/index.js';
import { daysFromCivil, parseDecimal, parseTimestamp, readingColumns, splitCsvLine, TimestampReader, writeScore } from './csv.js';

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

  it('reads a column of times as parseTime does, the day cached or not', () => {
    const reader = new TimestampReader();
    const read = (s: string): number => { const b = bytes(s); return reader.read(b, 0, b.length); };
    const times = [
      '2024-03-04T05:06:00Z', '2024-03-04T05:06:01.250Z', '2024-03-04 23:59:59.999', '2024-03-05t00:00:00z', '2024-03-05T00:00:00.000',
      '2024-02-29 12:00:00', '2023-02-29 12:00:00', '2024-02-29 24:00:00', '2024-02-29 12:60:00', '2024-02-29 12:00:60',
      '2024-02-29T12:00:00.5Z', '2024-02-29T12:00:00.12Z', '2024-02-29T12:00:00.1234Z', '2024-02-29T12:00:00+08:00',
      '1999-12-31 23:59:59.999', '2000-01-01 00:00:00.000', '2024-04-31 00:00:00', '2024-04-30 00:00:00', '2024-4-30 00:00:00',
      ' 2024-04-30 00:00:01 ', '2024-04-30 00:00:0x', 'x024-04-30 00:00:00', '2024-04-30T00:00:00ZZ',
    ];
    for (const s of times) {
      const r = parseTime(s);
      const want = r.ok ? r.ts : Number.NaN;
      expect(read(s), s).toBe(want);
      expect(time(s), s).toBe(want);
    }
    for (let ms = 0; ms < 1000; ms++) {
      const s = `2024-03-04T05:06:07.${String(ms).padStart(3, '0')}Z`;
      expect(read(s)).toBe(Date.parse(s));
    }
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
