import type { ModelFactory } from './context.js';

/**
 * Gas. Regulators hold their set points, drooping slightly as demand rises; network pressure falls
 * with distance from the stations at peak demand. Methane in underground spaces near the mains is
 * normally a trace: sewer manholes see a little biogas, others read near zero.
 */
const pressure: ModelFactory = (ctx) => {
  const code = ctx.sensor.id.split('-').pop();
  if (code === 'PIN') {
    const normal = ctx.prop('normalMpa', 0.8);
    return (ts) => normal - 0.03 * ctx.world.gasDemand(ts) + ctx.drift(ts, 3_600_000, 0.01) + ctx.noise(ts, 0.002);
  }
  const setpoint = ctx.prop('setpointMpa', 0.3);
  if (setpoint < 0.01) {
    // Low-pressure regulator boxes: 2.5 kPa with a few per cent of droop.
    return (ts) => setpoint * (1.02 - 0.03 * ctx.world.gasDemand(ts)) + ctx.noise(ts, setpoint * 0.006);
  }
  if (ctx.asset?.kind === 'regulator_station') {
    return (ts) => setpoint * (1.01 - 0.012 * ctx.world.gasDemand(ts)) + ctx.noise(ts, 0.0008);
  }
  // A network node: the further from the regulator stations, the larger the drop at peak.
  const remoteness = ctx.constant(3, 0.4, 1);
  return (ts) => {
    const g = ctx.world.gasDemand(ts);
    return setpoint * (1.01 - 0.012 * g) - 0.01 * remoteness * g * g + ctx.noise(ts, 0.0012);
  };
};

const methane: ModelFactory = (ctx) => {
  const space = ctx.sensor.properties.space ?? ctx.asset?.properties.space;
  const biogas = space === 'sewer_manhole' ? ctx.constant(4, 0.5, 2.5) : ctx.constant(4, 0, 0.6);
  return (ts) => Math.max(0, biogas * (1 + 0.3 * Math.sin((2 * Math.PI * ctx.world.hour(ts)) / 24)) + ctx.drift(ts, 1_800_000, 0.4) + Math.abs(ctx.noise(ts, 0.15)));
};

export const GAS_MODELS: Record<string, ModelFactory> = { pressure, methane };
