import { parseArgs } from 'node:util';
import { LifelineError } from '../../domain/index.js';
import { WATER_DEMAND_PATTERN, buildDemoCity } from '../../demo/index.js';
import { CityModels, ScenarioService, citySnapshot, parseScenario, runScenario, SCENARIO_KINDS } from '../../scenarios/index.js';
import { systemClock } from '../../adapters/clock-system/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { openStore } from '../profiles.js';
import { formatScenario, type ScenarioView } from './scenario-format.js';

export const summary = 'run a scenario (water-burst, rainstorm, gas-leak, outage) and print what is at risk';

const HELP = `Usage: lifeline scenario <kind> [params] [--store sqlite:PATH | --url http://HOST:PORT --token T] [--json]

Kinds and their params (the same as POST /api/v1/scenarios):
  water-burst  --pipe ID [--opening-mm N]                       a burst (or, with --opening-mm, a leak) on a water pipe
  rainstorm    --return-period YEARS --duration-min MIN         a design storm by the city's storm-intensity formula
  gas-leak     (--asset ID | --point LON,LAT) --hole-mm N       a gas leak at an asset (a pipe, or near one) or a point
  outage       --asset ID [--horizon-h H]                       an asset fails; what fails next, and when

Which city:
  (neither)     the demo city (Hefei), built in memory; nothing is saved. Good for trying it out.
  --store S     the city in a Lifeline database (e.g. sqlite:./data/lifeline.db); the run is saved
                there like one from the API. Stop a server using the same SQLite file first.
  --url U       ask a running server (POST /api/v1/scenarios); --token or LIFELINE_TOKEN.

Output: a readable summary; --json prints the result as the API returns it.
  --name TEXT   a name for the saved run
  --at TIME     when it happens (ISO 8601 or epoch ms; default now): water demand follows the hour of day

Example: lifeline scenario water-burst --pipe W-P-0436`;

export async function run(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        pipe: { type: 'string' }, asset: { type: 'string' }, point: { type: 'string' }, 'hole-mm': { type: 'string' }, 'opening-mm': { type: 'string' },
        'return-period': { type: 'string' }, 'duration-min': { type: 'string' }, 'horizon-h': { type: 'string' }, name: { type: 'string' }, at: { type: 'string' },
        store: { type: 'string' }, url: { type: 'string' }, token: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    process.stderr.write(`lifeline scenario: ${(e as Error).message}\n${HELP}\n`);
    return 2;
  }
  const kind = positionals[0];
  if (values.help || !kind) { process.stdout.write(`${HELP}\n`); return values.help ? 0 : 2; }
  if (!(SCENARIO_KINDS as readonly string[]).includes(kind)) { process.stderr.write(`lifeline scenario: unknown kind '${kind}'; one of ${SCENARIO_KINDS.join(', ')}\n`); return 2; }
  const at = typeof values.at === 'string' ? (/^\d+$/.test(values.at) ? Number(values.at) : values.at) : undefined;
  const body = { kind, params: paramsFrom(values), ...(typeof values.name === 'string' ? { name: values.name } : {}), ...(at !== undefined ? { at } : {}) };

  let view: ScenarioView;
  try {
    if (typeof values.url === 'string') {
      const token = (values.token as string | undefined) ?? process.env.LIFELINE_TOKEN ?? process.env.LIFELINE_ADMIN_TOKEN;
      if (!token) { process.stderr.write('lifeline scenario: --url needs --token (or LIFELINE_TOKEN)\n'); return 2; }
      const res = await fetch(`${values.url.replace(/\/$/, '')}/api/v1/scenarios`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) { process.stderr.write(`lifeline scenario: the server answered ${res.status}: ${await res.text()}\n`); return res.status === 400 ? 2 : 1; }
      view = (await res.json()) as ScenarioView;
    } else if (typeof values.store === 'string') {
      view = await inStore(values.store, body);
    } else {
      view = await inDemoCity(body);
    }
  } catch (e) {
    if (e instanceof LifelineError || e instanceof ConfigError) { process.stderr.write(`lifeline scenario: ${e.message}\n`); return 2; }
    throw e;
  }
  process.stdout.write(values.json ? `${JSON.stringify(view, null, 2)}\n` : formatScenario(view));
  return 0;
}

/** Flags to the API's params; numbers stay as typed text if they are not numbers, so the check names them. */
function paramsFrom(v: Record<string, string | boolean | undefined>): Record<string, unknown> {
  const num = (s: string | boolean | undefined) => (typeof s === 'string' && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s);
  const out: Record<string, unknown> = {
    pipe: v.pipe, asset: v.asset, holeMm: num(v['hole-mm']), openingMm: num(v['opening-mm']),
    returnPeriodYears: num(v['return-period']), durationMin: num(v['duration-min']), horizonH: num(v['horizon-h']),
    point: typeof v.point === 'string' ? v.point.split(',').map((x) => num(x.trim())) : undefined,
  };
  return Object.fromEntries(Object.entries(out).filter(([, x]) => x !== undefined));
}

async function inDemoCity(body: unknown): Promise<ScenarioView> {
  const input = parseScenario(body);
  const city = buildDemoCity(1);
  const snapshot = citySnapshot(city.assets, city.basemap as never, { utcOffsetHours: city.utcOffsetHours, waterPatterns: { DIURNAL: WATER_DEMAND_PATTERN } });
  const impact = await runScenario(snapshot, input, input.at ?? systemClock.now());
  return { ...impact, id: null, kind: input.kind, params: input.params };
}

async function inStore(spec: string, body: unknown): Promise<ScenarioView> {
  const { config } = loadConfig(['--store', spec], process.env);
  const store = await openStore(config);
  try {
    const service = new ScenarioService({ store, clock: systemClock, models: new CityModels(store) });
    const s = await service.run(body, 'cli');
    return { id: s.id, kind: s.kind, params: s.params, ...(s.impact as Omit<ScenarioView, 'id' | 'kind' | 'params'>) };
  } finally {
    await store.close();
  }
}
