/**
 * Warning levels (预警级别), as in China's emergency response law and GB/T 41289 practice:
 * 1 red (I 特别严重) is the worst, 4 blue (IV 一般) the mildest.
 */
export type Level = 1 | 2 | 3 | 4;
export const LEVELS: readonly Level[] = [1, 2, 3, 4];

export const LEVEL_INFO = {
  1: { colour: 'red', hex: '#d7191c', roman: 'I', zh: '红色', zhSeverity: '特别严重', en: 'Red' },
  2: { colour: 'orange', hex: '#f07c1b', roman: 'II', zh: '橙色', zhSeverity: '严重', en: 'Orange' },
  3: { colour: 'yellow', hex: '#f2c81e', roman: 'III', zh: '黄色', zhSeverity: '较重', en: 'Yellow' },
  4: { colour: 'blue', hex: '#2b7bd6', roman: 'IV', zh: '蓝色', zhSeverity: '一般', en: 'Blue' },
} as const satisfies Record<Level, unknown>;

export function isLevel(value: unknown): value is Level {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The worse of two levels (lower number is worse). */
export function worseLevel(a: Level, b: Level): Level {
  return a < b ? a : b;
}
