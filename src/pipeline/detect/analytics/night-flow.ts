import type { AlarmClass, Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { QuietWindow } from '../detectors/quiet-window.js';
import { BaseMonitor, num } from '../monitor.js';
import { fmt } from '../rules/threshold.js';
import type { Rule } from '../rules/types.js';

/**
 * Incipient leaks on a district meter (DMA) inflow, from the minimum night flow (MNF): at night
 * demand is lowest and steadiest, so flow above the usual night flow is leakage (IWA water balance
 * practice; CJJ 92-2016 assesses leakage from night flow). Daytime traps — heat waves, holidays —
 * leave the night alone. The quiet hours are the `nightHours` with the lowest flow in the learned
 * daily profile (no time zone assumed). During them the mean excess over the profile is compared
 * with the night-to-night spread of normal nights: it alarms when the excess is over `sigma` spreads
 * and over `minFraction` of the expected night flow, once half of the night window is in. The
 * profile stops learning while alarmed; a later night back to normal clears the alarm.
 * State: quiet window (profile) + 6 numbers ≈ 0.8 KiB.
 */
export class NightFlowMonitor extends BaseMonitor {
  override readonly scored = true;
  private readonly night: QuietWindow;
  private readonly sigma: number;
  private readonly minFraction: number;
  private readonly level3Fraction: number;
  private excessFraction = 0;

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    const p = rule.params;
    this.night = new QuietWindow(num(p, 'nightHours', 2), 'low', 10);
    this.sigma = num(p, 'sigma', 4);
    this.minFraction = num(p, 'minFraction', 0.06);
    this.level3Fraction = num(p, 'level3Fraction', 0.25);
  }

  private threshold(base: number): number {
    const spread = this.night.spread === this.night.spread ? this.night.spread : Infinity;
    return Math.max(this.sigma * spread, this.minFraction * Math.abs(base));
  }

  step(ts: number, x: number, ctx: SensorContext): void {
    this.score = 0;
    if (ctx.faulty) return;
    const night = this.night;
    const inside = night.push(ts, x);
    if (night.nightEnded) {
      const threshold = this.threshold(night.nightBase);
      if (this.level !== 0) { if (night.nightExcess < 0.5 * threshold) this.level = 0; } // repaired
      else night.learnSpread();
    }
    const floor = Math.abs(x) * 0.01 + 1e-9;
    if (!inside) {
      if (this.level === 0) night.profile.learn(x, ctx.gapMs, floor);
      return;
    }
    const excess = night.excess();
    const base = night.base();
    const threshold = this.threshold(base);
    // A suspicious night is not learned: the leak would teach the profile that it is normal.
    if (this.level === 0 && excess < 0.5 * threshold) night.profile.learn(x, ctx.gapMs, floor);
    if (night.readings < night.halfWindow(ctx.intervalMs)) return;
    this.excessFraction = base > 0 ? excess / base : 0;
    this.score = Math.min(1, Math.max(0, excess / threshold) * 0.9);
    if (night.nights >= 3 && excess >= threshold) {
      const level: Level = this.excessFraction >= this.level3Fraction ? 3 : 4;
      if (this.level === 0) this.since = ts;
      if (this.level === 0 || level < this.level) this.level = level;
    }
  }

  message(): string {
    return `${this.rule.name ?? 'night flow'}: minimum night flow ${fmt(this.excessFraction * 100)} % above normal — a new leak`;
  }

  stateBytes(): number {
    return 96 + 8 * 8 + this.night.stateBytes();
  }
}
