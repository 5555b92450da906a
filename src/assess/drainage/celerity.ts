import { fullFlowCapacity, fullFlowVelocity, sectionHeight } from './manning.js';
import type { CrossSection } from './network.js';
import { partialFlow, partialFlowArea } from './partial-flow.js';

/**
 * How fast a change in flow travels down a conduit: the kinematic wave celerity c = dQ/dA at the
 * normal depth that carries `fraction` of the full-bore flow (Lighthill & Whitham 1955; Chow,
 * Maidment & Mays 1988, "Applied Hydrology", §9.6), m/s. In a circular pipe flowing half full
 * c = 4/3 of the full-bore velocity, so a flood wave runs ahead of the water; near the crown dQ/dA
 * falls towards zero, and there (from 90 % of the full flow, and under pressure) the full-bore
 * velocity is taken instead.
 */
export function celerity(shape: CrossSection, manningN: number, slope: number, fraction: number): number {
  const vFull = fullFlowVelocity(shape, manningN, slope);
  if (fraction >= 0.9) return vFull;
  const h = sectionHeight(shape);
  const y = normalDepth(shape, manningN, slope, fraction * fullFlowCapacity(shape, manningN, slope), h);
  const dy = h * 1e-4;
  const dq = partialFlow(shape, manningN, slope, y + dy) - partialFlow(shape, manningN, slope, y - dy);
  const da = partialFlowArea(shape, y + dy).areaM2 - partialFlowArea(shape, y - dy).areaM2;
  return Math.max(da > 0 ? dq / da : vFull, 0.5 * vFull);
}

/** The depth carrying `q` (the lower root, below a circle's maximum at 0.938 D), by bisection. */
function normalDepth(shape: CrossSection, manningN: number, slope: number, q: number, h: number): number {
  let lo = 0;
  let hi = shape.kind === 'circular' ? 0.938 * h : h;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (partialFlow(shape, manningN, slope, mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
