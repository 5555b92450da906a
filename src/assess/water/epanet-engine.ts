import { Project, Workspace } from 'epanet-js';

/**
 * The EPANET 2.x toolkit compiled to WebAssembly (epanet-js, MIT): a pure computation with a
 * sealed in-memory file system, so the core may use it. The module loads once per process.
 * Toolkit codes below are EPANET's own (epanet2_enums.h); epanet-js's enum exports do not
 * resolve under NodeNext, so they are spelled out here.
 */
export const EN = {
  // Node properties
  ELEVATION: 0, BASEDEMAND: 1, EMITTER: 3, DEMAND: 9, HEAD: 10, PRESSURE: 11,
  // Link properties
  DIAMETER: 0, LENGTH: 1, ROUGHNESS: 2, MINORLOSS: 3, INITSTATUS: 4, FLOW: 8, VELOCITY: 9, STATUS: 11,
  // Counts
  NODECOUNT: 0, LINKCOUNT: 2,
  // Node and link types
  JUNCTION: 0, PIPE: 1,
  // Time parameters
  DURATION: 0, HYDSTEP: 1, PATTERNSTEP: 3, PATTERNSTART: 4, REPORTSTEP: 5, HTIME: 11,
  // Demand models
  DDA: 0, PDA: 1,
  // Link status
  CLOSED: 0, OPEN: 1,
  // initH flags
  NOSAVE: 0,
  // Delete actions
  UNCONDITIONAL: 0,
} as const;

/** The toolkit methods Lifeline calls, typed (epanet-js ships them untyped under NodeNext). */
export interface EpanetProject {
  open(inputFile: string, reportFile: string, outputFile: string): void;
  close(): void;
  getCount(type: number): number;
  getNodeIndex(id: string): number;
  getNodeId(index: number): string;
  getNodeType(index: number): number;
  getNodeValue(index: number, property: number): number;
  setNodeValue(index: number, property: number, value: number): void;
  setJunctionData(index: number, elev: number, demand: number, patternId: string): void;
  setCoordinates(index: number, x: number, y: number): void;
  addNode(id: string, type: number): number;
  getLinkIndex(id: string): number;
  getLinkId(index: number): string;
  getLinkNodes(index: number): { node1: number; node2: number };
  getLinkValue(index: number, property: number): number;
  setLinkValue(index: number, property: number, value: number): void;
  setLinkNodes(index: number, node1: number, node2: number): void;
  setPipeData(index: number, length: number, diam: number, rough: number, mloss: number): void;
  addLink(id: string, type: number, fromNode: string, toNode: string): number;
  getTimeParameter(param: number): number;
  setTimeParameter(param: number, value: number): void;
  setDemandModel(type: number, pmin: number, preq: number, pexp: number): void;
  openH(): void;
  initH(flag: number): void;
  runH(): number;
  nextH(): number;
  closeH(): void;
}

interface EpanetWorkspace {
  loadModule(): Promise<void>;
  writeFile(path: string, data: string): void;
}

let loading: Promise<EpanetWorkspace> | undefined;

/** The loaded engine (about 25 ms the first time, then free). */
export function epanetWorkspace(): Promise<EpanetWorkspace> {
  loading ??= (async () => {
    const ws = new Workspace() as EpanetWorkspace;
    await ws.loadModule();
    return ws;
  })();
  return loading;
}

let project: EpanetProject | undefined;

/**
 * Open `inpText` as a project, hand it to `work`, and always close it. Synchronous once the
 * engine is loaded, so two assessments never interleave inside the toolkit — which is why one
 * toolkit project can be reused: a new one per call would only be freed when garbage collection
 * gets round to it, and the engine's memory would grow in the meantime.
 */
export async function withProject<T>(inpText: string, work: (project: EpanetProject) => T): Promise<T> {
  const ws = await epanetWorkspace();
  ws.writeFile('lifeline.inp', inpText);
  project ??= new Project(ws) as EpanetProject;
  const p = project;
  try {
    p.open('lifeline.inp', 'lifeline.rpt', 'lifeline.out');
    return work(p);
  } finally {
    try { p.close(); } catch { /* a project that failed to open has nothing to close */ }
  }
}
