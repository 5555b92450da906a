import { MPA_PER_M } from '../../city/water-devices.js';
import { WATER_DEMAND_PATTERN } from '../../city/patterns.js';
import type { ModelContext, ModelFactory } from './context.js';

/**
 * Water supply. Pressure at a junction comes from the network's own hydraulics at the current
 * demand (so it falls at the morning and evening peaks and rises at night); DMA inflow follows
 * demand with a constant leakage floor (the minimum night flow, CJJ 92-2016); the water tower fills
 * at night and drains by day.
 */
export const LEAKAGE_FLOOR = 0.1;

function junctionPressureMpa(ctx: ModelContext, junctionId: string, ts: number): number {
  const head = ctx.world.water.pressureM(junctionId, ctx.world.waterDemand(ts)) ?? ctx.prop('nominalPressureM', 35);
  return head * MPA_PER_M;
}

const pressure: ModelFactory = (ctx) => {
  const asset = ctx.asset;
  if (asset?.kind === 'pump_station') {
    const node = asset.properties.to as string;
    return (ts) => junctionPressureMpa(ctx, node, ts) + 0.005 + ctx.noise(ts, 0.002);
  }
  const offset = ctx.constant(1, -0.004, 0.004); // installation height and calibration
  return (ts) => junctionPressureMpa(ctx, asset?.id ?? '', ts) + offset + ctx.noise(ts, 0.0025);
};

/** Hydrant caps read the main's pressure at the nearest junction. */
export const hydrantPressure: ModelFactory = (ctx) => {
  const node = (ctx.sensor.properties.node ?? ctx.asset?.properties.node) as string;
  const offset = ctx.constant(1, -0.006, 0.003);
  return (ts) => junctionPressureMpa(ctx, node, ts) + offset + ctx.noise(ts, 0.003);
};

const flow: ModelFactory = (ctx) => {
  const meter = ctx.asset?.properties.meter;
  if (ctx.asset?.kind === 'pump_station') {
    // The tower buffers the peaks, so the plant's output swings less than demand does.
    const averageM3h = ctx.world.water.totalBaseDemandLps * 3.6;
    return (ts) => averageM3h * (0.55 + 0.45 * ctx.world.waterDemand(ts)) + ctx.noise(ts, averageM3h * 0.006);
  }
  const average = ctx.prop('averageFlowM3h', 100);
  if (meter === 'bulk') {
    // Hospitals run round the clock; schools and malls mostly by day.
    const facility = ctx.world.asset(ctx.asset?.properties.facility as string)?.properties.facility;
    const daytime = facility !== 'hospital';
    return (ts) => {
      const h = ctx.world.hour(ts);
      const open = daytime ? (h >= 7 && h < 21 ? 1.6 : 0.15) : ctx.world.waterDemand(ts);
      return Math.max(0, average * open + ctx.noise(ts, average * 0.05));
    };
  }
  return (ts) => average * (LEAKAGE_FLOOR + (1 - LEAKAGE_FLOOR) * ctx.world.waterDemand(ts)) * (1 + ctx.drift(ts, 1_800_000, 0.02)) + ctx.noise(ts, average * 0.01);
};

/** Cumulative (1 − demand) over the day, so tower level rises while demand is below average. */
const TOWER_CURVE = (() => {
  const cumulative = [0];
  for (let h = 0; h < 24; h++) cumulative.push(cumulative[h]! + (1 - WATER_DEMAND_PATTERN[h]!));
  const mean = cumulative.reduce((s, v) => s + v, 0) / cumulative.length;
  const span = Math.max(...cumulative) - Math.min(...cumulative);
  return cumulative.map((v) => (v - mean) / span);
})();

const level: ModelFactory = (ctx) => {
  if (ctx.asset?.kind === 'tank') {
    const mid = (ctx.prop('minLevelM', 1) + ctx.prop('maxLevelM', 12)) / 2;
    const swing = (ctx.prop('maxLevelM', 12) - ctx.prop('minLevelM', 1)) * 0.75;
    return (ts) => {
      const h = ctx.world.hour(ts);
      const k = Math.floor(h);
      const f = h - k;
      const curve = TOWER_CURVE[k]! + (TOWER_CURVE[k + 1]! - TOWER_CURVE[k]!) * f;
      return mid + swing * curve + ctx.noise(ts, 0.01);
    };
  }
  // The clear-water reservoir: drawn down by day, refilled at night by the treatment works.
  const normal = ctx.prop('normalLevelM', 4);
  return (ts) => normal - 0.4 * (ctx.world.waterDemand(ts) - 1) + ctx.drift(ts, 7_200_000, 0.1) + ctx.noise(ts, 0.005);
};

const chlorine: ModelFactory = (ctx) => {
  const normal = ctx.prop('normalMgL', ctx.prop('targetMgL', 0.6));
  return (ts) => normal * (1 + 0.06 * Math.sin((2 * Math.PI * ctx.world.hour(ts)) / 24)) + ctx.drift(ts, 3_600_000, 0.02) + ctx.noise(ts, 0.008);
};

const turbidity: ModelFactory = (ctx) => {
  const normal = ctx.prop('normalNtu', 0.2);
  return (ts) => Math.max(0.02, normal + 0.05 * ctx.world.waterDemand(ts) + ctx.drift(ts, 3_600_000, 0.04) + ctx.noise(ts, 0.02));
};

/** Acoustic loggers: a quiet main sits around 20–28 dB; traffic adds a little by day. */
const leakNoise: ModelFactory = (ctx) => {
  const base = ctx.constant(2, 18, 27);
  return (ts) => base + 4 * ctx.world.traffic(ts) + ctx.noise(ts, 1.2);
};

export const WATER_MODELS: Record<string, ModelFactory> = { pressure, flow, level, chlorine, turbidity, noise: leakNoise };
