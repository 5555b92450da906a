import { lineGeometry, polygonGeometry, rectangle, type XY } from '../geo.js';
import { streetGrid } from './grid.js';
import { BLOCK, DISTRICTS, EXTENT, LAKE, RIVER, STREETS, districtRing, riverY } from './plan.js';
import type { PopulationCell } from './population.js';
import type { Basemap, Feature } from './types.js';

/** The map's context layers: neighbourhoods, streets, water and where people live. */
export function buildBasemap(cells: readonly PopulationCell[]): Basemap {
  return {
    districts: { type: 'FeatureCollection', features: districtFeatures(cells) },
    roads: { type: 'FeatureCollection', features: roadFeatures() },
    waterBodies: { type: 'FeatureCollection', features: waterFeatures() },
    populationGrid: {
      type: 'FeatureCollection',
      features: cells.map((c) => ({
        type: 'Feature',
        id: c.id,
        geometry: polygonGeometry(rectangle(c.x0, c.y0, c.x0 + BLOCK, c.y0 + BLOCK)),
        properties: { population: c.population, district: c.district.id, cellSizeM: BLOCK, landFraction: c.landFraction },
      })),
    },
  };
}

function districtFeatures(cells: readonly PopulationCell[]): Feature[] {
  return DISTRICTS.map((d) => {
    const mine = cells.filter((c) => c.district === d);
    return {
      type: 'Feature',
      id: d.id,
      geometry: polygonGeometry(districtRing(d)),
      properties: {
        name: d.name,
        nameEn: d.nameEn,
        population: mine.reduce((s, c) => s + c.population, 0),
        areaKm2: Math.round(mine.reduce((s, c) => s + c.landFraction, 0) * (BLOCK * BLOCK / 1e6) * 100) / 100,
        builtFrom: d.builtFrom,
        builtTo: d.builtTo,
        dma: d.id,
      },
    };
  });
}

/** Each street as one feature made of the runs of grid segments that actually exist. */
function roadFeatures(): Feature[] {
  const grid = streetGrid();
  return STREETS.flatMap((street) => {
    const runs: XY[][] = [];
    let run: XY[] = [];
    const segments = grid.edges.filter((e) => e.street === street)
      .sort((p, q) => (street.axis === 'ns' ? p.a.xy[1] - q.a.xy[1] : p.a.xy[0] - q.a.xy[0]));
    for (const e of segments) {
      const last = run[run.length - 1];
      if (last && last[0] === e.a.xy[0] && last[1] === e.a.xy[1]) run.push(e.b.xy);
      else { if (run.length > 1) runs.push(run); run = [e.a.xy, e.b.xy]; }
    }
    if (run.length > 1) runs.push(run);
    return runs.map((points, k): Feature => ({
      type: 'Feature',
      id: runs.length > 1 ? `${street.id}-${k + 1}` : street.id,
      geometry: lineGeometry(points),
      properties: { name: street.name, nameEn: street.nameEn, class: street.arterial ? 'arterial' : 'local', widthM: street.widthM },
    }));
  });
}

function waterFeatures(): Feature[] {
  const north: XY[] = [];
  const south: XY[] = [];
  for (let x = -100; x <= EXTENT.width + 100; x += 50) {
    north.push([x, riverY(x) + RIVER.widthM / 2]);
    south.push([x, riverY(x) - RIVER.widthM / 2]);
  }
  const lake: XY[] = [];
  for (let k = 0; k < 64; k++) {
    const a = (2 * Math.PI * k) / 64;
    lake.push([LAKE.cx + LAKE.rx * Math.cos(a), LAKE.cy + LAKE.ry * Math.sin(a)]);
  }
  return [
    {
      type: 'Feature', id: 'WB-KUANGHE', geometry: polygonGeometry([...south, ...north.reverse()]),
      properties: { name: RIVER.name, nameEn: RIVER.nameEn, kind: 'river', widthM: RIVER.widthM, waterLevelM: RIVER.waterLevelM },
    },
    {
      type: 'Feature', id: 'WB-SWAN-LAKE', geometry: polygonGeometry(lake),
      properties: { name: LAKE.name, nameEn: LAKE.nameEn, kind: 'lake', waterLevelM: LAKE.waterLevelM },
    },
  ];
}
