import { sectionHeight } from './manning.js';
import type { CrossSection } from './network.js';

/**
 * Manning's formula for a conduit running part full at depth y (normal depth): Q = (1/n)·A(y)·R(y)^(2/3)·S^½.
 * A live level in a sewer says how much it is carrying now; this turns the level into that flow.
 * Circular: θ = 2·acos(1 − 2y/D), A = D²(θ − sin θ)/8, P = Dθ/2 (any hydraulics text, e.g.
 * Chow 1959, "Open-Channel Hydraulics", table 2-1). Full or above: the full-bore flow.
 */
export function partialFlowArea(s: CrossSection, depthM: number): { areaM2: number; perimeterM: number } {
  const y = Math.max(0, Math.min(depthM, sectionHeight(s)));
  switch (s.kind) {
    case 'circular': {
      const d = s.diameterM;
      const theta = 2 * Math.acos(1 - (2 * y) / d);
      return { areaM2: (d * d * (theta - Math.sin(theta))) / 8, perimeterM: (d * theta) / 2 };
    }
    case 'rect_closed':
    case 'rect_open':
      return { areaM2: s.widthM * y, perimeterM: s.widthM + 2 * y + (s.kind === 'rect_closed' && y >= s.heightM ? s.widthM : 0) };
    case 'trapezoidal':
      return { areaM2: y * (s.bottomM + (y * (s.leftSlope + s.rightSlope)) / 2), perimeterM: s.bottomM + y * (Math.hypot(1, s.leftSlope) + Math.hypot(1, s.rightSlope)) };
  }
}

/** Flow at normal depth `depthM`, m³/s. */
export function partialFlow(s: CrossSection, manningN: number, slope: number, depthM: number): number {
  const { areaM2, perimeterM } = partialFlowArea(s, depthM);
  if (areaM2 <= 0 || perimeterM <= 0) return 0;
  return (areaM2 * (areaM2 / perimeterM) ** (2 / 3) * Math.sqrt(slope)) / manningN;
}
