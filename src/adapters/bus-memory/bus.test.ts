import { describe, expect, it } from 'vitest';
import { MemoryBus } from './bus.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('MemoryBus', () => {
  it('delivers in order to every subscriber', async () => {
    const bus = new MemoryBus();
    const a: number[] = [];
    const b: number[] = [];
    bus.subscribe<number>('t', (m) => { a.push(m); });
    bus.subscribe<number>('t', async (m) => { await tick(); b.push(m); });
    for (let i = 0; i < 100; i++) await bus.publish('t', i);
    await bus.drain();
    expect(a).toEqual([...Array(100).keys()]);
    expect(b).toEqual([...Array(100).keys()]);
  });

  it('makes publishers wait when a blocking queue is full (backpressure, bounded memory)', async () => {
    const bus = new MemoryBus();
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const seen: number[] = [];
    const sub = bus.subscribe<number>('t', async (m) => { await gate; seen.push(m); }, { capacity: 4 });
    const published: number[] = [];
    const publisher = (async () => { for (let i = 0; i < 20; i++) { await bus.publish('t', i); published.push(i); } })();
    await tick(); await tick();
    // One message is in the handler, four wait in the queue: the fifth-and-later publishes are blocked.
    expect(published.length).toBeLessThanOrEqual(5);
    expect(sub.pending).toBeLessThanOrEqual(4);
    release();
    await publisher;
    await bus.drain();
    expect(seen).toEqual([...Array(20).keys()]);
  });

  it('drops the oldest for lossy subscribers and never blocks the publisher', async () => {
    const bus = new MemoryBus();
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const seen: number[] = [];
    const sub = bus.subscribe<number>('t', async (m) => { await gate; seen.push(m); }, { capacity: 3, overflow: 'drop-oldest' });
    for (let i = 0; i < 10; i++) await bus.publish('t', i);
    expect(sub.dropped).toBe(6);
    release();
    await bus.drain();
    expect(seen).toEqual([0, 7, 8, 9]);
  });

  it('keeps going after a handler throws and reports the error', async () => {
    const errors: unknown[] = [];
    const bus = new MemoryBus((_n, e) => errors.push(e));
    const seen: number[] = [];
    bus.subscribe<number>('t', (m) => { if (m === 1) throw new Error('boom'); seen.push(m); });
    for (let i = 0; i < 3; i++) await bus.publish('t', i);
    await bus.drain();
    expect(seen).toEqual([0, 2]);
    expect(errors).toHaveLength(1);
  });
});
