import { closeSync, fstatSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { isDomain, isQuantity } from '../../domain/index.js';
import type { Domain, Quantity } from '../../domain/index.js';
import { createDetectionEngine } from '../../pipeline/detect/engine.js';
import type { Rule } from '../../pipeline/detect/rules/types.js';
import { ruleProblem } from '../../pipeline/detect/rules/validate.js';
import type { SensorMonitor } from '../../pipeline/detect/sensor-monitor.js';
import { latin1, parseDecimal, parseTimestamp, readingColumns, splitCsvLine, writeScore } from '../../share/csv.js';
import type { ReadingColumns } from '../../share/csv.js';

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

const CHUNK = 4 << 20;
// Local copies of the hot helpers: an imported binding is a property read per call when run from source.
const readTime = parseTimestamp, readNumber = parseDecimal, putScore = writeScore;
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
 * large chunks and parsing fields from the bytes (no string or object per row).
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
  let out = Buffer.allocUnsafe(CHUNK * 2);
  let outPos = 0;
  let carry = 0; // bytes of an unfinished line at the start of buf
  let columns: ReadingColumns | undefined;
  let rows = 0, badRows = 0, read = 0;
  let single: SensorMonitor | undefined;

  const flush = (): void => { if (outPos > 0) { writeSync(outFd, out, 0, outPos); outPos = 0; } };

  const handleLine = (ls: number, le: number): void => {
    if (le > ls && buf[le - 1] === 13) le--;
    if (le === ls) return;
    if (columns === undefined) {
      const header = buf.toString('utf8', ls, le);
      const c = readingColumns(header);
      if (typeof c === 'string') throw new Error(`${o.input}: ${c}`);
      columns = c;
      if (c.sensor < 0) single = monitorFor(fallbackId);
      const tail = Buffer.from(',anomaly_score,level\n');
      buf.copy(out, outPos, ls, le); outPos += le - ls; tail.copy(out, outPos); outPos += tail.length;
      return;
    }
    rows++;
    if (outPos + (le - ls) + 16 > out.length) { flush(); if (le - ls + 16 > out.length) out = Buffer.allocUnsafe(2 * (le - ls + 16)); }
    // Locals, not the closure's variables, in the per-byte loop: a closure variable written per byte
    // costs a context store each time.
    const b = buf, ob = out, cols = columns;
    let p = outPos;
    // One pass over the row: copy it to the output and find its fields (plain rows; quoted ones below).
    let ts = Number.NaN, value = Number.NaN;
    let m: SensorMonitor | undefined = single;
    let quoted = false;
    let field = 0, fs = ls;
    for (let i = ls; i <= le; i++) {
      const c = i < le ? b[i]! : 44;
      if (i < le) ob[p++] = c;
      if (c === 34) { quoted = true; continue; }
      if (c !== 44 || quoted) continue;
      if (field === cols.timestamp) ts = readTime(b, fs, i);
      else if (field === cols.value) value = readNumber(b, fs, i);
      else if (field === cols.sensor) m = sensorAt(fs, i);
      field++;
      fs = i + 1;
    }
    if (quoted) {
      const f = splitCsvLine(b.toString('utf8', ls, le));
      const tb = Buffer.from(f[cols.timestamp] ?? ''), vb = Buffer.from(f[cols.value] ?? '');
      ts = parseTimestamp(tb, 0, tb.length);
      value = parseDecimal(vb, 0, vb.length);
      m = single ?? monitorFor((f[cols.sensor] ?? '').trim());
    }
    if (ts !== ts || value !== value || m === undefined) {
      badRows++;
      ob[p++] = 44; ob[p++] = 44; ob[p++] = 10;
      outPos = p;
      return;
    }
    m.process(ts, value);
    ob[p++] = 44;
    p = putScore(ob, p, m.score);
    ob[p++] = 44;
    if (m.level !== 0) ob[p++] = LEVEL_BYTES[m.level]!;
    ob[p++] = 10;
    outPos = p;
  };

  // The sensor of a row, found by a hash of its id bytes (no string built per row): FNV-1a, with
  // the bytes kept to rule out collisions; the id string is made once per sensor.
  const byHash = new Map<number, { bytes: Buffer; monitor: SensorMonitor }[]>();
  const sensorAt = (fs: number, fe: number): SensorMonitor | undefined => {
    while (fs < fe && buf[fs] === 32) fs++;
    while (fe > fs && buf[fe - 1] === 32) fe--;
    if (fe === fs) return undefined;
    let h = 0x811c9dc5;
    for (let i = fs; i < fe; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    let bucket = byHash.get(h);
    if (bucket) for (const e of bucket) if (e.bytes.length === fe - fs && buf.compare(e.bytes, 0, e.bytes.length, fs, fe) === 0) return e.monitor;
    const entry = { bytes: Buffer.from(buf.subarray(fs, fe)), monitor: monitorFor(latin1(buf, fs, fe)) };
    if (!bucket) byHash.set(h, bucket = []);
    bucket.push(entry);
    return entry.monitor;
  };

  try {
    for (;;) {
      if (carry === buf.length) { const bigger = Buffer.allocUnsafe(buf.length * 2); buf.copy(bigger, 0, 0, carry); buf = bigger; }
      const n = readSync(inFd, buf, carry, buf.length - carry, null);
      const end = carry + n;
      read += n;
      let ls = 0;
      for (;;) {
        const nl = buf.indexOf(10, ls);
        if (nl < 0 || nl >= end) break;
        handleLine(ls, nl);
        ls = nl + 1;
      }
      if (n === 0) {
        if (ls < end) handleLine(ls, end); // last line without a newline
        break;
      }
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
