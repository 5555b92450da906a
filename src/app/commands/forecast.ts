import { parseArgs } from 'node:util';
import type { ForecastResult } from '../../scenarios/index.js';

export const summary = 'submit a rainfall forecast to a running server: what it would surcharge now, and its pre-warning cases';

const HELP = `Usage: lifeline forecast (--return-period YEARS --duration-min MIN | --intensities MM_H,… --step-min MIN)
                         --url http://HOST:PORT [--token T] [--starts-at TIME] [--name TEXT] [--json]

Runs the storm on the sewers as the live level sensors report them now (POST /api/v1/forecasts/rain)
and opens a pre-warning case for every sewer system it would surcharge or flood; the same forecast
again updates those cases. Needs a running server (the cases live there) and an operator's token
(--token, or LIFELINE_TOKEN).

  --return-period, --duration-min   a design storm by the city's storm-intensity formula
  --intensities, --step-min         a forecast series, mm/h per step
  --starts-at TIME                  when the rain starts (ISO 8601 or epoch ms; default now)

Example: lifeline forecast --return-period 5 --duration-min 120 --url http://127.0.0.1:8080`;

export async function run(argv: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv, strict: true,
      options: {
        'return-period': { type: 'string' }, 'duration-min': { type: 'string' }, intensities: { type: 'string' }, 'step-min': { type: 'string' },
        'starts-at': { type: 'string' }, name: { type: 'string' }, url: { type: 'string' }, token: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    process.stderr.write(`lifeline forecast: ${(e as Error).message}\n${HELP}\n`);
    return 2;
  }
  if (values.help) { process.stdout.write(`${HELP}\n`); return 0; }
  if (typeof values.url !== 'string') { process.stderr.write(`lifeline forecast: --url is required (the cases live in the server)\n${HELP}\n`); return 2; }
  const token = (values.token as string | undefined) ?? process.env.LIFELINE_TOKEN ?? process.env.LIFELINE_ADMIN_TOKEN;
  if (!token) { process.stderr.write('lifeline forecast: --url needs --token (or LIFELINE_TOKEN)\n'); return 2; }
  // Numbers stay as typed text when they are not numbers, so the server's check names the field.
  const num = (s: string | boolean | undefined) => (typeof s === 'string' && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s);
  const startsAt = typeof values['starts-at'] === 'string' ? num(values['starts-at']) : undefined;
  const body = Object.fromEntries(Object.entries({
    returnPeriodYears: num(values['return-period']), durationMin: num(values['duration-min']), stepMin: num(values['step-min']),
    intensityMmPerHour: typeof values.intensities === 'string' ? values.intensities.split(',').map((x) => num(x.trim())) : undefined,
    startsAt, name: values.name,
  }).filter(([, v]) => v !== undefined));
  const res = await fetch(`${values.url.replace(/\/$/, '')}/api/v1/forecasts/rain`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) { process.stderr.write(`lifeline forecast: the server answered ${res.status}: ${await res.text()}\n`); return res.status === 400 ? 2 : 1; }
  const result = (await res.json()) as ForecastResult;
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : format(result));
  return 0;
}

function format(r: ForecastResult): string {
  const lines = [r.summary, `Live level sensors used: ${r.live.sensors}${r.live.stale.length ? `; stale: ${r.live.stale.length}` : ''}.`];
  for (const c of r.cases) lines.push(`  ${c.action.padEnd(8)} ${c.id}  level ${c.level}  ${c.title}`);
  const first = r.predicted.slice(0, 15);
  if (first.length) lines.push('', 'First effects:');
  for (const p of first) lines.push(`  ${p.at ?? '—'}  ${p.asset.padEnd(14)} ${p.effect.padEnd(14)} level ${p.level}  (${p.system})`);
  if (r.predicted.length > first.length) lines.push(`  … and ${r.predicted.length - first.length} more (--json for all)`);
  return `${lines.join('\n')}\n`;
}
