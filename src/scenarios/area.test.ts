import { describe, expect, it } from 'vitest';
import { impactArea } from './area.js';

const point = (c: [number, number]) => ({ geometry: { type: 'Point' as const, coordinates: c } });

describe('impactArea', () => {
  it('is a closed counter-clockwise ring around every feature at risk and the centre, with a margin', () => {
    const area = impactArea({ layers: { a: { features: [point([117.21, 31.81]), point([117.22, 31.82])] }, links: { features: [point([118, 32])] } } }, [117.2, 31.8]);
    const ring = area.coordinates[0]!;
    expect(ring[0]).toEqual(ring.at(-1));
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    expect(Math.min(...lons)).toBeLessThan(117.2);
    expect(Math.max(...lons)).toBeGreaterThan(117.22);
    expect(Math.max(...lats)).toBeLessThan(31.83); // the context layer 'links' is left out
    let twice = 0;
    for (let k = 0; k + 1 < ring.length; k++) twice += ring[k]![0] * ring[k + 1]![1] - ring[k + 1]![0] * ring[k]![1];
    expect(twice).toBeGreaterThan(0);
  });

  it('makes an area of a single point', () => {
    expect(impactArea({ layers: {} }, [117.2, 31.8]).coordinates[0]!.length).toBeGreaterThanOrEqual(4);
  });
});
