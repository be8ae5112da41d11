// A self-service submission with the real modules wired in: one case in the right
// department (cases.createCase) and one self-service contact (contacts.record), in the
// same transaction — for an anonymous report as well as for a logged-in citizen's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { topicForKle } from '../contacts/index.ts';

let t: TestApp;
let base: string;
before(async () => {
  t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
after(() => t.close());

test('an anonymous rat report becomes a case in Miljø og Teknik and a self-service contact', async () => {
  const answers = { dyr: 'rotter', adresse: 'Bygaden 12', hvor: 'have', 'set-dato': '2026-11-01', navn: 'Anne Hansen', telefon: '43686868' };
  const post = () =>
    fetch(`${base}/api/services/anmeld-rotter/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'live-ports-0001' }, body: JSON.stringify({ answers }) });
  const first = await post();
  assert.equal(first.status, 201, await first.clone().text());
  assert.equal((await post()).status, 200, 'a retry is answered from the first submission');

  const cases = await sql<{ department: string; service: string; party_kind: string; party_name: string }>`select department, service, party_kind, party_name from cases`.execute(t.database.db);
  assert.deepEqual(cases.rows, [{ department: 'miljoe-teknik', service: 'anmeld-rotter', party_kind: 'anonymous', party_name: 'Anne Hansen' }]);

  const contacts = await sql<{ channel: string; kind: string; topic: string; service: string; department: string }>`select channel, kind, topic, service, department from contact where service = 'anmeld-rotter'`.execute(t.database.db);
  assert.deepEqual(contacts.rows, [{ channel: 'self_service', kind: 'transaction', topic: 'rotter', service: 'anmeld-rotter', department: 'miljoe-teknik' }]);
});

test('a KLE number finds the closest registry topic, preferring the department', async () => {
  assert.equal(await topicForKle(t.database.db, '07.18', 'miljoe-teknik'), 'affald');
  assert.equal(await topicForKle(t.database.db, '07.18.02', 'miljoe-teknik'), 'storskrald');
  assert.equal(await topicForKle(t.database.db, '02.34.02', 'miljoe-teknik'), 'byggeri');
  assert.equal(await topicForKle(t.database.db, '99.99.99', 'miljoe-teknik'), 'andet');
});
