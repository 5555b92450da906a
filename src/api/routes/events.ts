import type { FastifyInstance } from 'fastify';
import type { CaseChange, ReadingBatch } from '../../domain/index.js';
import { caseView } from '../case-view.js';
import { toIso } from '../../domain/index.js';
import type { Subscription } from '../../ports/index.js';
import { TOPICS } from '../../ports/index.js';
import type { ApiContext } from '../context.js';

/**
 * Readings are sent at most four times a second per client, the latest value of each sensor that
 * changed: a reading reaches the map well within a second (issue 5), and a fast sensor still costs
 * at most four values a second.
 */
const READING_FLUSH_MS = 250;
const READINGS_PER_EVENT = 10_000;
const HEARTBEAT_MS = 15_000;
const ALL_TYPES = ['alarm', 'case', 'reading'] as const;

export function eventRoutes(app: FastifyInstance, ctx: ApiContext): void {
  // Open streams are ended before the server closes, or they would hold shutdown forever.
  const open = new Set<() => void>();
  app.addHook('preClose', async () => { for (const end of [...open]) end(); });

  app.get('/events', {
    schema: {
      summary: 'Server-Sent Events: `alarm`, `case`, `reading` (throttled to four events a second)', tags: ['live'],
      description: 'Browsers may pass the token as `?access_token=` (EventSource cannot set headers). `?types=alarm,case` picks event types.',
      querystring: { type: 'object', properties: { types: { type: 'string' }, access_token: { type: 'string' } } },
    },
  }, async (req, reply) => {
    const q = req.query as { types?: string };
    const wanted = new Set(q.types ? q.types.split(',').map((t) => t.trim()) : ALL_TYPES);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 3000\n: connected ${toIso(ctx.clock.now())}\n\n`);
    let id = 0;
    const send = (event: string, data: unknown) => {
      if (!res.writableEnded) res.write(`id: ${++id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const subs: Subscription[] = [];
    for (const topic of [TOPICS.alarm, TOPICS.case] as const) {
      // A case goes out as GET /cases lists it (ISO times, the overdue flag), without its timeline.
      const wire = topic === TOPICS.case ? (m: CaseChange) => ({ ...m, ...(m.case ? { case: caseView(m.case, ctx.clock.now(), false) } : {}) }) : (m: unknown) => m;
      if (wanted.has(topic)) subs.push(ctx.bus.subscribe(topic, (m) => send(topic, wire(m as CaseChange)), { capacity: 1000, overflow: 'drop-oldest', name: `sse-${topic}` }));
    }
    const latest = new Map<number, { ts: number; value: number }>();
    if (wanted.has('reading')) {
      subs.push(ctx.bus.subscribe<ReadingBatch>(TOPICS.readings, (b) => {
        for (let i = 0; i < b.length; i++) latest.set(b.key[i]!, { ts: b.ts[i]!, value: b.value[i]! });
      }, { capacity: 64, overflow: 'drop-oldest', name: 'sse-readings' }));
    }
    const flush = setInterval(() => {
      if (latest.size === 0) return;
      const items: { sensor: string; ts: string; value: number }[] = [];
      for (const [key, r] of latest) {
        // Sent or unknown, it leaves the map; what does not fit in this event goes in the next.
        latest.delete(key);
        const entry = ctx.registry.byStoreKey(key);
        if (entry) items.push({ sensor: entry.sensor.id, ts: toIso(r.ts), value: r.value });
        if (items.length >= READINGS_PER_EVENT) break;
      }
      send('reading', { items });
    }, READING_FLUSH_MS);
    const heartbeat = setInterval(() => { if (!res.writableEnded) res.write(': ping\n\n'); }, HEARTBEAT_MS);
    const close = () => {
      open.delete(close);
      clearInterval(flush);
      clearInterval(heartbeat);
      for (const s of subs) s.unsubscribe();
      if (!res.writableEnded) res.end();
    };
    open.add(close);
    req.raw.on('close', close);
  });
}
