import { api } from '../../api/client';
import type { Rule, Sensor } from '../../api/types';
import type { Threshold } from '../../ui/Chart';

let rules: Promise<Rule[]> | null = null;

/** Rules change rarely: one request per session; a server without /rules gives no thresholds. */
function loadRules(): Promise<Rule[]> {
  rules ??= api.rules().catch(() => { rules = null; return []; });
  return rules;
}

function applies(rule: Rule, s: Sensor): boolean {
  const sc = rule.scope ?? {};
  return (!sc.sensor || sc.sensor === s.id) && (!sc.asset || sc.asset === s.asset)
    && (!sc.quantity || sc.quantity === s.quantity) && (!sc.domain || sc.domain === s.domain);
}

/**
 * The rules watching a sensor, resolved as the server's detection does (src/pipeline/detect/rules/resolve.ts):
 * templates and configured rules whose scope matches; a configured rule with a template's id
 * replaces it (and, scoped elsewhere, removes it); `replaces` removes the named rules; disabled ones are off.
 */
export function rulesFor(sensor: Sensor, all: readonly Rule[]): Rule[] {
  const templates = all.filter((r) => r.template !== false);
  const configured = all.filter((r) => r.template === false);
  const byId = new Map<string, Rule>();
  for (const r of templates) if (applies(r, sensor)) byId.set(r.id, r);
  for (const r of configured) {
    if (applies(r, sensor)) byId.set(r.id, r);
    else if (templates.some((t) => t.id === r.id)) byId.delete(r.id);
  }
  const replaced = new Set(Array.from(byId.values()).flatMap((r) => r.replaces ?? []));
  return [...byId.values()].filter((r) => r.enabled !== false && !replaced.has(r.id));
}

/**
 * The level lines of every threshold rule watching this sensor (oxygen has a low and a high rule).
 * Other kinds with levels (a pressure drop, a rate) measure steps or slopes, not values on this axis.
 */
export function thresholdLines(sensor: Sensor, all: readonly Rule[]): Threshold[] {
  const lines = new Map<string, Threshold>();
  for (const r of rulesFor(sensor, all)) {
    if (r.kind !== 'threshold') continue;
    for (const l of r.params?.levels ?? []) lines.set(`${l.level}:${l.value}`, { value: l.value, level: l.level });
  }
  return [...lines.values()].sort((a, b) => a.value - b.value);
}

export async function thresholdsFor(sensor: Sensor): Promise<Threshold[]> {
  return thresholdLines(sensor, await loadRules());
}
