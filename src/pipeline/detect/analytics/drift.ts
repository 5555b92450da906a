import type { Level } from '../../../domain/index.js';
import type { SensorContext } from '../context.js';
import { QuietWindow } from '../detectors/quiet-window.js';
import { BaseMonitor, configOf, num } from '../monitor.js';
import { numericFields } from '../numeric-fields.js';
import { paramLevel } from '../rules/param-level.js';
import { fmt } from '../rules/threshold.js';
import type { Rule } from '../rules/types.js';

interface DriftConfig { readonly hours: number; readonly sigma: number; readonly minShift: number; readonly level: Level }

const config = configOf((rule: Rule): DriftConfig => ({
  hours: num(rule.params, 'hours', 3),
  sigma: num(rule.params, 'sigma', 5),
  minShift: num(rule.params, 'minShift', 0),
  level: paramLevel(rule.params),
}));

/** A night this many night-to-night spreads away is suspect: the profile stops learning (it would follow the drift). */
const SUSPECT = 2;
/** Suspect nights in a row after which a level that stopped moving is taken as the new normal. */
const MAX_SUSPECT_NIGHTS = 3;
/** Normal nights whose spread must be known before a night is judged (the floor alone is a guess). */
const MIN_NIGHTS = 3;

/**
 * Slow drift of a sensor over days. Drift hides in the daily cycle, so it is judged in the
 * steadiest hours of the day (the `hours` whose day-to-day spread is smallest in the learned
 * profile, usually the night), where one day and the next should agree. Drift grows: it takes two
 * nights in a row beyond `sigma` night-to-night spreads (and `minShift`), on the same side, the
 * second no smaller than 80 % of the first. Nights disturbed by other alarms or rough within
 * themselves (rain, traffic) are neither judged nor learned. The profile does not learn while
 * anything is alarmed, nor after a suspect night (beyond 2 spreads): a profile that kept learning
 * would follow a slow drift and hide the part it absorbed (and its spreads, inflated by the drift,
 * would move the window away from it). After 3 suspect nights in a row without an alarm the level
 * has stopped moving: the profile learns it until a night is back to normal (a new normal). A night
 * back within 40 % of the threshold clears it (recalibration). The spread has a floor of half the
 * profile's own spread in those hours; no alarm before 3 normal nights have taught the spread.
 * State: quiet window (profile) + 6 numbers ≈ 0.7 KiB.
 */
export class DriftMonitor extends BaseMonitor {
  override get scored(): boolean {
    return true;
  }
  private readonly c: DriftConfig;
  private readonly night: QuietWindow;
  declare private lastNight: number;
  declare private shift: number;
  declare private nightFloor: number;
  /** Suspect nights in a row (the profile learns at 0, and at −1: a new level it adapts to). */
  private suspect = 0;

  constructor(rule: Rule) {
    super(rule);
    this.c = config(rule);
    this.night = new QuietWindow(this.c.hours, 'steady', 10);
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
    if (this.level === 0 && !othersAlarmed && this.suspect <= 0) night.profile.learn(x, ctx.gapMs, Math.abs(x) * 1e-4 + 1e-9);
  }

  private judge(ts: number): void {
    const night = this.night;
    const e = night.nightExcess;
    const floor = this.nightFloor;
    const spread = night.spread === night.spread ? Math.max(night.spread, floor) : floor;
    const threshold = Math.max(this.c.sigma * spread, this.c.minShift);
    const rough = night.nightRange > 12 * floor + Math.abs(e);
    if (night.nightDisturbed || rough || !(threshold > 0)) { this.lastNight = 0; return; }
    const away = Math.abs(e) >= SUSPECT * spread;
    if (this.suspect < 0) { if (!away) this.suspect = 0; } // adapting to a new level until a night is back to normal
    else this.suspect = !away ? 0 : this.suspect + 1 >= MAX_SUSPECT_NIGHTS ? -1 : this.suspect + 1;
    this.score = Math.min(1, Math.abs(e) / (2 * threshold));
    if (this.level !== 0) {
      if (Math.abs(e) < 0.4 * threshold) this.level = 0;
      this.lastNight = e;
      return;
    }
    const beyond = Math.abs(e) >= threshold;
    if (beyond && night.nights >= MIN_NIGHTS && Math.abs(this.lastNight) >= threshold && e * this.lastNight > 0 && Math.abs(e) >= 0.8 * Math.abs(this.lastNight)) {
      this.level = this.c.level;
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
    return this.baseBytes(3) + this.night.stateBytes();
  }
}
numericFields(DriftMonitor, ['lastNight', 'shift', 'nightFloor']);
