import type { Asset } from '../../domain/index.js';
import { lineGeometry } from '../geo.js';
import { DEPARTMENT_IDS } from './departments.js';
import { streetGrid } from './grid.js';
import type { Inventory } from './make.js';
import { RIVER, riverY } from './plan.js';

/**
 * The three bridges where the main roads cross 匡河: three-span prestressed-concrete continuous
 * box girders designed for urban load class 城-A (CJJ 11-2011). Each carries a structural health
 * monitoring system: strain at midspans and supports, deflection, vertical acceleration, pier tilt,
 * crack width and deck temperature.
 */

interface BridgeSpec { id: string; street: string; name: string; nameEn: string; spansM: number[]; widthM: number; builtYear: number; designStrainUe: number }

const SPECS: readonly BridgeSpec[] = [
  { id: 'BR-1', street: '怀宁路', name: '怀宁路匡河桥', nameEn: 'Huaining Road Kuang River Bridge', spansM: [20, 30, 20], widthM: 40, builtYear: 2006, designStrainUe: 160 },
  { id: 'BR-2', street: '潜山路', name: '潜山路匡河桥', nameEn: 'Qianshan Road Kuang River Bridge', spansM: [25, 35, 25], widthM: 44, builtYear: 2003, designStrainUe: 180 },
  { id: 'BR-3', street: '金寨路', name: '金寨路匡河桥', nameEn: 'Jinzhai Road Kuang River Bridge', spansM: [22, 32, 22], widthM: 46, builtYear: 1996, designStrainUe: 150 },
];

export function buildBridges(inv: Inventory): Asset[] {
  const grid = streetGrid();
  return SPECS.map((spec) => {
    const edge = grid.edges.find((e) => e.bridge && e.street.name === spec.street)!;
    const x = edge.a.xy[0];
    const lengthM = spec.spansM.reduce((s, v) => s + v, 0);
    const centre = riverY(x);
    const bridge = inv.add({
      id: spec.id, kind: 'bridge', domain: 'bridge', department: DEPARTMENT_IDS.bridge, name: spec.name,
      geometry: lineGeometry([[x, centre - lengthM / 2], [x, centre + lengthM / 2]]),
      properties: {
        nameEn: spec.nameEn, street: spec.street, crosses: RIVER.name, structure: 'prestressed concrete continuous box girder',
        structureZh: '预应力混凝土连续箱梁', spansM: spec.spansM, lengthM, widthM: spec.widthM, builtYear: spec.builtYear,
        designLoad: '城-A (CJJ 11-2011)',
        // Live-load strain at the governing midspan bottom fibre under the design load.
        designStrainUe: spec.designStrainUe,
        // Live-load deflection limit L/600 for concrete girders (JTG 3362-2018 §6.5.3; CJJ 11-2011 likewise).
        designDeflectionMm: Math.round((Math.max(...spec.spansM) * 1000) / 600 * 10) / 10,
        // Technical condition grade (CJJ 99-2017): A best … E worst.
        conditionGrade: spec.builtYear < 2000 ? 'B' : 'A',
      },
    });
    monitorBridge(inv, bridge, spec);
    return bridge;
  });
}

function monitorBridge(inv: Inventory, bridge: Asset, spec: BridgeSpec): void {
  const deflectionLimit = bridge.properties.designDeflectionMm as number;
  let strainNo = 0;
  spec.spansM.forEach((span, s) => {
    // The main span carries the largest live-load strain; side spans about 80 % of it.
    const limit = Math.round(spec.designStrainUe * (s === 1 ? 1 : 0.8));
    for (const girder of ['G1', 'G3']) {
      inv.sense(bridge, 'strain', {
        intervalS: 10, index: ++strainNo, location: `span ${s + 1} midspan, girder ${girder} bottom flange`,
        properties: { span: s + 1, girder, designStrainUe: limit, gauge: 'vibrating-wire strain gauge', temperatureCompensated: true },
      });
    }
    const spanLimit = Math.round((span * 1000) / 600 * 10) / 10;
    inv.sense(bridge, 'displacement', { intervalS: 10, index: s + 1, code: 'DEF', location: `span ${s + 1} midspan deflection (positive = down)`, properties: { span: s + 1, designDeflectionMm: Math.min(spanLimit, deflectionLimit) } });
    inv.sense(bridge, 'acceleration', { intervalS: 10, index: s + 1, location: `span ${s + 1} midspan, vertical, peak in interval`, properties: { span: s + 1, comfortLimitMs2: 0.5 } });
  });
  for (const support of [1, 2]) {
    // Hogging strain over the interior supports (top fibre), about 70 % of the midspan limit.
    inv.sense(bridge, 'strain', {
      intervalS: 10, index: ++strainNo, location: `pier P${support} support, girder G2 top flange`,
      properties: { support: support, girder: 'G2', designStrainUe: Math.round(spec.designStrainUe * 0.7), gauge: 'vibrating-wire strain gauge', temperatureCompensated: true },
    });
    inv.sense(bridge, 'tilt', { intervalS: 60, index: support, location: `pier P${support}`, properties: { pier: `P${support}`, alarmDeg: 0.2 } });
  }
  // Crack width limit 0.2 mm for reinforced-concrete members (JTG 3362-2018 §6.4.2).
  inv.sense(bridge, 'crack', { intervalS: 300, index: 1, location: 'span 2 web near P1', properties: { baselineMm: 0.12, limitMm: 0.2 } });
  inv.sense(bridge, 'crack', { intervalS: 300, index: 2, location: 'span 2 web near P2', properties: { baselineMm: 0.08, limitMm: 0.2 } });
  inv.sense(bridge, 'displacement', { intervalS: 60, index: 1, code: 'BRG', location: 'expansion joint at abutment A0 (longitudinal)', properties: { rangeMm: 80 } });
  inv.sense(bridge, 'temperature', { intervalS: 60, location: 'box girder interior' });
}
