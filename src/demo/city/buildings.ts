import { representativePoint, type Asset } from '../../domain/index.js';
import { createRandom, deriveSeed, type Random } from '../random.js';
import { polygonGeometry, rectangle, toXY } from '../geo.js';
import { DEPARTMENT_IDS } from './departments.js';
import { pad, type Inventory } from './make.js';
import { BLOCK, type District } from './plan.js';
import type { PopulationCell } from './population.js';

/**
 * Buildings (建筑) block by block: 6-storey brick walk-ups in the 1980s–90s neighbourhoods,
 * 18–33-storey shear-wall towers in the newer ones, office towers at the civic centre. Residents of
 * each 250 m cell are shared among its residential buildings by floor area. The housing bureau
 * monitors old masonry buildings and some tall ones for tilt, cracks and settlement.
 */

const COMMUNITIES: readonly [string, string][] = [
  ['翡翠苑', 'Feicui Garden'], ['天鹅湖花园', 'Swan Lake Garden'], ['潜山新村', 'Qianshan New Village'], ['望湖小区', 'Wanghu Estate'],
  ['金寨新村', 'Jinzhai New Village'], ['东流花园', 'Dongliu Garden'], ['习友家园', 'Xiyou Home'], ['紫云苑', 'Ziyun Garden'],
  ['荷塘小区', 'Hetang Estate'], ['梅园新村', 'Meiyuan New Village'], ['桂花园', 'Osmanthus Garden'], ['芙蓉苑', 'Furong Garden'],
  ['匡河雅居', 'Kuanghe Residence'], ['政务新城', 'Civic New Town'], ['银杏苑', 'Ginkgo Garden'], ['香樟园', 'Camphor Garden'],
  ['清溪小区', 'Qingxi Estate'], ['湖畔花园', 'Lakeside Garden'], ['明珠苑', 'Pearl Garden'], ['和平新村', 'Heping New Village'],
];

/** GB 50007-2011 Table 5.3.4: allowable overall tilt of multi- and high-rise buildings by height. */
export function allowableTiltDeg(heightM: number): number {
  const tan = heightM <= 24 ? 0.004 : heightM <= 60 ? 0.003 : heightM <= 100 ? 0.0025 : 0.002;
  return Math.round((Math.atan(tan) * 180 / Math.PI) * 1e4) / 1e4;
}

type Use = 'residential' | 'office' | 'commercial' | 'mixed';

interface Footprint { x0: number; y0: number; x1: number; y1: number; floors: number; use: Use; structure: string; year: number }

export function buildBuildings(inv: Inventory, cells: readonly PopulationCell[], facilities: readonly Asset[], seed: number): Asset[] {
  const random = createRandom(deriveSeed(seed, 'buildings'));
  const owner = DEPARTMENT_IDS.housing;
  const buildings: Asset[] = [];
  const facilityIn = new Map<string, Asset>();
  for (const f of facilities) {
    const [x, y] = toXY(representativePoint(f.geometry));
    facilityIn.set(`${Math.floor(x / BLOCK)},${Math.floor(y / BLOCK)}`, f);
  }
  let no = 0;
  for (const cell of cells) {
    if (cell.landFraction < 0.75) continue;
    const facility = facilityIn.get(`${cell.x0 / BLOCK},${cell.y0 / BLOCK}`);
    const [community, communityEn] = COMMUNITIES[(cell.x0 / BLOCK * 7 + cell.y0 / BLOCK * 3) % COMMUNITIES.length]!;
    const footprints = facility ? [facilityFootprint(cell, facility, random)] : blockLayout(cell, random);
    const residentialArea = footprints.filter((f) => f.use === 'residential' || f.use === 'mixed')
      .reduce((s, f) => s + (f.x1 - f.x0) * (f.y1 - f.y0) * f.floors, 0);
    footprints.forEach((f, k) => {
      const area = (f.x1 - f.x0) * (f.y1 - f.y0);
      const storeyM = f.use === 'residential' ? 2.9 : 3.8;
      const residents = (f.use === 'residential' || f.use === 'mixed') && residentialArea > 0
        ? Math.round(cell.population * (area * f.floors) / residentialArea) : 0;
      // Offices and shops: about one worker or visitor per 10–12 m² of floor area in the day.
      const population = facility ? (facility.properties.population as number) : residents || Math.round(area * f.floors / 11);
      const name = facility ? `${facility.name}主楼` : f.use === 'residential' ? `${community}${k + 1}栋` : `${community}${f.use === 'office' ? '商务楼' : '商业楼'}${k + 1}`;
      const nameEn = facility ? `${facility.properties.nameEn as string} main building` : `${communityEn} ${f.use === 'residential' ? 'Building' : f.use === 'office' ? 'Office' : 'Commercial'} ${k + 1}`;
      const heightM = Math.round(f.floors * storeyM * 10) / 10;
      buildings.push(inv.add({
        id: `B-${pad(++no, 4)}`, kind: 'building', domain: 'building', department: owner, name,
        geometry: polygonGeometry(rectangle(f.x0, f.y0, f.x1, f.y1)),
        properties: {
          nameEn, use: facility ? facility.properties.facility : f.use, floors: f.floors, heightM, footprintM2: Math.round(area),
          population, builtYear: f.year, structure: f.structure, district: cell.district.id,
          ...(facility ? { facility: facility.id } : {}),
        },
      }));
    });
  }
  monitor(inv, buildings, random);
  return buildings;
}

function blockLayout(cell: PopulationCell, random: Random): Footprint[] {
  const d = cell.district;
  const old = d.builtTo <= 2000;
  const x0 = cell.x0 + 30;
  const y0 = cell.y0 + 30;
  const out: Footprint[] = [];
  const year = (): number => random.int(d.builtFrom, d.builtTo);
  const officeBlock = d.id === 'DIST-CIVIC' && random.chance(0.45);
  if (officeBlock) {
    for (let k = 0; k < 2; k++) {
      const bx = x0 + 20 + k * 100;
      out.push({ x0: bx, y0: y0 + 40, x1: bx + 55, y1: y0 + 75, floors: random.int(12, 32), use: random.chance(0.3) ? 'commercial' : 'office', structure: 'frame_shear_wall', year: year() });
    }
    return out;
  }
  if (old) {
    // Rows of walk-ups (多层住宅): 60 m × 12 m slabs facing south, 6–7 storeys, brick-concrete.
    for (let r = 0; r < 3; r++) for (let c = 0; c < 2; c++) {
      const bx = x0 + 10 + c * 95;
      const by = y0 + 10 + r * 62;
      const y = year();
      out.push({ x0: bx, y0: by, x1: bx + 62, y1: by + 12, floors: random.pick([5, 6, 6, 6, 7]), use: r === 0 && random.chance(0.25) ? 'mixed' : 'residential', structure: y < 1998 ? 'masonry' : 'frame', year: y });
    }
    return out;
  }
  // Towers (高层住宅): 32 m × 16 m, 18–33 storeys, reinforced-concrete shear walls.
  for (let r = 0; r < 2; r++) for (let c = 0; c < 3; c++) {
    if (r === 1 && c === 1 && random.chance(0.5)) continue;
    const bx = x0 + 8 + c * 62;
    const by = y0 + 25 + r * 85;
    out.push({ x0: bx, y0: by, x1: bx + 32, y1: by + 16, floors: random.pick([18, 18, 24, 26, 28, 32, 33]), use: 'residential', structure: 'shear_wall', year: year() });
  }
  return out;
}

function facilityFootprint(cell: PopulationCell, facility: Asset, random: Random): Footprint {
  const type = facility.properties.facility as string;
  const floors = type === 'hospital' ? 16 : type === 'metro_station' ? 1 : type === 'mall' ? 6 : type === 'government' ? 20 : type === 'shelter' ? 1 : 4;
  const d: District = cell.district;
  return { x0: cell.x0 + 60, y0: cell.y0 + 60, x1: cell.x0 + 190, y1: cell.y0 + 150, floors, use: 'commercial', structure: 'frame', year: random.int(Math.max(d.builtFrom, 1995), 2020) };
}

/** Tilt, crack and settlement monitoring on old masonry walk-ups and on a share of tall towers. */
function monitor(inv: Inventory, buildings: readonly Asset[], random: Random): void {
  for (const b of buildings) {
    const p = b.properties;
    const oldMasonry = p.structure === 'masonry' && (p.builtYear as number) < 1995;
    const tall = (p.floors as number) >= 30;
    if (!(oldMasonry ? random.chance(0.35) : tall && random.chance(0.12))) continue;
    const heightM = p.heightM as number;
    inv.sense(b, 'tilt', { intervalS: 300, location: 'roof corner, dual-axis inclinometer', properties: { tiltLimitDeg: allowableTiltDeg(heightM), baselineDeg: Math.round(random.range(0.01, 0.08) * 1e4) / 1e4 } });
    inv.sense(b, 'crack', { intervalS: 600, location: oldMasonry ? 'ground-floor load-bearing wall' : 'transfer-floor beam', properties: { baselineMm: Math.round(random.range(0.1, 0.6) * 100) / 100, alarmGrowthMm: 0.5 } });
    // JGJ 8-2016: settlement counts as stable below 0.01–0.04 mm/day.
    inv.sense(b, 'displacement', { intervalS: 1800, code: 'SET', location: 'settlement point at the foundation', properties: { direction: 'vertical (negative = down)', baselineMm: -Math.round(random.range(5, 40) * 10) / 10, stableRateMmPerDay: 0.04 } });
  }
}
