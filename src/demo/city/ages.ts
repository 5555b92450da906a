import type { Random } from '../random.js';
import type { District } from './plan.js';

/**
 * When a buried asset was laid: with its neighbourhood, except the share renewed since
 * (Hefei's old-pipe renewal programme has replaced grey cast iron mains since about 2015).
 */
export function installYear(random: Random, district: District, renewedShare = 0.15): number {
  if (random.chance(renewedShare)) return random.int(2015, 2023);
  return random.int(district.builtFrom, district.builtTo);
}
