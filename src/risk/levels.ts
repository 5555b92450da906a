import type { Level } from '../domain/index.js';
import type { RiskConfig } from './config.js';

/** Risk levels use the warning levels' numbers and colours, with the risk names (风险等级). */
export const RISK_LEVEL_NAMES: Readonly<Record<Level, { zh: string; en: string; colour: string }>> = {
  1: { zh: '重大风险', en: 'major', colour: 'red' },
  2: { zh: '较大风险', en: 'significant', colour: 'orange' },
  3: { zh: '一般风险', en: 'moderate', colour: 'yellow' },
  4: { zh: '低风险', en: 'low', colour: 'blue' },
};

/** R = L × C on 1..25 → four levels by the configured thresholds. */
export function riskLevel(score: number, t: RiskConfig['thresholds']): Level {
  if (score >= t.red) return 1;
  if (score >= t.orange) return 2;
  if (score >= t.yellow) return 3;
  return 4;
}
