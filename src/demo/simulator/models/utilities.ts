import type { ModelFactory } from './context.js';

/**
 * The utility tunnel, district heating and power cables: mostly steady, following the seasons
 * (heating) and the daily load (power).
 */
const tunnelOxygen: ModelFactory = (ctx) => (ts) => 20.85 - Math.abs(ctx.drift(ts, 3_600_000, 0.12)) + ctx.noise(ts, 0.03);
const tunnelH2s: ModelFactory = (ctx) => (ts) => Math.max(0, 0.2 + ctx.drift(ts, 1_800_000, 0.15) + Math.abs(ctx.noise(ts, 0.05)));
const tunnelMethane: ModelFactory = (ctx) => (ts) => Math.max(0, 0.3 + ctx.drift(ts, 1_800_000, 0.3) + Math.abs(ctx.noise(ts, 0.1)));
/** Deep underground the air follows the seasons slowly, a few degrees above the ground. */
const tunnelTemperature: ModelFactory = (ctx) => {
  const offset = ctx.constant(1, -0.6, 0.6);
  return (ts) => 19 + 0.35 * (ctx.world.dailyMeanC(ts) - 16) + offset + ctx.noise(ts, 0.08);
};
const tunnelHumidity: ModelFactory = (ctx) => (ts) => Math.min(98, 68 + ctx.drift(ts, 4 * 3_600_000, 6) + 12 * (1 - Math.exp(-ctx.world.rain(ts) / 30)) + ctx.noise(ts, 0.5));
/** Sump pit: seepage fills it until the pump starts at 0.6 m; rain speeds the filling. */
const tunnelSump: ModelFactory = (ctx) => {
  const period = ctx.constant(1, 40, 70) * 60_000;
  return (ts) => 0.12 + 0.45 * ((ts % period) / period) + 0.15 * (1 - Math.exp(-ctx.world.rain(ts) / 40)) + ctx.noise(ts, 0.004);
};

export const TUNNEL_MODELS: Record<string, ModelFactory> = {
  oxygen: tunnelOxygen, h2s: tunnelH2s, methane: tunnelMethane, temperature: tunnelTemperature, humidity: tunnelHumidity, level: tunnelSump,
};

/** Supply temperature by outdoor reset: 75 °C in summer (hot water), up to 115 °C on a design day. */
function supplyC(load: number): number {
  return 75 + 40 * (load - 0.15) / 0.85;
}

const heatingTemperature: ModelFactory = (ctx) => {
  const circuit = ctx.sensor.properties.circuit;
  const loss = ctx.constant(1, 0, 2.5); // heat lost on the way from the head station
  if (circuit === 'chamber') {
    return (ts) => 16 + 0.4 * (ctx.world.dailyMeanC(ts) - 16) + 6 * ctx.world.heatingLoad(ts) + ctx.noise(ts, 0.15);
  }
  return (ts) => {
    const load = ctx.world.heatingLoad(ts);
    const supply = supplyC(load) - loss;
    return (circuit === 'return' ? supply - (18 + 27 * load) : supply) + ctx.drift(ts, 1_800_000, 0.6) + ctx.noise(ts, 0.2);
  };
};

const heatingPressure: ModelFactory = (ctx) => {
  const normal = ctx.prop('normalMpa', 0.9);
  const ret = ctx.sensor.properties.circuit === 'return';
  return (ts) => {
    const flow = 0.5 + 0.5 * ctx.world.heatingLoad(ts);
    return normal + (ret ? 0.02 : -0.06) * (flow * flow - 0.5) + ctx.noise(ts, 0.004);
  };
};

const heatingFlow: ModelFactory = (ctx) => {
  const design = ctx.prop('designFlowM3h', 2800);
  return (ts) => design * (0.45 + 0.55 * ctx.world.heatingLoad(ts)) + ctx.noise(ts, design * 0.005);
};

export const HEATING_MODELS: Record<string, ModelFactory> = { temperature: heatingTemperature, pressure: heatingPressure, flow: heatingFlow };

const current: ModelFactory = (ctx) => {
  const rated = ctx.prop('ratedA', 480);
  const loading = ctx.assetConstant(1, 0.3, 0.55);
  return (ts) => Math.max(0, rated * loading * ctx.world.powerLoad(ts) * (1 + ctx.drift(ts, 900_000, 0.04)) + ctx.noise(ts, rated * 0.004));
};

const powerTemperature: ModelFactory = (ctx) => {
  const asset = ctx.asset;
  if (asset?.kind === 'cable') {
    // Joint temperature: soil temperature plus I²R heating (about 35 K rise at rated current).
    const loading = ctx.assetConstant(1, 0.3, 0.55); // the same loading as the cable's current sensor
    return (ts) => {
      const i = loading * ctx.world.powerLoad(ts);
      return 15 + 0.5 * (ctx.world.dailyMeanC(ts) - 10) + 35 * i * i + ctx.noise(ts, 0.15);
    };
  }
  if (ctx.sensor.id.endsWith('-TOIL')) {
    return (ts) => ctx.world.outdoorC(ts) + 18 + 22 * ctx.world.powerLoad(ts) ** 2 * 0.45 + ctx.noise(ts, 0.2);
  }
  return (ts) => ctx.world.outdoorC(ts) + 4 + 2 * ctx.world.powerLoad(ts) + ctx.noise(ts, 0.2);
};

const cabinetHumidity: ModelFactory = (ctx) => (ts) => Math.min(95, ctx.world.humidity(ts) - 8 + ctx.noise(ts, 0.6));

export const POWER_MODELS: Record<string, ModelFactory> = { current, temperature: powerTemperature, humidity: cabinetHumidity };

const envRain: ModelFactory = (ctx) => {
  const local = ctx.constant(1, 0.9, 1.1);
  return (ts) => Math.max(0, ctx.world.rain(ts) * local * (1 + ctx.noise(ts, 0.03)));
};
const envTemperature: ModelFactory = (ctx) => {
  const island = ctx.constant(1, 0, 0.8); // the urban heat island
  return (ts) => ctx.world.outdoorC(ts) + island + ctx.noise(ts, 0.1);
};
const envHumidity: ModelFactory = (ctx) => (ts) => ctx.world.humidity(ts) + ctx.noise(ts, 0.8);
const envNoise: ModelFactory = (ctx) => {
  const roadside = ctx.sensor.properties.zone === '4a';
  return (ts) => {
    const traffic = ctx.world.traffic(ts);
    // Road noise rises about 10·log10 of the traffic flow.
    return (roadside ? 66 : 50) + 10 * Math.log10(Math.max(0.05, traffic)) + ctx.noise(ts, 1.5);
  };
};

export const ENVIRONMENT_MODELS: Record<string, ModelFactory> = { rainfall: envRain, temperature: envTemperature, humidity: envHumidity, noise: envNoise };
