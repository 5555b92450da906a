import type { Level } from '../../../domain/index.js';
import { isLevel } from '../../../domain/index.js';

/** The level a rule raises (`params.level`); device-health rules default to blue (a maintenance matter). */
export function paramLevel(params: Readonly<Record<string, unknown>> | undefined, fallback: Level = 4): Level {
  const level = params?.level;
  return isLevel(level) ? level : fallback;
}
