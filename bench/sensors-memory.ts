/**
 * Memory of registered sensors: register 1,000,000 sensors in a `lifeline serve` process, then
 * restart it (so they load from the store) and read its resident set size. Target ≤ 1 GiB.
 */
import { registerSensors, startServerProcess, writeResult } from './lib/server.js';

const COUNT = Number(process.env.BENCH_SENSORS ?? 1_000_000);

export async function main(): Promise<Record<string, unknown>> {
  let server = await startServerProcess();
  const dir = server.dir;
  try {
    const t0 = performance.now();
    await registerSensors(server, COUNT, 'M', 20_000);
    const registerS = (performance.now() - t0) / 1000;
    const afterRegister = server.rss();
    await server.stop();
    const t1 = performance.now();
    server = await startServerProcess([], dir);
    const startS = (performance.now() - t1) / 1000;
    await new Promise((r) => setTimeout(r, 2000));
    const afterRestart = server.rss();
    const health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as { sensors: number };
    const result = {
      sensors: health.sensors, registerSeconds: Number(registerS.toFixed(1)), restartSeconds: Number(startS.toFixed(1)),
      rssAfterRegisterMiB: Math.round(afterRegister / 2 ** 20), rssAfterRestartMiB: Math.round(afterRestart / 2 ** 20),
    };
    process.stdout.write(`sensors-memory: ${health.sensors.toLocaleString('en')} sensors — RSS ${result.rssAfterRegisterMiB} MiB after registering (${result.registerSeconds} s), ${result.rssAfterRestartMiB} MiB after a restart that loaded them (${result.restartSeconds} s); target ≤ 1024 MiB\n`);
    writeResult('sensors-memory', result);
    return result;
  } finally {
    await server.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
