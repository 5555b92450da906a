import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildDemoCity } from '../../demo/index.js';
import { loadRiskInput } from '../../api/risk-input.js';
import { AlarmBook } from '../../pipeline/alarms/book.js';
import { SensorRegistry } from '../../pipeline/registry.js';
import { RiskModel, assetRisk, renewalCsv, renewalGeoJson, renewalList, zoneFeatures, RISK_LEVEL_NAMES } from '../../risk/index.js';
import type { RenewalItem } from '../../risk/index.js';
import { parseTime } from '../../domain/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { openStore } from '../profiles.js';

export const summary = 'city risk: the top risks and the pipe renewal list (from --store or the demo city)';

const HELP = `Usage: lifeline risk [--store sqlite:PATH] [--seed N] [--top N] [--at TIME]
                    [--csv FILE|-] [--geojson FILE|-] [--zones FILE|-] [--res N]

Scores every asset (likelihood × consequence, docs/risk.md) and prints the highest risks and the
pipes to renew first (risk reduced per unit cost, with reasons). Without --store it assesses the
demo city (--seed). --csv and --geojson write the whole renewal list ('-' for stdout, then nothing
else is printed); --zones writes the four-colour H3 map (resolution --res) as GeoJSON.`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv, strict: true,
    options: {
      store: { type: 'string' }, seed: { type: 'string' }, top: { type: 'string' }, at: { type: 'string' },
      csv: { type: 'string' }, geojson: { type: 'string' }, zones: { type: 'string' }, res: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) { process.stdout.write(`${HELP}\n`); return 0; }
  const top = Number(values.top ?? 10);
  const res = values.res === undefined ? undefined : Number(values.res);
  if (!Number.isInteger(top) || top < 1) { process.stderr.write('lifeline risk: --top must be a positive integer\n'); return 2; }
  if (res !== undefined && !(Number.isInteger(res) && res >= 4 && res <= 12)) { process.stderr.write('lifeline risk: --res must be an integer from 4 to 12\n'); return 2; }
  let at = Date.now();
  if (values.at) {
    const t = parseTime(values.at);
    if (!t.ok) { process.stderr.write(`lifeline risk: --at ${t.reason}\n`); return 2; }
    at = t.ts;
  }
  let model: RiskModel;
  try {
    model = values.store ? await fromStore(values.store, at) : fromDemo(Number(values.seed ?? 1), at);
  } catch (e) {
    if (e instanceof ConfigError) { process.stderr.write(`lifeline risk: ${e.message}\n`); return 2; }
    throw e;
  }
  const renewal = renewalList(model);
  const quiet = values.csv === '-' || values.geojson === '-' || values.zones === '-';
  if (values.csv) write(values.csv, renewalCsv(renewal));
  if (values.geojson) write(values.geojson, `${JSON.stringify(renewalGeoJson(renewal))}\n`);
  if (values.zones) write(values.zones, `${JSON.stringify(zoneFeatures(model, 'h3', res !== undefined ? { res } : {}))}\n`);
  if (!quiet) process.stdout.write(report(model, renewal, top));
  return 0;
}

function write(target: string, text: string): void {
  if (target === '-') process.stdout.write(text); else writeFileSync(target, text);
}

function fromDemo(seed: number, at: number): RiskModel {
  const city = buildDemoCity(seed);
  const { populationGrid, roads, districts } = city.basemap;
  return new RiskModel({ assets: city.assets, at, populationGrid, roads, districts });
}

async function fromStore(url: string, at: number): Promise<RiskModel> {
  const { config } = loadConfig(['--store', url], process.env);
  const store = await openStore(config);
  try {
    const registry = new SensorRegistry();
    for await (const page of store.sensors.scan(10_000)) for (const s of page) registry.put(s);
    const { input, config: weights, open } = await loadRiskInput({ store, registry, alarms: new AlarmBook() }, at);
    const model = new RiskModel(input, weights);
    for (const c of open) model.applyCase(c, true);
    return model;
  } finally {
    await store.close();
  }
}

function report(model: RiskModel, renewal: readonly RenewalItem[], top: number): string {
  const counts = [0, 0, 0, 0, 0];
  for (const l of model.level) counts[l]!++;
  const order = [...model.risk.keys()].sort((a, b) => model.risk[b]! - model.risk[a]!).slice(0, top);
  const lines = [
    `Risk of ${model.assets.length.toLocaleString('en')} assets at ${new Date(model.at).toISOString()}: ` +
      ([1, 2, 3, 4] as const).map((l) => `${counts[l]} ${RISK_LEVEL_NAMES[l].zh}`).join(', '),
    '',
    `Top ${order.length} risks (R = L × C):`,
    ...order.map((i, k) => {
      const r = assetRisk(model, i);
      const why = [...r.factors.likelihood, ...r.factors.consequence].sort((p, q) => q.value * q.weight - p.value * p.weight).slice(0, 2).map((f) => f.note).join('; ');
      return `${String(k + 1).padStart(3)}. ${r.id.padEnd(14)} ${r.domain.padEnd(9)} R ${r.risk.toFixed(1).padStart(5)} (L ${r.likelihood.toFixed(2)} × C ${r.consequence.toFixed(2)}) ${r.levelName.zh}  ${why}`;
    }),
    '',
    `Renewal priority (${renewal.length} pipes; risk reduced per 100 m per 10,000 CNY):`,
    ...renewal.slice(0, top).map((x) => `${String(x.rank).padStart(3)}. ${x.id.padEnd(14)} ${x.material.padEnd(16)} DN${String(x.diameterMm ?? '?').padEnd(5)} ${String(x.lengthM).padStart(5)} m  ` +
      `R ${x.risk.toFixed(1)} → ${x.riskAfter.toFixed(1)}  ¥${x.costYuan.toLocaleString('en')}  ${x.reasons.join('; ')}`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
