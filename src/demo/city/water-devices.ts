import { representativePoint, type Asset } from '../../domain/index.js';
import { along, pointGeometry, toXY, type XY } from '../geo.js';
import { DEPARTMENT_IDS } from './departments.js';
import { streetGrid } from './grid.js';
import { pad, type Inventory } from './make.js';
import { DISTRICTS, districtAt } from './plan.js';
import { MIN_SERVICE_PRESSURE_MPA, type WaterNetwork } from './water.js';

/** 1 m of water column in MPa (ρg = 9.80665 kPa/m). */
export const MPA_PER_M = 0.00980665;

/**
 * What the water group has on its network besides pipes: isolation valves, DMA inlet meters,
 * bulk meters at big consumers, and the sensors — pressure at every junction, flow at DMA inlets,
 * levels at the reservoir and the tower, chlorine and turbidity, and acoustic leak-noise loggers.
 */
export function buildWaterDevices(inv: Inventory, water: WaterNetwork, facilities: readonly Asset[]): void {
  const owner = DEPARTMENT_IDS.water;
  const grid = streetGrid();

  for (const j of water.junctionAt.values()) {
    inv.sense(j, 'pressure', {
      intervalS: 60,
      properties: {
        elevationM: j.properties.elevationM,
        nominalPressureMpa: round4((j.properties.nominalPressureM as number) * MPA_PER_M),
        minServicePressureMpa: MIN_SERVICE_PRESSURE_MPA,
        dma: j.properties.dma,
      },
    });
  }

  // A gate valve near the start of every main, so any segment can be isolated; an acoustic
  // leak-noise logger (听漏仪) on every fifth valve, which logs the quietest night-time noise.
  let k = 0;
  for (const [edge, pipe] of water.pipeOn) {
    k++;
    const xy = along(edge.a.xy, edge.b.xy, 12 / edge.lengthM);
    const valve = inv.add({
      id: `W-V-${pad(k, 4)}`, kind: 'valve', domain: 'water', department: owner, name: `${pipe.properties.street as string}闸阀`,
      geometry: pointGeometry(xy),
      properties: { nameEn: `${pipe.properties.streetEn as string} gate valve`, pipe: pipe.id, node: pipe.properties.from, valveType: 'gate', diameterMm: pipe.properties.diameterMm, normallyOpen: true, installYear: pipe.properties.installYear },
    });
    if (k % 5 === 0) inv.sense(valve, 'noise', { intervalS: 900, properties: { device: 'acoustic leak-noise logger', pipe: pipe.id, normalNoiseDb: 22 } });
  }

  // DMA inlet meters: the (up to) two largest mains entering each neighbourhood.
  let meterNo = 0;
  for (const dma of DISTRICTS) {
    const demandLps = [...water.junctionAt.values()].filter((j) => j.properties.dma === dma.id)
      .reduce((s, j) => s + (j.properties.baseDemandLps as number), 0);
    const inlets = [...water.pipeOn].filter(([e]) => {
      const da = districtAt(e.a.xy[0], e.a.xy[1]).id;
      const db = districtAt(e.b.xy[0], e.b.xy[1]).id;
      return da !== db && (da === dma.id || db === dma.id);
    }).sort(([, p], [, q]) => (q.properties.diameterMm as number) - (p.properties.diameterMm as number) || (p.id < q.id ? -1 : 1))
      .slice(0, 2);
    for (const [edge, pipe] of inlets) {
      const share = 1 / inlets.length;
      const meter = inv.add({
        id: `W-M-${pad(++meterNo, 2)}`, kind: 'meter', domain: 'water', department: owner, name: `${dma.name}进水计量点`,
        geometry: pointGeometry(along(edge.a.xy, edge.b.xy, 0.5, 6)),
        properties: { nameEn: `${dma.nameEn} DMA inlet meter`, meter: 'dma_inlet', pipe: pipe.id, dma: dma.id, share, diameterMm: pipe.properties.diameterMm },
      });
      inv.sense(meter, 'flow', { intervalS: 60, properties: { dma: dma.id, share, averageFlowM3h: round1(demandLps * share * 3.6) } });
    }
  }

  // Bulk meters at large consumers, read every 15 minutes as AMR systems typically do.
  for (const f of facilities.filter((a) => ['hospital', 'school', 'mall', 'stadium'].includes(a.properties.facility as string))) {
    const [x, y] = toXY(representativePoint(f.geometry));
    const node = grid.nodes.reduce((best, n) => (Math.hypot(n.xy[0] - x, n.xy[1] - y) < Math.hypot(best.xy[0] - x, best.xy[1] - y) ? n : best));
    const meter = inv.add({
      id: `W-M-${pad(++meterNo, 2)}`, kind: 'meter', domain: 'water', department: owner, name: `${f.name ?? f.id}总表`,
      geometry: pointGeometry([x + 15, y - 15] as XY),
      properties: { nameEn: `${f.properties.nameEn as string} bulk meter`, meter: 'bulk', facility: f.id, node: water.junctionAt.get(node)!.id },
    });
    const occupants = (f.properties.population as number | undefined) ?? 500;
    inv.sense(meter, 'flow', { intervalS: 900, properties: { averageFlowM3h: round1((occupants * 0.25) / 24), facility: f.id } });
  }

  // Plant, reservoir and tower.
  inv.sense(water.pumpStation, 'pressure', { intervalS: 30, location: 'discharge header', properties: { setpointMpa: 0.45 } });
  inv.sense(water.pumpStation, 'flow', { intervalS: 60, location: 'discharge main', properties: { designFlowM3h: round1((water.pumpStation.properties.designFlowLps as number) * 3.6) } });
  inv.sense(water.pumpStation, 'chlorine', { intervalS: 300, location: 'plant outlet', properties: { targetMgL: 0.8 } });
  inv.sense(water.pumpStation, 'turbidity', { intervalS: 300, location: 'plant outlet', properties: { limitNtu: 1 } });
  inv.sense(water.reservoir, 'level', { intervalS: 60, properties: { normalLevelM: water.reservoir.properties.normalLevelM, maxLevelM: 5 } });
  inv.sense(water.tank, 'level', { intervalS: 60, properties: { minLevelM: water.tank.properties.minLevelM, maxLevelM: water.tank.properties.maxLevelM } });

  // Water-quality stations: free chlorine decays with travel time from the plant. GB 5749-2022
  // requires ≥ 0.05 mg/L free chlorine at the tap and turbidity ≤ 1 NTU.
  const plantXY = toXY(representativePoint(water.pumpStation.geometry));
  const stations = [...water.junctionAt.entries()].filter(([n]) => n.i % 6 === 3 && n.j % 5 === 2);
  for (const [node, j] of stations) {
    const km = Math.hypot(node.xy[0] - plantXY[0], node.xy[1] - plantXY[1]) / 1000;
    const chlorine = Math.max(0.2, round4(0.75 - 0.09 * km));
    inv.sense(j, 'chlorine', { intervalS: 300, properties: { normalMgL: chlorine, minMgL: 0.05 } });
    inv.sense(j, 'turbidity', { intervalS: 300, properties: { normalNtu: 0.25, limitNtu: 1 } });
  }
}

function round1(v: number): number { return Math.round(v * 10) / 10; }
function round4(v: number): number { return Math.round(v * 1e4) / 1e4; }
