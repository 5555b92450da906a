import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface ReadingRow {
  /** 1-based line number in the file, for messages. */
  readonly line: number;
  readonly item: unknown;
}

/**
 * Stream readings from CSV (a header naming `sensor`, `ts`/`timestamp`/`time` and `value` columns)
 * or NDJSON (one {sensor, ts, value} per line), in batches. A line that cannot be read becomes an
 * item that validation will refuse, so it is counted, never dropped silently.
 */
export async function* readReadingsFile(path: string, format: 'csv' | 'ndjson', batchSize = 10_000, onBytes?: (n: number) => void): AsyncGenerator<ReadingRow[]> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  if (onBytes) stream.on('data', (chunk) => onBytes(Buffer.byteLength(chunk as string)));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let columns: { sensor: number; ts: number; value: number } | undefined;
  let batch: ReadingRow[] = [];
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = raw.trim();
    if (line === '') continue;
    if (format === 'csv') {
      const cells = splitCsv(line);
      if (!columns) {
        columns = csvColumns(cells);
        if (!columns) throw new Error(`${path}: the first line must be a header naming sensor, ts (or timestamp/time) and value columns`);
        continue;
      }
      batch.push({ line: n, item: { sensor: cells[columns.sensor], ts: cells[columns.ts], value: cells[columns.value] } });
    } else {
      let item: unknown;
      try { item = JSON.parse(line); } catch { item = { invalidJson: true }; }
      batch.push({ line: n, item });
    }
    if (batch.length >= batchSize) { yield batch; batch = []; }
  }
  if (batch.length) yield batch;
}

function csvColumns(header: string[]): { sensor: number; ts: number; value: number } | undefined {
  const names = header.map((h) => h.trim().toLowerCase());
  const sensor = names.findIndex((h) => h === 'sensor' || h === 'sensor_id' || h === 'sensorid');
  const ts = names.findIndex((h) => h === 'ts' || h === 'timestamp' || h === 'time');
  const value = names.indexOf('value');
  return sensor >= 0 && ts >= 0 && value >= 0 ? { sensor, ts, value } : undefined;
}

/** Split one CSV line (RFC 4180 quotes allowed). */
export function splitCsv(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cell); cell = ''; } else cell += c;
  }
  out.push(cell);
  return out;
}
