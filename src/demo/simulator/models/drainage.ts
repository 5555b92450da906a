import type { ModelFactory } from './context.js';

/**
 * Storm drainage. Dry-weather flow in storm sewers is a trickle (infiltration and misconnections,
 * with a daily rhythm); rain fills them within minutes, more where the catchment is larger.
 * Ordinary rain keeps level ratios well below 1 and ponding below the 15 cm waterlogging mark
 * (GB 51222-2017); only the scripted rainstorm surcharges sewers and floods the underpass.
 */
const RAIN_LAG_MS = 60_000;

const levelRatio: ModelFactory = (ctx) => {
  const dry = ctx.constant(1, 0.04, 0.14);
  const catchment = ctx.prop('catchmentHa', 6.25);
  // Larger catchments fill higher, but never past about 0.72 in ordinary rain.
  const capacity = Math.min(0.58, 0.3 + 0.02 * Math.sqrt(catchment)) + ctx.constant(2, -0.05, 0.05);
  return (ts) => {
    const rain = ctx.world.rain(ts - RAIN_LAG_MS);
    const misconnections = 0.03 * Math.max(0, Math.sin((2 * Math.PI * (ctx.world.hour(ts) - 6)) / 24));
    return dry + misconnections + capacity * (1 - Math.exp(-rain / 35)) + ctx.noise(ts, 0.006);
  };
};

const ponding: ModelFactory = (ctx) => {
  const underpass = ctx.asset?.properties.lowPoint === 'underpass';
  const sensitivity = underpass ? 0.16 : ctx.constant(1, 0.06, 0.11);
  const onset = underpass ? 25 : 30;
  return (ts) => Math.max(0, (ctx.world.rain(ts - RAIN_LAG_MS) - onset) * sensitivity + ctx.noise(ts, 0.15));
};

const rainfall: ModelFactory = (ctx) => {
  const local = ctx.constant(1, 0.9, 1.1);
  return (ts) => Math.max(0, ctx.world.rain(ts) * local * (1 + ctx.noise(ts, 0.03)));
};

const level: ModelFactory = (ctx) => {
  if (ctx.asset?.kind === 'pump_station') {
    // Wet well: pumps cycle between start (1.2 m) and stop levels; rain raises the band.
    const start = ctx.prop('startLevelM', 1.2);
    return (ts) => {
      const cycle = (ts % 1_200_000) / 1_200_000;
      return 0.5 + (start - 0.5) * cycle + 2.8 * (1 - Math.exp(-ctx.world.rain(ts - RAIN_LAG_MS) / 40)) + ctx.noise(ts, 0.01);
    };
  }
  // Receiving water at an outfall: river or lake level, raised by rain over the last few minutes.
  const normal = ctx.prop('normalLevelM', 17.5);
  return (ts) => normal + 0.9 * (1 - Math.exp(-ctx.world.rain(ts - 3 * RAIN_LAG_MS) / 45)) + ctx.drift(ts, 6 * 3_600_000, 0.05) + ctx.noise(ts, 0.004);
};

export const DRAINAGE_MODELS: Record<string, ModelFactory> = { level_ratio: levelRatio, ponding, rainfall, level };
