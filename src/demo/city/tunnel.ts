import type { Asset } from '../../domain/index.js';
import { lineGeometry, type XY } from '../geo.js';
import { DEPARTMENT_IDS } from './departments.js';
import { pad, type Inventory } from './make.js';
import { groundElevation } from './plan.js';

/**
 * The utility tunnel (综合管廊) under 习友路: 3.5 km with two compartments, the integrated one
 * (water, power, telecom) and a separate natural-gas compartment, divided into 125 m sections
 * (GB 50838-2015 §7.1.6 limits fire compartments to 200 m). Each section's environment and
 * equipment monitoring follows GB 50838-2015 §7.2: oxygen, H₂S, methane, temperature, humidity and
 * the sump water level; the gas compartment has methane detection at 20 %LEL (§7.5.3).
 */
export const TUNNEL_SECTION_M = 125;

export function buildTunnel(inv: Inventory): Asset[] {
  const y = 1750;
  const sections: Asset[] = [];
  const count = (4000 - 500) / TUNNEL_SECTION_M;
  for (let k = 0; k < count; k++) {
    const x0 = 500 + k * TUNNEL_SECTION_M;
    const a: XY = [x0, y - 12];
    const b: XY = [x0 + TUNNEL_SECTION_M, y - 12];
    const id = `UT-S-${pad(k + 1, 2)}`;
    const section = inv.add({
      id, kind: 'tunnel_section', domain: 'tunnel', department: DEPARTMENT_IDS.tunnel, name: `习友路综合管廊第${k + 1}防火分区`,
      geometry: lineGeometry([a, b]),
      properties: {
        nameEn: `Xiyou Road utility tunnel, section ${k + 1}`, section: k + 1, lengthM: TUNNEL_SECTION_M,
        ...(k > 0 ? { previous: `UT-S-${pad(k, 2)}` } : {}), ...(k < count - 1 ? { next: `UT-S-${pad(k + 2, 2)}` } : {}),
        compartments: ['integrated', 'gas'], crossSection: '2-cell cast-in-place RC box, 7.2 m × 3.8 m',
        coverM: 3, floorElevationM: Math.round((groundElevation(x0, y) - 6.8) * 100) / 100, builtYear: 2017,
        carries: ['water DN600', '10 kV cables', 'telecom', 'gas dn315 (gas compartment)'],
      },
    });
    sections.push(section);
    const integrated = { compartment: 'integrated' };
    inv.sense(section, 'oxygen', { intervalS: 60, code: 'O2-I', location: 'integrated compartment', properties: { ...integrated, lowAlarmPct: 19.5, highAlarmPct: 23.5 } });
    inv.sense(section, 'h2s', { intervalS: 30, location: 'integrated compartment', properties: { ...integrated, alarmPpm: 10 } });
    inv.sense(section, 'temperature', { intervalS: 60, location: 'integrated compartment', properties: { ...integrated, alarmC: 40 } });
    inv.sense(section, 'humidity', { intervalS: 60, location: 'integrated compartment', properties: { ...integrated, alarmPct: 95 } });
    if (k % 2 === 0) inv.sense(section, 'level', { intervalS: 60, location: 'sump pit (water ingress)', properties: { ...integrated, pumpStartM: 0.6, highAlarmM: 0.9, pitDepthM: 1.2 } });
    const gas = { compartment: 'gas' };
    inv.sense(section, 'methane', { intervalS: 30, location: 'gas compartment, ceiling', properties: { ...gas, alarmLel: 20 } });
    inv.sense(section, 'oxygen', { intervalS: 60, code: 'O2-G', location: 'gas compartment', properties: { ...gas, lowAlarmPct: 19.5, highAlarmPct: 23.5 } });
  }
  return sections;
}
