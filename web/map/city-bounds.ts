import type { LngLatBoundsLike } from 'maplibre-gl';

/** The box around every coordinate of the given collections (the city's extent). */
export function boundsOf(...collections: { features: { geometry: { coordinates: unknown } | null }[] }[]): LngLatBoundsLike | null {
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (x! < minX) minX = x!; if (x! > maxX) maxX = x!;
      if (y! < minY) minY = y!; if (y! > maxY) maxY = y!;
      return;
    }
    for (const inner of c) visit(inner);
  };
  for (const fc of collections) for (const f of fc.features) visit(f.geometry?.coordinates);
  return Number.isFinite(minX) ? [[minX, minY], [maxX, maxY]] : null;
}
