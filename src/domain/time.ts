/**
 * Times on input are ISO 8601 or epoch milliseconds; `YYYY-MM-DD hh:mm:ss` (no zone) is taken as UTC.
 * Anything before 2000-01-01 is refused: it is almost always epoch seconds sent as milliseconds.
 */
export const EARLIEST_TS = Date.UTC(2000, 0, 1);

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export type TimeResult = { ok: true; ts: number } | { ok: false; reason: string };

export function parseTime(input: unknown): TimeResult {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: 'time is not a finite number' };
    if (input < EARLIEST_TS) return { ok: false, reason: 'time is before 2000-01-01 (epoch seconds instead of milliseconds?)' };
    return { ok: true, ts: Math.round(input) };
  }
  if (typeof input !== 'string') return { ok: false, reason: 'time must be an ISO 8601 string or epoch milliseconds' };
  const s = input.trim();
  if (/^\d{12,14}$/.test(s)) return parseTime(Number(s));
  const m = ISO.exec(s);
  if (!m) return { ok: false, reason: `'${input.slice(0, 40)}' is not an ISO 8601 time` };
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone = 'Z'] = m;
  const ms = frac ? Math.round(Number(frac) * 1000) : 0;
  let ts = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), ms);
  const check = new Date(ts);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(sec) > 60) {
    return { ok: false, reason: `'${input.slice(0, 40)}' is not a valid date and time` };
  }
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ts -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  if (ts < EARLIEST_TS) return { ok: false, reason: 'time is before 2000-01-01' };
  return { ok: true, ts };
}

export function toIso(ts: number): string {
  return new Date(ts).toISOString();
}
