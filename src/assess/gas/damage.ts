/**
 * What blast overpressure does, after Clancey (1972, "Diagnostic features of explosion damage",
 * 6th Int. Meeting of Forensic Sciences, Edinburgh), as tabulated in CCPS (2000) and Crowl &
 * Louvar ("Chemical Process Safety", ch. 6, damage estimates based on overpressure).
 */
export interface OverpressureThreshold {
  readonly kPa: number;
  readonly psi: number;
  readonly effect: string;
  readonly effectZh: string;
}

export const OVERPRESSURE_THRESHOLDS: readonly OverpressureThreshold[] = [
  { kPa: 1, psi: 0.15, effect: 'typical pressure for glass breakage', effectZh: '玻璃典型破碎' },
  { kPa: 3.5, psi: 0.5, effect: 'large and small windows usually shattered; injuries from flying glass', effectZh: '门窗玻璃普遍破碎，飞溅玻璃致伤' },
  { kPa: 7, psi: 1, effect: 'partial demolition of houses, made uninhabitable', effectZh: '房屋局部损毁，无法居住' },
  { kPa: 14, psi: 2, effect: 'partial collapse of walls and roofs of houses', effectZh: '房屋墙体和屋顶局部倒塌' },
  { kPa: 21, psi: 3, effect: 'steel-frame buildings distorted; serious injuries common', effectZh: '钢结构建筑变形，重伤多发' },
  { kPa: 35, psi: 5, effect: 'nearly complete destruction of houses; fatalities likely', effectZh: '房屋几乎全毁，可能致死' },
  { kPa: 70, psi: 10, effect: 'probable total destruction of buildings', effectZh: '建筑物可能全部摧毁' },
];
