import type { XY } from '../geo.js';

/**
 * The city plan every network is laid on: a 4.5 km × 4 km street grid west of 金寨路 in Hefei
 * (lon 117.220–117.268, lat 31.800–31.836), a river (匡河) crossing it west–east, a lake (天鹅湖)
 * in the north-west and six neighbourhoods. Street names are real Hefei names (政务区 streets are
 * named after Anhui counties) but the layout is schematic, not surveyed.
 */
export const EXTENT = { width: 4500, height: 4000 } as const;
/** Block size: Hefei's newer districts use roughly 250 m blocks between streets. */
export const BLOCK = 250;

export interface Street {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** 'ns' streets run north–south at x = at; 'ew' streets run west–east at y = at. */
  readonly axis: 'ns' | 'ew';
  readonly at: number;
  /** Main roads (主干路) carry trunk mains, bridges and the utility tunnel. */
  readonly arterial: boolean;
  readonly widthM: number;
}

const ARTERIALS: Record<string, [string, string]> = {
  'ns:1500': ['怀宁路', 'Huaining Road'],
  'ns:2750': ['潜山路', 'Qianshan Road'],
  'ns:4000': ['金寨路', 'Jinzhai Road'],
  'ew:500': ['东流路', 'Dongliu Road'],
  'ew:1750': ['习友路', 'Xiyou Road'],
  'ew:2750': ['望江西路', 'Wangjiang West Road'],
  'ew:3750': ['长江西路', 'Changjiang West Road'],
};

const LOCAL_STREET_NAMES: [string, string][] = [
  ['石台路', 'Shitai Road'], ['休宁路', 'Xiuning Road'], ['祁门路', 'Qimen Road'], ['黟县路', 'Yixian Road'],
  ['绩溪路', 'Jixi Road'], ['歙县路', 'Shexian Road'], ['太湖路', 'Taihu Road'], ['宿松路', 'Susong Road'],
  ['岳西路', 'Yuexi Road'], ['枞阳路', 'Zongyang Road'], ['桐城路', 'Tongcheng Road'], ['庐江路', 'Lujiang Road'],
  ['无为路', 'Wuwei Road'], ['含山路', 'Hanshan Road'], ['当涂路', 'Dangtu Road'], ['繁昌路', 'Fanchang Road'],
  ['南陵路', 'Nanling Road'], ['泾县路', 'Jingxian Road'], ['旌德路', 'Jingde Road'], ['宁国路', 'Ningguo Road'],
  ['广德路', 'Guangde Road'], ['郎溪路', 'Langxi Road'], ['青阳路', 'Qingyang Road'], ['天长路', 'Tianchang Road'],
  ['来安路', "Lai'an Road"], ['全椒路', 'Quanjiao Road'], ['定远路', 'Dingyuan Road'], ['凤阳路', 'Fengyang Road'],
  ['霍山路', 'Huoshan Road'], ['舒城路', 'Shucheng Road'],
];

function buildStreets(): Street[] {
  const streets: Street[] = [];
  let local = 0;
  const add = (axis: 'ns' | 'ew', count: number): void => {
    for (let k = 0; k < count; k++) {
      const at = k * BLOCK;
      const main = ARTERIALS[`${axis}:${at}`];
      const [name, nameEn] = main ?? LOCAL_STREET_NAMES[local++ % LOCAL_STREET_NAMES.length]!;
      streets.push({ id: `ST-${axis.toUpperCase()}-${String(k).padStart(2, '0')}`, name, nameEn, axis, at, arterial: main !== undefined, widthM: main ? 50 : 24 });
    }
  };
  add('ns', EXTENT.width / BLOCK + 1);
  add('ew', EXTENT.height / BLOCK + 1);
  return streets;
}

export const STREETS: readonly Street[] = buildStreets();
export const NS_STREETS = STREETS.filter((s) => s.axis === 'ns');
export const EW_STREETS = STREETS.filter((s) => s.axis === 'ew');

/** 匡河: about 40 m wide, meandering between the streets at y = 1250 and y = 1500. */
export const RIVER = { name: '匡河', nameEn: 'Kuang River', widthM: 40, waterLevelM: 17.5 } as const;
export function riverY(x: number): number {
  return 1375 + 55 * Math.sin((2 * Math.PI * x) / 3000 + 0.6);
}

/** 天鹅湖: an ellipse of about 0.57 km² (the real lake is about 0.6 km²). */
export const LAKE = { name: '天鹅湖', nameEn: 'Swan Lake', cx: 900, cy: 2900, rx: 500, ry: 360, waterLevelM: 18 } as const;

/** How far outside the lake a point is, in lake radii (negative inside). */
function lakeRadius(x: number, y: number): number {
  return Math.hypot((x - LAKE.cx) / LAKE.rx, (y - LAKE.cy) / LAKE.ry) - 1;
}

export function inLake(x: number, y: number, marginM = 0): boolean {
  return lakeRadius(x, y) * Math.min(LAKE.rx, LAKE.ry) < marginM;
}

export function inRiver(x: number, y: number, marginM = 0): boolean {
  return Math.abs(y - riverY(x)) < RIVER.widthM / 2 + marginM;
}

export function inWater(x: number, y: number, marginM = 0): boolean {
  return inLake(x, y, marginM) || inRiver(x, y, marginM);
}

/** Metres from the nearest water's edge (0 inside water). */
export function distanceToWater(x: number, y: number): number {
  const river = Math.max(0, Math.abs(y - riverY(x)) - RIVER.widthM / 2);
  const lake = Math.max(0, lakeRadius(x, y) * Math.min(LAKE.rx, LAKE.ry));
  return Math.min(river, lake);
}

/**
 * Ground elevation (m above the 1985 national datum). Central Hefei lies at about 15–40 m;
 * here the ground falls gently towards the river and the lake, which is where storm water goes.
 */
export function groundElevation(x: number, y: number): number {
  const rise = 9 * (1 - Math.exp(-distanceToWater(x, y) / 800));
  const undulation = 2.2 * Math.sin(x / 650 + 0.3) * Math.cos(y / 800);
  return Math.round((19.5 + rise + undulation + 0.0008 * y) * 100) / 100;
}

export interface District {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** West and east edges (x); the row says whether it lies south or north of the river. */
  readonly x0: number;
  readonly x1: number;
  readonly row: 'south' | 'north';
  /** When most of it was built: drives pipe ages, materials and building stock. */
  readonly builtFrom: number;
  readonly builtTo: number;
  /** Relative residential density. */
  readonly density: number;
}

export const DISTRICTS: readonly District[] = [
  { id: 'DIST-KUANGHE', name: '匡河片区', nameEn: 'Kuanghe', x0: 0, x1: 1500, row: 'south', builtFrom: 2008, builtTo: 2020, density: 0.85 },
  { id: 'DIST-QIANSHAN', name: '潜山片区', nameEn: 'Qianshan', x0: 1500, x1: 3000, row: 'south', builtFrom: 1995, builtTo: 2008, density: 1.1 },
  { id: 'DIST-WANGHU', name: '望湖片区', nameEn: 'Wanghu', x0: 3000, x1: 4500, row: 'south', builtFrom: 1985, builtTo: 1999, density: 1.2 },
  { id: 'DIST-SWAN', name: '天鹅湖片区', nameEn: 'Swan Lake', x0: 0, x1: 1500, row: 'north', builtFrom: 2004, builtTo: 2015, density: 0.7 },
  { id: 'DIST-CIVIC', name: '政务中心片区', nameEn: 'Civic Centre', x0: 1500, x1: 3000, row: 'north', builtFrom: 2002, builtTo: 2012, density: 0.9 },
  { id: 'DIST-JINZHAI', name: '金寨路片区', nameEn: 'Jinzhai Road', x0: 3000, x1: 4500, row: 'north', builtFrom: 1988, builtTo: 2000, density: 1.25 },
];

export function districtAt(x: number, y: number): District {
  const row = y < riverY(x) ? 'south' : 'north';
  const cx = Math.min(Math.max(x, 0), EXTENT.width - 1e-6);
  return DISTRICTS.find((d) => d.row === row && cx >= d.x0 && cx < d.x1) ?? DISTRICTS[0]!;
}

/** A district's outline: straight sides, with the river bank as its southern or northern edge. */
export function districtRing(d: District): XY[] {
  const bank: XY[] = [];
  for (let x = d.x0; x <= d.x1; x += 100) bank.push([x, Math.round(riverY(x))]);
  if (bank[bank.length - 1]![0] !== d.x1) bank.push([d.x1, Math.round(riverY(d.x1))]);
  return d.row === 'south'
    ? [[d.x0, 0], [d.x1, 0], ...bank.reverse()]
    : [...bank, [d.x1, EXTENT.height], [d.x0, EXTENT.height]];
}

/** Centre of the city (the civic centre), where population is densest. */
export const CENTRE: XY = [2750, 2300];
