import type { Asset } from '../../domain/index.js';
import { createRandom, deriveSeed } from '../random.js';
import { along, lineGeometry, pointGeometry, type XY } from '../geo.js';
import { installYear } from './ages.js';
import { DEPARTMENT_IDS } from './departments.js';
import { reachable, streetGrid, type GridEdge, type GridNode } from './grid.js';
import { pad, type Inventory } from './make.js';
import { BLOCK, districtAt } from './plan.js';

/**
 * The natural-gas distribution network (燃气管网): medium-pressure A mains under the main roads and
 * every other street, fed by two high/medium-pressure regulator stations at opposite corners, with
 * district regulator boxes stepping down to low pressure for households. Methane is monitored in
 * the underground spaces next to the mains (相邻地下空间: sewer, telecom, power and valve wells),
 * where leaked gas collects, as Hefei's lifeline project does.
 */

/** Pressure classes of GB 50028-2006 §6.1.6 (MPa, gauge). */
export const GAS_PRESSURE_CLASSES = {
  LP: { zh: '低压', en: 'low pressure', maxMpa: 0.01 },
  MB: { zh: '中压B', en: 'medium pressure B', maxMpa: 0.2 },
  MA: { zh: '中压A', en: 'medium pressure A', maxMpa: 0.4 },
  SHB: { zh: '次高压B', en: 'sub-high pressure B', maxMpa: 0.8 },
  SHA: { zh: '次高压A', en: 'sub-high pressure A', maxMpa: 1.6 },
} as const;

/** Regulator-station set points: medium-pressure A network run at 0.3 MPa; households get 2.5 kPa. */
export const GAS_MA_SETPOINT_MPA = 0.3;
export const GAS_LP_SETPOINT_MPA = 0.0025;

const SPACES = [
  { space: 'sewer_manhole', zh: '污水检查井', weight: 0.32 },
  { space: 'storm_manhole', zh: '雨水检查井', weight: 0.2 },
  { space: 'telecom_well', zh: '通信人井', weight: 0.2 },
  { space: 'power_well', zh: '电力工井', weight: 0.1 },
  { space: 'water_valve_well', zh: '给水阀门井', weight: 0.1 },
  { space: 'gas_valve_well', zh: '燃气阀门井', weight: 0.08 },
] as const;

export interface GasNetwork {
  readonly nodeAt: ReadonlyMap<GridNode, Asset>;
  readonly pipes: readonly Asset[];
  readonly manholes: readonly Asset[];
  readonly regulatorStations: readonly Asset[];
}

export function buildGas(inv: Inventory, seed: number): GasNetwork {
  const random = createRandom(deriveSeed(seed, 'gas'));
  const grid = streetGrid();
  const owner = DEPARTMENT_IDS.gas;
  const onGasStreet = (e: GridEdge): boolean => e.street.arterial || (e.street.at / BLOCK) % 2 === 0;
  const feeds = [grid.node(18, 16)!, grid.node(0, 0)!];
  const served = reachable(grid, feeds, onGasStreet);
  const edges = grid.edges.filter((e) => onGasStreet(e) && served.has(e.a) && served.has(e.b));

  const nodeAt = new Map<GridNode, Asset>();
  let nodeNo = 0;
  for (const n of grid.nodes) {
    if (!served.has(n)) continue;
    nodeAt.set(n, inv.add({
      id: `G-N-${pad(++nodeNo, 4)}`, kind: 'junction', domain: 'gas', department: owner, name: `${n.nsStreet.name}${n.ewStreet.name}口燃气节点`,
      geometry: pointGeometry(n.xy), properties: { nameEn: `${n.nsStreet.nameEn} / ${n.ewStreet.nameEn} gas node`, groundM: n.groundM },
    }));
  }

  const pipes: Asset[] = [];
  const mainPipe = (id: string, from: string, to: string, points: XY[], lengthM: number, diameterMm: number, year: number, cls: keyof typeof GAS_PRESSURE_CLASSES, extra: Record<string, unknown> = {}): Asset => {
    const pe = diameterMm <= 315 && year >= 2000;
    const c = GAS_PRESSURE_CLASSES[cls];
    const pipe = inv.add({
      id, kind: 'pipe', domain: 'gas', department: owner, name: `${c.zh}燃气管 ${pe ? 'dn' : 'DN'}${diameterMm}`,
      geometry: lineGeometry(points),
      properties: {
        from, to, lengthM, diameterMm, material: pe ? 'PE100 SDR11' : 'steel L245', materialZh: pe ? '聚乙烯管' : '钢管',
        installYear: year, pressureClass: cls, pressureClassZh: c.zh, maxPressureMpa: c.maxMpa,
        // GB 50028-2006 §6.3.4: at least 0.9 m of cover under carriageways.
        depthM: 1.2, ...extra,
      },
    });
    pipes.push(pipe);
    return pipe;
  };

  const mains: Asset[] = [];
  edges.forEach((e, k) => {
    const mid = along(e.a.xy, e.b.xy, 0.5);
    const district = districtAt(mid[0], mid[1]);
    const year = installYear(random, district, 0.1);
    const diameterMm = e.street.arterial ? (year >= 2000 ? 315 : 300) : (year >= 2000 ? 160 : 150);
    mains.push(mainPipe(`G-P-${pad(k + 1, 4)}`, nodeAt.get(e.a)!.id, nodeAt.get(e.b)!.id, [e.a.xy, e.b.xy], e.lengthM, diameterMm, year, 'MA',
      { operatingPressureMpa: GAS_MA_SETPOINT_MPA, street: e.street.name, streetEn: e.street.nameEn, ...(e.bridge ? { onBridge: true } : {}) }));
  });

  // High/medium-pressure regulator stations (高中压调压站) at the north-east and south-west corners.
  const regulatorStations: Asset[] = [];
  const stationSpecs: [string, string, string, XY, GridNode][] = [
    ['G-RS-1', '长江西路调压站', 'Changjiang West Road regulator station', [4440, 3930], feeds[0]!],
    ['G-RS-2', '匡河调压站', 'Kuanghe regulator station', [60, 70], feeds[1]!],
  ];
  for (const [id, name, nameEn, xy, node] of stationSpecs) {
    const rs = inv.add({
      id, kind: 'regulator_station', domain: 'gas', department: owner, name, geometry: pointGeometry(xy),
      properties: { nameEn, type: 'high_medium', inletClass: 'SHA', outletClass: 'MA', inletPressureMpa: 0.8, outletSetpointMpa: GAS_MA_SETPOINT_MPA, capacityM3h: 30_000 },
    });
    regulatorStations.push(rs);
    mainPipe(`G-P-${id.slice(2)}`, rs.id, nodeAt.get(node)!.id, [xy, node.xy], Math.round(Math.hypot(xy[0] - node.xy[0], xy[1] - node.xy[1])), 400, 2012, 'MA', { operatingPressureMpa: GAS_MA_SETPOINT_MPA });
    inv.sense(rs, 'pressure', { intervalS: 30, code: 'PIN', location: 'inlet', properties: { normalMpa: 0.8, pressureClass: 'SHA' } });
    inv.sense(rs, 'pressure', { intervalS: 30, code: 'POUT', location: 'outlet', properties: { setpointMpa: GAS_MA_SETPOINT_MPA, pressureClass: 'MA', lowAlarmMpa: 0.2, highAlarmMpa: 0.38 } });
    inv.sense(rs, 'methane', { intervalS: 60, location: 'regulator room', properties: { alarmLel: 20 } });
  }

  // District regulator boxes (中低压调压箱), one for roughly every 0.4 km² of homes.
  let boxNo = 0;
  for (const [node, gasNode] of nodeAt) {
    if ((node.i + 2 * node.j) % 7 !== 3) continue;
    const xy: XY = [node.xy[0] + 14, node.xy[1] + 14];
    const box = inv.add({
      id: `G-RB-${pad(++boxNo, 2)}`, kind: 'regulator_station', domain: 'gas', department: owner, name: `${node.nsStreet.name}调压箱`,
      geometry: pointGeometry(xy), properties: { nameEn: `${node.nsStreet.nameEn} regulator box`, type: 'district_box', inletClass: 'MA', outletClass: 'LP', outletSetpointMpa: GAS_LP_SETPOINT_MPA, capacityM3h: 600 },
    });
    regulatorStations.push(box);
    mainPipe(`G-P-RB${pad(boxNo, 2)}`, gasNode.id, box.id, [node.xy, xy], 20, 110, 2010, 'MA', { operatingPressureMpa: GAS_MA_SETPOINT_MPA, service: true });
    inv.sense(box, 'pressure', { intervalS: 60, code: 'POUT', location: 'outlet', properties: { setpointMpa: GAS_LP_SETPOINT_MPA, pressureClass: 'LP', lowAlarmMpa: 0.0015, highAlarmMpa: 0.0035 } });
  }

  // Valves on every third main; pressure monitoring at every eighth node.
  mains.forEach((p, k) => {
    if (k % 3 !== 0) return;
    const [a, b] = (p.geometry.coordinates as unknown) as [number, number][];
    inv.add({
      id: `G-V-${pad(k / 3 + 1, 4)}`, kind: 'valve', domain: 'gas', department: owner, name: `${p.properties.street as string}燃气阀门`,
      geometry: { type: 'Point', coordinates: [a![0] + (b![0] - a![0]) * 0.06, a![1] + (b![1] - a![1]) * 0.06] },
      properties: { pipe: p.id, node: p.properties.from, valveType: (p.properties.diameterMm as number) >= 300 ? 'ball (buried, steel)' : 'ball (PE)', diameterMm: p.properties.diameterMm, normallyOpen: true },
    });
  });
  [...nodeAt.values()].forEach((n, k) => {
    if (k % 8 === 4) inv.sense(n, 'pressure', { intervalS: 60, properties: { setpointMpa: GAS_MA_SETPOINT_MPA, pressureClass: 'MA', lowAlarmMpa: 0.2 } });
  });

  // Adjacent underground spaces with a methane detector: two per main on the main roads and in
  // the older neighbourhoods (more leaks), one elsewhere.
  const manholes: Asset[] = [];
  let mhNo = 0;
  mains.forEach((p, k) => {
    const e = edges[k]!;
    const mid = along(e.a.xy, e.b.xy, 0.5);
    const twice = e.street.arterial || districtAt(mid[0], mid[1]).builtTo <= 2000;
    for (const t of twice ? [0.3, 0.72] : [0.5]) {
      const space = weightedSpace(random.next());
      const offset = random.range(2.5, 6) * (random.chance(0.5) ? 1 : -1);
      const mh = inv.add({
        id: `G-MH-${pad(++mhNo, 4)}`, kind: 'manhole', domain: 'gas', department: owner, name: `${e.street.name}${space.zh}`,
        geometry: pointGeometry(along(e.a.xy, e.b.xy, t + random.range(-0.08, 0.08), offset)),
        properties: { space: space.space, spaceZh: space.zh, nearPipe: p.id, distanceM: Math.round(Math.abs(offset) * 10) / 10, depthM: Math.round(random.range(1.2, 2.8) * 10) / 10 },
      });
      manholes.push(mh);
      // CJJ/T 146-2011: combustible-gas alarms are set no higher than 25 %LEL.
      inv.sense(mh, 'methane', { intervalS: 60, properties: { alarmLel: 25, nearPipe: p.id, space: space.space } });
    }
  });
  return { nodeAt, pipes, manholes, regulatorStations };
}

function weightedSpace(u: number): (typeof SPACES)[number] {
  let acc = 0;
  for (const s of SPACES) { acc += s.weight; if (u < acc) return s; }
  return SPACES[0];
}
