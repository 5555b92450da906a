import type { Level } from '../../domain/index.js';

/** Options for the radii: the smallest cordon and evacuation the city accepts. */
export interface ZoneMinimums {
  readonly minCordonM?: number;
  readonly minEvacuationM?: number;
}

/**
 * Cordon (警戒区: no entry, no ignition sources) and evacuation (疏散区) radii by warning level,
 * from the explosion distances of the worst space, measured from the leak:
 *   level 1 — evacuate to 3.5 kPa (windows shatter), cordon to 1 kPa (glass breaks);
 *   level 2 — evacuate to 7 kPa (houses damaged), cordon to 3.5 kPa;
 *   level 3 — no evacuation, cordon to 7 kPa;
 *   level 4 — a work zone around the dig.
 * Never smaller than the minimums (level 1: 50 m evacuation, 100 m cordon; 2: 30/50; 3: –/30; 4: –/15).
 * This is Lifeline's default policy, set so a duty officer can defend it; cities set their own.
 */
export function cordonAndEvacuation(level: Level, reachOf: (kPa: number) => number, options: ZoneMinimums = {}): { cordonM: number; evacuationM: number } {
  const minimum = { 1: [50, 100], 2: [30, 50], 3: [0, 30], 4: [0, 15] }[level];
  const evac = level === 1 ? reachOf(3.5) : level === 2 ? reachOf(7) : 0;
  const cordon = level === 1 ? reachOf(1) : level === 2 ? reachOf(3.5) : level === 3 ? reachOf(7) : 0;
  const up = (v: number): number => Math.ceil(v / 5) * 5;
  return {
    evacuationM: minimum[0] === 0 ? 0 : up(Math.max(evac, options.minEvacuationM ?? minimum[0]!)),
    cordonM: up(Math.max(cordon, options.minCordonM ?? minimum[1]!)),
  };
}
