// Departments come from configuration (KANAL_DEPARTMENTS), not from a fixed list: with a
// municipality of two departments, one of them not among the defaults, the topic admin,
// the import and quick registration accept that one and refuse the others, saying why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { HttpClient, hiddenField, logInAs, startListeningTestApp, type ListeningTestApp } from '../../../test/helpers/http-client.ts';
import { importFigures, ImportRejected } from './import/importer.ts';
import { importContext } from './routes.tsx';
import { captureLogs } from '../../../test/helpers/app.ts';
import * as store from './store.ts';
import { authModule } from '../../platform/auth/index.ts';
import { auditModule } from '../../platform/audit/index.ts';
import { jobsModule } from '../../platform/jobs/index.ts';
import { contactsModule } from './index.ts';
import { isoWeekOf } from './count-week.ts';

let t: ListeningTestApp;
let admin: HttpClient;
let staff: HttpClient;
before(async () => {
  // Only the platform and this module: the demo self-services name the default departments.
  t = await startListeningTestApp({
    modules: [authModule, auditModule, jobsModule, contactsModule],
    env: { KANAL_DEPARTMENTS: 'borgerservice=Borgerservice;by-land=By og Land;administration=Administration', KANAL_SENSITIVE_DEPARTMENTS: 'none', KANAL_CONTACTS_COUNT_WEEKS: isoWeekOf(new Date()) },
  });
  admin = new HttpClient(t.baseUrl);
  await logInAs(admin, 'staff', 'medarbejder-administration-admin');
  staff = new HttpClient(t.baseUrl);
  await logInAs(staff, 'staff', 'medarbejder-borgerservice-frontdesk');
});
after(() => t.close());

const form = async (client: HttpClient, url: string, fields: Record<string, string>) => {
  const _csrf = hiddenField((await client.get('/medarbejder/henvendelser/ny')).body, '_csrf');
  const response = await client.send('POST', url, { form: { _csrf, ...fields } });
  return { status: response.status, location: response.headers.get('location'), body: await response.text() };
};

test('topic admin offers and accepts only the configured departments', async () => {
  const page = await admin.get('/medarbejder/henvendelser/emner/ny');
  assert.match(page.body, /<option value="by-land">By og Land<\/option>/);
  assert.doesNotMatch(page.body, /<option value="miljoe-teknik">/);
  const refused = await form(admin, '/medarbejder/henvendelser/emner/ny', { code: 'vandloeb', name: 'Vandløb', kle: '06.02.00', department: 'miljoe-teknik', options: 'active' });
  assert.equal(refused.status, 400);
  assert.match(refused.body, /Forvaltningen findes ikke i kommunens opsætning\. Vælg en forvaltning fra listen\./);
  assert.equal(await store.findTopic(t.database.db, 'vandloeb'), undefined);
  const saved = await form(admin, '/medarbejder/henvendelser/emner/ny', { code: 'vandloeb', name: 'Vandløb', kle: '06.02.00', department: 'by-land', options: 'active' });
  assert.equal(saved.status, 303);
  assert.equal((await store.findTopic(t.database.db, 'vandloeb'))?.department, 'by-land');
  // Seeded topics of departments this municipality does not have say so in the list.
  assert.match((await admin.get('/medarbejder/henvendelser/emner')).body, /miljoe-teknik \(Forvaltningen findes ikke i kommunens opsætning\)/);
});

test('quick registration offers topics of configured departments and refuses the others with a Danish message', async () => {
  const page = await staff.get('/medarbejder/henvendelser/ny');
  assert.match(page.body, /name="topic" value="pas">Pas<\/button>/);
  assert.doesNotMatch(page.body, /name="topic" value="affald">/);
  const refused = await form(staff, '/medarbejder/henvendelser/ny', { channel: 'phone', kind: 'information', resolved: 'yes', topicText: 'Affald og genbrug' });
  assert.equal(refused.status, 400);
  assert.match(refused.body, /Emnet Affald og genbrug hører til forvaltningen »miljoe-teknik«, som ikke findes i kommunens opsætning\./);
  const forged = await form(staff, '/medarbejder/henvendelser/taelleuge', { channel: 'phone', cell: 'information:affald' });
  assert.equal(forged.status, 400);
  const tally = (await staff.get('/medarbejder/henvendelser/taelleuge')).body;
  assert.match(tally, /value="information:pas"/);
  assert.doesNotMatch(tally, /value="information:affald"/);
  const registered = await form(staff, '/medarbejder/henvendelser/ny', { channel: 'phone', kind: 'information', resolved: 'yes', topicText: 'Vandløb' });
  assert.equal(registered.status, 303);
  const contact = (await store.recount(t.database.db)).find((a) => a.topic === 'vandloeb');
  assert.equal(contact?.department, 'by-land');
});

test('import lines: a configured department is accepted; another is refused with line, column and the configured list', async () => {
  const flow = importContext({ config: t.config, db: t.database.db, dialect: t.database.dialect, log: captureLogs('error').logger, metrics: undefined as never });
  const file = (lines: string[]) => Buffer.from(['dato;kanal;retning;art;emne;forvaltning;antal', ...lines].join('\n'));
  const bad = file(['2026-11-02;telefon;ind;information;pas;by-land;4', '2026-11-02;telefon;ind;information;pas;miljoe-teknik;5', '2026-11-02;telefon;ind;information;affald;;6']);
  await assert.rejects(
    t.database.db.transaction().execute((trx) => importFigures(trx, { file: bad, fileName: 'x.csv', source: 'telefoni', departments: flow.departments })),
    (error: unknown) => {
      assert.ok(error instanceof ImportRejected);
      assert.deepEqual(error.problems, [
        { line: 3, column: 'forvaltning', problem: 'Ukendt forvaltning »miljoe-teknik«. Kommunens forvaltninger er: borgerservice, by-land, administration.' },
        {
          line: 4,
          column: 'forvaltning',
          problem: 'Emnet »affald« hører til forvaltningen »miljoe-teknik«, som ikke findes i kommunens opsætning. Skriv en af kommunens forvaltninger (borgerservice, by-land, administration), eller få emnet rettet.',
        },
      ]);
      return true;
    },
  );
  assert.equal((await store.listBatches(t.database.db, 10)).length, 0);
  const good = file(['2026-11-02;telefon;ind;information;pas;by-land;4', '2026-11-02;telefon;ind;information;affald;by-land;6']);
  const outcome = await t.database.db.transaction().execute((trx) => importFigures(trx, { file: good, fileName: 'y.csv', source: 'telefoni', departments: flow.departments }));
  assert.equal(outcome.status, 'imported');
  const departments = (await store.allAggregates(t.database.db)).filter((a) => a.source === 'import').map((a) => a.department);
  assert.deepEqual([...new Set(departments)], ['by-land']);
});
