import type { Level } from '../../../domain/index.js';
import { isLevel } from '../../../domain/index.js';

/** The level a device-health rule raises (`params.level`), blue by default: a maintenance matter. */
export function deviceLevel(params: Readonly<Record<string, unknown>> | undefined, fallback: Level = 4): Level {
  const level = params?.level;
  return isLevel(level) ? level : fallback;
}
