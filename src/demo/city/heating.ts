import type { Asset } from '../../domain/index.js';
import { createRandom, deriveSeed } from '../random.js';
import { lineGeometry, pointGeometry, type XY } from '../geo.js';
import { DEPARTMENT_IDS } from './departments.js';
import { reachable, streetGrid, type GridEdge, type GridNode } from './grid.js';
import { pad, type Inventory } from './make.js';
import { BLOCK } from './plan.js';

/**
 * District heating (供热管网) north of the river, fed from 合肥热电集团's heat-source head station on
 * 长江西路: a primary hot-water network of buried pre-insulated twin pipes (supply + return) with heat
 * exchange stations (换热站) serving the neighbourhoods. Design temperatures 115/60 °C lie in the
 * 110–150 / 60–80 °C range of CJJ 34-2010 for primary networks; pressure rating PN16.
 */
export const HEATING_DESIGN = { supplyC: 115, returnC: 60, supplyPressureMpa: 1.0, returnPressureMpa: 0.35 } as const;

export function buildHeating(inv: Inventory, seed: number): Asset[] {
  const random = createRandom(deriveSeed(seed, 'heating'));
  const grid = streetGrid();
  const owner = DEPARTMENT_IDS.heating;
  const inArea = (n: GridNode): boolean => n.xy[0] >= 2000 && n.xy[1] >= 2000;
  const use = (e: GridEdge): boolean => inArea(e.a) && inArea(e.b) && (e.street.arterial || (e.a.xy[0] >= 3000 && (e.street.at / BLOCK) % 2 === 0));
  const feed = grid.node(14, 16)!;
  const served = reachable(grid, [feed], use);
  const edges = grid.edges.filter((e) => use(e) && served.has(e.a) && served.has(e.b));

  const assets: Asset[] = [];
  const nodeAt = new Map<GridNode, Asset>();
  let nodeNo = 0;
  for (const n of grid.nodes) {
    if (!served.has(n)) continue;
    const node = inv.add({
      id: `H-N-${pad(++nodeNo, 3)}`, kind: 'junction', domain: 'heating', department: owner, name: `${n.nsStreet.name}${n.ewStreet.name}口热力井`,
      geometry: pointGeometry(n.xy), properties: { nameEn: `${n.nsStreet.nameEn} / ${n.ewStreet.nameEn} heating chamber`, groundM: n.groundM },
    });
    nodeAt.set(n, node);
    assets.push(node);
  }

  const sourceXY: XY = [3480, 3960];
  const source = inv.add({
    id: 'H-SRC-1', kind: 'pump_station', domain: 'heating', department: owner, name: '长江西路热网首站', geometry: pointGeometry(sourceXY),
    properties: { nameEn: 'Changjiang West Road heat-source head station', to: nodeAt.get(feed)!.id, capacityMw: 180, circulatingPumps: 4, ...HEATING_DESIGN },
  });
  assets.push(source);
  const pipe = (id: string, from: string, to: string, points: XY[], lengthM: number, diameterMm: number, year: number, extra: Record<string, unknown> = {}): Asset => {
    const a = inv.add({
      id, kind: 'pipe', domain: 'heating', department: owner, name: `供热管 DN${diameterMm}`,
      geometry: lineGeometry(points),
      properties: { from, to, lengthM, diameterMm, twin: true, material: 'pre-insulated steel (PU foam, HDPE jacket)', materialZh: '直埋预制保温钢管', pressureRating: 'PN16', installYear: year, depthM: 1.5, ...extra },
    });
    assets.push(a);
    return a;
  };
  pipe('H-P-SRC', source.id, nodeAt.get(feed)!.id, [sourceXY, feed.xy], Math.round(Math.hypot(sourceXY[0] - feed.xy[0], sourceXY[1] - feed.xy[1])), 700, 2012);
  edges.forEach((e, k) => {
    pipe(`H-P-${pad(k + 1, 3)}`, nodeAt.get(e.a)!.id, nodeAt.get(e.b)!.id, [e.a.xy, e.b.xy], e.lengthM, e.street.arterial ? 500 : 300, random.int(2008, 2020), { street: e.street.name });
  });

  // Heat exchange stations, each on a short DN150 branch, and chamber monitoring on every third node.
  let hsNo = 0;
  for (const [n, node] of nodeAt) {
    if ((n.i + n.j) % 4 === 1) {
      const xy: XY = [n.xy[0] + 30, n.xy[1] - 30];
      const hs = inv.add({
        id: `H-HS-${pad(++hsNo, 2)}`, kind: 'substation', domain: 'heating', department: owner, name: `${n.nsStreet.name}换热站`,
        geometry: pointGeometry(xy), properties: { nameEn: `${n.nsStreet.nameEn} heat exchange station`, type: 'heat_exchange_station', capacityMw: random.pick([6, 8, 10, 12]), heatedAreaM2: random.int(8, 20) * 10_000 },
      });
      assets.push(hs);
      pipe(`H-P-HS${pad(hsNo, 2)}`, node.id, hs.id, [n.xy, xy], 42, 150, random.int(2008, 2020), { branch: true });
      inv.sense(hs, 'temperature', { intervalS: 60, code: 'TS', location: 'primary supply', properties: { circuit: 'supply', designC: HEATING_DESIGN.supplyC, highAlarmC: 130 } });
      inv.sense(hs, 'temperature', { intervalS: 60, code: 'TR', location: 'primary return', properties: { circuit: 'return', designC: HEATING_DESIGN.returnC } });
      inv.sense(hs, 'pressure', { intervalS: 60, code: 'PS', location: 'primary supply', properties: { circuit: 'supply', normalMpa: 0.85, highAlarmMpa: 1.4, lowAlarmMpa: 0.5 } });
      inv.sense(hs, 'pressure', { intervalS: 60, code: 'PR', location: 'primary return', properties: { circuit: 'return', normalMpa: 0.38, lowAlarmMpa: 0.2 } });
    }
  }
  [...nodeAt.values()].forEach((node, k) => {
    if (k % 3 !== 0) return;
    // Air temperature in the chamber: a leak of hot water shows as a steady rise.
    inv.sense(node, 'temperature', { intervalS: 60, code: 'TW', location: 'chamber air (leak detection)', properties: { circuit: 'chamber', highAlarmC: 50 } });
    inv.sense(node, 'pressure', { intervalS: 60, code: 'PS', location: 'supply pipe', properties: { circuit: 'supply', normalMpa: 0.9, lowAlarmMpa: 0.5 } });
  });
  inv.sense(source, 'temperature', { intervalS: 60, code: 'TS', location: 'supply header', properties: { circuit: 'supply', designC: HEATING_DESIGN.supplyC } });
  inv.sense(source, 'temperature', { intervalS: 60, code: 'TR', location: 'return header', properties: { circuit: 'return', designC: HEATING_DESIGN.returnC } });
  inv.sense(source, 'pressure', { intervalS: 30, code: 'PS', location: 'supply header', properties: { circuit: 'supply', normalMpa: HEATING_DESIGN.supplyPressureMpa } });
  inv.sense(source, 'pressure', { intervalS: 30, code: 'PR', location: 'return header', properties: { circuit: 'return', normalMpa: HEATING_DESIGN.returnPressureMpa } });
  inv.sense(source, 'flow', { intervalS: 60, location: 'supply header', properties: { designFlowM3h: 2800 } });
  return assets;
}
