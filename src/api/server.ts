import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { LifelineError } from '../domain/index.js';
import type { ApiContext } from './context.js';
import { problem, sendProblem, toProblem } from './problem.js';
import { alarmRoutes } from './routes/alarms.js';
import { assetRoutes } from './routes/assets.js';
import { authRoutes } from './routes/auth.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { NDJSON_TYPES, readingRoutes } from './routes/readings.js';
import { ruleRoutes } from './routes/rules.js';
import { sensorRoutes } from './routes/sensors.js';
import { settingsRoutes } from './routes/settings.js';
import { auditRoutes } from './routes/audit.js';
import { caseRoutes } from './routes/cases.js';
import { departmentRoutes } from './routes/departments.js';
import { reportRoutes } from './routes/reports.js';
import { userRoutes } from './routes/users.js';
import { warningRoutes } from './routes/warnings.js';
import { basemapRoutes } from './routes/basemap.js';
import { riskRoutes } from './routes/risk.js';
import { webRoutes } from './routes/web.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { dependencyRoutes } from './routes/dependencies.js';
import { forecastRoutes } from './routes/forecasts.js';

export const API_PREFIX = '/api/v1';
/** Routes under the prefix that need no token. */
const PUBLIC = new Set([`${API_PREFIX}/health`, `${API_PREFIX}/auth/login`]);

export interface ServerOptions {
  /** A pino logger config, or false for none. */
  readonly logger?: boolean | Record<string, unknown>;
}

/** The HTTP API: routes under /api/v1, OpenAPI at /api/docs, problem+json errors, bearer auth. */
export async function buildServer(ctx: ApiContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: ctx.bodyLimit,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: false } },
  });

  // Bodies: JSON parsed by us (a clear problem on bad JSON); NDJSON and text passed on as strings.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    if (body === '') return done(new LifelineError('invalid_json', 'the body is empty', [{ field: 'body', code: 'empty', reason: 'empty body' }]), undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch (e) {
      done(new LifelineError('invalid_json', `the body is not valid JSON: ${(e as Error).message}`, [{ field: 'body', code: 'invalid_json', reason: (e as Error).message }]), undefined);
    }
  });
  app.addContentTypeParser([...NDJSON_TYPES, 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Lifeline API', version: ctx.version, description: 'City lifeline safety monitoring and early warning (城市生命线安全监测预警平台). Errors are application/problem+json (RFC 9457). Times are ISO 8601 or epoch ms on input, ISO 8601 on output.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0]!;
    if (!path.startsWith(API_PREFIX) || PUBLIC.has(path)) return;
    const header = req.headers.authorization;
    let token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token && path === `${API_PREFIX}/events`) token = (req.query as Record<string, string>).access_token;
    const principal = await ctx.auth.verify(token);
    if (!principal) {
      reply.header('www-authenticate', 'Bearer realm="lifeline"');
      return sendProblem(reply, problem('unauthorized', token ? 'the token is unknown or expired' : 'send Authorization: Bearer <token>'), req);
    }
    req.principal = principal;
  });

  app.setErrorHandler((error, req, reply) => {
    const p = toProblem(error);
    if (p.status >= 500) req.log.error({ err: error }, 'request failed');
    return sendProblem(reply, p, req);
  });
  app.setNotFoundHandler((req, reply) => sendProblem(reply, problem('not_found', `no route ${req.method} ${req.url.split('?')[0]}`), req));

  await app.register(async (api) => {
    healthRoutes(api, ctx);
    authRoutes(api, ctx);
    assetRoutes(api, ctx);
    sensorRoutes(api, ctx);
    readingRoutes(api, ctx);
    alarmRoutes(api, ctx);
    settingsRoutes(api, ctx);
    ruleRoutes(api, ctx);
    eventRoutes(api, ctx);
    departmentRoutes(api, ctx);
    userRoutes(api, ctx);
    caseRoutes(api, ctx);
    warningRoutes(api, ctx);
    reportRoutes(api, ctx);
    auditRoutes(api, ctx);
    basemapRoutes(api, ctx);
    riskRoutes(api, ctx);
    scenarioRoutes(api, ctx);
    dependencyRoutes(api, ctx);
    forecastRoutes(api, ctx);
  }, { prefix: API_PREFIX });

  await webRoutes(app, ctx);
  return app;
}
