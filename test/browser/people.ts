import type { TestPlatform } from '../helpers/platform.js';

export const OPERATOR = { username: 'duty1', password: 'duty-password-1', role: 'operator' };
export const HANDLER = { username: 'drain1', password: 'drain-password-1', role: 'handler', department: 'hf-drainage' };

/** The people a shift needs: a duty officer and a drainage handler (and their department, unless the demo made it). */
export async function seedPeople(t: TestPlatform): Promise<void> {
  const dept = await t.api('/departments', { method: 'POST', json: { id: 'hf-drainage', name: '合肥市排水有限公司', nameEn: 'Hefei Drainage Company', domains: ['drainage'] } });
  if (![200, 201, 409].includes(dept.status)) throw new Error(`department: ${dept.status} ${await dept.text()}`);
  for (const user of [OPERATOR, HANDLER]) {
    const r = await t.api('/users', { method: 'POST', json: user });
    if (![201, 409].includes(r.status)) throw new Error(`user ${user.username}: ${r.status} ${await r.text()}`);
  }
}
