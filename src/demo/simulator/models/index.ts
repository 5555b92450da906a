import type { Domain, Quantity } from '../../../domain/index.js';
import type { Model, ModelContext, ModelFactory } from './context.js';
import { DRAINAGE_MODELS } from './drainage.js';
import { GAS_MODELS } from './gas.js';
import { BRIDGE_MODELS, BUILDING_MODELS } from './structures.js';
import { ENVIRONMENT_MODELS, HEATING_MODELS, POWER_MODELS, TUNNEL_MODELS } from './utilities.js';
import { WATER_MODELS, hydrantPressure } from './water.js';

export { createContext, type Model, type ModelContext } from './context.js';

const BY_DOMAIN: Partial<Record<Domain, Record<string, ModelFactory>>> = {
  water: WATER_MODELS,
  hydrant: { pressure: hydrantPressure },
  gas: GAS_MODELS,
  drainage: DRAINAGE_MODELS,
  bridge: BRIDGE_MODELS,
  building: BUILDING_MODELS,
  tunnel: TUNNEL_MODELS,
  heating: HEATING_MODELS,
  power: POWER_MODELS,
  environment: ENVIRONMENT_MODELS,
};

/** Typical values for a sensor nobody wrote a model for: a level line with a little noise. */
const FALLBACK_LEVEL: Partial<Record<Quantity, number>> = {
  methane: 0.5, pressure: 0.3, flow: 50, level: 1, ponding: 0, rainfall: 0, strain: 20, displacement: 0,
  acceleration: 0.01, tilt: 0.01, crack: 0.1, temperature: 20, h2s: 0.2, oxygen: 20.9, co: 1, noise: 50,
  level_ratio: 0.2, humidity: 65, current: 100, voltage: 10, vibration: 0.5, chlorine: 0.5, turbidity: 0.3, generic: 0,
};

/** The normal behaviour of a sensor: by its domain and quantity, else a steady level with noise. */
export function modelFor(ctx: ModelContext): Model {
  const factory = BY_DOMAIN[ctx.sensor.domain]?.[ctx.sensor.quantity];
  if (factory) return factory(ctx);
  const level = FALLBACK_LEVEL[ctx.sensor.quantity] ?? 0;
  return (ts) => level + ctx.noise(ts, Math.abs(level) * 0.01 + 0.001);
}
