import { describe, expect, it } from 'vitest';
import type { SensorPositions } from '../../api/types';
import { sensorCounts } from './sensor-counts';

describe('sensors online from the positions columns', () => {
  it('counts in all and per lifeline, most sensors first', () => {
    const p: SensorPositions = {
      count: 4, ids: ['a', 'b', 'c', 'd'], lon: [0, 0, 0, 0], lat: [0, 0, 0, 0], status: [0, 1, 0, 0], level: [0, 0, 1, 0],
      domain: [0, 0, 1, 0], quantity: [0, 0, 0, 0], statuses: ['online', 'offline', 'maintenance', 'disabled'], domains: ['gas', 'water'], quantities: ['methane'],
    };
    expect(sensorCounts(p)).toEqual({ online: 3, total: 4, byDomain: [['gas', { total: 3, online: 2 }], ['water', { total: 1, online: 1 }]] });
    expect(sensorCounts(undefined)).toEqual({ online: 0, total: 0, byDomain: [] });
  });
});
