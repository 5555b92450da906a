import { ConfigError, configHelp, loadConfig } from '../config.js';
import { banner } from '../banner.js';
import { startPlatform } from '../start.js';
import type { Platform } from '../start.js';

export const summary = 'run the platform: HTTP API, dashboard, MQTT ingest, detection';

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`Usage: lifeline serve [flags]\n\nFlags (each with an environment twin):\n${configHelp()}\n`);
    return 0;
  }
  let platform: Platform;
  try {
    platform = await startPlatform(loadConfig(argv).config);
  } catch (e) {
    if (e instanceof ConfigError) { process.stderr.write(`lifeline serve: ${e.message}\n`); return 2; }
    throw e;
  }
  process.stdout.write(banner(platform));
  await untilSignal(platform);
  return 0;
}

/** Wait for SIGINT/SIGTERM, then stop in order (a second signal exits at once). */
export function untilSignal(platform: Platform, before?: () => Promise<void> | void): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: string) => {
      if (stopping) { process.stderr.write('lifeline: second signal, exiting now\n'); process.exit(130); }
      stopping = true;
      platform.log.info({ signal }, 'shutting down: flushing pending writes');
      void (async () => {
        try { await before?.(); } catch (e) { platform.log.error({ err: e }, 'stopping failed'); }
        await platform.stop();
        resolve();
      })();
    };
    process.once('SIGINT', () => onSignal('SIGINT'));
    process.once('SIGTERM', () => onSignal('SIGTERM'));
  });
}
