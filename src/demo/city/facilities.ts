import type { Asset, FacilityType } from '../../domain/index.js';
import { pointGeometry, type XY } from '../geo.js';
import { DEPARTMENT_IDS } from './departments.js';
import type { Inventory } from './make.js';
import { districtAt } from './plan.js';

/**
 * Critical facilities (重点防护目标): where an impact assessment looks first. Names are made up
 * for the demo (no real institution is implied); sizes are typical of Hefei's urban districts.
 * `population` is the number of people usually inside at the busiest time of day.
 */
interface FacilitySpec {
  readonly code: string;
  readonly facility: FacilityType;
  readonly name: string;
  readonly nameEn: string;
  readonly xy: XY;
  readonly population: number;
  readonly extra?: Record<string, unknown>;
}

const SPECS: readonly FacilitySpec[] = [
  { code: 'F-HOSP-1', facility: 'hospital', name: '政务区人民医院', nameEn: 'Civic District People\'s Hospital', xy: [2125, 2375], population: 4200, extra: { beds: 1200, emergencyDepartment: true } },
  { code: 'F-HOSP-2', facility: 'hospital', name: '金寨路妇幼保健院', nameEn: 'Jinzhai Road Maternal and Child Health Hospital', xy: [3625, 2875], population: 1500, extra: { beds: 420, emergencyDepartment: true } },
  { code: 'F-HOSP-3', facility: 'hospital', name: '望湖社区卫生服务中心', nameEn: 'Wanghu Community Health Centre', xy: [3875, 875], population: 300, extra: { beds: 60 } },
  { code: 'F-HOSP-4', facility: 'hospital', name: '匡河康复医院', nameEn: 'Kuanghe Rehabilitation Hospital', xy: [875, 625], population: 700, extra: { beds: 260 } },
  { code: 'F-SCH-01', facility: 'school', name: '天鹅湖小学', nameEn: 'Swan Lake Primary School', xy: [1625, 3375], population: 2100, extra: { students: 1950 } },
  { code: 'F-SCH-02', facility: 'school', name: '潜山路中学', nameEn: 'Qianshan Road Middle School', xy: [2625, 875], population: 2600, extra: { students: 2400 } },
  { code: 'F-SCH-03', facility: 'school', name: '金寨路小学', nameEn: 'Jinzhai Road Primary School', xy: [4125, 3625], population: 1900, extra: { students: 1750 } },
  { code: 'F-SCH-04', facility: 'school', name: '匡河实验学校', nameEn: 'Kuanghe Experimental School', xy: [375, 375], population: 2800, extra: { students: 2600 } },
  { code: 'F-SCH-05', facility: 'school', name: '望湖中学', nameEn: 'Wanghu Middle School', xy: [3375, 625], population: 2300, extra: { students: 2150 } },
  { code: 'F-SCH-06', facility: 'kindergarten', name: '政务区第一幼儿园', nameEn: 'Civic District No. 1 Kindergarten', xy: [2375, 3125], population: 420, extra: { children: 360 } },
  { code: 'F-SCH-07', facility: 'kindergarten', name: '望湖幼儿园', nameEn: 'Wanghu Kindergarten', xy: [4375, 1125], population: 330, extra: { children: 280 } },
  { code: 'F-METRO-1', facility: 'metro_station', name: '地铁5号线东流路站', nameEn: 'Metro Line 5 Dongliu Road Station', xy: [2780, 530], population: 3500, extra: { line: '5', exits: 4, underground: true } },
  { code: 'F-METRO-2', facility: 'metro_station', name: '地铁5号线习友路站', nameEn: 'Metro Line 5 Xiyou Road Station', xy: [2780, 1780], population: 5200, extra: { line: '5', exits: 4, underground: true } },
  { code: 'F-METRO-3', facility: 'metro_station', name: '地铁5号线望江西路站', nameEn: 'Metro Line 5 Wangjiang West Road Station', xy: [2780, 2780], population: 8000, extra: { line: '5', exits: 6, underground: true, interchange: '2' } },
  { code: 'F-METRO-4', facility: 'metro_station', name: '地铁5号线长江西路站', nameEn: 'Metro Line 5 Changjiang West Road Station', xy: [2780, 3780], population: 4600, extra: { line: '5', exits: 4, underground: true } },
  { code: 'F-METRO-5', facility: 'metro_station', name: '地铁2号线天鹅湖站', nameEn: 'Metro Line 2 Swan Lake Station', xy: [1530, 2780], population: 5600, extra: { line: '2', exits: 4, underground: true } },
  { code: 'F-ELD-1', facility: 'elderly_home', name: '天鹅湖颐养中心', nameEn: 'Swan Lake Elderly Care Centre', xy: [125, 2375], population: 320, extra: { beds: 300 } },
  { code: 'F-ELD-2', facility: 'elderly_home', name: '金寨路社区养老服务中心', nameEn: 'Jinzhai Road Community Elderly Care Centre', xy: [4375, 2375], population: 160, extra: { beds: 150 } },
  { code: 'F-SHEL-1', facility: 'shelter', name: '天鹅湖公园应急避难场所', nameEn: 'Swan Lake Park Emergency Shelter', xy: [1440, 3150], population: 0, extra: { capacity: 30_000 } },
  { code: 'F-SHEL-2', facility: 'shelter', name: '匡河公园应急避难场所', nameEn: 'Kuanghe Park Emergency Shelter', xy: [2000, 1180], population: 0, extra: { capacity: 18_000 } },
  { code: 'F-GOV-1', facility: 'government', name: '市政务服务中心', nameEn: 'Municipal Government Service Centre', xy: [1875, 2625], population: 3800, extra: {} },
  { code: 'F-FIRE-1', facility: 'fire_station', name: '政务区消防救援站', nameEn: 'Civic District Fire Station', xy: [2875, 1625], population: 60, extra: { engines: 6 } },
  { code: 'F-FIRE-2', facility: 'fire_station', name: '望湖消防救援站', nameEn: 'Wanghu Fire Station', xy: [3625, 375], population: 45, extra: { engines: 4 } },
  { code: 'F-MALL-1', facility: 'mall', name: '天鹅湖购物中心', nameEn: 'Swan Lake Shopping Centre', xy: [2625, 3375], population: 9000, extra: {} },
  { code: 'F-STAD-1', facility: 'stadium', name: '政务区体育中心', nameEn: 'Civic District Sports Centre', xy: [1125, 1625], population: 1200, extra: { seats: 15_000 } },
  { code: 'F-WTP-1', facility: 'water_plant', name: '第五水厂', nameEn: 'Fifth Water Plant', xy: [4350, 160], population: 80, extra: { capacityM3d: 150_000 } },
];

export function buildFacilities(inv: Inventory): Asset[] {
  return SPECS.map((spec) => {
    const district = districtAt(spec.xy[0], spec.xy[1]);
    const waterPlant = spec.facility === 'water_plant';
    return inv.add({
      id: spec.code, kind: 'facility', domain: waterPlant ? 'water' : 'building',
      department: waterPlant ? DEPARTMENT_IDS.water : DEPARTMENT_IDS.emergency,
      name: spec.name, geometry: pointGeometry(spec.xy),
      properties: { facility: spec.facility, nameEn: spec.nameEn, population: spec.population, district: district.id, ...spec.extra },
    });
  });
}
