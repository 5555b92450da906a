import type { Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { numericCount, numericFields } from '../numeric-fields.js';
import type { LevelOrNone } from '../monitor.js';
import { DAY, HOUR, MINUTE } from '../time-constants.js';
import { levelSteps } from './levels.js';
import { fmt } from './threshold.js';
import type { Rule } from './types.js';

const PER_MS = { minute: MINUTE, hour: HOUR, day: DAY } as const;

interface RateConfig {
  readonly sign: 1 | -1;
  readonly levels: readonly Level[];
  readonly values: readonly number[];
  readonly perMs: number;
  readonly windowMs: number;
  readonly minDurationMs: number;
  readonly fastTau: number;
  readonly slowTau: number;
}

const config = configOf((rule: Rule): RateConfig => {
  const p = rule.params ?? {};
  if (p.direction !== 'rise' && p.direction !== 'fall') throw new Error(`rule ${rule.id}: params.direction must be 'rise' or 'fall'`);
  if (p.per !== 'minute' && p.per !== 'hour' && p.per !== 'day') throw new Error(`rule ${rule.id}: params.per must be minute, hour or day`);
  const s = levelSteps(p.levels, 1, `rule ${rule.id}`);
  const perMs = PER_MS[p.per];
  const windowMs = num(p, 'windowS', perMs / 1000) * 1000;
  return {
    sign: p.direction === 'fall' ? -1 : 1, levels: s.levels, values: s.values.map(Math.abs), perMs, windowMs,
    minDurationMs: num(p, 'minDurationS', 0) * 1000, fastTau: windowMs / 8, slowTau: windowMs / 2,
  };
});

/**
 * Rate of change (per minute, hour or day) over a window W, from two exponential averages:
 * for a ramp x = s·t an average with time constant τ lags by s·τ, so
 * slope = (fast − slow) / (τ_slow − τ_fast) with τ_fast = W/8 and τ_slow = W/2 — O(1), noise-averaged
 * over the window, no buffer. Levels as for thresholds, with a minimum duration and a 20 % hysteresis.
 * State: 2 averages, 2 numbers and one start time per level (≈ 0.1 KiB in all).
 */
export class RateMonitor extends BaseMonitor {
  private readonly c: RateConfig;
  declare private fast: number;
  declare private slow: number;
  declare private startTs: number;
  declare private rate: number;
  /** Per level: since when the rate has been beyond it, NaN when not — `f64[beyondAt + i]`. */
  private readonly beyondAt: number;

  constructor(rule: Rule) {
    const c = config(rule);
    super(rule, c.levels.length);
    this.c = c;
    this.beyondAt = this.f64At + numericCount(RateMonitor);
    this.f64.fill(Number.NaN, this.beyondAt, this.beyondAt + c.levels.length);
    this.fast = this.slow = this.startTs = Number.NaN;
  }

  step(ts: number, value: number, ctx: SensorContext): void {
    if (ctx.faulty) return;
    const c = this.c;
    if (this.fast !== this.fast) { this.fast = this.slow = value; this.startTs = ts; return; }
    const dt = ctx.gapMs;
    this.fast += (1 - Math.exp(-dt / c.fastTau)) * (value - this.fast);
    this.slow += (1 - Math.exp(-dt / c.slowTau)) * (value - this.slow);
    // The estimate is biased low until the slow average has seen about one window.
    if (ts - this.startTs < c.windowMs) return;
    this.rate = c.sign * ((this.fast - this.slow) / (c.slowTau - c.fastTau)) * c.perMs;
    const beyondSince = this.f64, at = this.beyondAt;
    const current = this.level;
    let next: LevelOrNone = 0;
    for (let i = 0; i < c.levels.length; i++) {
      const level = c.levels[i]!;
      const held = current !== 0 && level >= current;
      const beyond = this.rate >= (held ? 0.8 : 1) * c.values[i]!;
      if (!beyond) { beyondSince[at + i] = Number.NaN; continue; }
      if (beyondSince[at + i] !== beyondSince[at + i]) beyondSince[at + i] = ts;
      if (next === 0 && (held || ts - beyondSince[at + i]! >= c.minDurationMs)) next = level;
    }
    if (next !== 0 && current === 0) this.since = beyondSince[at + c.levels.indexOf(next)]!;
    this.level = next;
  }

  message(ctx: SensorContext): string {
    const per = this.c.perMs === MINUTE ? 'min' : this.c.perMs === HOUR ? 'h' : 'd';
    return `${this.rule.name ?? 'rate of change'}: ${this.c.sign > 0 ? 'rising' : 'falling'} ${fmt(this.rate)} ${ctx.meta.quantity}/${per}`;
  }

  stateBytes(): number {
    return this.baseBytes(2, this.c.levels.length);
  }
}
numericFields(RateMonitor, ['fast', 'slow', 'startTs', 'rate']);
