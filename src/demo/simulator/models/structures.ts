import type { ModelContext, ModelFactory } from './context.js';

/**
 * Bridges and buildings. A bridge gauge reports the peak of its 10 s window: mostly cars, some
 * trucks, now and then a heavy truck, all well inside the design live load; on top of that the
 * thermal part of the day. Buildings move slowly with the seasons and the sun.
 */
const DAY_MS = 86_400_000;

/** Live-load fraction (of the design load) seen in one window at this time of day. */
function trafficFraction(ctx: ModelContext, ts: number): number {
  const busy = ctx.world.traffic(ts);
  if (ctx.chance(ts, 1) > Math.min(0.95, 0.45 * busy)) return ctx.chance(ts, 2) * 0.02;
  const kind = ctx.chance(ts, 3);
  const size = ctx.chance(ts, 4);
  if (kind < 0.8) return 0.03 + 0.06 * size; // cars
  if (kind < 0.97) return 0.15 + 0.3 * size; // trucks and buses
  return 0.45 + 0.25 * size; // a loaded heavy truck, still legal
}

const strain: ModelFactory = (ctx) => {
  const limit = ctx.prop('designStrainUe', 150);
  const zero = ctx.constant(1, -6, 6);
  const hogging = ctx.sensor.properties.support !== undefined;
  return (ts) => {
    // Temperature gradients through the deck give a daily swing of a few tens of microstrain.
    const thermal = 0.9 * ctx.world.diurnalC(ts) * (hogging ? -1 : 1);
    return zero + thermal + limit * trafficFraction(ctx, ts) + ctx.noise(ts, 1.2);
  };
};

const bridgeDisplacement: ModelFactory = (ctx) => {
  if (ctx.sensor.id.includes('-BRG')) {
    // Expansion joint: the deck grows 1.2e-5 per °C over half its length.
    const halfLengthMm = ctx.prop('lengthM', 75) * 500;
    return (ts) => 1.2e-5 * halfLengthMm * (ctx.world.dailyMeanC(ts) + 0.4 * ctx.world.diurnalC(ts) - 15) + ctx.noise(ts, 0.05);
  }
  const limit = ctx.prop('designDeflectionMm', 50);
  return (ts) => limit * 0.9 * trafficFraction(ctx, ts) + 0.05 * ctx.world.diurnalC(ts) + ctx.noise(ts, 0.08);
};

const acceleration: ModelFactory = (ctx) => (ts) => 0.004 + 0.35 * trafficFraction(ctx, ts) + Math.abs(ctx.noise(ts, 0.003));

const bridgeTilt: ModelFactory = (ctx) => {
  const base = ctx.constant(1, -0.02, 0.02);
  return (ts) => base + 0.002 * ctx.world.diurnalC(ts) / 4 + ctx.noise(ts, 0.0004);
};

/** Cracks open as the concrete cools and contracts. */
const crack: ModelFactory = (ctx) => {
  const base = ctx.prop('baselineMm', 0.15);
  return (ts) => Math.max(0, base + 0.003 * (15 - ctx.world.dailyMeanC(ts)) - 0.002 * ctx.world.diurnalC(ts) + ctx.noise(ts, 0.002));
};

const temperature: ModelFactory = (ctx) => (ts) => ctx.world.dailyMeanC(ts) + 0.5 * ctx.world.diurnalC(ts) + ctx.noise(ts, 0.1);

export const BRIDGE_MODELS: Record<string, ModelFactory> = { strain, displacement: bridgeDisplacement, acceleration, tilt: bridgeTilt, crack, temperature };

const buildingTilt: ModelFactory = (ctx) => {
  const base = ctx.prop('baselineDeg', 0.03);
  // Sun on one face bends a building by a few thousandths of a degree over the day.
  return (ts) => base + 0.0015 * (ctx.world.dailyMeanC(ts) - 16) / 13 + 0.001 * ctx.world.diurnalC(ts) / 4 + ctx.noise(ts, 0.0003);
};

const settlement: ModelFactory = (ctx) => {
  const base = ctx.prop('baselineMm', -15);
  // A slow, stable creep of about 0.005 mm/day (JGJ 8-2016 counts < 0.01–0.04 mm/day as stable).
  const rate = ctx.constant(2, 0.002, 0.008);
  const epoch = Date.UTC(2024, 0, 1);
  return (ts) => base - rate * (ts - epoch) / DAY_MS + ctx.noise(ts, 0.04);
};

export const BUILDING_MODELS: Record<string, ModelFactory> = { tilt: buildingTilt, crack, displacement: settlement };
