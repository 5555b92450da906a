import { createRandom, deriveSeed } from '../random.js';
import { distance, type XY } from '../geo.js';
import { BLOCK, CENTRE, EXTENT, districtAt, inWater, type District } from './plan.js';

/**
 * Residents on a 250 m grid. Densities follow central Hefei: about 10,000–25,000 residents/km²
 * in the built-up core (Hefei Statistical Yearbook gives ~15,000/km² for 蜀山/包河 built-up areas),
 * highest at the civic centre and in the older, denser neighbourhoods, none on water.
 */
export interface PopulationCell {
  readonly id: string;
  /** South-west corner, local metres. */
  readonly x0: number;
  readonly y0: number;
  readonly population: number;
  readonly district: District;
  /** Share of the cell that is land. */
  readonly landFraction: number;
}

export function populationCells(seed: number): PopulationCell[] {
  const random = createRandom(deriveSeed(seed, 'population'));
  const cells: PopulationCell[] = [];
  for (let y0 = 0; y0 < EXTENT.height; y0 += BLOCK) {
    for (let x0 = 0; x0 < EXTENT.width; x0 += BLOCK) {
      const centre: XY = [x0 + BLOCK / 2, y0 + BLOCK / 2];
      const district = districtAt(centre[0], centre[1]);
      let land = 0;
      for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) {
        if (!inWater(x0 + (a + 0.5) * BLOCK / 4, y0 + (b + 0.5) * BLOCK / 4)) land++;
      }
      const landFraction = land / 16;
      const d = distance(centre, CENTRE);
      const perKm2 = (9_000 + 14_000 * Math.exp(-(d * d) / (2 * 1_400 * 1_400))) * district.density;
      const jitter = 0.8 + 0.4 * random.next();
      const population = Math.round(perKm2 * (BLOCK * BLOCK / 1e6) * landFraction * jitter);
      cells.push({ id: `POP-${x0 / BLOCK}-${y0 / BLOCK}`, x0, y0, population, district, landFraction });
    }
  }
  return cells;
}
