import { QUANTITIES, type Asset, type Quantity } from '../../domain/index.js';
import type { NewSensor } from '../../ports/store.js';

/** Short codes that make sensor ids readable: 'G-MH-0042-CH4', 'BR-1-SG-03'. */
export const QUANTITY_CODES: Record<Quantity, string> = {
  methane: 'CH4', pressure: 'P', flow: 'Q', level: 'L', ponding: 'PD', rainfall: 'RF', strain: 'SG',
  displacement: 'D', acceleration: 'AC', tilt: 'TL', crack: 'CK', temperature: 'T', h2s: 'H2S',
  oxygen: 'O2', co: 'CO', noise: 'N', level_ratio: 'LR', humidity: 'RH', current: 'I', voltage: 'U',
  vibration: 'V', chlorine: 'CL', turbidity: 'TB', generic: 'G',
};

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export interface SensorSpec {
  readonly intervalS: number;
  /** Numbered when an asset carries several sensors of one quantity. */
  readonly index?: number;
  /** Overrides the quantity code in the id. */
  readonly code?: string;
  /** Where on the asset, in words (e.g. 'span 2 midspan, girder G1 bottom flange'). */
  readonly location?: string;
  readonly properties?: Record<string, unknown>;
}

/** A sensor on an asset, in the asset's domain, reporting in the quantity's canonical unit. */
export function makeSensor(asset: Asset, quantity: Quantity, spec: SensorSpec): NewSensor {
  const code = spec.code ?? QUANTITY_CODES[quantity];
  const suffix = spec.index === undefined ? code : `${code}-${pad(spec.index, 2)}`;
  const info = QUANTITIES[quantity];
  return {
    id: `${asset.id}-${suffix}`,
    asset: asset.id,
    domain: asset.domain,
    quantity,
    unit: info.unit,
    name: `${asset.name ?? asset.id} ${info.zh}${spec.index === undefined ? '' : ` ${spec.index}`}`,
    intervalS: spec.intervalS,
    state: 'active',
    properties: { ...(spec.location ? { location: spec.location } : {}), ...spec.properties },
  };
}

/** Collects assets and sensors as a builder goes, keeping ids unique. */
export class Inventory {
  readonly assets: Asset[] = [];
  readonly sensors: NewSensor[] = [];
  private readonly ids = new Set<string>();

  add(asset: Asset): Asset {
    if (this.ids.has(asset.id)) throw new Error(`duplicate asset id ${asset.id}`);
    this.ids.add(asset.id);
    this.assets.push(asset);
    return asset;
  }

  sense(asset: Asset, quantity: Quantity, spec: SensorSpec): NewSensor {
    const sensor = makeSensor(asset, quantity, spec);
    if (this.ids.has(sensor.id)) throw new Error(`duplicate sensor id ${sensor.id}`);
    this.ids.add(sensor.id);
    this.sensors.push(sensor);
    return sensor;
  }
}
