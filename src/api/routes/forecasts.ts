import type { FastifyInstance } from 'fastify';
import { LifelineError } from '../../domain/index.js';
import { requireRole } from '../actor.js';
import type { ApiContext } from '../context.js';

/** Rainfall forecasts run on the live network: pre-warning cases before the rain (超前主动应对). */
export function forecastRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post('/forecasts/rain', {
    schema: {
      summary: 'Submit a rainfall forecast: what it would surcharge on the network as it is now, with pre-warning cases (operator)', tags: ['scenarios'],
      description: [
        'Body: a design storm `{returnPeriodYears, durationMin}` (the city\'s storm-intensity formula, Chicago pattern, as the rainstorm scenario) or a forecast series `{intensityMmPerHour: [...], stepMin}`; `startsAt?` (ISO 8601 or epoch ms: when the rain starts, default now) and `name?`.',
        'The drainage model starts from the latest readings of the drainage level sensors (level ratios and levels in manholes, receiving-water levels at outfalls).',
        'Every sewer system where a manhole would surcharge or overflow, a pipe run at capacity or water pond gets one pre-warning case (class hazard, domain drainage, alarm kind `forecast-surcharge` or `forecast-flooding`) carrying the predicted impact; submitting the same storm again updates those cases instead of opening new ones.',
        '200 with `{storm, live, summary, predicted: [{asset, kind, effect, atMin, at, level, system}], cases: [{id, action: opened|updated|cleared, system, level, title}]}`. A bad field: 400 naming it.',
      ].join(' '),
    },
  }, async (req) => {
    const p = requireRole(req, 'operator');
    if (!ctx.forecasts) throw new LifelineError('unavailable', 'forecasts are not available in this process');
    return ctx.forecasts.submit(req.body, p.username);
  });
}
