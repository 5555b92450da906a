import { describe, expect, it } from 'vitest';
import { mercator, radiiAt, STATUS_CODE, writeSensorColour } from './sensor-style';

describe('sensor style', () => {
  it('interpolates radii between zoom stops and adds an outline from zoom 16', () => {
    expect(radiiAt(10)).toEqual({ normal: 1.2, alarmed: 3, stroke: 0 });
    expect(radiiAt(13.5)).toEqual({ normal: 1.6, alarmed: 4, stroke: 0 });
    const z16 = radiiAt(16);
    expect(z16.normal).toBeCloseTo(3);
    expect(z16.alarmed).toBeCloseTo(6.5);
    expect(z16.stroke).toBe(0.8);
    expect(radiiAt(20)).toEqual({ normal: 4, alarmed: 8, stroke: 0.8 });
  });

  it('colours by alarm level over status, and flags alarmed sensors in the fourth byte', () => {
    const out = new Uint8Array(12);
    writeSensorColour(out, 0, STATUS_CODE.online, 0);
    writeSensorColour(out, 1, STATUS_CODE.offline, 1);
    writeSensorColour(out, 2, 9, 0); // unknown status reads as offline
    expect([...out.subarray(0, 4)]).toEqual([0x27, 0xc0, 0x7d, 0]);
    expect([...out.subarray(4, 8)]).toEqual([0xe5, 0x26, 0x2b, 255]);
    expect([...out.subarray(8, 12)]).toEqual([0x5f, 0x6b, 0x7a, 0]);
  });

  it('projects to web mercator in the unit square', () => {
    expect(mercator(0, 0)).toEqual([0.5, 0.5]);
    const [x, y] = mercator(117.25, 31.82);
    expect(x).toBeCloseTo(0.825694, 6);
    // y = (1 - ln(tan φ + sec φ) / π) / 2 for φ = 31.82°
    const phi = (31.82 * Math.PI) / 180;
    expect(y).toBeCloseTo((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2, 12);
  });
});
