/** Lifelines (领域). */
export const DOMAINS = {
  gas: { zh: '燃气', en: 'Gas' },
  water: { zh: '供水', en: 'Water supply' },
  drainage: { zh: '排水', en: 'Drainage' },
  heating: { zh: '供热', en: 'Heating' },
  power: { zh: '电力', en: 'Power' },
  bridge: { zh: '桥梁', en: 'Bridges' },
  tunnel: { zh: '综合管廊', en: 'Utility tunnel' },
  hydrant: { zh: '消防栓', en: 'Hydrants' },
  building: { zh: '建筑', en: 'Buildings' },
  environment: { zh: '环境', en: 'Environment' },
} as const;

export type Domain = keyof typeof DOMAINS;
export const DOMAIN_NAMES = Object.keys(DOMAINS) as Domain[];

export function isDomain(name: unknown): name is Domain {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(DOMAINS, name);
}
