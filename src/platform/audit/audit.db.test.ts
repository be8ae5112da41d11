// The audit log: written in the caller's transaction, append-only in the database
// itself, searched only by the data-protection officer — and that search is logged too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { HttpClient, hiddenField, logInAs, startListeningTestApp, type ListeningTestApp } from '../../../test/helpers/http-client.ts';
import { lookupPerson } from '../auth/register/index.ts';
import type { StaffIdentity } from '../auth/identity.ts';
import { record } from './service.ts';
import { findAuditRows } from './store.ts';

let t: ListeningTestApp;
before(async () => {
  t = await startListeningTestApp({ env: { KANAL_SESSION_SECRET: 'audit-test-secret-of-32-characters-at-least' } });
});
after(() => t.close());

const caseworker: StaffIdentity = {
  kind: 'staff',
  subject: 'sagsbehandler-42',
  name: 'Sofie Sagsbehandler',
  loa: 'substantial',
  roles: ['caseworker'],
  department: { id: 'boern-unge', name: 'Børn og Unge', sensitive: false },
};

test('record() writes who, role, department, action, whose data, purpose, request id and outcome', async () => {
  await t.database.db.transaction().execute((trx) =>
    record(trx, { actor: caseworker, action: 'case.view', subject: { cpr: '0305164127' }, purpose: 'Sag 2026-17', requestId: 'req-1', outcome: 'success', details: { caseId: 17 } }),
  );
  const [row] = await findAuditRows(t.database.db, { cpr: '0305164127', limit: 1 });
  assert.ok(row);
  assert.equal(row.actor_kind, 'staff');
  assert.equal(row.actor_id, 'sagsbehandler-42');
  assert.equal(row.actor_name, 'Sofie Sagsbehandler');
  assert.equal(row.actor_role, 'caseworker');
  assert.equal(row.actor_department, 'boern-unge');
  assert.equal(row.action, 'case.view');
  assert.equal(row.purpose, 'Sag 2026-17');
  assert.equal(row.request_id, 'req-1');
  assert.equal(row.outcome, 'success');
  assert.deepEqual(row.details, { caseId: 17 });
  assert.ok(Math.abs(Date.parse(row.at) - Date.now()) < 60_000);
});

test('an entry is rolled back with the action it belongs to', async () => {
  await assert.rejects(
    t.database.db.transaction().execute(async (trx) => {
      await record(trx, { actor: caseworker, action: 'case.view', subject: { cpr: '0211360213' }, purpose: 'Rulles tilbage', outcome: 'success' });
      throw new Error('the action failed');
    }),
  );
  assert.equal((await findAuditRows(t.database.db, { cpr: '0211360213', actor: 'sagsbehandler-42', limit: 10 })).filter((r) => r.purpose === 'Rulles tilbage').length, 0);
});

test('the database itself refuses to change or delete audit rows', async () => {
  await t.database.db.transaction().execute((trx) => record(trx, { actor: { kind: 'system', name: 'retention-job' }, action: 'test.entry', purpose: 'Test', outcome: 'success' }));
  await assert.rejects(sql`update audit_log set purpose = 'changed'`.execute(t.database.db), /append-only/);
  await assert.rejects(sql`delete from audit_log`.execute(t.database.db), /append-only/);
  if (t.database.dialect === 'postgres') await assert.rejects(sql`truncate audit_log`.execute(t.database.db), /append-only/);
  const rows = await findAuditRows(t.database.db, { actor: 'retention-job', limit: 10 });
  assert.equal(rows[0]?.purpose, 'Test');
});

test('a person lookup is recorded with its purpose, found or not', async () => {
  const by = { config: t.config, actor: caseworker, purpose: 'Henvendelse om pasning', requestId: 'req-2' };
  const person = await t.database.db.transaction().execute((trx) => lookupPerson(trx, by, '1203881234'));
  assert.equal(person?.name, 'Anna Sørensen');
  const missing = await t.database.db.transaction().execute((trx) => lookupPerson(trx, by, '0101010101'));
  assert.equal(missing, undefined);
  const [found] = await findAuditRows(t.database.db, { cpr: '1203881234', actor: 'sagsbehandler-42', limit: 1 });
  assert.equal(found?.action, 'person.lookup');
  assert.equal(found?.outcome, 'success');
  assert.equal(found?.purpose, 'Henvendelse om pasning');
  const [notFound] = await findAuditRows(t.database.db, { cpr: '0101010101', limit: 1 });
  assert.equal(notFound?.outcome, 'not_found');
});

async function dpoClient() {
  const client = new HttpClient(t.baseUrl);
  await logInAs(client, 'staff', 'medarbejder-administration-dpo');
  const page = await client.get('/medarbejder/adgangslog');
  assert.equal(page.status, 200);
  return { client, token: hiddenField(page.body, '_csrf') };
}

test('the data-protection officer searches by person; the search itself is recorded', async () => {
  const { client, token } = await dpoClient();
  const result = await client.post('/medarbejder/adgangslog', { _csrf: token, person: '120388-1234', formaal: 'Anmodning om indsigt fra borgeren' });
  assert.equal(result.status, 200);
  assert.match(result.body, /Sofie Sagsbehandler \(sagsbehandler-42\)/);
  assert.match(result.body, /Henvendelse om pasning/);
  assert.match(result.body, /120388-1234/);
  const [search] = await findAuditRows(t.database.db, { cpr: '1203881234', limit: 1 });
  assert.equal(search?.action, 'audit.search');
  assert.equal(search?.actor_id, 'medarbejder-administration-dpo');
  assert.equal(search?.actor_role, 'dpo');
  assert.equal(search?.purpose, 'Anmodning om indsigt fra borgeren');
  assert.ok(search?.request_id);
});

test('searching by employee and period finds that employee\'s actions in the period only', async () => {
  const { client, token } = await dpoClient();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const [year, month, day] = today.split('-');
  const inPeriod = await client.post('/medarbejder/adgangslog', { _csrf: token, medarbejder: 'sofie', 'fra-day': day!, 'fra-month': month!, 'fra-year': year!, 'til-day': day!, 'til-month': month!, 'til-year': year!, formaal: 'Stikprøve' });
  assert.match(inPeriod.body, /Sofie Sagsbehandler/);
  assert.doesNotMatch(inPeriod.body, /retention-job/);
  const earlier = await client.post('/medarbejder/adgangslog', { _csrf: token, medarbejder: 'sofie', 'fra-day': '1', 'fra-month': '1', 'fra-year': '2020', 'til-day': '31', 'til-month': '12', 'til-year': '2020', formaal: 'Stikprøve' });
  assert.match(earlier.body, /Ingen handlinger passer til søgningen/);
  const [search] = await findAuditRows(t.database.db, { actor: 'medarbejder-administration-dpo', limit: 1 });
  assert.equal(search?.action, 'audit.search');
  assert.deepEqual(search?.details, { employee: 'sofie', from: '2020-01-01', to: '2020-12-31' });
});

test('bad search input gets clear messages, and nothing is searched or recorded', async () => {
  const { client, token } = await dpoClient();
  const before = (await findAuditRows(t.database.db, { actor: 'medarbejder-administration-dpo', limit: 1000 })).length;
  const bad = await client.post('/medarbejder/adgangslog', { _csrf: token, person: '123', 'fra-day': '31', 'fra-month': '2', 'fra-year': '2026', formaal: '' });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /Skriv et CPR-nummer med 10 cifre eller et CVR-nummer med 8 cifre/);
  assert.match(bad.body, /Skriv en rigtig dato/);
  assert.match(bad.body, /Skriv formålet med søgningen/);
  assert.match(bad.body, /href="#person"/);
  assert.equal((await findAuditRows(t.database.db, { actor: 'medarbejder-administration-dpo', limit: 1000 })).length, before);
});

test('the CSV export holds the rows, keeps spreadsheet formulas inert, and is recorded', async () => {
  await t.database.db.transaction().execute((trx) => record(trx, { actor: caseworker, action: 'case.view', subject: { cvr: '16180339' }, purpose: '=HYPERLINK("http://evil")', outcome: 'success' }));
  const { client, token } = await dpoClient();
  const response = await client.send('POST', '/medarbejder/adgangslog/csv', { form: { _csrf: token, person: '16180339', formaal: 'Sikkerhedshændelse' } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
  assert.match(response.headers.get('content-disposition')!, /attachment; filename="adgangslog-\d{4}-\d{2}-\d{2}\.csv"/);
  const csv = await response.text();
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\n');
  assert.equal(lines[0], 'tidspunkt;handling;udført af;bruger-id;rolle;afdeling;cpr;cvr;formål;resultat;request-id');
  assert.ok(lines.some((l) => l.includes(';case.view;Sofie Sagsbehandler;sagsbehandler-42;caseworker;boern-unge;;16180339;')));
  assert.ok(lines.some((l) => l.includes('"\'=HYPERLINK(""http://evil"")"')), 'a leading = is prefixed with \'');
  const [exported] = await findAuditRows(t.database.db, { cvr: '16180339', limit: 1 });
  assert.equal(exported?.action, 'audit.export');
  assert.equal(exported?.purpose, 'Sikkerhedshændelse');
});

test('only the data-protection officer may read the audit log', async () => {
  const client = new HttpClient(t.baseUrl);
  await logInAs(client, 'staff', 'medarbejder-administration-admin');
  assert.equal((await client.get('/medarbejder/adgangslog')).status, 403);
  const home = await client.get('/medarbejder');
  assert.doesNotMatch(home.body, /Adgangslog/, 'the menu has no link to it');
});
