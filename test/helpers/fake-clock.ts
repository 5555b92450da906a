import type { Clock } from '../../src/ports/index.js';

/** A clock tests move by hand: `advance` runs every timer that falls due, in time order. */
export class FakeClock implements Clock {
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 0;
  constructor(private t: number) {}

  now(): number {
    return this.t;
  }

  schedule(ms: number, fn: () => void): () => void {
    const id = this.nextId++;
    this.timers.push({ at: this.t + Math.max(0, ms), fn, id });
    return () => { this.timers = this.timers.filter((x) => x.id !== id); };
  }

  /** Move time forward, firing due timers; waits a little after each so async handlers can finish. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = Math.max(this.t, next.at);
      next.fn();
      await settle();
    }
    this.t = end;
    await settle();
  }

  get pending(): number {
    return this.timers.length;
  }
}

/** Let promise chains and the store's writer finish what they started. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
}
