import type { Asset } from '../../domain/index.js';
import { createRandom, deriveSeed } from '../random.js';
import { lineGeometry, pointGeometry, polylineLength, toXY, type XY } from '../geo.js';
import { DEPARTMENT_IDS } from './departments.js';
import { streetGrid, streetPath, type GridNode } from './grid.js';
import { pad, type Inventory } from './make.js';

/**
 * Power distribution (电力): three 110/10 kV substations and 10 kV cable feeders run as open rings
 * (手拉手) through ring main units (环网柜) along the streets. Cables are XLPE YJV22-8.7/15 kV 3×300,
 * rated for a 90 °C conductor (GB/T 12706.2 / IEC 60502-2); monitoring measures the cable joint
 * temperature (joints are where cables fail) and the feeder current.
 */
export const CABLE_RATED_CURRENT_A = 480;

export function buildPower(inv: Inventory, seed: number): Asset[] {
  const random = createRandom(deriveSeed(seed, 'power'));
  const grid = streetGrid();
  const owner = DEPARTMENT_IDS.power;
  const assets: Asset[] = [];

  const substationSpecs: [string, string, string, XY, [number, number]][] = [
    ['PW-SS-1', '匡河110kV变电站', 'Kuanghe 110 kV substation', [760, 260], [3, 1]],
    ['PW-SS-2', '政务110kV变电站', 'Civic 110 kV substation', [2490, 3510], [10, 14]],
    ['PW-SS-3', '望湖110kV变电站', 'Wanghu 110 kV substation', [4260, 1010], [17, 4]],
  ];
  const substations = substationSpecs.map(([id, name, nameEn, xy, [i, j]]) => {
    const ss = inv.add({
      id, kind: 'substation', domain: 'power', department: owner, name, geometry: pointGeometry(xy),
      properties: { nameEn, voltageKv: [110, 10], transformers: 2, capacityMva: 2 * 50, type: 'substation', node: `${i},${j}` },
    });
    assets.push(ss);
    inv.sense(ss, 'temperature', { intervalS: 60, code: 'TOIL', location: 'main transformer T1 top oil', properties: { alarmC: 85, tripC: 95 } });
    inv.sense(ss, 'current', { intervalS: 60, location: '10 kV bus incomer', properties: { ratedA: 2750 } });
    return { asset: ss, node: grid.node(i, j)! };
  });

  // Ring main units on a 750 m lattice of intersections.
  const rows = new Map<number, { asset: Asset; node: GridNode }[]>();
  let rmuNo = 0;
  for (const n of grid.nodes) {
    if (n.i % 3 !== 1 || n.j % 3 !== 1) continue;
    const xy: XY = [n.xy[0] + 10, n.xy[1] - 10];
    const rmu = inv.add({
      id: `PW-RMU-${pad(++rmuNo, 2)}`, kind: 'substation', domain: 'power', department: owner, name: `${n.nsStreet.name}${n.ewStreet.name}环网柜`,
      geometry: pointGeometry(xy), properties: { nameEn: `${n.nsStreet.nameEn} / ${n.ewStreet.nameEn} ring main unit`, type: 'ring_main_unit', voltageKv: 10, ways: 6 },
    });
    assets.push(rmu);
    inv.sense(rmu, 'temperature', { intervalS: 60, location: 'cabinet', properties: { alarmC: 60 } });
    inv.sense(rmu, 'humidity', { intervalS: 60, location: 'cabinet (condensation)', properties: { alarmPct: 90 } });
    const row = rows.get(n.j) ?? [];
    row.push({ asset: rmu, node: n });
    rows.set(n.j, row);
  }

  // Feeders: each row of RMUs strung west to east, both ends tied back to the nearest substations.
  let cableNo = 0;
  const cable = (from: { asset: Asset; node: GridNode }, to: { asset: Asset; node: GridNode }, feeder: string): void => {
    const path = streetPath(grid, from.node, to.node);
    if (path.length === 0) return;
    const points: XY[] = [representative(from.asset), ...path.map((n) => n.xy), representative(to.asset)];
    const c = inv.add({
      id: `PW-C-${pad(++cableNo, 3)}`, kind: 'cable', domain: 'power', department: owner, name: `10kV ${feeder}线电缆`,
      geometry: lineGeometry(points),
      properties: {
        from: from.asset.id, to: to.asset.id, feeder, voltageKv: 10, cableType: 'YJV22-8.7/15kV 3×300', ratedCurrentA: CABLE_RATED_CURRENT_A,
        maxConductorC: 90, lengthM: Math.round(polylineLength(points)), installYear: random.int(2003, 2022), laying: 'duct bank',
      },
    });
    assets.push(c);
    inv.sense(c, 'temperature', { intervalS: 60, location: 'intermediate joint (hot spot)', properties: { alarmC: 70, maxConductorC: 90 } });
    inv.sense(c, 'current', { intervalS: 60, properties: { ratedA: CABLE_RATED_CURRENT_A } });
  };
  const nearest = (n: GridNode): { asset: Asset; node: GridNode } =>
    substations.reduce((best, s) => (Math.hypot(s.node.xy[0] - n.xy[0], s.node.xy[1] - n.xy[1]) < Math.hypot(best.node.xy[0] - n.xy[0], best.node.xy[1] - n.xy[1]) ? s : best));
  for (const [j, row] of [...rows].sort(([a], [b]) => a - b)) {
    row.sort((a, b) => a.node.i - b.node.i);
    const feeder = `F${pad(j, 2)}`;
    cable(nearest(row[0]!.node), row[0]!, feeder);
    for (let k = 1; k < row.length; k++) cable(row[k - 1]!, row[k]!, feeder);
    const far = [...substations].sort((a, b) => Math.hypot(a.node.xy[0] - row[row.length - 1]!.node.xy[0], a.node.xy[1] - row[row.length - 1]!.node.xy[1]) - Math.hypot(b.node.xy[0] - row[row.length - 1]!.node.xy[0], b.node.xy[1] - row[row.length - 1]!.node.xy[1]));
    const end = far.find((s) => s !== nearest(row[0]!.node)) ?? far[0]!;
    cable(row[row.length - 1]!, end, feeder);
  }
  return assets;
}

function representative(a: Asset): XY {
  return toXY(a.geometry.coordinates as [number, number]);
}
