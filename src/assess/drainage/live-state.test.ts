import { describe, expect, it } from 'vitest';
import type { Asset, AssetKind, Domain, Geometry } from '../../domain/index.js';
import { SMALL_SEWER } from '../../../test/fixtures/assess/forecast/small-sewer.js';
import { forecastDrainage } from './forecast.js';
import { drainageNetworkFromAssets } from './from-assets.js';
import { liveStateFromLevels, type LiveLevel } from './live-state.js';
import { fullFlowCapacity } from './manning.js';
import type { DrainageLink, DrainageNetwork, DrainageNode } from './network.js';
import { partialFlow } from './partial-flow.js';

const DN500 = { kind: 'circular', diameterM: 0.5 } as const;

describe('part-full flow (Manning at normal depth)', () => {
  const full = fullFlowCapacity(DN500, 0.013, 0.01);
  it('is half the full flow at half depth (same hydraulic radius, half the area), the full flow at the crown', () => {
    expect(partialFlow(DN500, 0.013, 0.01, 0.25)).toBeCloseTo(full / 2, 10);
    expect(partialFlow(DN500, 0.013, 0.01, 0.5)).toBeCloseTo(full, 10);
    expect(partialFlow(DN500, 0.013, 0.01, 0)).toBe(0);
  });
  it('peaks just below the crown at about 1.076 × the full flow (y/D ≈ 0.938)', () => {
    expect(partialFlow(DN500, 0.013, 0.01, 0.938 * 0.5) / full).toBeCloseTo(1.076, 3);
  });
});

describe('live levels as the routing\'s starting state', () => {
  const node = (id: string, invertM: number, kind: DrainageNode['kind'] = 'junction'): DrainageNode => ({ id, kind, invertM, groundM: invertM + 2, shaftAreaM2: 1, pondAreaM2: 100 });
  const pipe = (id: string, from: string, to: string): DrainageLink => ({ id, kind: 'conduit', from, to, lengthM: 100, manningN: 0.013, slope: 0.01, shape: DN500 });
  // A ── P1 ── B ── P2 ── O
  const net: DrainageNetwork = { nodes: [node('A', 12), node('B', 11), node('O', 10, 'outfall')], links: [pipe('P1', 'A', 'B'), pipe('P2', 'B', 'O')], subcatchments: [], crs: 'local' };
  const ratio = (sensor: string, asset: string, value: number): LiveLevel => ({ sensor, asset, quantity: 'level_ratio', value });
  const q = (ratioValue: number) => partialFlow(DN500, 0.013, 0.01, ratioValue * 0.5);

  it('turns a level into the flow it carries, counting a chain of sensed manholes once', () => {
    const s = liveStateFromLevels(net, [ratio('LA', 'A', 0.5), ratio('LB', 'B', 0.7)]);
    expect(s.baseInflowM3s.get('A')).toBeCloseTo(q(0.5), 10);
    // B carries q(0.7); q(0.5) of it comes from A.
    expect(s.baseInflowM3s.get('B')).toBeCloseTo(q(0.7) - q(0.5), 10);
    // Part-full is flowing water, not storage.
    expect(s.initialDepthM.size).toBe(0);
    expect(s.used).toEqual(['LA', 'LB']);
  });

  it('adds nothing downstream when a lower manhole reads less than what arrives', () => {
    const s = liveStateFromLevels(net, [ratio('LA', 'A', 0.8), ratio('LB', 'B', 0.3)]);
    expect(s.baseInflowM3s.has('B')).toBe(false);
  });

  it('keeps a surcharged manhole\'s depth, reads a pipe\'s sensor at its upstream manhole, an outfall\'s level as the river\'s', () => {
    const s = liveStateFromLevels(net, [
      { sensor: 'LA', asset: 'A', quantity: 'level', value: 1.2 },
      ratio('LP', 'P2', 0.4),
      { sensor: 'LO', asset: 'O', quantity: 'level', value: 10.3 },
      ratio('LX', 'NOPE', 0.5),
    ]);
    expect(s.initialDepthM.get('A')).toBeCloseTo(1.2, 10);
    expect(s.baseInflowM3s.get('B')).toBeUndefined(); // 0.4 of P2 is less than A's full flow arriving
    expect(s.outfallStageM.get('O')).toBe(10.3);
    expect(s.ignored).toEqual([{ sensor: 'LX', reason: 'asset NOPE is not in the drainage network' }]);
  });
});

describe('a forecast storm on the live network', () => {
  const assets: Asset[] = SMALL_SEWER.features.map((f) => ({
    id: f.id, kind: f.properties.kind as AssetKind, domain: f.properties.domain as Domain, name: (f.properties as { name?: string }).name ?? f.id,
    geometry: f.geometry as Geometry, properties: f.properties,
  }));
  const network = drainageNetworkFromAssets(assets);
  const levels = (value: number): LiveLevel[] => [1, 2, 3].map((k) => ({ sensor: `L${k}`, asset: `D-MH-${k}`, quantity: 'level_ratio', value }));
  const storm = { returnPeriodYears: 2, durationMin: 60 };

  it('passes through a sewer that is low now', () => {
    expect(forecastDrainage(network, storm, { assets, at: 0 }, levels(0.3)).systems).toEqual([]);
    expect(forecastDrainage(network, storm, { assets, at: 0 }, []).systems).toEqual([]);
  });

  it('overflows the same sewer when it is nearly full: one system, level 3, the first manhole surcharging before the rain peaks', () => {
    const fc = forecastDrainage(network, storm, { assets, at: 0 }, levels(0.9));
    expect(fc.systems).toHaveLength(1);
    const [s] = fc.systems;
    expect(s!.system.key).toBe('D-OF-1');
    expect(s!.level).toBe(3);
    expect(s!.alarmKind).toBe('forecast-flooding');
    expect(s!.firstAsset).toMatch(/^D-MH-/);
    // The Chicago storm peaks at 0.4 × 60 = minute 24.
    expect(s!.firstAtMin).toBeLessThan(24);
    expect(s!.impact.summary).toMatch(/^Forecast/);
  });

  it('counts surcharge alone as level 4: a bigger storm on an empty sewer only fills a pipe', () => {
    const fc = forecastDrainage(network, { returnPeriodYears: 5, durationMin: 60 }, { assets, at: 0 }, []);
    expect(fc.systems.map((s) => [s.level, s.alarmKind])).toEqual([[4, 'forecast-surcharge']]);
  });
});
