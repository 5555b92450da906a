import type { SensorContext } from './context.js';
import type { Monitor } from './monitor.js';

/**
 * The per-reading loops over a sensor's monitors, compiled once per list of monitor classes
 * ("shape": pressure's 8 monitors, methane's 7, …) and shared by every sensor of that shape.
 * A plain loop calls `step` and reads `f64`, `f64At` and `level` at one site for every class:
 * megamorphic, a stub-cache lookup each time, and nothing inlined. Unrolled, each site sees one
 * class, so the optimiser makes it a direct call (or inlines a small `step`) and a fixed field load.
 * Same order and same arithmetic as the loop: results do not change.
 */
export interface MonitorLoop {
  /**
   * Steps every monitor through one reading, in order, and sets `into.score` to the highest score
   * (stored, not returned: a number returned from a call is boxed, an allocation per reading).
   */
  readonly stepAll: (into: { score: number }, monitors: readonly Monitor[], ts: number, value: number, ctx: SensorContext) => void;
  /** Whether any monitor has a condition (`level` ≠ 0). */
  readonly anyLevel: (monitors: readonly Monitor[]) => boolean;
}

const byShape = new Map<string, MonitorLoop>();
const classIds = new Map<unknown, number>();

export function monitorLoop(monitors: readonly Monitor[]): MonitorLoop {
  const key = monitors.map((m) => classId(m.constructor)).join(',');
  let loop = byShape.get(key);
  if (loop === undefined) byShape.set(key, loop = compile(monitors, key));
  return loop;
}

function classId(cls: unknown): number {
  let id = classIds.get(cls);
  if (id === undefined) classIds.set(cls, id = classIds.size);
  return id;
}

function compile(monitors: readonly Monitor[], key: string): MonitorLoop {
  // The shape named in the source: V8 may share one feedback vector between functions made from
  // the same source, and each shape's loop must keep its own.
  const shape = `/* ${monitors.map((m) => m.constructor.name).join(' ')} (${key}) */\n`;
  // A monitor that is not `scored` keeps score 0, so every score can be compared. It is read from
  // the monitor's run (score is its first number): one load, where a getter is a call.
  let step = `${shape}let score = 0, s = 0;\n`;
  let levels = `${shape}return false`;
  for (let i = 0; i < monitors.length; i++) {
    step += `const m${i} = monitors[${i}]; m${i}.step(ts, value, ctx); s = m${i}.f64[m${i}.f64At]; if (s > score) score = s;\n`;
    levels += ` || monitors[${i}].level !== 0`;
  }
  return {
    stepAll: new Function('into', 'monitors', 'ts', 'value', 'ctx', `${step}into.score = score;`) as MonitorLoop['stepAll'],
    anyLevel: new Function('monitors', `${levels};`) as MonitorLoop['anyLevel'],
  };
}
