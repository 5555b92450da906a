import { api } from '../../api/client';
import type { Rule, Sensor } from '../../api/types';
import type { Threshold } from '../../ui/Chart';

let rules: Promise<Rule[]> | null = null;

/** Rules change rarely: one request per session; a server without /rules gives no thresholds. */
function loadRules(): Promise<Rule[]> {
  rules ??= api.rules().catch(() => []);
  return rules;
}

/** How specific a rule's scope is for this sensor (-1: it does not apply). */
function specificity(rule: Rule, s: Sensor): number {
  const sc = rule.scope ?? {};
  if ((sc.sensor && sc.sensor !== s.id) || (sc.asset && sc.asset !== s.asset) || (sc.quantity && sc.quantity !== s.quantity) || (sc.domain && sc.domain !== s.domain)) return -1;
  return (sc.sensor ? 8 : 0) + (sc.asset ? 4 : 0) + (sc.quantity ? 2 : 0) + (sc.domain ? 1 : 0);
}

/** The level thresholds of the most specific enabled threshold rule watching this sensor. */
export async function thresholdsFor(sensor: Sensor): Promise<Threshold[]> {
  let best: Rule | undefined;
  let score = -1;
  for (const r of await loadRules()) {
    if (r.kind !== 'threshold' || r.enabled === false) continue;
    const s = specificity(r, sensor);
    if (s > score) { best = r; score = s; }
  }
  return (best?.params?.levels ?? []).map((l) => ({ value: l.value, level: l.level }));
}
