import { describe, expect, it } from 'vitest';
import { SensorIndex } from './sensor-index.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('SensorIndex', () => {
  it('finds each id from its bytes anywhere in a buffer, through growth', () => {
    const index = new SensorIndex<number>();
    const ids = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? `sensor-${i}` : `m${i}`));
    ids.forEach((id, i) => {
      const b = bytes(`x,${id},y`);
      expect(index.get(b, 2, 2 + id.length)).toBeUndefined();
      index.add(b, 2, 2 + id.length, i);
    });
    expect(index.size).toBe(ids.length);
    ids.forEach((id, i) => {
      const b = bytes(`2024-01-01 00:00:00,${id},1.5`);
      expect(index.get(b, 20, 20 + id.length)).toBe(i);
    });
    expect(index.get(bytes('m1'), 0, 1)).toBeUndefined(); // a prefix is another id
    expect(index.get(bytes('m10000'), 0, 6)).toBeUndefined();
  });
});
