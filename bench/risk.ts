/**
 * Risk model speed (issue 7 targets):
 * - full recomputation for 100,000 assets: < 1 s;
 * - a case opening updates its zone's level: < 1 s (it is incremental: the case's assets and their zones).
 * The city is synthetic: two looped networks (water, gas) on a 100 m street grid, point assets,
 * critical facilities, a 250 m population grid, roads and nine districts. Each figure is the median
 * of a few runs after a warm-up. Prints the figures and writes bench/results/risk.json.
 */
import { pathToFileURL } from 'node:url';
import type { Asset, Domain } from '../src/domain/index.js';
import { RiskModel, renewalList, zoneFeatures, type RiskInput } from '../src/risk/index.js';
import { writeResult } from './lib/server.js';

const RUNS = Number(process.env.BENCH_RISK_RUNS ?? 5);
const AT = Date.UTC(2026, 10, 25);
const O = [117.2, 31.8] as const;
const ll = (x: number, y: number): [number, number] => [O[0] + x / 94_620, O[1] + y / 110_574];

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticCity(target = 100_000): RiskInput {
  const rnd = random(7);
  const assets: Asset[] = [];
  // Two networks of n×n nodes: n² junctions + 2n(n−1) pipes each, ≈ 3n² assets per network.
  const n = Math.floor(Math.sqrt((target * 0.75) / 6));
  const step = 100;
  const networks: [Domain, number, string[]][] = [['water', 0, ['CI', 'DI', 'PE', 'SP']], ['gas', 20, ['steel', 'PE100', 'PE100', 'CI']]];
  for (const [domain, off, materials] of networks) {
    const p = domain[0]!.toUpperCase();
    const id = (i: number, j: number) => `${p}-J-${i}-${j}`;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      const kind = i === 0 && j === 0 ? (domain === 'gas' ? 'regulator_station' : 'reservoir') : 'junction';
      assets.push({ id: id(i, j), kind, domain, geometry: { type: 'Point', coordinates: ll(i * step + off, j * step + off) }, properties: {} });
    }
    const pipe = (a: [number, number], b: [number, number]) => {
      const year = 1960 + Math.floor(rnd() * 64);
      assets.push({
        id: `${p}-P-${a[0]}-${a[1]}-${b[0]}-${b[1]}`, kind: 'pipe', domain,
        geometry: { type: 'LineString', coordinates: [ll(a[0] * step + off, a[1] * step + off), ll(b[0] * step + off, b[1] * step + off)] },
        properties: {
          from: id(...a), to: id(...b), lengthM: step, diameterMm: [100, 150, 200, 300, 500][Math.floor(rnd() * 5)],
          material: materials[Math.floor(rnd() * materials.length)], installYear: year,
          ...(domain === 'gas' ? { pressureClass: rnd() < 0.2 ? 'MA' : 'LP' } : {}),
        },
      });
    };
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      if (i + 1 < n) pipe([i, j], [i + 1, j]);
      if (j + 1 < n) pipe([i, j], [i, j + 1]);
    }
  }
  const size = n * step;
  const types = ['hospital', 'school', 'kindergarten', 'mall', 'metro_station', 'elderly_home'];
  for (let k = 0; assets.length < target; k++) {
    const x = rnd() * size; const y = rnd() * size;
    const facility = k % 100 === 0;
    assets.push(facility
      ? { id: `F-${k}`, kind: 'facility', domain: 'building', geometry: { type: 'Point', coordinates: ll(x, y) }, properties: { facility: types[(k / 100) % types.length] } }
      : { id: `H-${k}`, kind: 'hydrant', domain: 'hydrant', geometry: { type: 'Point', coordinates: ll(x, y) }, properties: { installYear: 1990 + (k % 30) } });
  }
  const square = (x0: number, y0: number, s: number) => ({ type: 'Polygon' as const, coordinates: [[ll(x0, y0), ll(x0 + s, y0), ll(x0 + s, y0 + s), ll(x0, y0 + s), ll(x0, y0)]] });
  const cells = [];
  for (let x = 0; x < size; x += 250) for (let y = 0; y < size; y += 250) cells.push({ id: `C-${x}-${y}`, geometry: square(x, y, 250), properties: { population: Math.round(500 + rnd() * 1500) } });
  const roads = [];
  for (let k = 0; k <= size; k += 500) {
    roads.push({ id: `R-EW-${k}`, geometry: { type: 'LineString' as const, coordinates: [ll(0, k), ll(size, k)] }, properties: { class: k % 1500 === 0 ? 'arterial' : 'local', name: `EW ${k}` } });
    roads.push({ id: `R-NS-${k}`, geometry: { type: 'LineString' as const, coordinates: [ll(k, 0), ll(k, size)] }, properties: { class: k % 1500 === 0 ? 'arterial' : 'local', name: `NS ${k}` } });
  }
  const third = size / 3;
  const districts = [];
  for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) districts.push({ id: `D-${a}${b}`, geometry: square(a * third, b * third, third), properties: { name: `District ${a}${b}` } });
  return {
    assets, at: AT,
    populationGrid: { type: 'FeatureCollection', features: cells },
    roads: { type: 'FeatureCollection', features: roads },
    districts: { type: 'FeatureCollection', features: districts },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeRuns(run: () => unknown, runs = RUNS): number {
  run();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) { const t0 = performance.now(); run(); times.push(performance.now() - t0); }
  return Math.round(median(times) * 10) / 10;
}

export async function main(): Promise<Record<string, unknown>> {
  const input = syntheticCity(100_000);
  const fullMs = timeRuns(() => new RiskModel(input));
  const model = new RiskModel(input);
  // A case opening on a random pipe: the time from the case to its zone's new level.
  const rnd = random(11);
  const pipes = model.assets.flatMap((a, i) => (a.kind === 'pipe' ? [i] : []));
  const caseTimes: number[] = [];
  let raised = 0;
  for (let k = 0; k < 200; k++) {
    const i = pipes[Math.floor(rnd() * pipes.length)]!;
    const zone = model.cells.get(model.cellOf[i]!)!;
    const before = zone.level;
    const t0 = performance.now();
    model.applyCase({ id: `C-${k}`, assets: [model.assets[i]!.id], level: 1, class: 'hazard' }, true);
    caseTimes.push(performance.now() - t0);
    if (zone.level < before) raised++;
    model.applyCase({ id: `C-${k}`, assets: [model.assets[i]!.id], level: 1, class: 'hazard' }, false);
  }
  const caseP99 = [...caseTimes].sort((a, b) => a - b)[Math.floor(caseTimes.length * 0.99)]!;
  const zonesMs = timeRuns(() => zoneFeatures(model, 'h3'), 3);
  const renewalMs = timeRuns(() => renewalList(model), 3);
  const result = {
    assets: model.assets.length,
    zones: model.cells.size,
    h3Resolution: model.config.h3Resolution,
    fullRecomputationMs: fullMs,
    fullTargetMs: 1000,
    caseUpdateMedianMs: Math.round(median(caseTimes) * 1000) / 1000,
    caseUpdateP99Ms: Math.round(caseP99 * 1000) / 1000,
    caseTargetMs: 1000,
    casesThatRaisedTheirZone: `${raised} of ${caseTimes.length}`,
    zoneGeoJsonMs: zonesMs,
    renewalListMs: renewalMs,
    runs: RUNS,
  };
  process.stdout.write(
    `risk: ${result.assets.toLocaleString('en')} assets, ${result.zones} H3 cells (res ${result.h3Resolution})\n` +
    `  full recomputation        ${fullMs} ms (target < 1000 ms)\n` +
    `  case opening → zone level ${result.caseUpdateMedianMs} ms median, ${result.caseUpdateP99Ms} ms p99 (target < 1000 ms); ${result.casesThatRaisedTheirZone} raised their zone\n` +
    `  zone map GeoJSON          ${zonesMs} ms\n` +
    `  renewal list              ${renewalMs} ms\n`,
  );
  writeResult('risk', result);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
