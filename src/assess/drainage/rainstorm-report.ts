import { representativePoint, type Geometry, type Level } from '../../domain/index.js';
import { contextFacilities, type AssessContext } from '../context.js';
import { byCriticality, facilityPopulation, facilityPriority, facilityType } from '../facility-priority.js';
import { distanceToSegment, type LocalFrame } from '../geo/local-frame.js';
import { PointIndex } from '../geo/point-index.js';
import { populationCells, populationWithinAny } from '../geo/population.js';
import { feature, layer, numberActions, type AffectedAsset, type AffectedFacility, type Impact, type ImpactAction, type ImpactFeature } from '../impact.js';
import { totalDepthMm, type Hyetograph } from './hyetograph.js';
import type { DrainageNetwork, DrainageNode } from './network.js';
import type { RoutingResult } from './routing.js';
import { HEFEI_STORM } from './storm-intensity.js';
import type { RainstormOptions, StormInput } from './storm-input.js';

/**
 * A routed storm told as an Impact: what surcharges, floods and ponds and when, the people, roads
 * and facilities near the water, and what to do before the rain — earliest first.
 */
export function describeRainstorm(network: DrainageNetwork, storm: StormInput, rain: Hyetograph, r: RoutingResult, context: AssessContext, frame: LocalFrame | undefined, options: RainstormOptions): Impact {
  const minute = (step: number | undefined): number | undefined => (step === undefined ? undefined : Math.round(((step + 1) * r.stepS) / 60));
  const levelsCm = options.pondingLevelsCm ?? [15, 27, 40, 50];
  const levelFor = (cm: number): Level | undefined => (cm >= levelsCm[3] ? 1 : cm >= levelsCm[2] ? 2 : cm >= levelsCm[1] ? 3 : cm >= levelsCm[0] ? 4 : undefined);
  const nodeById = new Map(network.nodes.map((n) => [n.id, n]));

  const surcharged = network.nodes.filter((n) => (r.nodes.get(n.id)?.surchargeSteps ?? 0) > 0 && n.kind === 'junction');
  const flooding = network.nodes.filter((n) => (r.nodes.get(n.id)?.floodVolumeM3 ?? 0) > 0.5 && n.kind !== 'low_point');
  const ponding = network.nodes.filter((n) => (r.nodes.get(n.id)?.peakPondDepthM ?? 0) * 100 >= levelsCm[0]);
  const overCapacity = network.links.filter((l) => (r.links.get(l.id)?.peakRatio ?? 0) >= 0.999 && l.kind === 'conduit');
  const depthCm = (n: DrainageNode): number => Math.round((r.nodes.get(n.id)?.peakPondDepthM ?? 0) * 100);

  const assets: AffectedAsset[] = [
    ...ponding.map((n): AffectedAsset => {
      const s = r.nodes.get(n.id)!;
      const cm = depthCm(n);
      const level = levelFor(cm);
      return {
        id: n.id, kind: n.kind === 'low_point' ? 'inlet' : 'manhole', domain: 'drainage', ...(n.name ? { name: n.name } : {}), effect: 'ponding',
        ...(minute(s.waterloggedStep) !== undefined ? { atMin: minute(s.waterloggedStep)! } : {}), ...(level ? { level } : {}),
        detail: { peakDepthCm: cm, waterloggedMin: Math.round((s.waterloggedSteps * r.stepS) / 60), lowPoint: n.lowPoint ?? null, closeRoad: cm >= (n.closeRoadCm ?? levelsCm[1]) },
      };
    }),
    ...flooding.map((n): AffectedAsset => {
      const s = r.nodes.get(n.id)!;
      return { id: n.id, kind: 'manhole', domain: 'drainage', ...(n.name ? { name: n.name } : {}), effect: 'flooding', ...(minute(s.floodStep) !== undefined ? { atMin: minute(s.floodStep)! } : {}), detail: { floodVolumeM3: Math.round(s.floodVolumeM3), floodMin: Math.round((s.floodSteps * r.stepS) / 60), surchargeAtMin: minute(s.surchargeStep ?? s.floodStep) ?? null } };
    }),
    ...surcharged.filter((n) => !flooding.includes(n)).map((n): AffectedAsset => {
      const s = r.nodes.get(n.id)!;
      return { id: n.id, kind: 'manhole', domain: 'drainage', effect: 'surcharged', ...(minute(s.surchargeStep) !== undefined ? { atMin: minute(s.surchargeStep)! } : {}), detail: { peakDepthM: round2(s.peakDepthM), surchargeMin: Math.round((s.surchargeSteps * r.stepS) / 60) } };
    }),
    ...overCapacity.map((l): AffectedAsset => {
      const s = r.links.get(l.id)!;
      return { id: l.id, kind: 'pipe', domain: 'drainage', effect: 'over_capacity', ...(minute(s.fullStep) !== undefined ? { atMin: minute(s.fullStep)! } : {}), detail: { capacityLps: Math.round(s.capacityM3s * 1000), peakLps: Math.round(s.peakFlowM3s * 1000) } };
    }),
  ].sort((a, b) => (a.atMin ?? Infinity) - (b.atMin ?? Infinity));

  // Where water stands: people, roads and facilities within reach.
  const reachM = options.reachM ?? 100;
  const wet = [...flooding, ...ponding].filter((n, k, all) => all.indexOf(n) === k && n.position);
  const circles = frame ? wet.map((n) => ({ centre: frame.toXY(n.position!), radiusM: reachM })) : [];
  const population = frame ? populationWithinAny(populationCells(context.populationGrid, frame), circles) : 0;
  const facilities: AffectedFacility[] = [];
  if (frame) {
    for (const f of contextFacilities(context)) {
      const xy = frame.toXY(representativePoint(f.geometry));
      let nearest: { node: DrainageNode; d: number } | undefined;
      for (const n of wet) {
        const d = Math.hypot(xy[0] - frame.toXY(n.position!)[0], xy[1] - frame.toXY(n.position!)[1]);
        if (d <= reachM * 1.5 && (!nearest || d < nearest.d)) nearest = { node: n, d };
      }
      if (!nearest) continue;
      const type = facilityType(f);
      const s = r.nodes.get(nearest.node.id)!;
      const pop = facilityPopulation(f);
      facilities.push({
        id: f.id, ...(f.name ? { name: f.name } : {}), facility: type, priority: facilityPriority(type), effect: 'flooding_nearby',
        ...(minute(s.floodStep ?? s.waterloggedStep) !== undefined ? { atMin: minute(s.floodStep ?? s.waterloggedStep)! } : {}),
        ...(pop !== undefined ? { population: pop } : {}), detail: { node: nearest.node.id, distanceM: Math.round(nearest.d) },
      });
    }
    facilities.sort(byCriticality);
  }
  const roads = frame && context.roads ? roadsNear(context.roads.features, wet.map((n) => frame.toXY(n.position!)), frame, 40) : [];
  const roadNames = [...new Set(roads.map((road) => String(road.properties.name ?? road.id ?? '')))].filter((s) => s !== '');
  const roadList = roadNames.length > 8 ? `${roadNames.slice(0, 8).join('、')} and ${roadNames.length - 8} more` : roadNames.join('、');

  // What to do, earliest first.
  const firstSurcharge = Math.min(...surcharged.map((n) => minute(r.nodes.get(n.id)!.surchargeStep) ?? Infinity));
  const byDepth = [...ponding].sort((a, b) => depthCm(b) - depthCm(a));
  const pumps = network.links.filter((l) => l.kind === 'pump');
  const actions = numberActions([
    ...(surcharged.length > 0 ? [{
      code: 'pre_warning', text: `Pre-warning: ${surcharged.length} manholes will surcharge, the first ${Number.isFinite(firstSurcharge) ? `${firstSurcharge} min` : 'soon'} after the rain starts; clear inlets and grates along ${roadNames.slice(0, 5).join('、') || 'the affected streets'} now.`,
      targets: surcharged.map((n) => n.id), atMin: 0, by: 'drainage',
    }] : []),
    ...(pumps.length > 0 && (ponding.length > 0 || flooding.length > 0) ? [{ code: 'pre_pump', text: `Draw down the wet wells of ${pumps.map((p) => p.from).join(', ')} and check standby pumps and power before the rain.`, targets: pumps.map((p) => p.from), atMin: 0, by: 'drainage' }] : []),
    ...[...byDepth.filter((n) => n.kind === 'low_point'), ...byDepth.filter((n) => n.kind !== 'low_point').slice(0, 5)].map((n): Omit<ImpactAction, 'order'> => {
      const s = r.nodes.get(n.id)!;
      const cm = depthCm(n);
      const close = cm >= (n.closeRoadCm ?? levelsCm[1]);
      const at = minute(s.waterloggedStep);
      return {
        code: close ? 'close_road' : 'deploy_pumps',
        text: !close
          ? `Deploy a mobile pump at ${n.name ?? n.id}: water reaches ${cm} cm from minute ${at ?? '?'}.`
          : n.lowPoint === 'metro_entrance'
            ? `Close ${n.name ?? n.id} and raise its flood barriers before minute ${at ?? '?'}: water outside reaches ${cm} cm.`
            : `Close ${n.lowPoint === 'underpass' ? 'the underpass' : 'the street'} at ${n.name ?? n.id} to traffic before minute ${at ?? '?'}: water reaches ${cm} cm; deploy mobile pumps and guards.`,
        targets: [n.id], ...(at !== undefined ? { atMin: Math.max(0, at - 15) } : {}), by: 'drainage',
      };
    }),
    ...facilities.filter((f) => f.facility === 'metro_station' || f.priority <= 4).map((f): Omit<ImpactAction, 'order'> => ({
      code: 'protect_facility', text: `${f.name ?? f.id} (${f.facility}): flooding within ${(f.detail as { distanceM: number }).distanceM} m — ${f.facility === 'metro_station' ? 'raise flood barriers at the entrances' : 'prepare sandbags and keep access open'}.`,
      targets: [f.id], ...(f.atMin !== undefined ? { atMin: Math.max(0, f.atMin - 15) } : {}), by: 'emergency',
    })),
    ...(byDepth.filter((n) => n.kind !== 'low_point').length > 5 ? [{
      code: 'deploy_pumps', text: `${byDepth.filter((n) => n.kind !== 'low_point').length - 5} more streets pond above ${levelsCm[0]} cm around overflowing manholes: stage mobile pumps along ${roadList || 'them'}.`,
      targets: byDepth.filter((n) => n.kind !== 'low_point').slice(5).map((n) => n.id), by: 'drainage',
    }] : []),
    ...(flooding.length > 0 ? [{ code: 'patrol', text: `Patrol the ${flooding.length} manholes expected to overflow; keep covers locked.`, targets: flooding.map((n) => n.id), by: 'drainage' }] : []),
    ...(roadNames.length > 0 ? [{ code: 'traffic', text: `Warn traffic on ${roadList}.`, targets: roads.map((road) => String(road.id ?? '')), by: 'police' }] : []),
  ]);

  const label = 'returnPeriodYears' in storm
    ? `${storm.returnPeriodYears}-year ${storm.durationMin}-minute design storm (${(storm.formula ?? HEFEI_STORM).source}; Chicago pattern r = ${storm.peakRatio ?? 0.4})`
    : storm.label ?? `rainfall of ${rain.depthMm.length} steps of ${rain.stepMin} min`;
  const depth = totalDepthMm(rain);
  const peakBlock = rain.depthMm.reduce((best, d, k) => (d > rain.depthMm[best]! ? k : best), 0);
  // Water overflowing one manhole may drain back and overflow another later: the volume on the
  // streets is the peak of what stands there at one time, not the sum of every overflow.
  const standingM3 = r.series.pondedM3.reduce((m, v) => Math.max(m, v), 0);
  const worst = byDepth[0];
  const summary = [
    `${label}: ${Math.round(depth * 10) / 10} mm, heaviest ${Math.round((rain.depthMm[peakBlock]! * 60) / rain.stepMin)} mm/h at minute ${peakBlock * rain.stepMin}.`,
    ` ${surcharged.length} of ${network.nodes.filter((n) => n.kind === 'junction').length} manholes surcharge${Number.isFinite(firstSurcharge) ? ` (first at minute ${firstSurcharge})` : ''}, ${flooding.filter((n) => n.kind === 'junction').length} overflow (up to ${Math.round(standingM3).toLocaleString('en')} m³ standing in the streets), ${overCapacity.length} pipe${overCapacity.length === 1 ? '' : 's'} run${overCapacity.length === 1 ? 's' : ''} at capacity.`,
    worst ? ` Deepest water: ${depthCm(worst)} cm at ${worst.name ?? worst.id}${minute(r.nodes.get(worst.id)!.waterloggedStep) !== undefined ? ` from minute ${minute(r.nodes.get(worst.id)!.waterloggedStep)}` : ''}; ${ponding.length} places above ${levelsCm[0]} cm.` : ' No place ponds deeper than 15 cm.',
    roadNames.length > 0 ? ` Roads affected: ${roadList}.` : '',
    facilities.length > 0 ? ` Near the water: ${facilities.slice(0, 3).map((f) => f.name ?? f.id).join('、')}${facilities.length > 3 ? ` and ${facilities.length - 3} more` : ''}.` : '',
    ` About ${population.toLocaleString('en')} residents live within ${reachM} m of flooding.`,
  ].join('');

  const point = (n: DrainageNode): Geometry | undefined => (frame && n.position ? { type: 'Point', coordinates: [n.position[0], n.position[1]] } : undefined);
  const pointFeatures = (nodes: readonly DrainageNode[], props: (n: DrainageNode) => Record<string, unknown>): ImpactFeature[] =>
    nodes.flatMap((n) => { const g = point(n); return g ? [feature(g, props(n), n.id)] : []; });
  const bbox = frame ? boundingPolygon(network) : undefined;
  const timeline = Array.from({ length: Math.ceil(r.steps * r.stepS / 300) }, (_, k) => {
    const step = Math.min(r.steps - 1, Math.round(((k + 1) * 300) / r.stepS) - 1);
    return { minute: (k + 1) * 5, surcharged: r.series.surcharged[step], flooding: r.series.flooding[step], pondedM3: Math.round(r.series.pondedM3[step]!) };
  });

  return {
    kind: 'rainstorm',
    summary,
    affected: { assets, population, facilities },
    actions,
    layers: {
      storm: layer(bbox ? [feature(bbox, { label, depthMm: Math.round(depth * 10) / 10, stepMin: rain.stepMin, rainMm: rain.depthMm.map((d) => Math.round(d * 100) / 100), timeline }, 'storm')] : []),
      ponding: layer(pointFeatures(ponding, (n) => ({ peakDepthCm: depthCm(n), level: levelFor(depthCm(n)) ?? null, fromMin: minute(r.nodes.get(n.id)!.waterloggedStep) ?? null, lowPoint: n.lowPoint ?? null, name: n.name ?? null }))),
      flooding: layer(pointFeatures(flooding, (n) => ({ floodVolumeM3: Math.round(r.nodes.get(n.id)!.floodVolumeM3), fromMin: minute(r.nodes.get(n.id)!.floodStep) ?? null }))),
      surcharged: layer(pointFeatures(surcharged, (n) => ({ fromMin: minute(r.nodes.get(n.id)!.surchargeStep) ?? null, peakDepthM: round2(r.nodes.get(n.id)!.peakDepthM), flooding: flooding.includes(n) }))),
      pipes: layer(frame ? overCapacity.flatMap((l) => {
        const s = r.links.get(l.id)!;
        const from = nodeById.get(l.from)?.position;
        const to = nodeById.get(l.to)?.position;
        const coords = l.geometry ?? (from && to ? [from, to] : undefined);
        return coords ? [feature({ type: 'LineString', coordinates: coords.map((c) => [c[0], c[1]]) }, { ratio: round2(s.peakRatio), capacityLps: Math.round(s.capacityM3s * 1000), fromMin: minute(s.fullStep) ?? null }, l.id)] : [];
      }) : []),
      roads: layer(roads.map((road) => feature(road.geometry, { name: road.properties.name ?? null }, String(road.id ?? '')))),
    },
  };
}

/** Roads within `withinM` of any of the points, the road with most points near it first. */
function roadsNear<R extends { readonly geometry: Geometry }>(roads: readonly R[], points: readonly (readonly [number, number])[], frame: LocalFrame, withinM: number): R[] {
  const index = new PointIndex<number>(100);
  points.forEach((p, k) => index.add(p, k));
  const hits: { road: R; count: number }[] = [];
  for (const road of roads) {
    const lines = road.geometry.type === 'LineString' ? [road.geometry.coordinates] : road.geometry.type === 'MultiLineString' ? road.geometry.coordinates : [];
    const near = new Set<number>();
    for (const line of lines) {
      const xy = line.map((c) => frame.toXY(c));
      for (let k = 1; k < xy.length; k++) {
        const [a, b] = [xy[k - 1]!, xy[k]!];
        const mid: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
        const half = Math.hypot(b[0] - a[0], b[1] - a[1]) / 2;
        for (const hit of index.within(mid, half + withinM)) {
          if (distanceToSegment(hit.xy, a, b) <= withinM) near.add(hit.item);
        }
      }
    }
    if (near.size > 0) hits.push({ road, count: near.size });
  }
  return hits.sort((a, b) => b.count - a.count).map((h) => h.road);
}

function boundingPolygon(network: DrainageNetwork): Geometry | undefined {
  const pts = network.nodes.flatMap((n) => (n.position ? [n.position] : []));
  if (pts.length === 0) return undefined;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
