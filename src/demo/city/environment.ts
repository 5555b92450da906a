import type { Asset } from '../../domain/index.js';
import { pointGeometry, type XY } from '../geo.js';
import { DEPARTMENT_IDS } from './departments.js';
import { pad, type Inventory } from './make.js';

/**
 * Environment monitoring run by the monitoring centre: automatic weather stations (rain,
 * temperature, humidity) that drive flood and heat warnings, and roadside noise monitors. Noise limits
 * of GB 3096-2008: class 4a (along main roads) 70 dB by day, 55 dB at night; class 1 (homes) 55/45.
 * Asset kind 'meter' holds them until the asset kinds gain a monitoring station.
 */
export function buildEnvironment(inv: Inventory): Asset[] {
  const owner = DEPARTMENT_IDS.monitoring;
  const assets: Asset[] = [];
  const stations: [string, string, XY][] = [
    ['天鹅湖自动气象站', 'Swan Lake automatic weather station', [1560, 3060]],
    ['政务中心自动气象站', 'Civic Centre automatic weather station', [2640, 2420]],
    ['望湖自动气象站', 'Wanghu automatic weather station', [3840, 640]],
    ['匡河自动气象站', 'Kuanghe automatic weather station', [640, 1140]],
  ];
  stations.forEach(([name, nameEn, xy], k) => {
    const ws = inv.add({ id: `ENV-WS-${k + 1}`, kind: 'meter', domain: 'environment', department: owner, name, geometry: pointGeometry(xy), properties: { nameEn, meter: 'weather_station' } });
    assets.push(ws);
    inv.sense(ws, 'rainfall', { intervalS: 60, location: 'tipping-bucket rain gauge (0.1 mm)', properties: { heavyRainMmH: 16, rainstormMmH: 30 } });
    inv.sense(ws, 'temperature', { intervalS: 60, location: 'screen, 1.5 m', properties: { heatWarningC: 35 } });
    inv.sense(ws, 'humidity', { intervalS: 60, location: 'screen, 1.5 m' });
  });
  // Noise monitors at main-road intersections (class 4a) and a few inside neighbourhoods (class 1).
  const noisePoints: [XY, '4a' | '1'][] = [
    [[1520, 520], '4a'], [[2770, 520], '4a'], [[4020, 520], '4a'], [[1520, 1770], '4a'], [[2770, 1770], '4a'], [[4020, 1770], '4a'],
    [[1520, 2770], '4a'], [[2770, 2770], '4a'], [[4020, 2770], '4a'], [[1520, 3770], '4a'], [[2770, 3770], '4a'], [[4020, 3770], '4a'],
    [[625, 875], '1'], [[2125, 3125], '1'], [[3375, 3375], '1'], [[3625, 1125], '1'],
  ];
  noisePoints.forEach(([xy, zone], k) => {
    const nm = inv.add({
      id: `ENV-NM-${pad(k + 1, 2)}`, kind: 'meter', domain: 'environment', department: owner, name: zone === '4a' ? '道路交通噪声监测点' : '区域环境噪声监测点',
      geometry: pointGeometry(xy), properties: { nameEn: zone === '4a' ? 'roadside noise monitor' : 'neighbourhood noise monitor', meter: 'noise_monitor', zone },
    });
    assets.push(nm);
    inv.sense(nm, 'noise', { intervalS: 60, properties: { zone, dayLimitDb: zone === '4a' ? 70 : 55, nightLimitDb: zone === '4a' ? 55 : 45, metric: 'LAeq,1min' } });
  });
  return assets;
}
