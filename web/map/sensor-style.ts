import type { SensorPositions } from '../api/types';
import { LEVEL_HEX, SENSOR_HEX } from '../ui/colours';

/** Numeric status codes, as the map keeps them per sensor (index into this order). */
export const STATUS_CODE = { online: 0, offline: 1, maintenance: 2, disabled: 3 } as const;

const STATUS_HEX = [SENSOR_HEX.online, SENSOR_HEX.offline, SENSOR_HEX.maintenance, SENSOR_HEX.disabled];

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
const STATUS_RGB = STATUS_HEX.map(rgb);
const LEVEL_RGB = [1, 2, 3, 4].map((l) => rgb(LEVEL_HEX[l]!));

/** Outline of sensors when zoomed in: the basemap's background, so neighbours stay apart. */
export const STROKE_RGB = rgb('#0a1420');

/**
 * Writes a sensor's colour into `out` at `i * 4`: its alarm level's colour while a hazard alarm is
 * active, else its status colour. The fourth byte is 255 for an alarmed sensor (drawn larger and on
 * top), 0 otherwise.
 */
export function writeSensorColour(out: Uint8Array, i: number, status: number, level: number): void {
  const alarmed = level >= 1 && level <= 4;
  const c = alarmed ? LEVEL_RGB[level - 1]! : STATUS_RGB[status] ?? STATUS_RGB[STATUS_CODE.offline]!;
  const o = i * 4;
  out[o] = c[0]; out[o + 1] = c[1]; out[o + 2] = c[2]; out[o + 3] = alarmed ? 255 : 0;
}

export interface SensorRadii { normal: number; alarmed: number; stroke: number }

/** Zoom stops of the circle radius (CSS px): far out a sensor is a 1–2 px dot, alarmed ones stay big enough to see. */
const STOPS: readonly [zoom: number, normal: number, alarmed: number][] = [[12, 1.2, 3], [15, 2, 5], [17, 4, 8]];

/** Radii at a zoom, linear between the stops; a thin outline from zoom 16 where dots begin to touch. */
export function radiiAt(zoom: number): SensorRadii {
  const stroke = zoom >= 16 ? 0.8 : 0;
  const first = STOPS[0]!; const last = STOPS[STOPS.length - 1]!;
  if (zoom <= first[0]) return { normal: first[1], alarmed: first[2], stroke };
  if (zoom >= last[0]) return { normal: last[1], alarmed: last[2], stroke };
  let i = 1;
  while (STOPS[i]![0] < zoom) i++;
  const [z0, n0, a0] = STOPS[i - 1]!; const [z1, n1, a1] = STOPS[i]!;
  const f = (zoom - z0) / (z1 - z0);
  return { normal: n0 + f * (n1 - n0), alarmed: a0 + f * (a1 - a0), stroke };
}

/** Web-mercator x and y in 0..1 (the map's world square), from longitude and latitude in degrees. */
export function mercator(lon: number, lat: number): [number, number] {
  const x = (180 + lon) / 360;
  const y = (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;
  return [x, y];
}

/** Sensor status codes per sensor, from the positions' status names. */
export function statusCodes(p: SensorPositions): Uint8Array {
  const byName = p.statuses.map((name) => STATUS_CODE[name] ?? STATUS_CODE.offline);
  const out = new Uint8Array(p.count);
  for (let i = 0; i < p.count; i++) out[i] = byName[p.status[i]!] ?? STATUS_CODE.offline;
  return out;
}
