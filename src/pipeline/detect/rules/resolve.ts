import type { SensorMeta } from '../sensor-meta.js';
import { DEVICE_KINDS } from './types.js';
import type { Rule, RuleScope } from './types.js';

export function scopeMatches(scope: RuleScope, sensor: SensorMeta): boolean {
  return (scope.sensor === undefined || scope.sensor === sensor.id)
    && (scope.asset === undefined || scope.asset === sensor.asset)
    && (scope.quantity === undefined || scope.quantity === sensor.quantity)
    && (scope.domain === undefined || scope.domain === sensor.domain);
}

/**
 * The rules that watch one sensor: templates and configured rules whose scope matches, where a
 * configured rule with a template's id replaces it, `replaces` removes the named rules, and
 * `enabled: false` switches a rule off. A `generic` sensor gets only the detector templates. Device-health rules come first: they decide whether a
 * reading can be trusted before the value rules see it.
 */
export function effectiveRules(sensor: SensorMeta, templates: readonly Rule[], rules: readonly Rule[]): Rule[] {
  // A generic series has no physics: of the templates, only the detectors apply.
  if (sensor.quantity === 'generic') templates = templates.filter((t) => t.kind === 'detector');
  const byId = new Map<string, Rule>();
  for (const r of templates) if (scopeMatches(r.scope, sensor)) byId.set(r.id, r);
  for (const r of rules) {
    if (scopeMatches(r.scope, sensor)) byId.set(r.id, r);
    else if (byId.get(r.id) !== undefined && templates.some((t) => t.id === r.id)) byId.delete(r.id); // a configured rule re-scopes its template
  }
  const replaced = new Set<string>();
  for (const r of byId.values()) for (const id of r.replaces ?? []) replaced.add(id);
  const out = [...byId.values()].filter((r) => r.enabled !== false && !replaced.has(r.id));
  return out.sort((a, b) => Number(DEVICE_KINDS.has(b.kind)) - Number(DEVICE_KINDS.has(a.kind)));
}
