/**
 * Impact assessment speed (issue 6 targets):
 * - a water burst (isolation + EPANET runs + impacts) on the largest shared network: < 1 s;
 * - the same on the demo city: < 200 ms;
 * - a 100-year 2-hour rainstorm over the demo city's drainage network: < 2 s.
 * Gas-leak and outage assessments on the demo city are timed too. Each figure is the median of a
 * few runs after one warm-up run (the cold first run, which loads EPANET's WebAssembly, is
 * reported separately). Prints the figures and writes bench/results/assess.json.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import {
  assessGasLeak, assessOutage, assessRainstorm, assessWaterBurst, dependenciesFromAssets, drainageNetworkFromAssets, parseInp, waterNetworkFromAssets,
  type AssessContext, type WaterNetwork,
} from '../src/assess/index.js';
import { buildDemoCity, WATER_DEMAND_PATTERN } from '../src/demo/index.js';
import { writeResult } from './lib/server.js';

const RUNS = Number(process.env.BENCH_ASSESS_RUNS ?? 5);
const SHARED = new URL('../../shared/data/', import.meta.url);

async function time(run: () => unknown): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

async function median(run: () => unknown, runs = RUNS): Promise<number> {
  await run();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) times.push(await time(run));
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]!);
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** The shared network with the most pipes, and a pipe a third of the way down its diameters. */
function largestSharedNetwork(): { name: string; net: WaterNetwork; pipe: string } | undefined {
  const files = ['water-networks', 'leakdb-networks'].flatMap((d) => {
    const dir = new URL(`${d}/`, SHARED);
    return existsSync(dir) ? readdirSync(dir).filter((f) => /\.inp$/i.test(f)).map((f) => ({ name: `${d}/${f}`, url: new URL(f, dir) })) : [];
  });
  const nets = files.map((f) => ({ name: f.name, net: parseInp(readFileSync(f.url, 'utf8')) }));
  const largest = nets.sort((a, b) => b.net.pipes.length - a.net.pipes.length)[0];
  if (!largest) return undefined;
  const pipe = [...largest.net.pipes].sort((a, b) => b.diameter - a.diameter || (a.id < b.id ? -1 : 1))[Math.floor(largest.net.pipes.length / 3)]!;
  return { ...largest, pipe: pipe.id };
}

export async function main(): Promise<Record<string, unknown>> {
  const city = buildDemoCity();
  const context: AssessContext = {
    assets: city.assets, populationGrid: city.basemap.populationGrid, roads: city.basemap.roads,
    at: Date.UTC(2025, 6, 1, 0, 0), utcOffsetHours: city.utcOffsetHours,
  };
  const water = waterNetworkFromAssets(city.assets, { patterns: { DIURNAL: WATER_DEMAND_PATTERN } });
  const trunk = water.pipes.find((p) => p.diameter >= 800)!.id;
  const local = water.pipes.find((p) => p.diameter <= 200)!.id;

  const coldMs = round(await time(() => assessWaterBurst(water, { pipe: trunk }, context)));
  const demoTrunkMs = await median(() => assessWaterBurst(water, { pipe: trunk }, context));
  const demoLocalMs = await median(() => assessWaterBurst(water, { pipe: local }, context));

  const shared = largestSharedNetwork();
  const sharedMs = shared ? await median(() => assessWaterBurst(shared.net, { pipe: shared.pipe }, { assets: [] })) : undefined;

  const drainage = drainageNetworkFromAssets(city.assets);
  const rainstormMs = await median(() => assessRainstorm(drainage, { returnPeriodYears: 100, durationMin: 120 }, context), 3);
  const gasMs = await median(() => assessGasLeak({ asset: 'G-P-0050', holeMm: 20 }, context));
  const graphMs = await median(() => dependenciesFromAssets(city.assets), 3);
  const graph = dependenciesFromAssets(city.assets);
  const outageMs = await median(() => assessOutage(graph, { asset: 'PW-SS-1' }, context));

  const result = {
    waterBurstDemoCityMs: Math.max(demoTrunkMs, demoLocalMs), waterBurstDemoTrunkMs: demoTrunkMs, waterBurstDemoLocalMs: demoLocalMs,
    waterBurstFirstRunMs: coldMs, demoCityWater: { junctions: water.junctions.length, pipes: water.pipes.length, valves: water.isolationValves?.length ?? 0 },
    waterBurstLargestSharedMs: sharedMs ?? null,
    largestShared: shared ? { network: shared.name, junctions: shared.net.junctions.length, pipes: shared.net.pipes.length, pipe: shared.pipe } : null,
    rainstorm100y2hDemoCityMs: rainstormMs, demoCityDrainage: { nodes: drainage.nodes.length, links: drainage.links.length, subcatchments: drainage.subcatchments.length },
    gasLeakDemoCityMs: gasMs, dependencyGraphDemoCityMs: graphMs, outageDemoCityMs: outageMs,
    targets: { waterBurstLargestSharedMs: 1000, waterBurstDemoCityMs: 200, rainstorm100y2hDemoCityMs: 2000 },
    runs: RUNS,
  };
  const ok = (v: number | undefined, target: number): string => (v === undefined ? 'skipped' : v < target ? 'ok' : 'MISSED');
  process.stdout.write([
    `assess: water burst on the demo city ${result.waterBurstDemoCityMs} ms (trunk ${demoTrunkMs}, local main ${demoLocalMs}; first run with EPANET loading ${coldMs}) — target < 200 ms: ${ok(result.waterBurstDemoCityMs, 200)}`,
    `assess: water burst on ${shared ? `${shared.name} (${shared.net.pipes.length} pipes)` : 'no shared network found'} ${sharedMs ?? '–'} ms — target < 1000 ms: ${ok(sharedMs, 1000)}`,
    `assess: 100-year 2-hour rainstorm over the demo city (${drainage.nodes.length} nodes, ${drainage.links.length} links) ${rainstormMs} ms — target < 2000 ms: ${ok(rainstormMs, 2000)}`,
    `assess: gas leak ${gasMs} ms; dependency graph ${graphMs} ms; outage ${outageMs} ms`,
    '',
  ].join('\n'));
  writeResult('assess', result);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
