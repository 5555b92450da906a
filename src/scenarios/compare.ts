import type { StoredScenario } from '../ports/index.js';

interface Result {
  readonly affected: { readonly assets: readonly { id: string; effect: string }[]; readonly population: number; readonly facilities: readonly { id: string; name?: string }[] };
  readonly actions: readonly unknown[];
}

/**
 * Saved scenarios side by side: each one's figures (people, distinct assets and their effects, facilities, actions)
 * and which assets and facilities are at risk in only one of them — what changes between, say, a
 * 20- and a 100-year storm, or a burst with and without a failed valve.
 */
export function compareScenarios(list: readonly StoredScenario[]) {
  const results = list.map((s) => s.impact as Result);
  const assetSets = results.map((r) => new Set(r.affected.assets.map((a) => a.id)));
  const facilitySets = results.map((r) => new Set(r.affected.facilities.map((f) => f.id)));
  const inAll = (sets: Set<string>[]) => [...(sets[0] ?? [])].filter((id) => sets.every((s) => s.has(id)));
  const onlyIn = (sets: Set<string>[], k: number) => [...sets[k]!].filter((id) => sets.every((s, j) => j === k || !s.has(id)));
  return {
    items: list.map((s, k) => {
      const r = results[k]!;
      const effects: Record<string, number> = {};
      for (const a of r.affected.assets) effects[a.effect] = (effects[a.effect] ?? 0) + 1;
      return {
        id: s.id, kind: s.kind, name: s.name ?? null, params: s.params,
        population: r.affected.population, assets: assetSets[k]!.size, effects, facilities: r.affected.facilities.length, actions: r.actions.length,
        onlyHere: { assets: onlyIn(assetSets, k), facilities: onlyIn(facilitySets, k) },
      };
    }),
    common: { assets: inAll(assetSets).length, facilities: inAll(facilitySets) },
  };
}
