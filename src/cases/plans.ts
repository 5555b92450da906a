import type { CasePlan, Domain, Level, Plan, PlanStep } from '../domain/index.js';

/**
 * Default plans (预案): checklists per domain, with extra steps for red and orange (levels 1–2).
 * Written from public emergency-plan practice; docs/plans.md cites each source.
 */
const step = (id: string, zh: string, en: string, mandatory = true): PlanStep => ({ id, zh, en, mandatory });

interface PlanTemplate {
  readonly id: string;
  readonly domain: Domain;
  readonly title: { zh: string; en: string };
  readonly source: string;
  readonly steps: readonly PlanStep[];
  /** Added for levels 1 and 2. */
  readonly severe: readonly PlanStep[];
}

const TEMPLATES: readonly PlanTemplate[] = [
  {
    id: 'gas-leak', domain: 'gas', title: { zh: '燃气泄漏处置预案', en: 'Gas leak response plan' }, source: 'CJJ 51-2016; 城镇燃气管理条例',
    steps: [
      step('arrive', '抢修人员到达现场（城区30分钟内）', 'Repair crew on site (within 30 min in the city)'),
      step('detect', '检测周边窨井、地下空间及建筑内燃气浓度，划定警戒区', 'Measure gas concentration in nearby manholes, basements and buildings; set the cordon'),
      step('ignition', '警戒区内禁止明火、关闭非防爆电气设备', 'No open flames or non-explosion-proof equipment inside the cordon'),
      step('isolate', '关闭上游阀门或降压，控制泄漏', 'Close upstream valves or lower pressure to stop the leak'),
      step('ventilate', '强制通风，持续监测浓度', 'Force ventilation; keep measuring concentration'),
      step('repair', '修复泄漏点并做严密性试验', 'Repair the leak and pressure-test the section'),
      step('restore', '置换后恢复供气，入户安检', 'Purge, restore supply, check customers\' premises', false),
    ],
    severe: [
      step('evacuate', '疏散警戒区内人员，通知公安、消防到场', 'Evacuate the cordon; call police and fire services to the scene'),
      step('report', '向应急管理局和燃气主管部门报告（1小时内书面报告）', 'Report to the emergency bureau and the gas authority (written report within 1 h)'),
    ],
  },
  {
    id: 'water-burst', domain: 'water', title: { zh: '供水管网爆管处置预案', en: 'Water main burst response plan' }, source: 'CJJ 207-2013; 城市供水系统重大事故应急预案',
    steps: [
      step('arrive', '抢修人员到达现场，设置围挡和交通疏导', 'Repair crew on site; barriers and traffic control'),
      step('isolate', '按关阀方案关闭阀门，隔离爆管管段', 'Close the isolation valves of the burst section'),
      step('notify', '通知受影响用户停水范围和预计时间', 'Tell affected customers the outage area and expected duration'),
      step('supply', '重点用户（医院、学校）安排应急供水', 'Arrange emergency water for critical users (hospitals, schools)', false),
      step('repair', '抢修管道，冲洗消毒，水质检测合格', 'Repair, flush and disinfect; water quality tested'),
      step('restore', '开阀恢复供水，检查路面塌陷风险', 'Reopen valves; check the road for subsidence'),
    ],
    severe: [
      step('road', '路面塌陷风险：封闭道路，通知交警', 'Subsidence risk: close the road, inform traffic police'),
      step('report', '向供水主管部门和应急管理局报告', 'Report to the water authority and the emergency bureau'),
    ],
  },
  {
    id: 'waterlogging', domain: 'drainage', title: { zh: '城市内涝处置预案', en: 'Urban waterlogging response plan' }, source: 'GB 51222-2017; 城市排水防涝应急预案',
    steps: [
      step('arrive', '排水抢险队伍到达积水点', 'Drainage crew at the ponding point'),
      step('warn', '设置警示标志，积水超过27cm封闭道路', 'Warning signs; close the road above 27 cm of water'),
      step('pump', '启用移动泵车强排', 'Deploy mobile pumps'),
      step('clear', '清理雨水口、检查井堵塞', 'Clear blocked inlets and manholes'),
      step('check', '排查地下空间（地下车库、下穿通道）进水风险', 'Check basements and underpasses for inflow', false),
    ],
    severe: [
      step('evacuate', '转移低洼区域人员和车辆', 'Move people and vehicles out of low-lying areas'),
      step('report', '向防汛指挥部报告', 'Report to the flood control headquarters'),
    ],
  },
  {
    id: 'bridge-overload', domain: 'bridge', title: { zh: '桥梁超载与结构异常处置预案', en: 'Bridge overload and structural anomaly plan' }, source: 'CJJ 99-2017; 城市桥梁突发事件应急预案',
    steps: [
      step('inspect', '养护人员到场目视检查支座、伸缩缝、裂缝', 'Maintenance staff inspect bearings, joints and cracks'),
      step('traffic', '联系交警查处超载车辆，必要时限行', 'Ask traffic police to stop overloaded vehicles; restrict traffic if needed'),
      step('monitor', '加密监测频率，复核应变和挠度数据', 'Raise monitoring frequency; review strain and deflection'),
      step('assess', '专业单位评估结构安全', 'Structural engineers assess safety'),
    ],
    severe: [
      step('close', '封闭桥梁，设置绕行', 'Close the bridge and sign a detour'),
      step('report', '向城市管理和应急管理部门报告', 'Report to the city management and emergency bureaus'),
    ],
  },
  {
    id: 'tunnel-gas', domain: 'tunnel', title: { zh: '综合管廊燃气舱泄漏处置预案', en: 'Utility tunnel gas compartment leak plan' }, source: 'GB 50838-2015',
    steps: [
      step('ventilate', '启动事故通风，确认风机联动', 'Start emergency ventilation; confirm fans run'),
      step('isolate', '关闭燃气舱进气阀门', 'Close the gas compartment inlet valves'),
      step('noentry', '禁止人员进入，巡检机器人或佩戴正压呼吸器进入', 'No entry except by robot or with breathing apparatus'),
      step('repair', '查找并修复泄漏点', 'Find and repair the leak'),
      step('verify', '浓度恢复正常后恢复运行', 'Resume operation once concentration is normal'),
    ],
    severe: [
      step('evacuate', '疏散管廊及周边地面人员', 'Evacuate the tunnel and the ground above'),
      step('report', '向应急管理局报告，通知燃气企业', 'Report to the emergency bureau; inform the gas company'),
    ],
  },
  {
    id: 'building-tilt', domain: 'building', title: { zh: '房屋倾斜与沉降处置预案', en: 'Building tilt and settlement plan' }, source: 'JGJ 8-2016; GB 50292-2015',
    steps: [
      step('inspect', '到场检查墙体裂缝、倾斜，复核监测数据', 'Inspect cracks and tilt on site; check the monitoring data'),
      step('monitor', '加密监测频次（每日至少2次）', 'Monitor at least twice a day'),
      step('assess', '委托鉴定机构进行危险房屋鉴定', 'Commission a dangerous-building appraisal'),
    ],
    severe: [
      step('evacuate', '组织住户撤离，设置警戒', 'Evacuate residents and cordon off the building'),
      step('report', '向住建部门和应急管理局报告', 'Report to the housing authority and the emergency bureau'),
    ],
  },
];

const GENERIC: PlanTemplate = {
  id: 'generic', domain: 'environment', title: { zh: '通用处置预案', en: 'General response plan' }, source: '国家突发公共事件总体应急预案',
  steps: [
    step('arrive', '责任单位到场核实', 'The responsible department verifies on site'),
    step('control', '采取控制措施，防止事态扩大', 'Take measures to keep it from spreading'),
    step('restore', '恢复正常运行并报告', 'Restore normal operation and report'),
  ],
  severe: [step('report', '向应急管理局报告', 'Report to the emergency bureau')],
};

/** The plan for a domain and level. */
export function planFor(domain: Domain, level: Level): Plan {
  const t = TEMPLATES.find((p) => p.domain === domain) ?? { ...GENERIC, domain };
  const steps = level <= 2 ? [...t.severe.filter((s) => s.id === 'evacuate'), ...t.steps, ...t.severe.filter((s) => s.id !== 'evacuate')] : t.steps;
  return { id: `${t.id}-${level}`, domain, level, title: t.title, steps, source: t.source };
}

/** Every plan template's domain, for docs and the API. */
export function planCatalogue(): Plan[] {
  return TEMPLATES.flatMap((t) => ([1, 2, 3, 4] as Level[]).map((level) => planFor(t.domain, level)));
}

/** The checklist a dispatched case carries. */
export function casePlan(plan: Plan): CasePlan {
  return { id: plan.id, title: plan.title, steps: plan.steps.map((s) => ({ ...s, done: false })) };
}

export function openMandatorySteps(plan: CasePlan | undefined): string[] {
  return (plan?.steps ?? []).filter((s) => s.mandatory && !s.done).map((s) => s.id);
}
