import { describe, expect, it } from 'vitest';
import type { Case, CaseChange } from '../domain/index.js';
import { MemoryBus } from '../adapters/bus-memory/index.js';
import { TOPICS } from '../ports/index.js';
import { CaseImpactAssessor } from './case-impact.js';
import { citySnapshot, type CityModels } from './city-models.js';

const asset = { id: 'B-1', kind: 'building' as const, domain: 'building' as const, geometry: { type: 'Point' as const, coordinates: [117.2, 31.8] as [number, number] }, properties: {} };
const aCase = (over: Partial<Case> = {}): Case => ({
  id: 'C-1', class: 'hazard', state: 'open', level: 3, domain: 'building', title: 'crack', asset: 'B-1', assets: ['B-1'], alarms: [],
  openedAt: 0, updatedAt: 0, sla: { milestone: 'assess', due: null, escalated: {} }, warnings: [], timeline: [], version: 1, ...over,
});

describe('CaseImpactAssessor', () => {
  it('assesses opened and escalated hazard cases, once per queued case, and ignores its own impact updates and device cases', async () => {
    const bus = new MemoryBus(() => undefined);
    const models = { get: async () => citySnapshot([asset], {}, {}) } as unknown as CityModels;
    const stored: { id: string; impact: { model: string; trigger: string; area: { type: string } } }[] = [];
    const a = new CaseImpactAssessor({ bus, models, setImpact: async (id, impact) => { stored.push({ id, impact: impact as never }); } });
    a.start();
    const publish = (change: CaseChange) => bus.publish(TOPICS.case, change);
    await publish({ type: 'opened', action: 'open', case: aCase() });
    await publish({ type: 'updated', action: 'impact', case: aCase() });
    await publish({ type: 'opened', action: 'open', case: aCase({ id: 'C-2', class: 'device' }) });
    await bus.drain();
    await a.idle();
    await publish({ type: 'updated', action: 'escalate', case: aCase({ level: 1 }) });
    await bus.drain();
    await a.idle();
    expect(stored.map((s) => [s.id, s.impact.model, s.impact.trigger])).toEqual([['C-1', 'radius', 'open'], ['C-1', 'radius', 'escalate']]);
    expect(stored[0]!.impact.area.type).toBe('Polygon');
    await a.stop();
    await bus.close();
  });
});
