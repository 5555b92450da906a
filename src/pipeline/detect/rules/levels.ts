import { isLevel } from '../../../domain/index.js';
import type { Level } from '../../../domain/index.js';
import type { LevelStep } from './types.js';

/**
 * Validated level steps, worst level first. Values must get more extreme as the level gets worse
 * (for `above`: red ≥ orange ≥ yellow ≥ blue); anything else is a configuration error.
 */
export function levelSteps(raw: unknown, sign: 1 | -1, what: string): { levels: Level[]; values: number[] } {
  if (!Array.isArray(raw) || raw.length === 0) throw new Error(`${what}: params.levels must be a non-empty array of {level, value}`);
  const steps: LevelStep[] = raw.map((s: unknown, i) => {
    const o = s as { level?: unknown; value?: unknown };
    if (!isLevel(o?.level) || typeof o.value !== 'number' || !Number.isFinite(o.value)) {
      throw new Error(`${what}: params.levels[${i}] must be {level: 1..4, value: number}`);
    }
    return { level: o.level, value: o.value };
  });
  steps.sort((a, b) => a.level - b.level);
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]!.level === steps[i - 1]!.level) throw new Error(`${what}: level ${steps[i]!.level} is given twice`);
    if (sign * (steps[i - 1]!.value - steps[i]!.value) < 0) throw new Error(`${what}: level ${steps[i - 1]!.level} must be beyond level ${steps[i]!.level}`);
  }
  return { levels: steps.map((s) => s.level), values: steps.map((s) => s.value) };
}
