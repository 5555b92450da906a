import { closeSync, fstatSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { isDomain, isQuantity } from '../../domain/index.js';
import type { Domain, Quantity } from '../../domain/index.js';
import { createDetectionEngine } from '../../pipeline/detect/engine.js';
import type { Rule } from '../../pipeline/detect/rules/types.js';
import { ruleProblem } from '../../pipeline/detect/rules/validate.js';
import type { SensorMonitor } from '../../pipeline/detect/sensor-monitor.js';
import { latin1, parseDecimal, parseTimestamp, readingColumns, splitCsvLine, TimestampReader, writeScore } from '../../share/csv.js';
import type { ReadingColumns } from '../../share/csv.js';
import { SensorIndex } from './sensor-index.js';

export const summary = 'run rules and detectors over a CSV of history (adds anomaly_score and level)';

const USAGE = `Usage: lifeline replay --input FILE.csv --out OUT.csv [--quantity Q] [--rules FILE] [--domain D]

Runs the live server's detection (rules, device health, detectors, analytics) over history.
The input has a header 'timestamp,value' (one sensor) or 'timestamp,sensor,value'; times are
ISO 8601 or 'YYYY-MM-DD hh:mm:ss' (UTC). The output repeats every row and adds 'anomaly_score'
(0..1, from the detectors) and 'level' (empty, or 1-4 while an alarm is active).

  --quantity Q   what the series measures (methane, pressure, flow, level_ratio, strain, …);
                 default 'generic': detectors only, no physical rules
  --rules FILE   JSON array of rules, applied on top of the default templates
  --domain D     the lifeline (gas, water, drainage, bridge, …); default: the quantity's usual one
`;

// 256 KiB: small enough that a chunk is still in the CPU's cache when parsed (after the read) and
// when written out (after the rows): 4 MiB chunks made the replay 10 % slower.
const CHUNK = 256 << 10;
// Local copies of the hot helpers: an imported binding is a property read per call when run from source.
const readNumber = parseDecimal, putScore = writeScore;
const LEVEL_BYTES = [0, 49, 50, 51, 52]; // '', '1'..'4'

export async function run(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        input: { type: 'string' }, out: { type: 'string' }, quantity: { type: 'string' },
        rules: { type: 'string' }, domain: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (e) {
    process.stderr.write(`lifeline replay: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) { process.stdout.write(USAGE); return 0; }
  if (!args.input || !args.out) { process.stderr.write(`lifeline replay: --input and --out are required\n${USAGE}`); return 2; }
  const quantity = args.quantity ?? 'generic';
  if (!isQuantity(quantity)) { process.stderr.write(`lifeline replay: unknown quantity '${quantity}'\n`); return 2; }
  if (args.domain !== undefined && !isDomain(args.domain)) { process.stderr.write(`lifeline replay: unknown domain '${args.domain}'\n`); return 2; }
  let rules: Rule[] = [];
  if (args.rules) {
    try {
      const parsed = JSON.parse(readFileSync(args.rules, 'utf8')) as unknown;
      rules = (Array.isArray(parsed) ? parsed : (parsed as { rules?: unknown }).rules) as Rule[];
      if (!Array.isArray(rules)) throw new Error('expected a JSON array of rules (or {"rules": [...]})');
      for (const [i, rule] of rules.entries()) {
        const problem = ruleProblem(rule);
        if (problem) throw new Error(`rule [${i}]: ${problem}`);
      }
    } catch (e) {
      process.stderr.write(`lifeline replay: --rules ${args.rules}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  try {
    const stats = replayFile({ input: args.input, out: args.out, quantity, domain: args.domain as Domain | undefined, rules });
    if (stats.badRows > 0) process.stderr.write(`lifeline replay: ${stats.badRows} row(s) with an unreadable time or value were copied with empty score and level\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`lifeline replay: ${(e as Error).message}\n`);
    return 1;
  }
}

export interface ReplayOptions {
  readonly input: string;
  readonly out: string;
  readonly quantity: Quantity;
  readonly domain?: Domain;
  readonly rules?: readonly Rule[];
  /** Progress on stderr; default: when stderr is a terminal and the input is large. */
  readonly progress?: boolean;
}

export interface ReplayStats {
  readonly rows: number;
  readonly badRows: number;
  readonly sensors: number;
  readonly stateBytes: number;
}

/**
 * Streams the input through the detection engine and writes the output, reading and writing in
 * chunks (CHUNK) and parsing fields from the bytes (no string or object per row).
 */
export function replayFile(o: ReplayOptions): ReplayStats {
  const engine = createDetectionEngine({ rules: o.rules ?? [] });
  const fallbackId = basename(o.input).replace(/\.csv$/i, '');
  const monitors = new Map<string, SensorMonitor>();
  const monitorFor = (id: string): SensorMonitor => {
    let m = monitors.get(id);
    if (!m) { m = engine.monitor({ id, quantity: o.quantity, domain: o.domain }); monitors.set(id, m); }
    return m;
  };

  const inFd = openSync(o.input, 'r');
  const size = fstatSync(inFd).size;
  const outFd = openSync(o.out, 'w');
  const progress = new Progress(size, o.progress ?? (process.stderr.isTTY === true && size > 16 << 20));
  let buf = Buffer.allocUnsafe(CHUNK);
  // Room for a whole chunk of rows and what each gains (≤ 16 bytes), flushed between rows.
  let out = Buffer.allocUnsafe(CHUNK * 2);
  let outPos = 0;
  let carry = 0; // bytes of an unfinished line at the start of buf
  let columns: ReadingColumns | undefined;
  let rows = 0, badRows = 0, read = 0;
  let single: SensorMonitor | undefined;
  const times = new TimestampReader();

  const flush = (): void => { if (outPos > 0) { writeSync(outFd, out, 0, outPos); outPos = 0; } };

  /** The header line [ls, le): the columns, repeated with the two new ones. Blank lines before it are skipped. */
  const header = (ls: number, le: number): void => {
    if (le > ls && buf[le - 1] === 13) le--;
    if (le === ls) return;
    const c = readingColumns(buf.toString('utf8', ls, le));
    if (typeof c === 'string') throw new Error(`${o.input}: ${c}`);
    columns = c;
    if (c.sensor < 0) single = monitorFor(fallbackId);
    const tail = Buffer.from(',anomaly_score,level\n');
    buf.copy(out, outPos, ls, le); outPos += le - ls; tail.copy(out, outPos); outPos += tail.length;
  };

  /**
   * The rows in buf[from, end): each is copied to the output with its score and level. One pass
   * over a row's bytes copies it and finds its fields; a row with quotes is split again by
   * `splitCsvLine`. Returns where the unfinished last row starts (`end` when `final`: no newline
   * is coming, the last row ends at `end`).
   */
  const rowsIn = (from: number, end: number, final: boolean): number => {
    // Locals, not the closure's variables, per byte and per row: writing a closure variable costs a
    // context store each time.
    const b = buf, tsCol = columns!.timestamp, valueCol = columns!.value, sensorCol = columns!.sensor, one = single;
    let ob = out, p = outPos, count = 0, bad = 0;
    let ls = from;
    while (ls < end) {
      if (p + (end - ls) + 16 > ob.length) {
        outPos = p; flush(); p = 0;
        if (end - ls + 16 > ob.length) ob = out = Buffer.allocUnsafe(2 * (end - ls + 16));
      }
      const p0 = p;
      let ts = Number.NaN, value = Number.NaN;
      let m: SensorMonitor | undefined = one;
      let quoted = false, field = 0, fs = ls, i = ls;
      for (; i < end; i++) {
        const c = b[i]!;
        if (c <= 44) { // the bytes that matter here (\n " ,) are all below digits and letters
          if (c === 10) break;
          if (c === 34) quoted = true;
          else if (c === 44 && !quoted) {
            if (field === tsCol) ts = times.read(b, fs, i);
            else if (field === valueCol) value = readNumber(b, fs, i);
            else if (field === sensorCol) m = sensorAt(fs, i);
            field++;
            fs = i + 1;
          }
        }
        ob[p++] = c;
      }
      if (i === end && !final) { p = p0; break; } // the rest of this row comes with the next read
      const next = i + 1;
      let le = i;
      if (le > ls && b[le - 1] === 13) { le--; p--; }
      if (le === ls) { ls = next; continue; } // a blank line
      if (!quoted) {
        if (field === tsCol) ts = times.read(b, fs, le);
        else if (field === valueCol) value = readNumber(b, fs, le);
        else if (field === sensorCol) m = sensorAt(fs, le);
      } else {
        const f = splitCsvLine(b.toString('utf8', ls, le));
        const tb = Buffer.from(f[tsCol] ?? ''), vb = Buffer.from(f[valueCol] ?? '');
        ts = parseTimestamp(tb, 0, tb.length);
        value = parseDecimal(vb, 0, vb.length);
        m = one ?? monitorFor((f[sensorCol] ?? '').trim());
      }
      ls = next;
      count++;
      if (ts !== ts || value !== value || m === undefined) {
        bad++;
        ob[p++] = 44; ob[p++] = 44; ob[p++] = 10;
        continue;
      }
      m.process(ts, value);
      ob[p++] = 44;
      p = putScore(ob, p, m.score);
      ob[p++] = 44;
      if (m.level !== 0) ob[p++] = LEVEL_BYTES[m.level]!;
      ob[p++] = 10;
    }
    outPos = p;
    rows += count;
    badRows += bad;
    return ls;
  };

  // The sensor of a row, found from its id bytes (sensor-index.ts); the id string is made once per sensor.
  const sensors = new SensorIndex<SensorMonitor>();
  const sensorAt = (fs: number, fe: number): SensorMonitor | undefined => {
    const b = buf;
    while (fs < fe && b[fs] === 32) fs++;
    while (fe > fs && b[fe - 1] === 32) fe--;
    if (fe === fs) return undefined;
    let m = sensors.get(b, fs, fe);
    if (m === undefined) { m = monitorFor(latin1(b, fs, fe)); sensors.add(b, fs, fe, m); }
    return m;
  };

  try {
    for (;;) {
      if (carry === buf.length) { const bigger = Buffer.allocUnsafe(buf.length * 2); buf.copy(bigger, 0, 0, carry); buf = bigger; }
      const n = readSync(inFd, buf, carry, buf.length - carry, null);
      const end = carry + n;
      read += n;
      let ls = 0;
      while (columns === undefined) {
        let nl = buf.indexOf(10, ls);
        if (nl < 0 || nl >= end) { if (n > 0) break; nl = end; }
        header(ls, nl);
        ls = nl + 1;
        if (ls > end) break;
      }
      if (columns !== undefined && ls < end) ls = rowsIn(ls, end, n === 0);
      if (n === 0) break;
      buf.copy(buf, 0, ls, end);
      carry = end - ls;
      progress.update(read, rows);
    }
    flush();
  } finally {
    progress.done(rows);
    closeSync(inFd);
    closeSync(outFd);
  }
  if (columns === undefined) throw new Error(`${o.input}: empty file (no header)`);
  return { rows, badRows, sensors: monitors.size, stateBytes: engine.stateBytes() };
}

/** A progress bar on stderr, redrawn at most 5 times a second. */
class Progress {
  private next = 0;
  private readonly started = Date.now();
  constructor(private readonly total: number, private readonly enabled: boolean) {}
  update(done: number, rows: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now < this.next) return;
    this.next = now + 200;
    const f = this.total > 0 ? Math.min(1, done / this.total) : 0;
    const width = 30, filled = Math.round(f * width);
    const rate = rows / Math.max(0.001, (now - this.started) / 1000);
    process.stderr.write(`\rreplay [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)}%  ${rows.toLocaleString('en')} rows  ${Math.round(rate).toLocaleString('en')} rows/s `);
  }
  done(rows: number): void {
    if (!this.enabled) return;
    this.next = 0;
    this.update(this.total, rows);
    process.stderr.write('\n');
  }
}
