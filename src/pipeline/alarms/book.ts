import type { Alarm, AlarmEvent, Level } from '../../domain/index.js';
import { isAlarmActive } from '../../domain/index.js';

export interface AlarmQuery {
  readonly state?: 'active' | 'cleared';
  readonly sensor?: string;
  readonly level?: Level;
  readonly limit: number;
  readonly cursor?: string | null;
}

/**
 * The alarms the live server knows: every active alarm, and the most recent cleared ones (bounded).
 * Alarms are derived data (a replay of stored readings raises them again); the book answers
 * GET /alarms and feeds case grouping. Newest first.
 */
export class AlarmBook {
  private readonly byId = new Map<string, Alarm>();
  private readonly cleared: string[] = [];

  constructor(private readonly keepCleared = 10_000) {}

  apply(event: AlarmEvent): Alarm {
    const alarm = event.alarm;
    this.byId.set(alarm.id, alarm);
    if (event.type === 'clear') {
      this.cleared.push(alarm.id);
      if (this.cleared.length > this.keepCleared) this.byId.delete(this.cleared.shift()!);
    }
    return alarm;
  }

  get(id: string): Alarm | undefined {
    return this.byId.get(id);
  }

  active(): Alarm[] {
    return [...this.byId.values()].filter((a) => isAlarmActive(a));
  }

  /** Newest first (by raise time, then id); the cursor is the last id of the previous page. */
  list(q: AlarmQuery): { items: Alarm[]; next: string | null } {
    const all = [...this.byId.values()]
      .filter((a) => (!q.state || (q.state === 'active') === isAlarmActive(a)) && (!q.sensor || a.sensor === q.sensor) && (!q.level || a.level === q.level))
      .sort((a, b) => b.raisedAt - a.raisedAt || (a.id < b.id ? -1 : 1));
    let start = 0;
    if (q.cursor) {
      const i = all.findIndex((a) => a.id === q.cursor);
      start = i === -1 ? all.length : i + 1;
    }
    const items = all.slice(start, start + q.limit);
    const more = start + q.limit < all.length;
    return { items, next: more ? items[items.length - 1]!.id : null };
  }
}
