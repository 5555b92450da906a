import type { Asset, FieldError, Sensor } from '../../domain/index.js';
import type { NewSensor, Store } from '../../ports/index.js';
import type { SensorRegistry } from '../registry.js';
import { assetFromFeature } from './asset-input.js';
import { sensorFromInput } from './sensor-input.js';

export interface Rejection {
  readonly index: number;
  readonly field: string;
  readonly error: string;
}

export interface RegistrationResult<T> {
  readonly accepted: T[];
  readonly rejected: Rejection[];
}

const toRejection = (index: number, e: FieldError): Rejection => ({ index, field: e.field, error: e.reason });

/**
 * Registers assets and sensors: validates each item, stores the good ones in one transaction and
 * puts new sensors into the in-memory registry, so they are monitored at once.
 */
export class RegistrationService {
  constructor(private readonly store: Store, private readonly registry: SensorRegistry) {}

  async registerAssets(features: readonly unknown[]): Promise<RegistrationResult<Asset>> {
    const accepted: Asset[] = [];
    const rejected: Rejection[] = [];
    features.forEach((item, i) => {
      const r = assetFromFeature(item, features.length > 1 ? `[${i}].` : '');
      if ('reason' in r) rejected.push(toRejection(i, r)); else accepted.push(r);
    });
    if (accepted.length) await this.store.assets.upsert(accepted);
    return { accepted, rejected };
  }

  async registerSensors(inputs: readonly unknown[]): Promise<RegistrationResult<Sensor>> {
    const valid: NewSensor[] = [];
    const rejected: Rejection[] = [];
    const assets = new Map<string, Asset | undefined>();
    for (const input of inputs) {
      const id = (input as { asset?: unknown } | null)?.asset;
      if (typeof id === 'string' && !assets.has(id)) assets.set(id, await this.store.assets.get(id));
    }
    inputs.forEach((item, i) => {
      const r = sensorFromInput(item, (id) => assets.get(id), inputs.length > 1 ? `[${i}].` : '');
      if ('reason' in r) rejected.push(toRejection(i, r)); else valid.push(r);
    });
    const stored = valid.length ? await this.store.sensors.upsert(valid) : [];
    for (const s of stored) this.registry.put(s);
    return { accepted: stored, rejected };
  }
}
