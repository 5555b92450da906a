import type { Asset } from '../../domain/index.js';
import { createRandom, deriveSeed } from '../random.js';
import { along, pointGeometry } from '../geo.js';
import { DEPARTMENT_IDS } from './departments.js';
import { pad, type Inventory } from './make.js';
import type { WaterNetwork } from './water.js';

/**
 * Municipal fire hydrants (市政消火栓) on the water mains, at most 120 m apart along a street
 * (GB 50974-2014 §7.2.5), so two per 250 m block side. Hefei fits smart hydrant caps that report
 * the main's pressure (and flag tampering or illegal use); the fire service owns them.
 */
export function buildHydrants(inv: Inventory, water: WaterNetwork, seed: number): Asset[] {
  const random = createRandom(deriveSeed(seed, 'hydrants'));
  const hydrants: Asset[] = [];
  let no = 0;
  for (const [edge, pipe] of water.pipeOn) {
    if (edge.bridge || (pipe.properties.diameterMm as number) < 200) continue;
    for (const t of [0.3, 0.78]) {
      const nearer = t < 0.5 ? edge.a : edge.b;
      const junction = water.junctionAt.get(nearer)!;
      const hydrant = inv.add({
        id: `HY-${pad(++no, 4)}`, kind: 'hydrant', domain: 'hydrant', department: DEPARTMENT_IDS.fire, name: `${edge.street.name}消火栓`,
        geometry: pointGeometry(along(edge.a.xy, edge.b.xy, t, (edge.street.widthM / 2) - 2)),
        properties: {
          nameEn: `${edge.street.nameEn} hydrant`, pipe: pipe.id, node: junction.id, type: 'SS100/65 (above ground)', outletMm: [100, 65, 65],
          installYear: Math.max(pipe.properties.installYear as number, 1990), elevationM: junction.properties.elevationM,
        },
      });
      hydrants.push(hydrant);
      // About a third carry a smart cap reporting pressure every five minutes.
      if (random.chance(0.35)) {
        inv.sense(hydrant, 'pressure', {
          intervalS: 300,
          properties: { node: junction.id, nominalPressureMpa: Math.round((junction.properties.nominalPressureM as number) * 0.00980665 * 1e4) / 1e4, minFirePressureMpa: 0.1 },
        });
      }
    }
  }
  return hydrants;
}
