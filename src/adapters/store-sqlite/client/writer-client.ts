import type { Asset, LastReading, Sensor } from '../../../domain/index.js';
import type { AppendResult, NewSensor, RetentionSettings, StoreOp } from '../../../ports/index.js';
import type { Columns } from '../columns.js';

export function columnsToLastReadings(c: Columns): Map<number, LastReading> {
  const map = new Map<number, LastReading>();
  for (let i = 0; i < c.length; i++) map.set(c.key[i]!, { ts: c.ts[i]!, value: c.value[i]! });
  return map;
}

/** The main thread's handle on the writer, wherever it runs. Every change goes through it, in call order. */
export interface WriterClient {
  append(batch: Columns): Promise<AppendResult>;
  upsertAssets(assets: readonly Asset[]): Promise<void>;
  upsertSensors(sensors: readonly NewSensor[]): Promise<Sensor[]>;
  setSetting(key: string, json: string | undefined): Promise<void>;
  /** Workflow ops in one transaction (see WorkflowWriter). */
  commit(ops: readonly StoreOp[]): Promise<void>;
  /** Every key's newest reading (the writer keeps them in memory). */
  lastReadings(): Promise<Map<number, LastReading>>;
  flush(): Promise<void>;
  retention(now: number, retention: RetentionSettings): Promise<{ dropped: number }>;
  /** Flush everything and stop. */
  close(): Promise<void>;
  /** Stop at once without flushing, as a crash would. */
  terminate(): Promise<void>;
}
