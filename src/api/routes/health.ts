import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';

export function healthRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/health', {
    schema: { summary: 'Liveness and the state of store, bus and MQTT (no token needed)', tags: ['system'], security: [] },
  }, async () => {
    const mqtt = ctx.mqttStatus();
    return {
      status: 'ok',
      version: ctx.version,
      store: { kind: ctx.store.kind, detail: ctx.store.describe() },
      bus: { kind: ctx.bus.kind },
      mqtt: { mode: mqtt.mode, state: mqtt.state, detail: mqtt.detail, ...(mqtt.port !== undefined ? { port: mqtt.port } : {}) },
      sensors: ctx.registry.size,
      ingest: { ...ctx.ingest.stats },
      time: new Date(ctx.clock.now()).toISOString(),
    };
  });
}
