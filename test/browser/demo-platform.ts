import { startDemo } from '../../src/app/commands/demo.js';
import type { RunningDemo } from '../../src/app/commands/demo.js';
import { startTestPlatform } from '../helpers/platform.js';
import type { TestPlatform } from '../helpers/platform.js';

export interface DemoPlatform extends TestPlatform {
  readonly demo: RunningDemo;
}

/** A real platform serving the demo city with its live simulator (scripted incidents off: tests inject their own). */
export async function startDemoPlatform(options: { incidents?: boolean; args?: string[] } = {}): Promise<DemoPlatform> {
  const t = await startTestPlatform({ args: options.args });
  const demo = await startDemo(t.platform, 1, options.incidents ?? false);
  const { destroy, stop } = t;
  return Object.assign(t, {
    demo,
    async destroy() { await demo.stop(); await destroy(); },
    async stop() { await demo.stop(); await stop(); },
  });
}
