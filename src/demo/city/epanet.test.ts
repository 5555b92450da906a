import { Project, Workspace } from 'epanet-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { solveHydraulics } from '../hydraulics.js';
import { buildDemoCity, toEpanetInp, type DemoCity } from './index.js';
import { WATER_DEMAND_PATTERN } from './patterns.js';
import { hydraulicNetwork, waterModel } from './water-model.js';

// EPANET toolkit codes (epanet-js's enums are not visible to TypeScript under NodeNext resolution:
// its declaration files use extensionless relative imports).
const CountType = { NodeCount: 0, LinkCount: 2 } as const;
const NodeProperty = { Pressure: 11 } as const;
const NodeType = { Junction: 0 } as const;
const InitHydOption = { NoSave: 0 } as const;

let city: DemoCity;
let inp: string;

beforeAll(() => {
  city = buildDemoCity(1);
  inp = toEpanetInp(city);
});

async function openProject(text: string): Promise<Project> {
  const ws = new Workspace();
  await ws.loadModule();
  ws.writeFile('city.inp', text);
  const project = new Project(ws);
  project.open('city.inp', 'city.rpt', 'city.out');
  return project;
}

describe('toEpanetInp', () => {
  it('writes every section EPANET needs, with coordinates', () => {
    for (const s of ['[JUNCTIONS]', '[RESERVOIRS]', '[TANKS]', '[PIPES]', '[PUMPS]', '[CURVES]', '[PATTERNS]', '[TIMES]', '[OPTIONS]', '[COORDINATES]', '[END]']) {
      expect(inp).toContain(s);
    }
    expect(inp).toContain('Units LPS');
  });

  it('opens and solves in epanet-js with service pressure everywhere, all day', async () => {
    const project = await openProject(inp);
    const model = waterModel(city.assets);
    expect(project.getCount(CountType.NodeCount)).toBe(model.junctions.length + model.reservoirs.length + model.tanks.length);
    expect(project.getCount(CountType.LinkCount)).toBe(model.pipes.length + model.pumps.length);
    project.solveH();

    // Step through the 24-hour extended period: ≥ 14 m (0.14 MPa, CJ/T 316-2010) at every junction.
    project.openH();
    project.initH(InitHydOption.NoSave);
    const nodes = project.getCount(CountType.NodeCount);
    let lowest = Infinity;
    let highest = -Infinity;
    let steps = 0;
    do {
      project.runH();
      for (let i = 1; i <= nodes; i++) {
        if (project.getNodeType(i) !== NodeType.Junction) continue;
        const p = project.getNodeValue(i, NodeProperty.Pressure);
        lowest = Math.min(lowest, p);
        highest = Math.max(highest, p);
      }
      steps++;
    } while (project.nextH() > 0);
    project.closeH();
    project.close();
    expect(steps).toBeGreaterThanOrEqual(24);
    expect(lowest).toBeGreaterThan(14);
    expect(highest).toBeLessThan(70);
  });

  it('agrees with the demo\'s own solver, which gives sensors their normal pressures', async () => {
    const project = await openProject(inp);
    project.openH();
    project.initH(InitHydOption.NoSave);
    project.runH();
    const { net, index } = hydraulicNetwork(waterModel(city.assets));
    const ours = solveHydraulics(net, WATER_DEMAND_PATTERN[0]);
    expect(ours.converged).toBe(true);
    let worst = 0;
    for (const [id, i] of index) {
      if (net.nodes[i]!.fixedHeadM !== undefined) continue;
      worst = Math.max(worst, Math.abs(project.getNodeValue(project.getNodeIndex(id), NodeProperty.Pressure) - ours.pressureM[i]!));
    }
    project.closeH();
    project.close();
    expect(worst).toBeLessThan(0.1);
  });
});
