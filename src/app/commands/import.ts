import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { READING_REJECTIONS } from '../../domain/index.js';
import type { ReadingRejection } from '../../domain/index.js';
import { systemClock } from '../../adapters/clock-system/index.js';
import { MemoryBus } from '../../adapters/bus-memory/index.js';
import { SensorRegistry } from '../../pipeline/registry.js';
import { WriteCoalescer } from '../../pipeline/ingest/coalescer.js';
import { IngestService } from '../../pipeline/ingest/service.js';
import { RegistrationService } from '../../pipeline/registration/service.js';
import { ConfigError, loadConfig } from '../config.js';
import { openStore } from '../profiles.js';
import { Progress } from '../import/progress.js';
import { readReadingsFile } from '../import/readings-file.js';
import { RejectionTally } from '../import/rejections.js';
import type { ImportSink, SinkResult } from '../import/sinks.js';
import { httpSink, localSink } from '../import/sinks.js';

export const summary = 'load assets and sensors from GeoJSON, readings from CSV or NDJSON';

const HELP = `Usage: lifeline import [--store sqlite:PATH | --url http://HOST:PORT --token T] FILE...

  *.geojson, *.json   a GeoJSON FeatureCollection of assets (properties.kind, properties.domain);
                      sensors in each feature's properties.sensors, or in a top-level "sensors" array;
                      a .json file holding an array of sensors registers them
  *.csv               readings, with a header naming sensor, ts (or timestamp/time) and value
  *.ndjson, *.jsonl   readings, one {"sensor","ts","value"} per line

Without --url the files go straight into the store (stop a server using the same SQLite file first,
or its in-memory registry will not see new sensors until restart). With --url they are posted to a
running server. Exit code 0 when nothing was rejected, 3 when some items were.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: { store: { type: 'string' }, url: { type: 'string' }, token: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length === 0) { process.stdout.write(`${HELP}\n`); return values.help ? 0 : 2; }
  for (const file of positionals) {
    try { statSync(file); } catch { process.stderr.write(`lifeline import: cannot read ${file}\n`); return 2; }
  }
  let sink: ImportSink;
  if (values.url) {
    const token = values.token ?? process.env.LIFELINE_TOKEN ?? process.env.LIFELINE_ADMIN_TOKEN;
    if (!token) { process.stderr.write('lifeline import: --url needs --token (or LIFELINE_TOKEN)\n'); return 2; }
    sink = httpSink(values.url, token);
  } else {
    try {
      sink = await openLocalSink(values.store ? ['--store', values.store] : []);
    } catch (e) {
      if (e instanceof ConfigError) { process.stderr.write(`lifeline import: ${e.message}\n`); return 2; }
      throw e;
    }
  }
  const tally = new RejectionTally();
  const totals = { assets: 0, sensors: 0, readings: 0 };
  const started = performance.now();
  try {
    for (const file of positionals) {
      const ext = extname(file).toLowerCase();
      if (ext === '.csv' || ext === '.ndjson' || ext === '.jsonl') totals.readings += await importReadings(sink, file, ext === '.csv' ? 'csv' : 'ndjson', tally);
      else if (ext === '.geojson' || ext === '.json') {
        const r = await importRegistry(sink, file, tally);
        totals.assets += r.assets; totals.sensors += r.sensors;
      } else {
        process.stderr.write(`lifeline import: ${file}: unknown file type '${ext}' (use .geojson, .json, .csv, .ndjson)\n`);
        return 2;
      }
    }
  } finally {
    await sink.close();
  }
  const secs = (performance.now() - started) / 1000;
  process.stdout.write(`Imported ${totals.assets} assets, ${totals.sensors} sensors, ${totals.readings} readings in ${secs.toFixed(1)} s.\n`);
  process.stdout.write(`Rejected ${tally.total}:\n${tally.summary()}\n`);
  return tally.total > 0 ? 3 : 0;
}

async function openLocalSink(argv: string[]): Promise<ImportSink> {
  const { config } = loadConfig(argv);
  const store = await openStore(config);
  const registry = new SensorRegistry();
  for await (const page of store.sensors.scan(10_000)) for (const s of page) registry.put(s);
  const writer = new WriteCoalescer(store.readings);
  const bus = new MemoryBus();
  const ingest = new IngestService({ registry, writer, bus, clock: systemClock });
  const registration = new RegistrationService(store, registry);
  return localSink(registration, ingest, async () => { await writer.close(); await bus.close(); await store.close(); });
}

function record(tally: RejectionTally, result: SinkResult, where: (index: number) => string): void {
  for (const r of result.rejected) {
    // Group by what was wrong, not by which item: "value: not finite", not one line per sensor id.
    const field = (r.field ?? '').replace(/^\[\d+\]\.?/, '');
    const reason = r.code && r.code in READING_REJECTIONS ? READING_REJECTIONS[r.code as ReadingRejection] : r.error;
    tally.add(field ? `${field}: ${reason}` : reason, where(r.index));
  }
}

async function importRegistry(sink: ImportSink, file: string, tally: RejectionTally): Promise<{ assets: number; sensors: number }> {
  let doc: unknown;
  try { doc = JSON.parse(readFileSync(file, 'utf8')); } catch (e) { tally.add(`not valid JSON: ${(e as Error).message}`, file); return { assets: 0, sensors: 0 }; }
  const features: unknown[] = Array.isArray((doc as { features?: unknown }).features) ? (doc as { features: unknown[] }).features : [];
  const sensorList: unknown[] = [];
  if (Array.isArray(doc)) sensorList.push(...doc);
  if (Array.isArray((doc as { sensors?: unknown }).sensors)) sensorList.push(...(doc as { sensors: unknown[] }).sensors);
  for (const f of features) {
    const props = (f as { id?: unknown; properties?: { sensors?: unknown; id?: unknown } }).properties;
    if (Array.isArray(props?.sensors)) {
      const assetId = (f as { id?: unknown }).id ?? props.id;
      for (const s of props.sensors) sensorList.push({ asset: assetId, ...(s as object) });
    }
  }
  const progress = new Progress(file, features.length + sensorList.length);
  let assets = 0;
  let sensors = 0;
  const CHUNK = 5000;
  for (let i = 0; i < features.length; i += CHUNK) {
    const r = await sink.assets(features.slice(i, i + CHUNK));
    assets += r.accepted;
    record(tally, r, (k) => `${file} feature ${i + k}`);
    progress.update(i + CHUNK, `${assets} assets`);
  }
  for (let i = 0; i < sensorList.length; i += CHUNK) {
    const r = await sink.sensors(sensorList.slice(i, i + CHUNK));
    sensors += r.accepted;
    record(tally, r, (k) => `${file} sensor ${i + k}`);
    progress.update(features.length + i + CHUNK, `${sensors} sensors`);
  }
  progress.finish(features.length + sensorList.length, `${assets} assets, ${sensors} sensors`);
  return { assets, sensors };
}

async function importReadings(sink: ImportSink, file: string, format: 'csv' | 'ndjson', tally: RejectionTally): Promise<number> {
  const size = statSync(file).size;
  const progress = new Progress(file, size);
  let bytes = 0;
  let accepted = 0;
  for await (const rows of readReadingsFile(file, format, 10_000, (n) => { bytes += n; })) {
    const r = await sink.readings(rows.map((row) => row.item));
    accepted += r.accepted;
    record(tally, r, (k) => `line ${rows[k]?.line ?? '?'}`);
    progress.update(bytes, `${accepted.toLocaleString('en')} readings`);
  }
  progress.finish(size, `${accepted.toLocaleString('en')} readings`);
  return accepted;
}
