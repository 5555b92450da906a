import type { Bus, Handler, SubscribeOptions, Subscription } from '../../ports/index.js';

const DEFAULT_CAPACITY = 1024;

/**
 * One subscriber's bounded queue, drained by a single loop so its handler sees messages in order
 * and one at a time. A full 'block' queue makes publishers wait; a full 'drop-oldest' queue drops.
 */
class Queue<T> implements Subscription {
  private readonly items: T[] = [];
  private head = 0;
  private running = false;
  private readonly spaceWaiters: (() => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  dropped = 0;
  closed = false;

  constructor(
    private readonly handler: Handler<T>,
    readonly capacity: number,
    readonly overflow: 'block' | 'drop-oldest',
    readonly name: string,
    private readonly onError: (name: string, error: unknown) => void,
    private readonly remove: () => void,
  ) {}

  get pending(): number {
    return this.items.length - this.head;
  }

  async offer(message: T): Promise<void> {
    if (this.closed) return;
    if (this.overflow === 'drop-oldest') {
      if (this.pending >= this.capacity) { this.head++; this.dropped++; }
    } else {
      while (this.pending >= this.capacity && !this.closed) await new Promise<void>((r) => this.spaceWaiters.push(r));
      if (this.closed) return;
    }
    this.items.push(message);
    if (!this.running) void this.run();
  }

  private async run(): Promise<void> {
    this.running = true;
    while (this.pending > 0 && !this.closed) {
      const message = this.items[this.head]!;
      this.items[this.head] = undefined as T;
      this.head++;
      if (this.head > 1024 && this.head * 2 > this.items.length) { this.items.splice(0, this.head); this.head = 0; }
      this.spaceWaiters.shift()?.();
      try {
        await this.handler(message);
      } catch (error) {
        this.onError(this.name, error);
      }
    }
    this.running = false;
    for (const w of this.idleWaiters.splice(0)) w();
  }

  idle(): Promise<void> {
    if (!this.running && this.pending === 0) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  unsubscribe(): void {
    this.closed = true;
    this.items.length = 0;
    this.head = 0;
    for (const w of this.spaceWaiters.splice(0)) w();
    for (const w of this.idleWaiters.splice(0)) w();
    this.remove();
  }
}

/** The in-process bus: topics fan out to bounded per-subscriber queues. */
export class MemoryBus implements Bus {
  readonly kind = 'memory';
  private readonly topics = new Map<string, Set<Queue<unknown>>>();

  constructor(private readonly onError: (subscriber: string, error: unknown) => void = () => {}) {}

  async publish<T>(topic: string, message: T): Promise<void> {
    const queues = this.topics.get(topic);
    if (!queues || queues.size === 0) return;
    if (queues.size === 1) return (queues.values().next().value as Queue<unknown>).offer(message);
    await Promise.all([...queues].map((q) => q.offer(message)));
  }

  subscribe<T>(topic: string, handler: Handler<T>, options: SubscribeOptions = {}): Subscription {
    let queues = this.topics.get(topic);
    if (!queues) { queues = new Set(); this.topics.set(topic, queues); }
    const set = queues;
    const queue: Queue<unknown> = new Queue<unknown>(handler as Handler<unknown>, options.capacity ?? DEFAULT_CAPACITY,
      options.overflow ?? 'block', options.name ?? topic, this.onError, () => set.delete(queue));
    set.add(queue);
    return queue;
  }

  async drain(): Promise<void> {
    for (const queues of this.topics.values()) await Promise.all([...queues].map((q) => q.idle()));
  }

  async close(): Promise<void> {
    await this.drain();
    for (const queues of this.topics.values()) for (const q of [...queues]) q.unsubscribe();
    this.topics.clear();
  }
}
