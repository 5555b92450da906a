import type { CrossSection } from './network.js';

/**
 * Manning's formula for a conduit flowing full under gravity (GB 50014-2021, hydraulic calculation):
 *
 *     Q = (1/n) · A · R^(2/3) · S^(1/2),   v = Q / A
 *
 * A the flow area (m²), R = A/P the hydraulic radius (m), S the bed slope, n Manning's roughness.
 * Storm sewers are designed to run full, so this is the pipe's capacity.
 */
export function fullArea(s: CrossSection): number {
  switch (s.kind) {
    case 'circular': return (Math.PI * s.diameterM ** 2) / 4;
    case 'rect_closed':
    case 'rect_open': return s.heightM * s.widthM;
    case 'trapezoidal': return s.heightM * (s.bottomM + (s.heightM * (s.leftSlope + s.rightSlope)) / 2);
  }
}

export function fullWettedPerimeter(s: CrossSection): number {
  switch (s.kind) {
    case 'circular': return Math.PI * s.diameterM;
    case 'rect_closed': return 2 * (s.heightM + s.widthM);
    case 'rect_open': return s.widthM + 2 * s.heightM;
    case 'trapezoidal': return s.bottomM + s.heightM * (Math.hypot(1, s.leftSlope) + Math.hypot(1, s.rightSlope));
  }
}

/** Height of the section, m (the crown above the invert). */
export function sectionHeight(s: CrossSection): number {
  return s.kind === 'circular' ? s.diameterM : s.heightM;
}

/** Top width when full, m (what the water surface covers as a pipe fills). */
export function sectionWidth(s: CrossSection): number {
  switch (s.kind) {
    case 'circular': return s.diameterM;
    case 'rect_closed':
    case 'rect_open': return s.widthM;
    case 'trapezoidal': return s.bottomM + s.heightM * (s.leftSlope + s.rightSlope);
  }
}

export function fullFlowCapacity(s: CrossSection, manningN: number, slope: number): number {
  const a = fullArea(s);
  const r = a / fullWettedPerimeter(s);
  return (a * r ** (2 / 3) * Math.sqrt(slope)) / manningN;
}

export function fullFlowVelocity(s: CrossSection, manningN: number, slope: number): number {
  return fullFlowCapacity(s, manningN, slope) / fullArea(s);
}
