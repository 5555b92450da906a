import type { Level } from '../../domain/index.js';
import type { AssessContext } from '../context.js';
import { localFrame } from '../geo/local-frame.js';
import { populationCells, populationWithinAny } from '../geo/population.js';
import { facilityPriority } from '../facility-priority.js';
import type { AffectedAsset, Impact, ImpactLayer } from '../impact.js';
import { totalDepthMm } from './hyetograph.js';
import { liveStateFromLevels, withOutfallStages, type LiveLevel, type LiveState } from './live-state.js';
import type { DrainageNetwork } from './network.js';
import { assessRainstorm, stormHyetograph } from './rainstorm.js';
import type { RainstormOptions, StormInput } from './storm-input.js';
import { drainageSystems, type DrainageSystem } from './systems.js';

/** One asset the forecast storm would overwhelm. */
export interface PredictedEffect {
  readonly asset: string;
  readonly kind: string;
  readonly effect: 'surcharged' | 'flooding' | 'ponding' | 'over_capacity';
  /** Minutes after the rain starts. */
  readonly atMin?: number;
  /** For a manhole that overflows: when it surcharges first (water above its outlet's crown), minutes after the rain starts. */
  readonly surchargeAtMin?: number;
  readonly level: Level;
}

/** What a forecast storm would do to one connected sewer system: the makings of one pre-warning case. */
export interface SystemForecast {
  readonly system: Pick<DrainageSystem, 'key' | 'name'>;
  readonly level: Level;
  /** Why that level (the rule that set it). */
  readonly levelReason: string;
  /** 'forecast-flooding' when water leaves the sewer onto the street, else 'forecast-surcharge'. */
  readonly alarmKind: 'forecast-flooding' | 'forecast-surcharge';
  /** When the first manhole surcharges (or, if none does, the first pipe runs full), minutes after the rain starts. */
  readonly firstAtMin: number;
  /** That manhole (or pipe). */
  readonly firstAsset: string;
  readonly predicted: readonly PredictedEffect[];
  /** The storm's impact cut to this system. */
  readonly impact: Impact;
}

export interface DrainageForecast {
  readonly label: string;
  readonly depthMm: number;
  readonly live: LiveState;
  /** The whole city's result. */
  readonly impact: Impact;
  /** Systems where something surcharges, floods or ponds, worst first. */
  readonly systems: readonly SystemForecast[];
}

/** Flooding within reach of these facilities (hospital, elderly home, kindergarten, school) makes a case level 2 at least. */
const CRITICAL_PRIORITY = 4;
const EFFECT_LEVEL = { surcharged: 4, over_capacity: 4, flooding: 3 } as const;

/**
 * A forecast storm over the network as it is now (超前主动应对): the live levels set the starting
 * depths, the flows the sewers already carry and the receiving-water levels, then the storm is
 * routed and every system where a manhole would surcharge or overflow, a pipe run at capacity or
 * water pond is told with its level and the minute it happens.
 *
 * Level of a system (Lifeline's default policy; docs/assessment.md): surcharge or a pipe at
 * capacity only → 4; a manhole overflowing → 3; ponding by its depth (15 / 27 / 40 / 50 cm → 4 / 3 /
 * 2 / 1); an underpass or metro entrance reaching its road-closure depth, or flooding within reach
 * of a hospital, elderly home, kindergarten or school → 2 at least.
 */
export function forecastDrainage(network: DrainageNetwork, storm: StormInput, context: AssessContext, levels: readonly LiveLevel[], options: RainstormOptions = {}): DrainageForecast {
  const live = liveStateFromLevels(network, levels);
  const impact = assessRainstorm(withOutfallStages(network, live.outfallStageM), storm, context, {
    ...options, initialDepthM: live.initialDepthM, baseInflowM3s: live.baseInflowM3s,
  });
  const rain = stormHyetograph(storm);
  const depthMm = Math.round(totalDepthMm(rain) * 10) / 10;
  const label = stormLabel(storm, depthMm);
  const nodeById = new Map(network.nodes.map((n) => [n.id, n]));
  const systems = drainageSystems(network).flatMap((system): SystemForecast[] => {
    const inSystem = (id: string) => system.nodes.has(id) || system.links.has(id);
    const assets = impact.affected.assets.filter((a) => inSystem(a.id));
    if (assets.length === 0) return [];
    const predicted = assets.map((a): PredictedEffect => {
      const surchargeAtMin = (a.detail as { surchargeAtMin?: number | null } | undefined)?.surchargeAtMin;
      return {
        asset: a.id, kind: String(a.kind ?? 'manhole'), effect: a.effect as PredictedEffect['effect'],
        ...(a.atMin !== undefined ? { atMin: a.atMin } : {}), ...(typeof surchargeAtMin === 'number' ? { surchargeAtMin } : {}), level: effectLevel(a),
      };
    });
    const facilities = impact.affected.facilities.filter((f) => inSystem(String((f.detail as { node?: string } | undefined)?.node ?? '')));
    const worst = [...predicted].sort((x, y) => x.level - y.level || (x.effect === 'ponding' ? -1 : 1))[0]!;
    let level = worst.level;
    let levelReason = worst.effect === 'ponding' ? `water stands at ${worst.asset} (level ${level} depth)` : worst.effect === 'flooding' ? 'manholes overflow' : 'surcharge only';
    const closure = assets.find((a) => a.effect === 'ponding' && (a.detail as { closeRoad?: boolean; lowPoint?: string | null } | undefined)?.closeRoad === true
      && ['underpass', 'metro_entrance'].includes(String((a.detail as { lowPoint?: string | null }).lowPoint)));
    const critical = facilities.find((f) => facilityPriority(f.facility) <= CRITICAL_PRIORITY);
    if (level > 2 && closure) { level = 2; levelReason = `${closure.name ?? closure.id} reaches its road-closure depth`; }
    if (level > 2 && critical) { level = 2; levelReason = `flooding within reach of ${critical.name ?? critical.id} (${critical.facility})`; }
    // The time that matters is when the first manhole surcharges: a pipe may already run full now.
    const byTime = (list: readonly PredictedEffect[]) => [...list].sort((x, y) => ((x.surchargeAtMin ?? x.atMin ?? Infinity) - (y.surchargeAtMin ?? y.atMin ?? Infinity)))[0];
    const first = byTime(predicted.filter((p) => p.effect !== 'over_capacity')) ?? byTime(predicted)!;
    const firstAtMin = first.surchargeAtMin ?? first.atMin ?? Infinity;
    const wet = assets.filter((a) => a.effect === 'flooding' || a.effect === 'ponding');
    const cut = systemImpact(impact, system, assets, facilities, context, nodeById, label, firstAtMin);
    return [{
      system: { key: system.key, name: system.name }, level, levelReason, alarmKind: wet.length > 0 ? 'forecast-flooding' : 'forecast-surcharge',
      firstAtMin: Number.isFinite(firstAtMin) ? firstAtMin : 0, firstAsset: first.asset, predicted, impact: cut,
    }];
  }).sort((a, b) => a.level - b.level || a.firstAtMin - b.firstAtMin || a.system.key.localeCompare(b.system.key));
  return { label, depthMm, live, impact, systems };
}

function effectLevel(a: AffectedAsset): Level {
  if (a.effect === 'ponding') return a.level ?? 4;
  return EFFECT_LEVEL[a.effect as keyof typeof EFFECT_LEVEL] ?? 4;
}

export function stormLabel(storm: StormInput, depthMm: number): string {
  if ('returnPeriodYears' in storm) return `${storm.returnPeriodYears}-year ${storm.durationMin}-minute design storm (${depthMm} mm)`;
  if ('intensityMmPerHour' in storm) {
    const peak = Math.max(0, ...storm.intensityMmPerHour);
    return storm.label ?? `forecast rain of ${storm.intensityMmPerHour.length * storm.stepMin} minutes (${depthMm} mm, up to ${Math.round(peak * 10) / 10} mm/h)`;
  }
  return storm.label ?? `rainfall of ${depthMm} mm`;
}

/** The city-wide impact cut to one system: its assets, facilities, layers and actions, and the people near its water. */
function systemImpact(impact: Impact, system: DrainageSystem, assets: readonly AffectedAsset[], facilities: Impact['affected']['facilities'],
  context: AssessContext, nodeById: ReadonlyMap<string, { position?: readonly [number, number] }>, label: string, firstAtMin: number): Impact {
  const ids = new Set([...assets.map((a) => a.id), ...facilities.map((f) => f.id)]);
  const layers: Record<string, ImpactLayer> = {};
  for (const [name, l] of Object.entries(impact.layers)) {
    if (name === 'roads') continue;
    layers[name] = name === 'storm' ? l : { ...l, features: l.features.filter((f) => f.id !== undefined && ids.has(String(f.id))) };
  }
  const actions = impact.actions
    .filter((a) => a.targets && a.targets.some((t) => ids.has(t)))
    .map((a, k) => ({ ...a, order: k + 1, ...(a.targets ? { targets: a.targets.filter((t) => ids.has(t)) } : {}) }));
  const points = assets.filter((a) => a.effect === 'flooding' || a.effect === 'ponding').flatMap((a) => {
    const p = nodeById.get(a.id)?.position;
    return p ? [p] : [];
  });
  let population = 0;
  if (points.length > 0 && context.populationGrid) {
    const frame = localFrame(points[0]!);
    population = populationWithinAny(populationCells(context.populationGrid, frame), points.map((p) => ({ centre: frame.toXY(p), radiusM: 100 })));
  }
  const count = (effect: string) => assets.filter((a) => a.effect === effect).length;
  const deepest = assets.filter((a) => a.effect === 'ponding').sort((x, y) => Number((y.detail as { peakDepthCm?: number }).peakDepthCm ?? 0) - Number((x.detail as { peakDepthCm?: number }).peakDepthCm ?? 0))[0];
  const summary = [
    `Forecast — ${label}, on the network as it is now: in the ${system.name} system`,
    ` ${count('surcharged') + count('flooding')} manhole(s) surcharge${Number.isFinite(firstAtMin) ? ` (first ${firstAtMin} min after the rain starts)` : ''}, ${count('flooding')} overflow, ${count('over_capacity')} pipe(s) run at capacity`,
    deepest ? `, water stands ${Number((deepest.detail as { peakDepthCm?: number }).peakDepthCm ?? 0)} cm deep at ${deepest.name ?? deepest.id}` : '',
    '.',
    facilities.length > 0 ? ` Near the water: ${facilities.slice(0, 3).map((f) => f.name ?? f.id).join('、')}${facilities.length > 3 ? ` and ${facilities.length - 3} more` : ''}.` : '',
    population > 0 ? ` About ${population.toLocaleString('en')} residents live within 100 m of the flooding.` : '',
  ].join('');
  return { kind: 'rainstorm', summary, affected: { assets, population, facilities }, actions, layers };
}
