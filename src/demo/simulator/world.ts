import type { Asset } from '../../domain/index.js';
import { GAS_DEMAND_PATTERN, POWER_LOAD_PATTERN, TRAFFIC_PATTERN, WATER_DEMAND_PATTERN, patternAt } from '../city/patterns.js';
import type { DemoCity } from '../city/types.js';
import { smoothNoise } from '../random.js';
import type { WaterState } from './water-state.js';
import { backgroundRain, diurnalC, humidityPct, localHour, outdoorC, seasonalMeanC } from './weather.js';

/**
 * Everything shared by the sensors of the city at a moment: time of day, weather, demand on each
 * network, traffic. All pure functions of time (and the seed); rain includes scripted storms.
 */
export interface World {
  readonly seed: number;
  readonly city: DemoCity;
  asset(id: string): Asset | undefined;
  hour(ts: number): number;
  /** Rain intensity, mm/h, city-wide. */
  rain(ts: number): number;
  outdoorC(ts: number): number;
  /** Today's mean outdoor temperature, °C (what slow things like ground and heating follow). */
  dailyMeanC(ts: number): number;
  /** Diurnal part of the outdoor temperature, °C. */
  diurnalC(ts: number): number;
  humidity(ts: number): number;
  /** Multipliers of average demand (mean 1 over a day). */
  waterDemand(ts: number): number;
  gasDemand(ts: number): number;
  powerLoad(ts: number): number;
  traffic(ts: number): number;
  /** Heating load, 0.15 (summer hot water only) … 1 (design cold day). */
  heatingLoad(ts: number): number;
  readonly water: WaterState;
}

const DEMAND_STREAM = 0x51d0;

export function createWorld(city: DemoCity, seed: number, water: WaterState, stormRain: (ts: number) => number): World {
  const byId = new Map(city.assets.map((a) => [a.id, a]));
  const tz = city.utcOffsetHours;
  const rain = (ts: number): number => backgroundRain(seed, ts) + stormRain(ts);
  const dailyMeanC = (ts: number): number => seasonalMeanC(ts, tz);
  return {
    seed,
    city,
    asset: (id) => byId.get(id),
    hour: (ts) => localHour(ts, tz),
    rain,
    outdoorC: (ts) => outdoorC(seed, ts, tz, rain(ts)),
    dailyMeanC,
    diurnalC: (ts) => diurnalC(ts, tz),
    humidity: (ts) => humidityPct(seed, ts, tz, rain(ts)),
    // Day-to-day variation of a few per cent on top of the hourly pattern.
    waterDemand: (ts) => patternAt(WATER_DEMAND_PATTERN, localHour(ts, tz)) * (1 + 0.04 * smoothNoise(seed, DEMAND_STREAM, ts, 4 * 3_600_000)),
    // Winter heating by gas wall boilers adds to cooking: about +40 % on a cold day.
    gasDemand: (ts) => patternAt(GAS_DEMAND_PATTERN, localHour(ts, tz)) * (1 + 0.4 * Math.max(0, (12 - dailyMeanC(ts)) / 12)),
    // Air conditioning raises summer load; electric heating a little in winter.
    powerLoad: (ts) => patternAt(POWER_LOAD_PATTERN, localHour(ts, tz)) * (1 + 0.25 * Math.max(0, (dailyMeanC(ts) - 22) / 7) + 0.1 * Math.max(0, (8 - dailyMeanC(ts)) / 8)),
    traffic: (ts) => patternAt(TRAFFIC_PATTERN, localHour(ts, tz)),
    // Outdoor-reset: full load at the design outdoor temperature (−1.7 °C for Hefei, GB 50736-2012).
    heatingLoad: (ts) => Math.min(1, Math.max(0.15, (18 - dailyMeanC(ts) - 0.3 * diurnalC(ts, tz)) / (18 + 1.7))),
    water,
  };
}
