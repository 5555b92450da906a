import type { Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { numericFields } from '../numeric-fields.js';
import { HOUR as HOUR_MS, MINUTE as MINUTE_MS } from '../time-constants.js';
import { paramLevel } from './param-level.js';
import { fmt } from './threshold.js';
import type { Rule } from './types.js';

// Read once: an imported binding is a property read on every use when run from source (tsx).
const HOUR = HOUR_MS;
const MINUTE = MINUTE_MS;

interface JumpConfig { readonly maxPerMinute: number; readonly holdMs: number; readonly level: Level }

const config = configOf((rule: Rule): JumpConfig => ({
  maxPerMinute: num(rule.params, 'maxPerMinute', Infinity),
  holdMs: num(rule.params, 'holdS', HOUR / 1000) * 1000,
  level: paramLevel(rule.params),
}));

/**
 * Physically impossible jump: the value changed faster than the quantity can change in the world
 * (`maxPerMinute`, in the quantity's unit per minute; e.g. a bridge's strain cannot move 1,000 με
 * in a minute in service). The reading is faulty; the alarm holds for `holdS`. After three such
 * readings in a row the new level is believed (a replaced or re-zeroed sensor). State: 4 numbers
 * (≈ 0.1 KiB in all).
 */
export class JumpMonitor extends BaseMonitor {
  private readonly c: JumpConfig;
  private inRow = 0;
  declare private last: number;
  declare private lastJumpTs: number;
  declare private rate: number;

  constructor(rule: Rule) {
    super(rule);
    this.c = config(rule);
    this.last = this.lastJumpTs = Number.NaN;
  }

  override get suppresses(): boolean {
    return true;
  }

  step(ts: number, value: number, ctx: SensorContext): void {
    if (this.level !== 0 && ts - this.lastJumpTs > this.c.holdMs) this.level = 0;
    if (ctx.faulty) return;
    const last = this.last;
    this.last = value;
    if (last !== last || ctx.gapMs <= 0) return;
    // A gap longer than a minute is judged at the rate over one minute: the change may have taken the whole gap.
    const rate = (Math.abs(value - last) / Math.max(ctx.gapMs, MINUTE)) * MINUTE;
    if (rate > this.c.maxPerMinute && ++this.inRow <= 3) {
      if (this.level === 0) this.since = ts;
      this.level = this.c.level;
      this.lastJumpTs = ts;
      this.rate = rate;
      ctx.faulty = true;
      this.last = last; // keep the last believable value as the reference
    } else if (rate <= this.c.maxPerMinute) {
      this.inRow = 0;
    }
  }

  message(ctx: SensorContext): string {
    return `impossible jump: ${fmt(this.rate)} ${ctx.meta.quantity}/min (at most ${fmt(this.c.maxPerMinute)})`;
  }

  stateBytes(): number {
    return this.baseBytes(2);
  }
}
numericFields(JumpMonitor, ['last', 'lastJumpTs', 'rate']);
