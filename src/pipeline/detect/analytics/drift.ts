import type { AlarmClass, Level } from '../../../domain/index.js';
import { isLevel } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { QuietWindow } from '../detectors/quiet-window.js';
import { BaseMonitor, num } from '../monitor.js';
import { fmt } from '../rules/threshold.js';
import type { Rule } from '../rules/types.js';

/**
 * Slow drift of a sensor over days. Drift hides in the daily cycle, so it is judged in the
 * steadiest hours of the day (the `hours` whose day-to-day spread is smallest in the learned
 * profile, usually the night), where one day and the next should agree. Drift grows: it takes two
 * nights in a row beyond `sigma` night-to-night spreads (and `minShift`), on the same side, the
 * second no smaller than 80 % of the first. Nights disturbed by other alarms or rough within
 * themselves (rain, traffic) are neither judged nor learned, and the profile does not learn while
 * anything is alarmed. A night back within 40 % of the threshold clears it (recalibration).
 * The spread has a floor of half the profile's own spread in those hours, so early nights are
 * judged too. State: quiet window (profile) + 6 numbers ≈ 0.8 KiB.
 */
export class DriftMonitor extends BaseMonitor {
  override get scored(): boolean {
    return true;
  }
  private readonly night: QuietWindow;
  private readonly sigma: number;
  private readonly minShift: number;
  private readonly alarmLevel: Level;
  private lastNight = 0;
  private shift = 0;
  private nightFloor = 0;

  constructor(rule: Rule, cls: AlarmClass) {
    super(rule, cls);
    const p = rule.params;
    this.night = new QuietWindow(num(p, 'hours', 3), 'steady', 10);
    this.sigma = num(p, 'sigma', 5);
    this.minShift = num(p, 'minShift', 0);
    const level = p?.level;
    this.alarmLevel = isLevel(level) ? level : 4;
  }

  step(ts: number, x: number, ctx: SensorContext): void {
    this.score = 0;
    if (ctx.faulty) return;
    const night = this.night;
    const othersAlarmed = ctx.activeAlarms > (this.level !== 0 ? 1 : 0);
    const inside = night.push(ts, x);
    if (inside) {
      this.nightFloor = 0.5 * night.profile.spreadAt();
      if (othersAlarmed) night.disturbed = true;
    }
    if (night.nightEnded) this.judge(ts);
    if (this.level === 0 && !othersAlarmed) night.profile.learn(x, ctx.gapMs, Math.abs(x) * 1e-4 + 1e-9);
  }

  private judge(ts: number): void {
    const night = this.night;
    const e = night.nightExcess;
    const floor = this.nightFloor;
    const spread = night.spread === night.spread ? Math.max(night.spread, floor) : floor;
    const threshold = Math.max(this.sigma * spread, this.minShift);
    const rough = night.nightRange > 12 * floor + Math.abs(e);
    if (night.nightDisturbed || rough || !(threshold > 0)) { this.lastNight = 0; return; }
    this.score = Math.min(1, Math.abs(e) / (2 * threshold));
    if (this.level !== 0) {
      if (Math.abs(e) < 0.4 * threshold) this.level = 0;
      this.lastNight = e;
      return;
    }
    const beyond = Math.abs(e) >= threshold;
    if (beyond && Math.abs(this.lastNight) >= threshold && e * this.lastNight > 0 && Math.abs(e) >= 0.8 * Math.abs(this.lastNight)) {
      this.level = this.alarmLevel;
      this.since = ts;
      this.shift = e;
    } else if (!beyond) {
      night.learnSpread();
    }
    this.lastNight = e;
  }

  message(ctx: SensorContext): string {
    return `${this.rule.name ?? 'drift'}: the steadiest hours of the day sit ${fmt(this.shift)} ${ctx.meta.quantity} from their usual level two nights running — recalibrate or check the sensor`;
  }

  stateBytes(): number {
    return 96 + 10 * 8 + this.night.stateBytes();
  }
}
