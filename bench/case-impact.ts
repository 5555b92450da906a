/**
 * Case open → impact attached (issue 6 target: within 1 s of the case opening), on the real
 * platform (SQLite store with its writer thread, in-process bus) seeded with the demo city.
 * Cases are opened one after another on assets of every kind the models cover (a water junction,
 * a water main, a gas station, a substation, a manhole, a building); for each, the time from
 * asking to open it until `GET /cases/:id` would show its impact (polled in the store every 2 ms).
 * A burst of cases opened together is timed too (they queue behind each other).
 * Prints the figures and writes bench/results/case-impact.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/app/config.js';
import { startPlatform } from '../src/app/start.js';
import type { Platform } from '../src/app/start.js';
import { WATER_DEMAND_PATTERN, buildDemoCity } from '../src/demo/index.js';
import type { Asset, Level } from '../src/domain/index.js';
import { ASSESS_SETTING } from '../src/scenarios/index.js';
import { writeResult } from './lib/server.js';

const PER_KIND = Number(process.env.BENCH_CASE_IMPACT_RUNS ?? 5);
const BURST = 20;

async function openAndWait(p: Platform, asset: Asset, level: Level, k: number): Promise<{ ms: number; model: string }> {
  const t0 = performance.now();
  const now = p.clock.now();
  const change = await p.workflow.cases.open({
    class: 'hazard', domain: asset.domain, level, title: `bench ${asset.id}`, asset: asset.id,
    alarm: { id: `bench-${k}-${now}`, sensor: `${asset.id}-S`, asset: asset.id, level, class: 'hazard', message: 'bench', raisedAt: now },
  });
  return wait(p, change.case!.id, t0);
}

async function wait(p: Platform, id: string, t0: number): Promise<{ ms: number; model: string }> {
  for (;;) {
    const c = await p.store.cases.get(id);
    const impact = c?.impact as { model?: string } | undefined;
    if (impact) return { ms: performance.now() - t0, model: impact.model ?? '?' };
    if (performance.now() - t0 > 30_000) throw new Error(`no impact on ${id} after 30 s`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: round(s[Math.floor(s.length / 2)]!), p95: round(s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!), max: round(s.at(-1)!) };
};

export async function main(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'lifeline-bench-impact-'));
  const { config } = loadConfig(['--port', '0', '--store', `sqlite:${join(dir, 'lifeline.db')}`, '--mqtt', 'off', '--detection', 'off', '--log-level', 'silent'],
    { LIFELINE_ADMIN_TOKEN: 'bench-token', LIFELINE_ADMIN_PASSWORD: 'bench-password' });
  const p = await startPlatform(config, { log: pino({ level: 'silent' }) });
  try {
    const city = buildDemoCity(1);
    await p.store.assets.upsert(city.assets);
    await p.store.settings.set('demo.basemap', city.basemap);
    await p.store.settings.set(ASSESS_SETTING, { utcOffsetHours: city.utcOffsetHours, waterPatterns: { DIURNAL: WATER_DEMAND_PATTERN } });
    const t0 = performance.now();
    await p.assessment.models.warm();
    const buildMs = round(performance.now() - t0);

    const pick = (pred: (a: Asset) => boolean) => city.assets.filter(pred).filter((_, i, all) => i % Math.max(1, Math.floor(all.length / PER_KIND)) === 0).slice(0, PER_KIND);
    const kinds: Record<string, Asset[]> = {
      'water junction': pick((a) => a.domain === 'water' && a.kind === 'junction'),
      'water main': pick((a) => a.domain === 'water' && a.kind === 'pipe' && Number(a.properties.diameterMm) >= 600),
      'gas': pick((a) => a.domain === 'gas' && (a.kind === 'regulator_station' || a.kind === 'manhole')),
      'power substation': pick((a) => a.domain === 'power' && a.kind === 'substation'),
      'drainage manhole': pick((a) => a.domain === 'drainage' && a.kind === 'manhole'),
      'building': pick((a) => a.domain === 'building'),
    };
    const byKind: Record<string, { model: string; n: number; median: number; p95: number; max: number }> = {};
    const all: number[] = [];
    let k = 0;
    for (const [name, assets] of Object.entries(kinds)) {
      const times: number[] = [];
      let model = '';
      for (const a of assets) {
        const r = await openAndWait(p, a, 2, k++);
        times.push(r.ms);
        model = r.model;
      }
      if (times.length) byKind[name] = { model, n: times.length, ...stats(times) };
      all.push(...times);
    }

    // A burst: cases opened together queue behind each other; the last one waits longest.
    const burstAssets = Object.values(kinds).flat().slice(0, BURST);
    const b0 = performance.now();
    const opened = await Promise.all(burstAssets.map(async (a, i) => {
      const now = p.clock.now();
      return (await p.workflow.cases.open({ class: 'hazard', domain: a.domain, level: 3, title: `burst ${a.id}`, asset: a.id, alarm: { id: `burst-${i}`, sensor: 's', asset: a.id, level: 3, class: 'hazard', message: 'burst', raisedAt: now } })).case!.id;
    }));
    const burst = await Promise.all(opened.map((id) => wait(p, id, b0)));
    const burstStats = stats(burst.map((r) => r.ms));

    const overall = stats(all);
    const result = {
      caseImpactMs: overall, byKind, burst: { cases: burst.length, ...burstStats }, modelBuildMs: buildMs,
      demoCity: { assets: city.assets.length }, targets: { caseImpactMaxMs: 1000 },
    };
    const ok = overall.max < 1000 ? 'ok' : 'MISSED';
    process.stdout.write([
      `case-impact: case open → impact attached, ${all.length} cases one at a time: median ${overall.median} ms, p95 ${overall.p95} ms, max ${overall.max} ms — target < 1000 ms: ${ok}`,
      ...Object.entries(byKind).map(([n, s]) => `  ${n.padEnd(18)} (${s.model.padEnd(11)}) median ${s.median} ms, max ${s.max} ms`),
      `case-impact: ${burst.length} cases opened at once: the last impact after ${burstStats.max} ms (median ${burstStats.median} ms)`,
      `case-impact: models built from ${city.assets.length} assets in ${buildMs} ms (once, at start and after asset changes)`,
      '',
    ].join('\n'));
    writeResult('case-impact', result);
    return result;
  } finally {
    await p.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
