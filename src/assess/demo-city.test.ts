import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCity, WATER_DEMAND_PATTERN, type DemoCity } from '../demo/index.js';
import type { AssessContext } from './context.js';
import { assessGasLeak, assessOutage, assessRainstorm, assessWaterBurst, dependenciesFromAssets, drainageNetworkFromAssets, validateDependencyGraph, waterNetworkFromAssets } from './index.js';

/**
 * Every scenario kind end to end on the demo city (the data the platform serves), so a change
 * to the city or to a model that breaks the other shows up here.
 */
let city: DemoCity;
let context: AssessContext;

beforeAll(() => {
  city = buildDemoCity();
  context = {
    assets: city.assets,
    populationGrid: city.basemap.populationGrid,
    roads: city.basemap.roads,
    at: Date.UTC(2025, 6, 1, 0, 30), // 08:30 in Hefei
    utcOffsetHours: city.utcOffsetHours,
  };
});

describe('the demo city', () => {
  it('water-burst: a break beside the civic hospital cuts it off and puts it first', async () => {
    const net = waterNetworkFromAssets(city.assets, { patterns: { DIURNAL: WATER_DEMAND_PATTERN } });
    expect(net.junctions.length).toBeGreaterThan(300);
    expect(net.isolationValves!.length).toBeGreaterThan(500);
    const meter = city.assets.find((a) => a.kind === 'meter' && a.properties.facility === 'F-HOSP-1')!;
    const pipe = net.pipes.find((p) => p.from === meter.properties.node || p.to === meter.properties.node)!;
    const impact = await assessWaterBurst(net, { pipe: pipe.id }, context);
    expect(impact.affected.facilities[0]).toMatchObject({ id: 'F-HOSP-1', effect: 'no_water' });
    expect(impact.summary).toMatch(/at 08:00/);
    expect(impact.layers.valves!.features.length).toBeGreaterThan(0);
  });

  it('rainstorm: sewers sized for a 3-year storm (GB 50014) carry a 2-year hour without flooding, and a 5-year storm floods', () => {
    const net = drainageNetworkFromAssets(city.assets);
    const manholes = city.assets.filter((a) => a.kind === 'manhole' && a.domain === 'drainage').length;
    const count = (impact: ReturnType<typeof assessRainstorm>, effect: string) =>
      impact.affected.assets.filter((a) => a.kind === 'manhole' && a.effect === effect).length;
    const twoYear = assessRainstorm(net, { returnPeriodYears: 2, durationMin: 60 }, context);
    expect(count(twoYear, 'flooding')).toBe(0);
    expect(count(twoYear, 'surcharged')).toBeLessThan(manholes * 0.05);
    const fiveYear = assessRainstorm(net, { returnPeriodYears: 5, durationMin: 120 }, context);
    expect(count(fiveYear, 'flooding')).toBeGreaterThan(0);
  });

  it('rainstorm: the 100-year 2-hour storm floods the 金寨路 underpass', () => {
    const impact = assessRainstorm(drainageNetworkFromAssets(city.assets), { returnPeriodYears: 100, durationMin: 120 }, context);
    const underpass = impact.affected.assets.find((a) => a.id === 'D-IN-01' && a.effect === 'ponding');
    expect(underpass).toBeDefined();
    expect(impact.actions.some((a) => a.code === 'close_road' && a.targets!.includes('D-IN-01'))).toBe(true);
    expect(impact.affected.population).toBeGreaterThan(0);
  });

  it('gas-leak: a methane alarm in an adjacent well is traced to its main', () => {
    const space = city.assets.find((a) => a.domain === 'gas' && a.kind === 'manhole')!;
    const impact = assessGasLeak({ asset: space.id, holeMm: 10, measuredLel: { [space.id]: 60 } }, context);
    expect(impact.affected.assets[0]).toMatchObject({ id: space.properties.nearPipe, effect: 'leak' });
    expect(impact.affected.assets.some((a) => a.id === space.id)).toBe(true);
  });

  it('outage: the water plant\'s pumps stop, the zone runs on the tower, hospitals are told when', () => {
    const graph = dependenciesFromAssets(city.assets);
    expect(validateDependencyGraph(graph)).toEqual([]);
    const impact = assessOutage(graph, { asset: 'W-PS-1' }, context);
    const zone = impact.affected.assets.find((a) => a.id.startsWith('zone:water'))!;
    expect(zone.atMin).toBeGreaterThan(60);
    expect(impact.affected.facilities[0]!.facility).toBe('hospital');
    expect(impact.actions.some((a) => a.code === 'water_tanker')).toBe(true);
  });
});
