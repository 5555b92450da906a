import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpWebhookTransport } from '../../src/app/notify/webhook-transport.js';
import { WebhookDispatcher } from '../../src/cases/webhook-dispatcher.js';
import type { CaseHarness } from '../helpers/cases.js';
import { caseHarness, nodeDigest, openGasCase, people, seedDepartments } from '../helpers/cases.js';

interface Received { body: string; headers: Record<string, string | string[] | undefined> }

let h: CaseHarness;
let server: Server;
let received: Received[];
let failNext: number;

beforeEach(async () => {
  received = [];
  failNext = 0;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      received.push({ body, headers: req.headers });
      if (failNext > 0) { failNext--; res.writeHead(500).end('try later'); } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  h = await caseHarness();
  await seedDepartments(h, `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`);
});
afterEach(async () => {
  await h.cleanup();
  await new Promise((r) => server.close(r));
});

function dispatcher(maxAttempts = 4) {
  return new WebhookDispatcher({ store: h.store, clock: h.clock, digest: nodeDigest, transport: httpWebhookTransport(2000), maxAttempts, backoffMs: 1000 });
}

async function dispatchedCase() {
  const c = await openGasCase(h);
  await h.cases.act(c.id, people.operator, { action: 'assess' });
  await h.cases.act(c.id, people.operator, { action: 'confirm' });
  return h.cases.act(c.id, people.operator, { action: 'dispatch' });
}

describe('department webhooks', () => {
  it('signs the body with HMAC-SHA256 of the department secret', async () => {
    const c = await dispatchedCase();
    expect(await dispatcher().runDue()).toBe(1);
    expect(received).toHaveLength(1);
    const { body, headers } = received[0]!;
    const expected = `sha256=${createHmac('sha256', 'gas-secret').update(body).digest('hex')}`;
    expect(headers['x-lifeline-signature']).toBe(expected);
    expect(headers['x-lifeline-event']).toBe('dispatch');
    expect(JSON.parse(body)).toMatchObject({ event: 'dispatch', case: { id: c.id, department: 'gas-co', state: 'dispatched' } });
    const [d] = (await h.store.deliveries.list({ limit: 10 })).items;
    expect(d).toMatchObject({ state: 'delivered', attempts: 1 });
  });

  it('retries with exponential backoff, then delivers', async () => {
    await dispatchedCase();
    failNext = 2;
    const w = dispatcher();
    await w.runDue();
    let [d] = (await h.store.deliveries.list({ limit: 10 })).items;
    expect(d).toMatchObject({ state: 'pending', attempts: 1, lastError: 'HTTP 500', nextAt: h.clock.now() + 1000 });
    expect(await w.runDue()).toBe(0); // not yet due
    await h.clock.advance(1000);
    await w.runDue();
    [d] = (await h.store.deliveries.list({ limit: 10 })).items;
    expect(d).toMatchObject({ attempts: 2, nextAt: h.clock.now() + 2000 });
    await h.clock.advance(2000);
    await w.runDue();
    [d] = (await h.store.deliveries.list({ limit: 10 })).items;
    expect(d).toMatchObject({ state: 'delivered', attempts: 3 });
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
  });

  it('turns a delivery that keeps failing into a dead letter', async () => {
    await dispatchedCase();
    failNext = 100;
    const w = dispatcher(3);
    for (let i = 0; i < 3; i++) { await w.runDue(); await h.clock.advance(10_000); }
    const dead = await h.store.deliveries.list({ limit: 10, state: 'dead' });
    expect(dead.items).toHaveLength(1);
    expect(dead.items[0]).toMatchObject({ attempts: 3, lastError: 'HTTP 500' });
    expect(await w.runDue()).toBe(0);
  });

  it('counts an unreachable receiver as a failure', async () => {
    await h.store.commit([{ op: 'department.put', department: { id: 'gas-co', name: 'g', domains: ['gas'], webhook: 'http://127.0.0.1:1/nothing', webhookSecret: 's' } }]);
    await dispatchedCase();
    await dispatcher().runDue();
    const [d] = (await h.store.deliveries.list({ limit: 10 })).items;
    expect(d?.state).toBe('pending');
    expect(d?.lastError).toBeTruthy();
  });
});
