import type { AlarmClass, Domain, Level, Quantity } from '../../../domain/index.js';

/**
 * Rules are data: plain JSON objects, so the API can list, create, replace and delete them and a
 * replay can load them from a file. `kind` selects the code that evaluates `params`.
 */
export type RuleKind =
  | 'threshold' | 'rate'                                   // value rules
  | 'offline' | 'stuck' | 'spike' | 'range' | 'jump' | 'drift' | 'offset' // device health
  | 'detector'                                             // the streaming detectors
  | 'gas-leak' | 'pressure-drop' | 'night-flow' | 'blockage' | 'overload' | 'baseline-shift'; // domain analytics

export const RULE_KINDS: readonly RuleKind[] = [
  'threshold', 'rate', 'offline', 'stuck', 'spike', 'range', 'jump', 'drift', 'offset', 'detector',
  'gas-leak', 'pressure-drop', 'night-flow', 'blockage', 'overload', 'baseline-shift',
];

/** Which sensors a rule watches: every field given must match; an empty scope matches every sensor. */
export interface RuleScope {
  readonly sensor?: string;
  readonly asset?: string;
  readonly quantity?: Quantity;
  readonly domain?: Domain;
}

/** A level and the value (or score, or rate) at which it starts. */
export interface LevelStep {
  readonly level: Level;
  readonly value: number;
}

export interface Rule {
  readonly id: string;
  readonly name?: string;
  readonly kind: RuleKind;
  readonly scope: RuleScope;
  /** Kind-specific; see the `*Params` interfaces. Missing fields take the kind's defaults. */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Default: `device` for device-health kinds, `hazard` otherwise. */
  readonly class?: AlarmClass;
  /** `false` switches the rule off (and, with `replaces`, switches off what it replaces). */
  readonly enabled?: boolean;
  /** Ids of rules this one replaces for the sensors in its scope (e.g. a template, for one sensor). */
  readonly replaces?: readonly string[];
}

export interface ThresholdParams {
  readonly direction: 'above' | 'below';
  /** Levels, any order; a value beyond `value` (in `direction`) is at that level. */
  readonly levels: readonly LevelStep[];
  /** The condition must hold this long before the alarm is raised (0: at the first reading). */
  readonly minDurationS?: number;
  /** To clear (or drop below a level), the value must come back this far past the threshold. */
  readonly hysteresis?: number;
}

export interface RateParams {
  readonly direction: 'rise' | 'fall';
  /** Rates are in the quantity's unit per `per`. */
  readonly per: 'minute' | 'hour' | 'day';
  readonly levels: readonly LevelStep[];
  /** The window over which the rate is measured (default: one `per`). */
  readonly windowS?: number;
  readonly minDurationS?: number;
}

export const DEVICE_KINDS: ReadonlySet<RuleKind> = new Set<RuleKind>(['offline', 'stuck', 'spike', 'range', 'jump', 'drift', 'offset']);

export function ruleClass(rule: Pick<Rule, 'kind' | 'class'>): AlarmClass {
  return rule.class ?? (DEVICE_KINDS.has(rule.kind) ? 'device' : 'hazard');
}
