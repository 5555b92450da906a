import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../context.js';
import { landingPage } from '../landing.js';

/** The dashboard's build output: dist/web at the package root (the same from src/ under tsx and from dist/). */
export const WEB_DIST = process.env.LIFELINE_WEB_DIR
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist', 'web');

/**
 * Serves the dashboard at `/`: hashed assets cached for good, index.html never cached, and every
 * other path that is not under /api answers index.html (the app routes on the client). Without a
 * build, `/` keeps the plain landing page so the API is still discoverable.
 */
export async function webRoutes(app: FastifyInstance, ctx: ApiContext, root = WEB_DIST): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) {
    app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(landingPage(ctx.version)));
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false, // files are routed one by one, so unknown paths reach the SPA fallback below
    index: false,
    schemaHide: true,
    setHeaders(res, path) {
      res.setHeader('cache-control', path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendIndex = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html');
  app.get('/', { schema: { hide: true } }, sendIndex);
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    // /api and /api/docs keep their own 404 (problem+json), never the app's page.
    if (req.url.startsWith('/api/') || req.url === '/api') return reply.callNotFound();
    return sendIndex(req, reply);
  });
}
