import type { Asset } from '../../domain/index.js';
import { createRandom, deriveSeed } from '../random.js';
import { along, lineGeometry, pointGeometry, type XY } from '../geo.js';
import { installYear } from './ages.js';
import { DEPARTMENT_IDS } from './departments.js';
import { streetGrid, type GridEdge, type GridNode } from './grid.js';
import { pad, type Inventory } from './make.js';
import { BLOCK, LAKE, RIVER, districtAt, distanceToWater, groundElevation, riverY } from './plan.js';

/**
 * The storm-water network (雨水管网): a gravity tree under the streets draining every intersection
 * to the nearest outfall on the river or the lake, with a manhole at each intersection and midway
 * along each street. Pipes are sized by the rational method of GB 50014-2021 §4.1 (Q = ψ·q·F) and
 * Manning's formula for full flow (storm sewers are designed to run full, §5.2.4).
 */

/** Composite runoff coefficient ψ for dense urban blocks (GB 50014-2021 Table 4.1.6 range 0.45–0.6, plus roads). */
const RUNOFF_COEFFICIENT = 0.6;
/** Design storm intensity, L/(s·ha): about a 3-year storm of 15 minutes in Hefei. */
const DESIGN_INTENSITY = 250;
/** Manning's n for reinforced-concrete pipe. */
const MANNING_N = 0.013;
const SIZES_MM = [500, 600, 800, 1000, 1200, 1350, 1500, 1650, 1800, 2000, 2200, 2400];
/** Minimum cover over the crown under roads (GB 50014-2021 §5.3.7: 0.7 m; we keep 1 m). */
const COVER_M = 1.0;

export interface DrainageNetwork {
  readonly manholeAt: ReadonlyMap<GridNode, Asset>;
  readonly conduits: readonly Asset[];
  readonly outfalls: readonly Asset[];
  readonly underpassInlet: Asset;
}

export function buildDrainage(inv: Inventory, seed: number): DrainageNetwork {
  const random = createRandom(deriveSeed(seed, 'drainage'));
  const grid = streetGrid();
  const owner = DEPARTMENT_IDS.drainage;

  // Outfalls: both banks of the river every 500 m, and the lake's shore.
  interface Outlet { node: GridNode; xy: XY; water: 'river' | 'lake' }
  const outlets: Outlet[] = [];
  for (let x = 0; x <= 4500; x += 500) {
    const i = x / BLOCK;
    const south = grid.node(i, 5);
    const north = grid.node(i, 6);
    if (south) outlets.push({ node: south, xy: [x, Math.round(riverY(x) - RIVER.widthM / 2 - 2)], water: 'river' });
    if (north) outlets.push({ node: north, xy: [x, Math.round(riverY(x) + RIVER.widthM / 2 + 2)], water: 'river' });
  }
  for (const n of grid.nodes) {
    if (distanceToWater(n.xy[0], n.xy[1]) > 160 || n.j <= 6 || (n.i + n.j) % 2 !== 0) continue;
    const angle = Math.atan2((n.xy[1] - LAKE.cy) / LAKE.ry, (n.xy[0] - LAKE.cx) / LAKE.rx);
    outlets.push({ node: n, xy: [Math.round(LAKE.cx + (LAKE.rx + 2) * Math.cos(angle)), Math.round(LAKE.cy + (LAKE.ry + 2) * Math.sin(angle))], water: 'lake' });
  }

  const unique = outlets.filter((o, k) => outlets.findIndex((p) => p.node === o.node) === k);
  outlets.length = 0;
  outlets.push(...unique);

  // Flow directions: breadth-first from the outlet nodes, so each node drains to its nearest outfall.
  const downstream = new Map<GridNode, GridNode | Outlet>();
  const order: GridNode[] = [];
  for (const o of outlets) if (!downstream.has(o.node)) { downstream.set(o.node, o); order.push(o.node); }
  for (let k = 0; k < order.length; k++) {
    const n = order[k]!;
    for (const e of grid.edgesAt(n)) {
      if (e.bridge) continue;
      const m = grid.other(e, n);
      if (!downstream.has(m)) { downstream.set(m, n); order.push(m); }
    }
  }

  // Catchment: each intersection collects about one block of land.
  const areaHa = new Map<GridNode, number>();
  for (const n of order) areaHa.set(n, (BLOCK * BLOCK) / 10_000);
  for (const n of [...order].reverse()) {
    const d = downstream.get(n)!;
    if ('i' in d) areaHa.set(d, areaHa.get(d)! + areaHa.get(n)!);
  }

  // Sizes and inverts, from the top of each tree down.
  const invert = new Map<GridNode, number>();
  const outletDiameter = new Map<GridNode, number>();
  const manholeAt = new Map<GridNode, Asset>();
  const conduits: Asset[] = [];
  const outfalls: Asset[] = [];
  let mhNo = 0;
  let cNo = 0;
  const ids = new Map<GridNode, string>();
  for (const n of order) ids.set(n, `D-MH-${pad(++mhNo, 4)}`);
  const outfallIds = new Map<Outlet, string>();
  outlets.forEach((o, k) => outfallIds.set(o, `D-OF-${pad(k + 1, 2)}`));

  for (const n of [...order].reverse()) {
    const d = downstream.get(n)!;
    const toXY: XY = 'i' in d ? d.xy : d.xy;
    const lengthM = Math.round(Math.hypot(toXY[0] - n.xy[0], toXY[1] - n.xy[1]));
    const groundDown = 'i' in d ? d.groundM : Math.min(n.groundM, (d.water === 'river' ? RIVER.waterLevelM : LAKE.waterLevelM) + 1.5);
    const groundSlope = Math.max(0, (n.groundM - groundDown) / lengthM);
    const designQ = (RUNOFF_COEFFICIENT * DESIGN_INTENSITY * areaHa.get(n)!) / 1000;
    const { diameterMm, slope } = sizeFor(designQ, groundSlope);
    outletDiameter.set(n, diameterMm);
    const top = n.groundM - COVER_M - diameterMm / 1000;
    const inv0 = Math.min(invert.get(n) ?? top, top);
    invert.set(n, inv0);
    const inv1 = inv0 - slope * lengthM;
    if ('i' in d) invert.set(d, Math.min(invert.get(d) ?? Infinity, inv1));

    const mid = along(n.xy, toXY, 0.5);
    const midGround = groundElevation(mid[0], mid[1]);
    const midInvert = (inv0 + inv1) / 2;
    const midId = `D-MH-${pad(++mhNo, 4)}`;
    const district = districtAt(n.xy[0], n.xy[1]);
    const year = installYear(random, district, 0.08);
    const material = diameterMm <= 800 && year >= 2005 ? 'HDPE' : 'RC';
    const toId = 'i' in d ? ids.get(d)! : outfallIds.get(d)!;
    const capacityLps = Math.round(fullFlow(diameterMm, slope) * 1000);
    const conduitProps = (from: string, to: string, up: number, down: number): Record<string, unknown> => ({
      from, to, system: 'storm', lengthM: Math.round(lengthM / 2), diameterMm, slope: round4(slope), upstreamInvertM: round2(up), downstreamInvertM: round2(down),
      material, materialZh: material === 'HDPE' ? '高密度聚乙烯双壁波纹管' : '钢筋混凝土管', installYear: year, manningN: MANNING_N,
      designFlowLps: Math.round(designQ * 1000), capacityLps, catchmentHa: round2(areaHa.get(n)!),
    });
    const street = streetOf(grid, n, 'i' in d ? d : undefined);
    inv.add({
      id: midId, kind: 'manhole', domain: 'drainage', department: owner, name: `${street}雨水检查井`,
      geometry: pointGeometry(mid),
      properties: { system: 'storm', groundM: round2(midGround), invertM: round2(midInvert), depthM: round2(midGround - midInvert), outletDiameterMm: diameterMm },
    });
    conduits.push(inv.add({ id: `D-C-${pad(++cNo, 4)}`, kind: 'pipe', domain: 'drainage', department: owner, name: `${street}雨水管 d${diameterMm}`, geometry: lineGeometry([n.xy, mid]), properties: conduitProps(ids.get(n)!, midId, inv0, midInvert) }));
    conduits.push(inv.add({ id: `D-C-${pad(++cNo, 4)}`, kind: 'pipe', domain: 'drainage', department: owner, name: `${street}雨水管 d${diameterMm}`, geometry: lineGeometry([mid, toXY]), properties: conduitProps(midId, toId, midInvert, inv1) }));
  }

  for (const n of order) {
    const inv0 = invert.get(n)!;
    const diameterMm = outletDiameter.get(n)!;
    manholeAt.set(n, {
      id: ids.get(n)!, kind: 'manhole', domain: 'drainage', department: owner, name: `${n.nsStreet.name}${n.ewStreet.name}口雨水检查井`,
      geometry: pointGeometry(n.xy),
      properties: { nameEn: `${n.nsStreet.nameEn} / ${n.ewStreet.nameEn} storm manhole`, system: 'storm', groundM: n.groundM, invertM: round2(inv0), depthM: round2(n.groundM - inv0), outletDiameterMm: diameterMm, catchmentHa: round2(areaHa.get(n)!) },
    });
  }
  for (const n of order) inv.add(manholeAt.get(n)!);

  outlets.forEach((o) => {
    const receiving = o.water === 'river' ? RIVER : LAKE;
    const inflow = conduits.find((c) => c.properties.to === outfallIds.get(o));
    outfalls.push(inv.add({
      id: outfallIds.get(o)!, kind: 'outfall', domain: 'drainage', department: owner, name: `${receiving.name}排口`,
      geometry: pointGeometry(o.xy),
      properties: { nameEn: `${receiving.nameEn} outfall`, receivingWater: receiving.name, receivingWaterEn: receiving.nameEn, invertM: inflow?.properties.downstreamInvertM, normalWaterLevelM: receiving.waterLevelM, flapGate: true },
    }));
  });

  // Sensors: level ratio (充满度) in every intersection manhole; water level at every other outfall.
  for (const n of order) {
    const mh = manholeAt.get(n)!;
    inv.sense(mh, 'level_ratio', {
      intervalS: 60,
      properties: { pipeDepthM: (mh.properties.outletDiameterMm as number) / 1000, manholeDepthM: mh.properties.depthM, invertM: mh.properties.invertM, designRatio: 1, catchmentHa: mh.properties.catchmentHa },
    });
  }
  outfalls.forEach((of, k) => {
    if (k % 2 === 0) inv.sense(of, 'level', { intervalS: 60, location: 'receiving water at the outfall', properties: { normalLevelM: of.properties.normalWaterLevelM, invertM: of.properties.invertM } });
  });
  [outfalls[2], outfalls[9], outfalls[17]].forEach((of) => {
    if (of) inv.sense(of, 'rainfall', { intervalS: 60, location: 'tipping-bucket rain gauge (0.2 mm)' });
  });

  const underpassInlet = buildLowPoints(inv, grid, manholeAt, random);
  return { manholeAt, conduits, outfalls, underpassInlet };
}

/** The 金寨路/望江西路 underpass with its pump station, and street low points with ponding gauges. */
function buildLowPoints(inv: Inventory, grid: ReturnType<typeof streetGrid>, manholeAt: ReadonlyMap<GridNode, Asset>, random: ReturnType<typeof createRandom>): Asset {
  const owner = DEPARTMENT_IDS.drainage;
  const node = grid.node(16, 11)!;
  const sag: XY = [node.xy[0] + 8, node.xy[1] - 70];
  const sagGround = round2(node.groundM - 5.5);
  const inlet = inv.add({
    id: 'D-IN-01', kind: 'inlet', domain: 'drainage', department: owner, name: '金寨路望江西路下穿通道', geometry: pointGeometry(sag),
    properties: { nameEn: 'Jinzhai Road / Wangjiang West Road underpass', lowPoint: 'underpass', groundM: sagGround, clearanceM: 4.5, drainsTo: 'D-PS-1' },
  });
  const psXY: XY = [node.xy[0] + 35, node.xy[1] - 60];
  const ps = inv.add({
    id: 'D-PS-1', kind: 'pump_station', domain: 'drainage', department: owner, name: '望江西路下穿通道排涝泵站', geometry: pointGeometry(psXY),
    properties: { nameEn: 'Wangjiang West Road underpass drainage pump station', from: inlet.id, to: manholeAt.get(node)!.id, pumps: 3, capacityLps: 1500, wetWellDepthM: 6, startLevelM: 1.2 },
  });
  inv.add({ id: 'D-C-IN01', kind: 'pipe', domain: 'drainage', department: owner, name: '下穿通道收水管', geometry: lineGeometry([sag, psXY]), properties: { from: inlet.id, to: ps.id, system: 'storm', lengthM: 30, diameterMm: 800, material: 'RC', installYear: 1998 } });
  inv.add({ id: 'D-C-PS01', kind: 'pipe', domain: 'drainage', department: owner, name: '泵站出水压力管', geometry: lineGeometry([psXY, node.xy]), properties: { from: ps.id, to: manholeAt.get(node)!.id, system: 'storm', lengthM: 70, diameterMm: 600, material: 'DI', installYear: 1998, forceMain: true } });
  // GB 51222-2017 (城镇内涝防治技术标准): a road is waterlogged when water stands deeper than 15 cm.
  inv.sense(inlet, 'ponding', { intervalS: 60, properties: { waterloggingCm: 15, closeRoadCm: 27 } });
  inv.sense(ps, 'level', { intervalS: 60, location: 'wet well', properties: { startLevelM: 1.2, highLevelM: 4.5 } });
  inv.sense(ps, 'rainfall', { intervalS: 60, location: 'tipping-bucket rain gauge (0.2 mm)' });

  // Other low points: the lowest inland intersections, plus metro entrances near the main roads.
  const inland = grid.nodes.filter((n) => distanceToWater(n.xy[0], n.xy[1]) > 300 && n !== node)
    .sort((a, b) => a.groundM - b.groundM || a.key.localeCompare(b.key)).slice(0, 6);
  const metroEntrances: [XY, string, string][] = [
    [[2800, 1800], '习友路站A出入口', 'Xiyou Road Station exit A'],
    [[2800, 2800], '望江西路站B出入口', 'Wangjiang West Road Station exit B'],
    [[1550, 2800], '天鹅湖站C出入口', 'Swan Lake Station exit C'],
  ];
  const points: [XY, string, string, string, GridNode][] = [
    ...inland.map((n): [XY, string, string, string, GridNode] => [[n.xy[0] + 12, n.xy[1] + 12], `${n.nsStreet.name}${n.ewStreet.name}口积水点`, `${n.nsStreet.nameEn} / ${n.ewStreet.nameEn} low point`, 'street', n]),
    ...metroEntrances.map(([xy, zh, en]): [XY, string, string, string, GridNode] => [xy, zh, en, 'metro_entrance', grid.node(Math.round(xy[0] / BLOCK), Math.round(xy[1] / BLOCK))!]),
  ];
  points.forEach(([xy, name, nameEn, lowPoint, near], k) => {
    const id = `D-IN-${pad(k + 2, 2)}`;
    const mh = manholeAt.get(near)!;
    const lp = inv.add({
      id, kind: 'inlet', domain: 'drainage', department: owner, name, geometry: pointGeometry(xy),
      properties: { nameEn, lowPoint, groundM: round2(groundElevation(xy[0], xy[1]) - random.range(0.2, 0.5)), drainsTo: mh.id },
    });
    inv.add({ id: `D-C-IN${pad(k + 2, 2)}`, kind: 'pipe', domain: 'drainage', department: owner, name: '雨水口连接管', geometry: lineGeometry([xy, near.xy]), properties: { from: id, to: mh.id, system: 'storm', lengthM: Math.round(Math.hypot(xy[0] - near.xy[0], xy[1] - near.xy[1])), diameterMm: 300, material: 'HDPE', installYear: 2010 } });
    inv.sense(lp, 'ponding', { intervalS: 60, properties: { waterloggingCm: 15, lowPoint } });
  });
  return inlet;
}

function streetOf(grid: ReturnType<typeof streetGrid>, a: GridNode, b: GridNode | undefined): string {
  if (!b) return a.nsStreet.name;
  const e: GridEdge | undefined = grid.edgesAt(a).find((x) => grid.other(x, a) === b);
  return e?.street.name ?? a.nsStreet.name;
}

/** Full-bore capacity (m³/s) by Manning: Q = (1/n)·A·R^(2/3)·S^(1/2). */
function fullFlow(diameterMm: number, slope: number): number {
  const d = diameterMm / 1000;
  return (1 / MANNING_N) * (Math.PI * d * d / 4) * (d / 4) ** (2 / 3) * Math.sqrt(slope);
}

/**
 * The smallest size that carries `q` full at the slope it is laid at: the ground's, but at least the
 * self-cleansing minimum and at most 0.6 % (steeper streets get drop manholes). Sized at the laid
 * slope, not the ground's: a pipe sized for a steep street but laid at 0.6 % would be too small.
 */
function sizeFor(q: number, groundSlope: number): { diameterMm: number; slope: number } {
  const laid = (mm: number) => Math.max(minimumSlope(mm), Math.min(groundSlope, 0.006));
  const diameterMm = SIZES_MM.find((mm) => fullFlow(mm, laid(mm)) >= q) ?? SIZES_MM[SIZES_MM.length - 1]!;
  return { diameterMm, slope: laid(diameterMm) };
}

/** Slopes that keep at least 0.75 m/s at full flow (self-cleansing, GB 50014-2021 §5.2.7). */
function minimumSlope(diameterMm: number): number {
  return diameterMm <= 600 ? 0.002 : diameterMm <= 1000 ? 0.0012 : diameterMm <= 1500 ? 0.0008 : 0.0005;
}

function round2(v: number): number { return Math.round(v * 100) / 100; }
function round4(v: number): number { return Math.round(v * 1e4) / 1e4; }
