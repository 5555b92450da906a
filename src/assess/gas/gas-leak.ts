import { representativePoint, type Asset, type Geometry, type Level } from '../../domain/index.js';
import { contextFacilities, type AssessContext } from '../context.js';
import { byCriticality, facilityPopulation, facilityPriority, facilityType } from '../facility-priority.js';
import { circleRing, distance, distanceToGeometry, localFrame, type LocalFrame } from '../geo/local-frame.js';
import { populationCells, populationWithin } from '../geo/population.js';
import { feature, layer, numberActions, type AffectedAsset, type AffectedFacility, type Impact, type ImpactAction, type ImpactFeature } from '../impact.js';
import { distanceToOverpressure, tntEquivalentKg, CONFINED_YIELD } from './blast.js';
import { OVERPRESSURE_THRESHOLDS } from './damage.js';
import { flammableFuelKg, migrate, type SpaceHazard } from './migration.js';
import { METHANE } from './natural-gas.js';
import { holeRelease, type Release } from './release.js';
import { spacesNear } from './spaces.js';
import { leakSite, nearestOnLine, pointOf } from './leak-site.js';
import { cordonAndEvacuation, type ZoneMinimums } from './zones.js';

/**
 * A gas leak at a point on a main: how fast gas escapes, which underground spaces it can fill
 * and how soon, how far an explosion in the worst of them would reach, who and what is inside
 * those distances, and the cordon and evacuation radius for the warning level.
 */
export interface GasLeakScenario {
  /** A gas pipe, or any asset near one (a methane alarm's space, a valve). */
  readonly asset?: string;
  /** Where, [lon, lat], when no asset is given (or to place the leak along the pipe). */
  readonly point?: readonly [number, number];
  /** Equivalent hole diameter, mm (capped at the pipe's bore). */
  readonly holeMm: number;
  /** Gauge pressure in the main, MPa. Default: the pipe's operating pressure. */
  readonly pressureMpa?: number;
  readonly dischargeCoefficient?: number;
  /** Methane measured in spaces, %LEL, by asset id (from the case's detectors). */
  readonly measuredLel?: Readonly<Record<string, number>>;
}

export interface GasLeakOptions extends ZoneMinimums {
  /** How far from the leak underground spaces are considered, m. Default 30. */
  readonly reachM?: number;
  readonly yieldFactor?: number;
}

export function assessGasLeak(scenario: GasLeakScenario, context: AssessContext, options: GasLeakOptions = {}): Impact {
  const pipes = context.assets.filter((a) => a.domain === 'gas' && a.kind === 'pipe' && (a.geometry.type === 'LineString' || a.geometry.type === 'MultiLineString'));
  if (pipes.length === 0) throw new Error('no gas pipes among the assets');
  const anchor = scenario.point ?? (scenario.asset ? pointOf(context.assets, scenario.asset) : undefined);
  if (!anchor) throw new Error('give a gas pipe asset, an asset near one, or a point');
  const frame = localFrame(anchor);
  const site = leakSite(pipes, scenario, frame);
  const p = site.pipe.properties;
  const pressureMpa = scenario.pressureMpa ?? num(p.operatingPressureMpa) ?? num(p.maxPressureMpa) ?? 0.4;
  const boreMm = num(p.diameterMm) ?? scenario.holeMm;
  const holeMm = Math.min(scenario.holeMm, boreMm);
  const release: Release = holeRelease({ gaugePressurePa: pressureMpa * 1e6, holeDiameterM: holeMm / 1000, ...(scenario.dischargeCoefficient ? { dischargeCoefficient: scenario.dischargeCoefficient } : {}) });

  // Spaces the gas can reach, worst first; a measured concentration overrides the estimate.
  const reachM = options.reachM ?? 30;
  const nearby = spacesNear(context.assets, site.xy, reachM, frame);
  const measured = new Map(Object.entries(scenario.measuredLel ?? {}).map(([id, lel]) => [id, (lel / 100) * METHANE.lfl]));
  for (const id of measured.keys()) {
    if (nearby.some((n) => n.space.asset.id === id)) continue;
    const a = context.assets.find((x) => x.id === id);
    const space = a ? spacesNear([a], site.xy, Infinity, frame)[0] : undefined;
    if (space) nearby.push(space);
  }
  const hazards = migrate(nearby, release.massFlowKgS, METHANE, { measured });
  const yieldFactor = options.yieldFactor ?? CONFINED_YIELD;
  const blasts = hazards.filter((h) => h.flammable).slice(0, 10).map((h) => {
    const fuel = flammableFuelKg(h.nearby.space.volumeM3, h.steadyFraction, METHANE);
    const tnt = tntEquivalentKg(fuel, METHANE.heatOfCombustion, yieldFactor);
    const radii = OVERPRESSURE_THRESHOLDS.map((t) => ({ kPa: t.kPa, radiusM: distanceToOverpressure(tnt, t.kPa * 1000) }));
    return { hazard: h, fuelKg: fuel, tntKg: tnt, radii, centre: centreOf(h, site.xy, frame) };
  });
  const radius = (b: (typeof blasts)[number], kPa: number): number => b.radii.find((r) => r.kPa === kPa)!.radiusM;
  const worst = [...blasts].sort((a, b) => b.tntKg - a.tntKg)[0];

  // People and buildings: first the level, from what the explosion distances hold.
  const cells = populationCells(context.populationGrid, frame);
  const facilities = contextFacilities(context);
  const reachOf = (kPa: number): number => Math.max(0, ...blasts.map((b) => distance(site.xy, b.centre) + radius(b, kPa)));
  const critical = (r: number): Asset[] => facilities.filter((f) => facilityPriority(facilityType(f)) <= 4 && distance(site.xy, frame.toXY(representativePoint(f.geometry))) <= r);
  const soon = blasts.some((b) => (b.hazard.timeToLflS ?? Infinity) <= 1800);
  const peopleAt7 = blasts.length ? populationWithin(cells, site.xy, reachOf(7)) : 0;
  const level: Level = blasts.length > 0 && soon && (peopleAt7 > 50 || critical(reachOf(3.5)).length > 0) ? 1
    : blasts.length > 0 ? 2
      : hazards.some((h) => h.steadyFraction >= 0.25 * METHANE.lfl) || release.massFlowKgS > 0.01 ? 3 : 4;
  const zone = cordonAndEvacuation(level, reachOf, options);

  const buildings = context.assets.filter((a) => a.kind === 'building' && distanceToGeometry(site.xy, a.geometry, frame) <= zone.evacuationM);
  const occupants = buildings.reduce((s, b) => s + (num(b.properties.population) ?? 0), 0);
  const population = populationWithin(cells, site.xy, zone.evacuationM);
  const affectedFacilities: AffectedFacility[] = facilities.flatMap((f) => {
    const d = distance(site.xy, frame.toXY(representativePoint(f.geometry)));
    if (d > zone.cordonM) return [];
    const type = facilityType(f);
    const pop = facilityPopulation(f);
    return [{
      id: f.id, ...(f.name ? { name: f.name } : {}), facility: type, priority: facilityPriority(type), effect: d <= zone.evacuationM ? 'evacuate' : 'in_cordon',
      ...(pop !== undefined ? { population: pop } : {}), detail: { distanceM: Math.round(d) },
    }];
  }).sort(byCriticality);

  const assets: AffectedAsset[] = [
    { id: site.pipe.id, kind: 'pipe', domain: 'gas', ...(site.pipe.name ? { name: site.pipe.name } : {}), effect: 'leak', atMin: 0, level, detail: { holeMm, pressureMpa, releaseKgS: round(release.massFlowKgS, 4), releaseM3h: round(release.volumeFlowM3h, 1), choked: release.choked } },
    ...hazards.map((h, k): AffectedAsset => ({
      id: h.nearby.space.asset.id, kind: h.nearby.space.asset.kind, domain: h.nearby.space.asset.domain, ...(h.nearby.space.asset.name ? { name: h.nearby.space.asset.name } : {}),
      effect: h.flammable ? 'flammable' : 'gas_ingress', ...(h.timeToLflS !== undefined ? { atMin: Math.round(h.timeToLflS / 60) } : {}),
      detail: { rank: k + 1, space: h.nearby.space.label, distanceM: round(h.nearby.distanceM, 1), lel: Math.round((h.steadyFraction / METHANE.lfl) * 100), measured: h.measured, volumeM3: round(h.nearby.space.volumeM3, 1) },
    })),
    ...buildings.map((b): AffectedAsset => ({ id: b.id, kind: 'building', domain: b.domain, ...(b.name ? { name: b.name } : {}), effect: 'evacuate', detail: { population: num(b.properties.population) ?? 0 } })),
  ];

  const valves = context.assets.filter((a) => a.domain === 'gas' && a.kind === 'valve' && a.properties.pipe === site.pipe.id);
  const flammableSpaces = hazards.filter((h) => h.flammable);
  const actions = numberActions([
    { code: 'cordon', text: `Cordon off ${zone.cordonM} m around the leak: no vehicles, no flames, no switching of electrical equipment; work upwind.`, atMin: 0, by: 'police' },
    ...(zone.evacuationM > 0 ? [{
      code: 'evacuate',
      text: `Evacuate everyone within ${zone.evacuationM} m${buildings.length > 0 ? `: ${buildings.length} building${buildings.length === 1 ? '' : 's'}, about ${occupants.toLocaleString('en')} people inside` : ''}${affectedFacilities.some((f) => f.effect === 'evacuate') ? `, first ${affectedFacilities.filter((f) => f.effect === 'evacuate').slice(0, 3).map((f) => f.name ?? f.id).join('、')}` : ''}.`,
      targets: [...affectedFacilities.filter((f) => f.effect === 'evacuate').map((f) => f.id), ...buildings.map((b) => b.id)], atMin: 0, by: 'emergency',
    }] : []),
    ...flammableSpaces.slice(0, 5).map((h): Omit<ImpactAction, 'order'> => ({
      code: 'vent_space',
      text: `${h.nearby.space.asset.name ?? h.nearby.space.asset.id} (${h.nearby.space.label}, ${Math.round(h.nearby.distanceM)} m): ${whenFlammable(h)} — ${ventAdvice(h)}`,
      targets: [h.nearby.space.asset.id], atMin: 0, by: 'gas',
    })),
    { code: 'isolate_gas', text: valves.length > 0 ? `Close gas valves ${valves.map((v) => v.id).join(', ')} on ${site.pipe.id} to stop the release; bag off if they are far.` : `Isolate ${site.pipe.id}: close the nearest upstream valves or bag off the main.`, targets: [site.pipe.id, ...valves.map((v) => v.id)], atMin: 10, by: 'gas' },
    { code: 'detect', text: `Measure methane in every manhole, well and duct within ${reachM} m (${hazards.length} found) and in the basements of nearby buildings.`, targets: hazards.map((h) => h.nearby.space.asset.id), atMin: 10, by: 'gas' },
    ...affectedFacilities.filter((f) => f.priority <= 4).map((f): Omit<ImpactAction, 'order'> => ({ code: 'notify_facility', text: `Notify ${f.name ?? f.id} (${f.facility}, ${(f.detail as { distanceM: number }).distanceM} m away).`, targets: [f.id], atMin: 0, by: 'emergency' })),
  ]);

  const summary = [
    `Gas leak on ${site.pipe.id} (${pressureMpa} MPa, ${holeMm} mm hole): ${round(release.massFlowKgS, 3)} kg/s (${Math.round(release.volumeFlowM3h)} m³/h, ${release.choked ? 'choked' : 'subsonic'} flow). Level ${level}.`,
    hazards.length > 0 ? ` ${hazards.length} underground space${hazards.length === 1 ? '' : 's'} within ${reachM} m; ${flammableSpaces.length} can reach the flammable range${flammableSpaces[0] ? `, first ${flammableSpaces[0].nearby.space.asset.name ?? flammableSpaces[0].nearby.space.asset.id} (${flammableSpaces[0].nearby.space.label}: ${whenFlammable(flammableSpaces[0])})` : ''}.` : ' No underground space within reach: the gas vents to the air.',
    worst ? ` An explosion there (${round(worst.fuelKg, 2)} kg of methane, ${round(worst.tntKg, 2)} kg TNT) breaks windows to ${Math.round(radius(worst, 3.5))} m and damages houses to ${Math.round(radius(worst, 7))} m.` : '',
    zone.evacuationM > 0 ? ` Cordon ${zone.cordonM} m, evacuate ${zone.evacuationM} m: ${buildings.length} building${buildings.length === 1 ? '' : 's'}, about ${population.toLocaleString('en')} residents` : ` Cordon ${zone.cordonM} m; no evacuation`,
    affectedFacilities.length > 0 ? `; ${affectedFacilities.slice(0, 3).map((f) => `${f.name ?? f.id} (${f.facility})`).join('、')}` : '',
    '.',
  ].join('');

  const circle = (centre: readonly [number, number], r: number): Geometry => ({ type: 'Polygon', coordinates: [circleRing(centre, Math.max(r, 0.5), frame)] });
  return {
    kind: 'gas-leak',
    summary,
    affected: { assets, population, facilities: affectedFacilities },
    actions,
    layers: {
      leak: layer([feature({ type: 'Point', coordinates: site.lonLat }, { pipe: site.pipe.id, releaseKgS: round(release.massFlowKgS, 4), level }, 'leak')]),
      spaces: layer(hazards.map((h, k) => feature(h.nearby.space.asset.geometry, {
        rank: k + 1, space: h.nearby.space.label, lel: Math.round((h.steadyFraction / METHANE.lfl) * 100), flammable: h.flammable,
        timeToLflMin: h.timeToLflS === undefined ? null : Math.round(h.timeToLflS / 60), distanceM: round(h.nearby.distanceM, 1),
      }, h.nearby.space.asset.id))),
      blast: layer(worst ? [...worst.radii].reverse().map((r) => feature(circle(worst.centre, r.radiusM), {
        kPa: r.kPa, radiusM: round(r.radiusM, 1), effect: OVERPRESSURE_THRESHOLDS.find((t) => t.kPa === r.kPa)!.effect, space: worst.hazard.nearby.space.asset.id,
      }, `blast-${r.kPa}`)) : []),
      zones: layer([
        feature(circle(site.xy, zone.cordonM), { zone: 'cordon', radiusM: zone.cordonM, level }, 'cordon'),
        ...(zone.evacuationM > 0 ? [feature(circle(site.xy, zone.evacuationM), { zone: 'evacuation', radiusM: zone.evacuationM, level }, 'evacuation')] : []),
      ]),
      buildings: layer(buildings.map((b): ImpactFeature => feature(b.geometry, { population: num(b.properties.population) ?? 0, name: b.name ?? null }, b.id))),
    },
  };
}

function whenFlammable(h: SpaceHazard): string {
  if (h.measured) return `measured ${Math.round((h.steadyFraction / METHANE.lfl) * 100)} %LEL${h.flammable ? ', flammable now' : ''}`;
  if (h.timeToLflS === undefined) return `settles at ${Math.round((h.steadyFraction / METHANE.lfl) * 100)} %LEL`;
  return h.timeToLflS < 60 ? 'flammable within a minute' : `flammable in about ${Math.round(h.timeToLflS / 60)} min`;
}

function ventAdvice(h: SpaceHazard): string {
  switch (h.nearby.space.kind) {
    case 'sewer': return 'ventilate it through the manholes at both ends with non-sparking tools; stop work in the sewer.';
    case 'cable_duct': return 'ask the power company not to switch anything on it (switching sparks) and ventilate the duct at its pits.';
    case 'tunnel': return 'start the compartment\'s emergency ventilation (GB 50838-2015: at least 12 air changes per hour) and keep everyone out.';
    default: return 'open the cover with non-sparking tools and ventilate; keep people away from it.';
  }
}

/** A space's explosion centre: its point, or the point of a pipe or duct nearest the leak. */
function centreOf(h: SpaceHazard, leak: readonly [number, number], frame: LocalFrame): [number, number] {
  const g = h.nearby.space.asset.geometry;
  if (g.type === 'Point') return frame.toXY(g.coordinates);
  return nearestOnLine(g, leak, frame)?.xy ?? frame.toXY(representativePoint(g));
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
