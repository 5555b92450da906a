import { describe, expect, it } from 'vitest';
import { parseTime } from './time.js';

describe('parseTime', () => {
  it('reads ISO 8601 with Z, with an offset, and without a zone as UTC', () => {
    expect(parseTime('2024-03-04T05:06:00Z')).toEqual({ ok: true, ts: Date.UTC(2024, 2, 4, 5, 6) });
    expect(parseTime('2024-03-04T13:06:00+08:00')).toEqual({ ok: true, ts: Date.UTC(2024, 2, 4, 5, 6) });
    expect(parseTime('2024-03-04 05:06:00')).toEqual({ ok: true, ts: Date.UTC(2024, 2, 4, 5, 6) });
    expect(parseTime('2024-03-04T05:06:07.250Z')).toEqual({ ok: true, ts: Date.UTC(2024, 2, 4, 5, 6, 7, 250) });
  });
  it('reads epoch milliseconds as numbers and digit strings', () => {
    expect(parseTime(1_700_000_000_000)).toEqual({ ok: true, ts: 1_700_000_000_000 });
    expect(parseTime('1700000000000')).toEqual({ ok: true, ts: 1_700_000_000_000 });
  });
  it('refuses impossible dates, garbage and epoch seconds', () => {
    expect(parseTime('2024-02-30T00:00:00Z').ok).toBe(false);
    expect(parseTime('yesterday').ok).toBe(false);
    expect(parseTime(1_700_000_000).ok).toBe(false);
    expect(parseTime(Number.NaN).ok).toBe(false);
    expect(parseTime({}).ok).toBe(false);
  });
});
