import { geometryBBox, type BBox } from '../../domain/index.js';
import { buildBasemap } from './basemap.js';
import { buildBridges } from './bridges.js';
import { buildBuildings } from './buildings.js';
import { DEMO_DEPARTMENTS } from './departments.js';
import { buildDrainage } from './drainage.js';
import { buildEnvironment } from './environment.js';
import { buildFacilities } from './facilities.js';
import { buildGas } from './gas.js';
import { buildHeating } from './heating.js';
import { buildHydrants } from './hydrants.js';
import { Inventory } from './make.js';
import { populationCells } from './population.js';
import { buildPower } from './power.js';
import { buildTunnel } from './tunnel.js';
import type { DemoCity } from './types.js';
import { buildWaterDevices } from './water-devices.js';
import { buildWater } from './water.js';

export type { Basemap, DemoCity, Feature, FeatureCollection } from './types.js';
export { DEMO_DEPARTMENTS, DEPARTMENT_IDS } from './departments.js';
export { toEpanetInp } from './epanet.js';

/**
 * The demo city: a few km² of Hefei with every lifeline, its owners and about 2,700 sensors.
 * Deterministic: the same seed gives the same city, down to the last coordinate.
 */
export function buildDemoCity(seed = 1): DemoCity {
  const cells = populationCells(seed);
  const inv = new Inventory();
  const facilities = buildFacilities(inv);
  buildBuildings(inv, cells, facilities, seed);
  const water = buildWater(inv, cells, seed);
  buildWaterDevices(inv, water, facilities);
  buildHydrants(inv, water, seed);
  buildGas(inv, seed);
  buildDrainage(inv, seed);
  buildBridges(inv);
  buildTunnel(inv);
  buildHeating(inv, seed);
  buildPower(inv, seed);
  buildEnvironment(inv);

  const bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const a of inv.assets) {
    const b = geometryBBox(a.geometry);
    bbox[0] = Math.min(bbox[0], b[0]); bbox[1] = Math.min(bbox[1], b[1]);
    bbox[2] = Math.max(bbox[2], b[2]); bbox[3] = Math.max(bbox[3], b[3]);
  }
  return {
    seed,
    name: '合肥市政务区（演示）',
    nameEn: 'Hefei Civic District (demo)',
    bbox,
    timeZone: 'Asia/Shanghai',
    utcOffsetHours: 8,
    departments: DEMO_DEPARTMENTS,
    assets: inv.assets,
    sensors: inv.sensors,
    basemap: buildBasemap(cells),
    population: cells.reduce((s, c) => s + c.population, 0),
  };
}
