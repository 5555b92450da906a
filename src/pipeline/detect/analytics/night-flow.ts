import type { SensorContext } from '../context.js';
import { QuietWindow } from '../detectors/quiet-window.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { numericFields } from '../numeric-fields.js';
import { fmt } from '../rules/threshold.js';
import type { Rule } from '../rules/types.js';

interface NightFlowConfig { readonly nightHours: number; readonly sigma: number; readonly minFraction: number; readonly level3Fraction: number }

const config = configOf((rule: Rule): NightFlowConfig => ({
  nightHours: num(rule.params, 'nightHours', 2),
  sigma: num(rule.params, 'sigma', 4),
  minFraction: num(rule.params, 'minFraction', 0.06),
  level3Fraction: num(rule.params, 'level3Fraction', 0.25),
}));

/**
 * Incipient leaks on a district meter (DMA) inflow, from the minimum night flow (MNF): at night
 * demand is lowest and steadiest, so flow above the usual night flow is leakage (IWA water balance
 * practice; CJJ 92-2016 assesses leakage from night flow). Daytime traps — heat waves, holidays —
 * leave the night alone. The quiet hours are the `nightHours` with the lowest flow in the learned
 * daily profile (no time zone assumed). During them the mean excess over the profile is compared
 * with the night-to-night spread of normal nights: it alarms (blue; yellow from `level3Fraction`)
 * when the excess is over `sigma` spreads and over `minFraction` of the expected night flow, once
 * half of the night window is in. The profile stops learning while alarmed or on a suspicious night;
 * a later night back to normal clears the alarm. State: quiet window (profile) + 3 numbers ≈ 0.7 KiB.
 */
export class NightFlowMonitor extends BaseMonitor {
  private readonly c: NightFlowConfig;
  private readonly night: QuietWindow;
  declare private excessFraction: number;

  constructor(rule: Rule) {
    super(rule);
    this.c = config(rule);
    this.night = new QuietWindow(this.c.nightHours, 'low', 10);
  }

  override get scored(): boolean {
    return true;
  }

  private threshold(base: number): number {
    const spread = this.night.spread === this.night.spread ? this.night.spread : Infinity;
    return Math.max(this.c.sigma * spread, this.c.minFraction * Math.abs(base));
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
    // Repaired during the night: no need to wait for the window to close.
    if (this.level !== 0 && excess < 0.5 * threshold) { this.level = 0; return; }
    this.excessFraction = base > 0 ? excess / base : 0;
    this.score = Math.min(1, Math.max(0, excess / threshold) * 0.9);
    if (night.nights >= 3 && excess >= threshold) {
      const level = this.excessFraction >= this.c.level3Fraction ? 3 : 4;
      if (this.level === 0) this.since = ts;
      if (this.level === 0 || level < this.level) this.level = level;
    }
  }

  message(): string {
    return `${this.rule.name ?? 'night flow'}: minimum night flow ${fmt(this.excessFraction * 100)} % above normal — a new leak`;
  }

  stateBytes(): number {
    return this.baseBytes(2) + this.night.stateBytes();
  }
}
numericFields(NightFlowMonitor, ['excessFraction']);
