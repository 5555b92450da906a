/**
 * A small steady-state hydraulic solver for looped water networks: the Global Gradient Algorithm
 * (Todini & Pilati 1988), the method EPANET uses, with Hazen–Williams head loss and pumps with a
 * single-point curve extended as EPANET does (shutoff head 1.33 × H, h = h0 − r·q²).
 * The demo uses it to give every junction its normal pressure and to work out what a burst does,
 * synchronously and in milliseconds; the EPANET test checks it against epanet-js.
 */

export interface HydraulicNode {
  readonly id: string;
  readonly elevationM: number;
  /** Base demand, m³/s (scaled by the demand multiplier). */
  readonly demandM3s: number;
  /** A reservoir's or tank's water-surface head, m; undefined for a junction. */
  readonly fixedHeadM?: number;
}

export type HydraulicLink =
  | { readonly id: string; readonly kind: 'pipe'; readonly from: number; readonly to: number; readonly lengthM: number; readonly diameterM: number; readonly roughnessC: number }
  | { readonly id: string; readonly kind: 'pump'; readonly from: number; readonly to: number; readonly designFlowM3s: number; readonly designHeadM: number };

export interface HydraulicNetwork {
  readonly nodes: readonly HydraulicNode[];
  readonly links: readonly HydraulicLink[];
}

export interface HydraulicSolution {
  /** Head at each node, m. */
  readonly headM: Float64Array;
  /** Pressure head at each node, m (head − elevation). */
  readonly pressureM: Float64Array;
  /** Flow in each link from `from` to `to`, m³/s. */
  readonly flowM3s: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

const HW_EXPONENT = 1.852;

/**
 * Solve for heads and flows at `multiplier` × base demand, plus `extraDemandM3s` at some nodes
 * (a burst, a hydrant in use). Deterministic; no allocation beyond a few arrays.
 */
export function solveHydraulics(net: HydraulicNetwork, multiplier = 1, extraDemandM3s: ReadonlyMap<number, number> = new Map()): HydraulicSolution {
  const n = net.nodes.length;
  const m = net.links.length;
  const fixed = net.nodes.map((node) => node.fixedHeadM !== undefined);
  const head = new Float64Array(n);
  const demand = new Float64Array(n);
  net.nodes.forEach((node, i) => {
    head[i] = node.fixedHeadM ?? node.elevationM + 30;
    demand[i] = fixed[i] ? 0 : node.demandM3s * multiplier + (extraDemandM3s.get(i) ?? 0);
  });
  // Resistance per link: Hazen–Williams in SI (h = 10.667·L·q^1.852 / (C^1.852·d^4.871)).
  const resistance = new Float64Array(m);
  const flow = new Float64Array(m);
  net.links.forEach((link, k) => {
    if (link.kind === 'pipe') {
      resistance[k] = (10.667 * link.lengthM) / (link.roughnessC ** HW_EXPONENT * link.diameterM ** 4.871);
      flow[k] = 0.3048 * Math.PI * link.diameterM * link.diameterM / 4; // EPANET starts at 1 ft/s
    } else {
      resistance[k] = (0.33334 * link.designHeadM) / (link.designFlowM3s * link.designFlowM3s);
      flow[k] = link.designFlowM3s;
    }
  });

  // Sparse symmetric matrix over the free (junction) nodes, in adjacency-list form.
  const index = new Int32Array(n).fill(-1);
  let free = 0;
  for (let i = 0; i < n; i++) if (!fixed[i]) index[i] = free++;
  // Links between two junctions, as matrix indices (−1 where an end is a fixed-head node).
  const rowA = new Int32Array(m);
  const rowB = new Int32Array(m);
  net.links.forEach((link, k) => {
    rowA[k] = fixed[link.from] || fixed[link.to] ? -1 : index[link.from]!;
    rowB[k] = fixed[link.from] || fixed[link.to] ? -1 : index[link.to]!;
  });
  let bandwidth = 0;
  for (let k = 0; k < m; k++) if (rowA[k]! >= 0) bandwidth = Math.max(bandwidth, Math.abs(rowA[k]! - rowB[k]!));
  const p = new Float64Array(m);
  const y = new Float64Array(m);
  const diag = new Float64Array(free);
  const rhs = new Float64Array(free);
  const x = new Float64Array(free);

  let iterations = 0;
  let converged = false;
  for (; iterations < 60 && !converged; iterations++) {
    diag.fill(0);
    rhs.fill(0);
    for (let i = 0; i < n; i++) if (!fixed[i]) rhs[index[i]!] = -demand[i]!;
    for (let k = 0; k < m; k++) {
      const link = net.links[k]!;
      const q = flow[k]!;
      let g: number;
      let h: number;
      if (link.kind === 'pipe') {
        const aq = Math.max(Math.abs(q), 1e-7);
        g = HW_EXPONENT * resistance[k]! * aq ** (HW_EXPONENT - 1);
        h = resistance[k]! * aq ** (HW_EXPONENT - 1) * q;
      } else {
        const qq = Math.max(q, 1e-6);
        g = 2 * resistance[k]! * qq;
        h = -(1.33334 * link.designHeadM - resistance[k]! * qq * qq);
      }
      p[k] = 1 / g;
      y[k] = p[k]! * h;
      const a = link.from;
      const b = link.to;
      // Mass balance: flow leaves `from`, enters `to`; the y terms carry the linearised head loss.
      if (!fixed[a]) {
        const r = index[a]!;
        diag[r] = diag[r]! + p[k]!;
        rhs[r] = rhs[r]! - q + y[k]! + (fixed[b] ? p[k]! * head[b]! : 0);
      }
      if (!fixed[b]) {
        const r = index[b]!;
        diag[r] = diag[r]! + p[k]!;
        rhs[r] = rhs[r]! + q - y[k]! + (fixed[a] ? p[k]! * head[a]! : 0);
      }
    }
    for (let i = 0; i < n; i++) if (!fixed[i]) x[index[i]!] = head[i]!;
    if (!(bandwidth <= 80 && bandedCholesky(bandwidth, rowA, rowB, p, diag, rhs, x))) conjugateGradient(rowA, rowB, p, diag, rhs, x);
    for (let i = 0; i < n; i++) if (!fixed[i]) head[i] = x[index[i]!]!;
    let change = 0;
    let total = 0;
    for (let k = 0; k < m; k++) {
      const link = net.links[k]!;
      const dq = y[k]! - p[k]! * (head[link.from]! - head[link.to]!);
      flow[k] = flow[k]! - dq;
      change += Math.abs(dq);
      total += Math.abs(flow[k]!);
    }
    converged = change / Math.max(total, 1e-9) < 1e-4;
  }
  const pressure = new Float64Array(n);
  for (let i = 0; i < n; i++) pressure[i] = head[i]! - net.nodes[i]!.elevationM;
  return { headM: head, pressureM: pressure, flowM3s: flow, iterations, converged };
}

/**
 * Direct solve of the node matrix by banded Cholesky: exact and fast when nodes are numbered so
 * that linked junctions are close (street grids numbered row by row have a band of one row).
 * Returns false if the matrix is not positive definite (then the caller falls back to CG).
 */
function bandedCholesky(bw: number, rowA: Int32Array, rowB: Int32Array, p: Float64Array, diag: Float64Array, rhs: Float64Array, x: Float64Array): boolean {
  const n = x.length;
  const w = bw + 1;
  // band[i·w + (i − j)] holds A[i][j] (then L[i][j]) for i − bw ≤ j ≤ i.
  const band = new Float64Array(n * w);
  for (let i = 0; i < n; i++) band[i * w] = diag[i]!;
  for (let k = 0; k < rowA.length; k++) {
    const a = rowA[k]!;
    if (a < 0) continue;
    const b = rowB[k]!;
    const i = Math.max(a, b);
    const d = i - Math.min(a, b);
    band[i * w + d] = band[i * w + d]! - p[k]!;
  }
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - bw);
    for (let j = lo; j <= i; j++) {
      let sum = band[i * w + (i - j)]!;
      for (let k = Math.max(lo, j - bw); k < j; k++) sum -= band[i * w + (i - k)]! * band[j * w + (j - k)]!;
      if (i === j) {
        if (!(sum > 0)) return false;
        band[i * w] = Math.sqrt(sum);
      } else {
        band[i * w + (i - j)] = sum / band[j * w]!;
      }
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = rhs[i]!;
    for (let k = Math.max(0, i - bw); k < i; k++) sum -= band[i * w + (i - k)]! * z[k]!;
    z[i] = sum / band[i * w]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = z[i]!;
    for (let k = i + 1; k <= Math.min(n - 1, i + bw); k++) sum -= band[k * w + (k - i)]! * x[k]!;
    x[i] = sum / band[i * w]!;
  }
  return true;
}

/** Jacobi-preconditioned conjugate gradient on the node matrix (A = Σ p over incident links). */
function conjugateGradient(
  rowA: Int32Array, rowB: Int32Array, p: Float64Array,
  diag: Float64Array, rhs: Float64Array, x: Float64Array,
): void {
  const size = x.length;
  const links = rowA.length;
  const multiply = (v: Float64Array, out: Float64Array): void => {
    for (let i = 0; i < size; i++) out[i] = diag[i]! * v[i]!;
    for (let k = 0; k < links; k++) {
      const a = rowA[k]!;
      if (a < 0) continue;
      const b = rowB[k]!;
      out[a] = out[a]! - p[k]! * v[b]!;
      out[b] = out[b]! - p[k]! * v[a]!;
    }
  };
  const r = new Float64Array(size);
  const z = new Float64Array(size);
  const d = new Float64Array(size);
  const ad = new Float64Array(size);
  multiply(x, ad);
  let rhsNorm = 0;
  for (let i = 0; i < size; i++) { r[i] = rhs[i]! - ad[i]!; z[i] = r[i]! / diag[i]!; d[i] = z[i]!; rhsNorm += rhs[i]! * rhs[i]!; }
  let rz = 0;
  for (let i = 0; i < size; i++) rz += r[i]! * z[i]!;
  const tolerance = 1e-20 * Math.max(rhsNorm, 1e-30);
  for (let iter = 0; iter < 5 * size; iter++) {
    let rr = 0;
    for (let i = 0; i < size; i++) rr += r[i]! * r[i]!;
    if (rr <= tolerance) break;
    multiply(d, ad);
    let dad = 0;
    for (let i = 0; i < size; i++) dad += d[i]! * ad[i]!;
    const alpha = rz / dad;
    for (let i = 0; i < size; i++) { x[i] = x[i]! + alpha * d[i]!; r[i] = r[i]! - alpha * ad[i]!; z[i] = r[i]! / diag[i]!; }
    let rzNext = 0;
    for (let i = 0; i < size; i++) rzNext += r[i]! * z[i]!;
    const beta = rzNext / rz;
    rz = rzNext;
    for (let i = 0; i < size; i++) d[i] = z[i]! + beta * d[i]!;
  }
}
