import type { Department } from '../../domain/index.js';

/**
 * The organisations of the demo city. Names follow Hefei's real operators and agencies (合肥燃气集团,
 * 合肥供水集团, 合肥热电集团, 国网合肥供电公司 …); ids are short and readable.
 */
export const DEPARTMENT_IDS = {
  gas: 'hf-gas',
  water: 'hf-water',
  drainage: 'hf-drainage',
  bridge: 'hf-bridges',
  heating: 'hf-heating',
  power: 'hf-power',
  tunnel: 'hf-tunnel',
  housing: 'hf-housing',
  monitoring: 'hf-monitoring',
  emergency: 'hf-emergency',
  fire: 'hf-fire',
} as const;

export const DEMO_DEPARTMENTS: readonly Department[] = [
  { id: DEPARTMENT_IDS.gas, name: '合肥燃气集团', nameEn: 'Hefei Gas Group', domains: ['gas'] },
  { id: DEPARTMENT_IDS.water, name: '合肥供水集团', nameEn: 'Hefei Water Supply Group', domains: ['water'] },
  { id: DEPARTMENT_IDS.drainage, name: '合肥市排水有限公司', nameEn: 'Hefei Drainage Company', domains: ['drainage'] },
  { id: DEPARTMENT_IDS.bridge, name: '合肥市桥梁管理处', nameEn: 'Hefei Bridge Management Office', domains: ['bridge'] },
  { id: DEPARTMENT_IDS.heating, name: '合肥热电集团', nameEn: 'Hefei Thermal Power Group', domains: ['heating'] },
  { id: DEPARTMENT_IDS.power, name: '国网合肥供电公司', nameEn: 'State Grid Hefei Power Supply Company', domains: ['power'] },
  { id: DEPARTMENT_IDS.tunnel, name: '合肥市综合管廊运营公司', nameEn: 'Hefei Utility Tunnel Operator', domains: ['tunnel'] },
  { id: DEPARTMENT_IDS.housing, name: '合肥市城乡建设局', nameEn: 'Hefei Urban and Rural Construction Bureau', domains: ['building'] },
  { id: DEPARTMENT_IDS.monitoring, name: '合肥市城市生命线安全运行监测中心', nameEn: 'Hefei City Lifeline Safety Monitoring Centre', domains: ['environment'] },
  { id: DEPARTMENT_IDS.emergency, name: '合肥市应急管理局', nameEn: 'Hefei Emergency Management Bureau', domains: ['gas', 'water', 'drainage', 'heating', 'power', 'bridge', 'tunnel', 'building', 'environment'] },
  { id: DEPARTMENT_IDS.fire, name: '合肥市消防救援支队', nameEn: 'Hefei Fire and Rescue Detachment', domains: ['hydrant'] },
];
