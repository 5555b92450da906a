import { isDomain, isQuantity } from '../../../domain/index.js';
import type { Quantity } from '../../../domain/index.js';
import { compileRule } from './compile.js';
import { RULE_KINDS } from './types.js';
import type { Rule } from './types.js';

/**
 * Why a rule (from the API or a `--rules` file) cannot be used, or undefined when it can: the shape,
 * then its parameters, by compiling it for a sensor of its scope's quantity.
 */
export function ruleProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'a rule must be an object';
  const r = value as Partial<Rule>;
  if (typeof r.id !== 'string' || r.id.trim() === '') return 'id must be a non-empty string';
  if (!RULE_KINDS.includes(r.kind as never)) return `rule ${r.id}: kind must be one of ${RULE_KINDS.join(', ')}`;
  if (typeof r.scope !== 'object' || r.scope === null) return `rule ${r.id}: scope must be an object ({sensor?, asset?, quantity?, domain?})`;
  if (r.scope.quantity !== undefined && !isQuantity(r.scope.quantity)) return `rule ${r.id}: scope.quantity '${String(r.scope.quantity)}' is not a quantity`;
  if (r.scope.domain !== undefined && !isDomain(r.scope.domain)) return `rule ${r.id}: scope.domain '${String(r.scope.domain)}' is not a domain`;
  if (r.params !== undefined && (typeof r.params !== 'object' || r.params === null || Array.isArray(r.params))) return `rule ${r.id}: params must be an object`;
  if (r.class !== undefined && r.class !== 'hazard' && r.class !== 'device') return `rule ${r.id}: class must be 'hazard' or 'device'`;
  try {
    const quantity: Quantity = r.scope.quantity ?? 'generic';
    compileRule(r as Rule, { id: 'validate', quantity });
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
}
