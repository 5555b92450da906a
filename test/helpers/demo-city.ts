import { WATER_DEMAND_PATTERN, buildDemoCity } from '../../src/demo/index.js';
import type { DemoCity } from '../../src/demo/index.js';
import { ASSESS_SETTING } from '../../src/scenarios/index.js';
import type { TestPlatform } from './platform.js';

/** Seed the demo city's assets, sensors, departments and basemap (as `lifeline demo` does, without the simulator). */
export async function seedDemoCity(t: TestPlatform): Promise<DemoCity> {
  const { store, registry } = t.platform;
  const city = buildDemoCity(1);
  await store.assets.upsert(city.assets);
  for (const s of await store.sensors.upsert(city.sensors)) registry.put(s);
  await store.commit(city.departments.map((department) => ({ op: 'department.put' as const, department })));
  await store.settings.set('demo.basemap', city.basemap);
  await store.settings.set(ASSESS_SETTING, { utcOffsetHours: city.utcOffsetHours, waterPatterns: { DIURNAL: WATER_DEMAND_PATTERN } });
  await t.platform.assessment.models.warm();
  return city;
}
