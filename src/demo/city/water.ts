import type { Asset } from '../../domain/index.js';
import { createRandom, deriveSeed } from '../random.js';
import { along, lineGeometry, pointGeometry, type XY } from '../geo.js';
import { installYear } from './ages.js';
import { DEPARTMENT_IDS } from './departments.js';
import { streetGrid, type GridEdge, type GridNode } from './grid.js';
import { pad, type Inventory } from './make.js';
import { BLOCK, districtAt, groundElevation } from './plan.js';
import type { PopulationCell } from './population.js';
import { solveHydraulics } from '../hydraulics.js';
import { hydraulicNetwork, waterModel } from './water-model.js';

/**
 * The water supply network (供水管网): an EPANET-ready looped grid under every street, fed by a
 * water plant in the south-east (clear-water reservoir + high-lift pump station) and floated by a
 * water tower in the north-west. Each neighbourhood is a district metered area (DMA).
 */

/** Average domestic + public use per resident: GB 50013-2018 Table 4.0.3-2 (二区, large city: 150–280 L/(人·d)). */
export const LITRES_PER_RESIDENT_DAY = 240;
/** Leakage on top of billed use: CJJ 92-2016 sets a 10 % benchmark leakage rate (漏损率). */
export const LEAKAGE_SHARE = 0.1;
/** Lowest acceptable service pressure at the network's extremities: 0.14 MPa (CJ/T 316-2010). */
export const MIN_SERVICE_PRESSURE_MPA = 0.14;

/** Hazen–Williams C: EPANET 2.2 manual Table 3.2 for new pipe; unlined grey cast iron ages to 80–100. */
const MATERIALS = {
  CI: { zh: '灰口铸铁', en: 'grey cast iron', c: 95 },
  DI: { zh: '球墨铸铁', en: 'ductile iron (cement lined)', c: 130 },
  SP: { zh: '钢管', en: 'steel', c: 115 },
  PE: { zh: '聚乙烯', en: 'polyethylene (PE100)', c: 140 },
} as const;
type Material = keyof typeof MATERIALS;

export interface WaterNetwork {
  readonly junctionAt: ReadonlyMap<GridNode, Asset>;
  readonly pipeOn: ReadonlyMap<GridEdge, Asset>;
  readonly reservoir: Asset;
  readonly tank: Asset;
  readonly pumpStation: Asset;
}

export function buildWater(inv: Inventory, cells: readonly PopulationCell[], seed: number): WaterNetwork {
  const random = createRandom(deriveSeed(seed, 'water'));
  const grid = streetGrid();
  const owner = DEPARTMENT_IDS.water;
  const demand = nodeDemands(cells);

  // Junctions: every street intersection. Elevation is ground level (pressures are gauge at grade).
  const junctionAt = new Map<GridNode, Asset>();
  grid.nodes.forEach((node, k) => {
    const district = districtAt(node.xy[0], node.xy[1]);
    junctionAt.set(node, {
      id: `W-J-${pad(k + 1, 4)}`, kind: 'junction', domain: 'water', department: owner,
      name: `${node.nsStreet.name}${node.ewStreet.name}口`,
      geometry: pointGeometry(node.xy),
      properties: {
        nameEn: `${node.nsStreet.nameEn} / ${node.ewStreet.nameEn}`,
        elevationM: node.groundM,
        baseDemandLps: round3((demand.get(node) ?? 0) * (1 + LEAKAGE_SHARE)),
        pattern: 'DIURNAL',
        dma: district.id,
      },
    });
  });

  // Pipes: one per street segment. Trunk mains (DN800) run from the plant along 东流路 and 金寨路.
  const pipeOn = new Map<GridEdge, Asset>();
  grid.edges.forEach((edge, k) => {
    const mid = along(edge.a.xy, edge.b.xy, 0.5);
    const district = districtAt(mid[0], mid[1]);
    const diameterMm = pipeDiameter(edge);
    const year = installYear(random, district);
    const material = pipeMaterial(year, diameterMm);
    pipeOn.set(edge, {
      id: `W-P-${pad(k + 1, 4)}`, kind: 'pipe', domain: 'water', department: owner,
      name: `${edge.street.name} DN${diameterMm}`,
      geometry: lineGeometry([edge.a.xy, edge.b.xy]),
      properties: {
        from: junctionAt.get(edge.a)!.id, to: junctionAt.get(edge.b)!.id,
        lengthM: edge.lengthM, diameterMm, material, materialZh: MATERIALS[material].zh, materialEn: MATERIALS[material].en,
        roughnessC: year < 2000 && material === 'CI' ? MATERIALS.CI.c - Math.round((2000 - year) / 2) : MATERIALS[material].c,
        installYear: year, depthM: round3(1.0 + diameterMm / 1000), street: edge.street.name, streetEn: edge.street.nameEn,
        dma: district.id, ...(edge.bridge ? { onBridge: true } : {}),
      },
    });
  });

  // The water plant (第五水厂) in the south-east block: clear-water reservoir → pump station → network.
  const plantNode = grid.node(18, 0)!;
  const reservoirXY: XY = [4380, 120];
  const reservoir: Asset = {
    id: 'W-R-1', kind: 'reservoir', domain: 'water', department: owner, name: '第五水厂清水池',
    geometry: pointGeometry(reservoirXY),
    properties: { nameEn: 'Fifth Water Plant clear-water reservoir', headM: 24, groundM: groundElevation(...reservoirXY), capacityM3: 20_000, normalLevelM: 4 },
  };
  // Single-point pump curve: EPANET extends it to shutoff head 1.33 × H and max flow 2 × Q.
  const pumpStation: Asset = {
    id: 'W-PS-1', kind: 'pump_station', domain: 'water', department: owner, name: '第五水厂二级泵房',
    geometry: pointGeometry([4440, 70]),
    properties: {
      nameEn: 'Fifth Water Plant high-lift pump station', from: reservoir.id, to: junctionAt.get(plantNode)!.id,
      pumps: 4, dutyPumps: 3, designFlowLps: 1150, designHeadM: 43,
    },
  };
  // Water tower (水塔) near 长江西路 floating on the north-western network.
  const towerNode = grid.node(1, 15)!;
  const towerXY: XY = [towerNode.xy[0] + 80, towerNode.xy[1] + 80];
  const towerGround = groundElevation(...towerXY);
  const tank: Asset = {
    id: 'W-T-1', kind: 'tank', domain: 'water', department: owner, name: '天鹅湖水塔',
    geometry: pointGeometry(towerXY),
    properties: {
      nameEn: 'Swan Lake water tower', groundM: towerGround, elevationM: round3(towerGround + 34),
      initLevelM: 7, minLevelM: 1, maxLevelM: 12, diameterM: 36,
    },
  };
  const towerPipe: Asset = {
    id: 'W-P-T01', kind: 'pipe', domain: 'water', department: owner, name: '水塔连接管 DN500',
    geometry: lineGeometry([towerXY, towerNode.xy]),
    properties: {
      from: tank.id, to: junctionAt.get(towerNode)!.id, lengthM: 115, diameterMm: 500, material: 'DI',
      materialZh: MATERIALS.DI.zh, materialEn: MATERIALS.DI.en, roughnessC: MATERIALS.DI.c, installYear: 2008, depthM: 1.5,
    },
  };

  // Normal pressure at average demand, from a steady-state solve of the network itself.
  const { net, index } = hydraulicNetwork(waterModel([...junctionAt.values(), ...pipeOn.values(), reservoir, pumpStation, tank, towerPipe]));
  const solution = solveHydraulics(net, 1);
  for (const [node, j] of junctionAt) {
    const pressureM = solution.pressureM[index.get(j.id)!]!;
    junctionAt.set(node, { ...j, properties: { ...j.properties, nominalPressureM: round3(pressureM) } });
  }

  for (const j of junctionAt.values()) inv.add(j);
  for (const p of pipeOn.values()) inv.add(p);
  inv.add(reservoir); inv.add(pumpStation); inv.add(tank); inv.add(towerPipe);
  return { junctionAt, pipeOn, reservoir, tank, pumpStation };
}

function pipeDiameter(edge: GridEdge): number {
  const s = edge.street;
  const trunk = (s.name === '金寨路') || (s.name === '东流路' && edge.a.xy[0] >= 1500) || (s.axis === 'ns' && s.at === 4500 && edge.b.xy[1] <= 500);
  if (trunk) return 800;
  if (s.arterial) return 400;
  return (s.at / BLOCK) % 2 === 0 ? 200 : 150;
}

function pipeMaterial(year: number, diameterMm: number): Material {
  if (diameterMm >= 800) return year < 2000 ? 'SP' : 'DI';
  if (year < 1998) return 'CI';
  if (diameterMm <= 200 && year >= 2010) return 'PE';
  return 'DI';
}

/** Residents served by each junction: each 250 m cell's residents shared by its corner junctions. */
function nodeDemands(cells: readonly PopulationCell[]): Map<GridNode, number> {
  const grid = streetGrid();
  const lps = new Map<GridNode, number>();
  const perResident = LITRES_PER_RESIDENT_DAY / 86_400;
  for (const cell of cells) {
    if (cell.population === 0) continue;
    const i = cell.x0 / BLOCK;
    const j = cell.y0 / BLOCK;
    let corners = [grid.node(i, j), grid.node(i + 1, j), grid.node(i, j + 1), grid.node(i + 1, j + 1)].filter((n): n is GridNode => !!n);
    if (corners.length === 0) {
      const cx = cell.x0 + BLOCK / 2;
      const cy = cell.y0 + BLOCK / 2;
      corners = [grid.nodes.reduce((best, n) => (Math.hypot(n.xy[0] - cx, n.xy[1] - cy) < Math.hypot(best.xy[0] - cx, best.xy[1] - cy) ? n : best))];
    }
    for (const n of corners) lps.set(n, (lps.get(n) ?? 0) + (cell.population * perResident) / corners.length);
  }
  return lps;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
