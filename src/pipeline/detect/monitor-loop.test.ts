import { describe, expect, it } from 'vitest';
import { createDetectionEngine } from './engine.js';
import { monitorLoop } from './monitor-loop.js';

describe('monitorLoop', () => {
  it('is compiled once per list of monitor classes, and steps like a plain loop', () => {
    const engine = createDetectionEngine();
    const a = engine.monitor({ id: 'a', quantity: 'pressure' }), b = engine.monitor({ id: 'b', quantity: 'pressure' });
    const c = engine.monitor({ id: 'c', quantity: 'methane' });
    expect(monitorLoop(a.monitors)).toBe(monitorLoop(b.monitors));
    expect(monitorLoop(a.monitors)).not.toBe(monitorLoop(c.monitors));
    // b is stepped by the compiled loop (process); a copy of its monitors by hand, in a plain loop.
    const twin = createDetectionEngine().monitor({ id: 'b', quantity: 'pressure' });
    const T0 = Date.UTC(2024, 0, 1);
    let alarmed = 0;
    for (let i = 0; i < 3000; i++) {
      const x = 0.33 + 0.05 * Math.sin(i / 200) + (i === 2000 ? 0.2 : 0) + (i > 2500 ? -0.1 : 0);
      b.process(T0 + i * 60_000, x);
      twin.ctx.begin(T0 + i * 60_000);
      let score = 0;
      for (const m of twin.monitors) { m.step(T0 + i * 60_000, x, twin.ctx); if (m.score > score) score = m.score; }
      twin.reconcile(T0 + i * 60_000, twin.ctx);
      twin.ctx.end(x);
      expect(b.score).toBe(score);
      const any = twin.monitors.some((m) => m.level !== 0);
      expect(monitorLoop(b.monitors).anyLevel(b.monitors)).toBe(any);
      if (any) alarmed++;
    }
    expect(alarmed).toBeGreaterThan(0);
  });
});
