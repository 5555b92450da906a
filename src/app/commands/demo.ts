import { DEPARTMENT_IDS, WATER_DEMAND_PATTERN, buildDemoCity, createSimulator } from '../../demo/index.js';
import { ASSESS_SETTING } from '../../scenarios/index.js';
import type { AssessSettings } from '../../scenarios/index.js';
import type { Incident } from '../../demo/index.js';
import { ConfigError, configHelp, loadConfig } from '../config.js';
import { banner } from '../banner.js';
import { startPlatform } from '../start.js';
import type { Platform } from '../start.js';
import { untilSignal } from './serve.js';
import { DEMO_PASSWORD, seedDemoPeople } from '../demo-people.js';
import type { DemoUser } from '../demo-people.js';

export const summary = 'serve + the demo city (Hefei) + a live simulator with scripted incidents';

/** History written on the first start, so charts have something to show at once. */
const BACKFILL_MS = 6 * 3600_000;
const TICK_MS = 1000;

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`Usage: lifeline demo [--seed N] [--no-incidents] [flags]\n\nFlags (each with an environment twin):\n${configHelp()}\n`);
    return 0;
  }
  let platform: Platform;
  let seed: number;
  let incidents: boolean;
  try {
    const { config, rest } = loadConfig(argv, process.env, { seed: { type: 'string' }, 'no-incidents': { type: 'boolean' } });
    seed = Number(rest.seed ?? 1);
    if (!Number.isInteger(seed)) throw new ConfigError(`--seed must be an integer, got '${rest.seed}'`);
    incidents = rest['no-incidents'] !== true;
    platform = await startPlatform(config);
  } catch (e) {
    if (e instanceof ConfigError) { process.stderr.write(`lifeline demo: ${e.message}\n`); return 2; }
    throw e;
  }
  const demo = await startDemo(platform, seed, incidents);
  process.stdout.write(banner(platform, 'Lifeline demo'));
  process.stdout.write(`${demo.describe()}\n`);
  await untilSignal(platform, () => demo.stop());
  return 0;
}

export interface RunningDemo {
  describe(): string;
  stop(): Promise<void>;
}

/** Seed the demo city into the platform and feed it live telemetry from the simulator. */
export async function startDemo(platform: Platform, seed = 1, incidents = true): Promise<RunningDemo> {
  const { store, registry, clock, log, ingest } = platform;
  const city = buildDemoCity(seed);
  await store.assets.upsert(city.assets);
  const sensors = await store.sensors.upsert(city.sensors);
  for (const s of sensors) registry.put(s);
  const people = await seedDemoPeople(store, platform.workflow.audit, city.departments, DEPARTMENT_IDS.monitoring, clock.now());
  await store.settings.set('demo.basemap', city.basemap);
  // The water model needs the city's clock and demand pattern for assessments by hour of day.
  await store.settings.set<AssessSettings>(ASSESS_SETTING, { utcOffsetHours: city.utcOffsetHours, waterPatterns: { DIURNAL: WATER_DEMAND_PATTERN } });

  const start = clock.now();
  const sim = createSimulator({ city, seed, start, incidents: incidents ? {} : false });

  // Fill the gap since the last reading (at most BACKFILL_MS) with normal telemetry.
  let newest = 0;
  for (const s of sensors) newest = Math.max(newest, registry.get(s.id)?.last?.ts ?? 0);
  const from = Math.max(start - BACKFILL_MS, newest + 1);
  let backfilled = 0;
  if (from < start) {
    const history = createSimulator({ city, seed, start, incidents: false });
    for (const batch of history.batches(from, start, 10 * 60_000)) backfilled += (await ingest.ingest(batch)).accepted;
  }
  // Live telemetry: a tick a second; a slow tick delays the next one instead of piling up.
  sim.tick(start);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    if (stopped) return;
    try {
      const readings = sim.tick(clock.now());
      if (readings.length) {
        const r = await ingest.ingest(readings);
        if (r.rejected.length) log.warn({ rejected: r.rejected.slice(0, 5) }, 'simulator readings rejected');
      }
    } catch (e) {
      log.error({ err: e }, 'simulator tick failed');
    }
    if (!stopped) timer = setTimeout(() => void loop(), TICK_MS);
  };
  timer = setTimeout(() => void loop(), TICK_MS);
  const upcoming = sim.incidents(start + 15 * 60_000);
  log.info({ assets: city.assets.length, sensors: sensors.length, backfilled, incidents: upcoming.length }, 'demo city running');

  return {
    describe: () => describeDemo(city.assets.length, sensors.length, backfilled, upcoming, start) + describePeople(people),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

function describeDemo(assets: number, sensors: number, backfilled: number, incidents: Incident[], start: number): string {
  const at = (ts: number) => `+${Math.round((ts - start) / 1000)} s`.padEnd(8);
  const lines = incidents.slice(0, 5).map((i) => `    ${at(i.start)} ${i.kind.padEnd(16)} ${i.description}`);
  return [
    '',
    `  Demo city      合肥 (Hefei): ${assets.toLocaleString('en')} assets, ${sensors.toLocaleString('en')} sensors${backfilled ? `, ${backfilled.toLocaleString('en')} readings of history written` : ''}`,
    '  Scripted incidents (then every few minutes):',
    ...lines,
    '',
  ].join('\n');
}

function describePeople(people: readonly DemoUser[]): string {
  const handlers = people.filter((p) => p.role === 'handler').map((p) => p.username);
  return [
    `  Demo users     password '${DEMO_PASSWORD}' for each: duty (operator, 值班员), viewer, and a handler per department:`,
    `                 ${handlers.join(', ')}`,
    '',
  ].join('\n');
}
