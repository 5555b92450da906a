/**
 * Quantities (监测量): what a sensor measures, its canonical unit and its physically possible range.
 * Readings are stored in the canonical unit; other units are converted at the edge (ingest).
 * A range is what the physics (or the instrument class) allows, not an alarm threshold:
 * a value outside it is a bad reading, rejected at ingest.
 */
export interface UnitConversion {
  /** canonical = value * factor + offset */
  readonly factor: number;
  readonly offset?: number;
}

export interface QuantityInfo {
  readonly name: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly zh: string;
  readonly en: string;
  /** Other units a device may report in, converted to `unit` at ingest. */
  readonly units?: Readonly<Record<string, UnitConversion>>;
}

const q = (name: string, unit: string, min: number, max: number, zh: string, en: string,
  units?: Record<string, UnitConversion>): QuantityInfo => ({ name, unit, min, max, zh, en, units });

/** Methane: LEL is 5 %vol (IEC 60079-20-1), so 1 %vol = 20 %LEL and 1 ppm = 0.002 %LEL. */
export const QUANTITIES = {
  methane: q('methane', '%LEL', 0, 100, '甲烷浓度', 'Methane', { '%vol': { factor: 20 }, ppm: { factor: 0.002 } }),
  pressure: q('pressure', 'MPa', -0.1, 10, '压力', 'Pressure', { kPa: { factor: 0.001 }, bar: { factor: 0.1 }, psi: { factor: 0.00689476 }, Pa: { factor: 1e-6 } }),
  flow: q('flow', 'm³/h', -1e5, 1e5, '流量', 'Flow', { 'm3/h': { factor: 1 }, 'L/s': { factor: 3.6 }, 'm³/s': { factor: 3600 }, 'm3/s': { factor: 3600 } }),
  level: q('level', 'm', -50, 500, '液位', 'Level', { cm: { factor: 0.01 }, mm: { factor: 0.001 } }),
  ponding: q('ponding', 'cm', 0, 500, '积水深度', 'Ponding depth', { mm: { factor: 0.1 }, m: { factor: 100 } }),
  rainfall: q('rainfall', 'mm/h', 0, 500, '雨量', 'Rainfall intensity'),
  strain: q('strain', 'με', -5000, 5000, '应变', 'Strain', { ue: { factor: 1 }, microstrain: { factor: 1 } }),
  displacement: q('displacement', 'mm', -2000, 2000, '位移', 'Displacement', { cm: { factor: 10 }, m: { factor: 1000 } }),
  acceleration: q('acceleration', 'm/s²', -100, 100, '加速度', 'Acceleration', { 'm/s2': { factor: 1 }, g: { factor: 9.80665 }, mg: { factor: 0.00980665 } }),
  tilt: q('tilt', '°', -90, 90, '倾角', 'Tilt', { deg: { factor: 1 }, rad: { factor: 180 / Math.PI } }),
  crack: q('crack', 'mm', 0, 200, '裂缝宽度', 'Crack width', { cm: { factor: 10 } }),
  temperature: q('temperature', '°C', -60, 250, '温度', 'Temperature', { C: { factor: 1 }, K: { factor: 1, offset: -273.15 } }),
  h2s: q('h2s', 'ppm', 0, 2000, '硫化氢', 'Hydrogen sulphide'),
  oxygen: q('oxygen', '%vol', 0, 100, '氧气浓度', 'Oxygen'),
  co: q('co', 'ppm', 0, 5000, '一氧化碳', 'Carbon monoxide'),
  noise: q('noise', 'dB', 0, 200, '噪声', 'Noise'),
  level_ratio: q('level_ratio', 'ratio', 0, 10, '液位充满度', 'Level ratio (level ÷ pipe depth)'),
  humidity: q('humidity', '%RH', 0, 100, '湿度', 'Humidity'),
  current: q('current', 'A', -1e5, 1e5, '电流', 'Current'),
  voltage: q('voltage', 'kV', 0, 1200, '电压', 'Voltage', { V: { factor: 0.001 } }),
  vibration: q('vibration', 'mm/s', 0, 1000, '振动速度', 'Vibration velocity'),
  chlorine: q('chlorine', 'mg/L', 0, 20, '余氯', 'Residual chlorine'),
  turbidity: q('turbidity', 'NTU', 0, 4000, '浊度', 'Turbidity'),
  generic: q('generic', '', Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, '通用序列', 'Generic series'),
} as const satisfies Record<string, QuantityInfo>;

export type Quantity = keyof typeof QUANTITIES;
export const QUANTITY_NAMES = Object.keys(QUANTITIES) as Quantity[];

export function isQuantity(name: unknown): name is Quantity {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(QUANTITIES, name);
}

export function quantityInfo(name: Quantity): QuantityInfo {
  return QUANTITIES[name];
}

/**
 * The conversion from a device unit to the quantity's canonical unit, or undefined when the unit
 * is not known for that quantity. The canonical unit (and no unit at all) converts as identity.
 */
export function unitConversion(quantity: Quantity, unit: string | undefined): UnitConversion | undefined {
  const info: QuantityInfo = QUANTITIES[quantity];
  if (unit === undefined || unit === '' || unit === info.unit) return { factor: 1 };
  return info.units?.[unit];
}

export function inPhysicalRange(quantity: Quantity, value: number): boolean {
  const info: QuantityInfo = QUANTITIES[quantity];
  return value >= info.min && value <= info.max;
}
