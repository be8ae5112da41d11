import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, migrateToLatest } from '../../platform/db/testing.ts';
import { configCacheOf, openDatabase } from '../../platform/db/index.ts';
import { caseworker, makeCase, casesTestMigrations } from './testing.ts';
import * as service from './service.ts';
import { findCaseById, listDeliveries } from './store.ts';
import { createWebhook, deliver, DeliveryFailed, sign, verifySignature, type WebhookPayload } from './webhooks.ts';
import { applyRetention } from './retention.ts';
import type { CaseStatus } from './status.ts';

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A real receiver that answers with the given status codes in turn (then 200). */
async function receiver(statuses: number[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kanal`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test('signatures: right secret and body pass; another secret, a changed body or an old timestamp fail', () => {
  const at = new Date('2026-11-27T10:00:00Z');
  const header = sign('s3cret', '{"a":1}', at);
  assert.match(header, /^t=\d+,v1=[0-9a-f]{64}$/);
  assert.ok(verifySignature('s3cret', '{"a":1}', header, at));
  assert.ok(!verifySignature('other', '{"a":1}', header, at));
  assert.ok(!verifySignature('s3cret', '{"a":2}', header, at));
  assert.ok(!verifySignature('s3cret', '{"a":1}', header, new Date(at.getTime() + 301_000)));
  assert.ok(!verifySignature('s3cret', '{"a":1}', 'garbage', at));
});

test('webhooks: logged in the transaction, signed, retried after a failure, never sent twice, closing confirms the hand-off', async () => {
  const database = await createTestDatabase();
  const hook = await receiver([503]);
  try {
    const { db, dialect } = database;
    await migrateToLatest(db, casesTestMigrations());
    const { secret } = await db.transaction().execute((trx) => createWebhook(trx, { name: 'ESDH', url: hook.url, departments: ['miljoe-teknik'] }));
    await db.transaction().execute((trx) => createWebhook(trx, { name: 'Kultur', url: hook.url, departments: ['kultur-fritid'] }));

    // A rolled-back change logs nothing.
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await service.createCase(trx, { title: 'x', service: 's', kle: '02.34.02', department: 'miljoe-teknik', party: { kind: 'person', cpr: '0101901234', name: 'A' }, submission: { sections: [] }, deadline: { workingDays: 5 }, actor: caseworker });
        throw new Error('rollback');
      }),
      /rollback/,
    );
    assert.equal((await listDeliveries(db, 10)).length, 0);

    const created = await makeCase(db);
    const [first] = await listDeliveries(db, 10);
    assert.equal(first!.event, 'case.created');
    assert.equal(first!.webhook_name, 'ESDH', 'only the webhook of the case’s department');

    await assert.rejects(deliver(db, first!.id), DeliveryFailed);
    assert.equal(await deliver(db, first!.id), 'delivered');
    assert.equal(await deliver(db, first!.id), 'already-delivered');
    assert.equal(hook.received.length, 2, 'one failed and one good attempt, nothing after');
    const [a, b] = hook.received;
    assert.equal(a!.headers['kanal-event-id'], b!.headers['kanal-event-id'], 'the same event id on every attempt');
    assert.ok(verifySignature(secret, b!.body, String(b!.headers['kanal-signature'])));
    const payload = JSON.parse(b!.body) as WebhookPayload;
    assert.equal(payload.case.reference, created.reference);
    assert.ok(!b!.body.includes('0101901234'), 'no CPR number in a webhook');
    const log = (await listDeliveries(db, 10))[0]!;
    assert.equal(log.attempts, 2);
    assert.equal(log.state, 'delivered');
    assert.equal(log.last_status, 200);

    // Closing: the acknowledged case.closed event confirms the hand-off.
    await db.transaction().execute(async (trx) => service.changeStatus(trx, await service.caseForChange(trx, dialect, created.reference), { to: 'closed', reason: 'Trukket tilbage' }, caseworker));
    const closed = (await listDeliveries(db, 10)).find((d) => d.event === 'case.closed')!;
    assert.equal((await findCaseById(db, created.id))!.handoffConfirmedAt, null);
    await deliver(db, closed.id);
    assert.notEqual((await findCaseById(db, created.id))!.handoffConfirmedAt, null);
  } finally {
    await hook.close();
    await database.close();
  }
});

test('a hand-off confirms one closing: a delivery retried after a reopen confirms nothing, and a reopen takes the hand-off back', async () => {
  const database = await createTestDatabase();
  const hook = await receiver([503]);
  try {
    const { db, dialect } = database;
    await migrateToLatest(db, casesTestMigrations());
    await db.transaction().execute((trx) => createWebhook(trx, { name: 'ESDH', url: hook.url, departments: [] }));
    const created = await makeCase(db);
    const move = (to: CaseStatus) => db.transaction().execute(async (trx) => service.changeStatus(trx, await service.caseForChange(trx, dialect, created.reference), { to, reason: 'Klage' }, caseworker));
    const lastClosing = async () => (await listDeliveries(db, 100)).find((d) => d.event === 'case.closed')!.id;
    const handoffConfirmedAt = async () => (await findCaseById(db, created.id))!.handoffConfirmedAt;
    const rules = { handoffGraceDays: 30, topics: {} };
    const afterGrace = new Date(Date.now() + 31 * 86_400_000);

    await move('closed');
    const first = await lastClosing();
    await assert.rejects(deliver(db, first), DeliveryFailed);
    await move('in_progress');
    assert.equal(await deliver(db, first), 'delivered', 'the retry is acknowledged');
    assert.equal(await handoffConfirmedAt(), null, 'the reopened case is not handed off');

    await move('closed');
    assert.deepEqual(await applyRetention(db, rules, afterGrace), [], 'closed again, it waits for its own hand-off');
    await deliver(db, await lastClosing());
    assert.notEqual(await handoffConfirmedAt(), null);

    await move('in_progress');
    assert.equal(await handoffConfirmedAt(), null, 'reopening takes back the hand-off');
    await move('closed');
    assert.deepEqual(await applyRetention(db, rules, afterGrace), [], 'a hand-off before the reopen lets nothing be deleted');
    await deliver(db, await lastClosing());
    assert.deepEqual(await applyRetention(db, rules, afterGrace), [{ reference: created.reference, why: 'handoff' }]);
  } finally {
    await hook.close();
    await database.close();
  }
});

test('a webhook added on another app node gets the events here once the change is announced', async () => {
  const database = await createTestDatabase();
  const other = openDatabase({ ...database.options, poolSize: 2 });
  try {
    const { db } = database;
    await migrateToLatest(db, casesTestMigrations());
    // On PostgreSQL, listening first, so that "no webhooks" is kept.
    await configCacheOf(db)?.listen();
    await makeCase(db);
    assert.equal((await listDeliveries(db, 10)).length, 0);

    await other.db.transaction().execute((trx) => createWebhook(trx, { name: 'ESDH', url: 'https://esdh.example/kanal', departments: [] }));
    const deadline = Date.now() + 5000;
    while ((await listDeliveries(db, 10)).length === 0) {
      assert.ok(Date.now() < deadline, 'the other node’s webhook was never used');
      await new Promise((resolve) => setTimeout(resolve, 5));
      await makeCase(db);
    }
  } finally {
    await other.close();
    await database.close();
  }
});
