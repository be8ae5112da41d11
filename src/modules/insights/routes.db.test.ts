// The insights routes through real HTTP on a real database, logged in through the test
// identity provider as the employees it has (admin, a manager of Miljø og Teknik, a caseworker).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { HttpClient, hiddenField, logInAs, startListeningTestApp, type ListeningTestApp } from '../../../test/helpers/http-client.ts';
import { record } from '../contacts/index.ts';

const accounts = {
  admin: 'medarbejder-administration-admin',
  mtManager: 'medarbejder-miljoe-teknik-manager',
  caseworker: 'medarbejder-borgerservice-caseworker',
};
type Person = keyof typeof accounts;

let t: ListeningTestApp;
const clients = {} as Record<Person | 'anonymous', HttpClient>;
before(async () => {
  t = await startListeningTestApp();
  await t.database.db.transaction().execute(async (trx) => {
    const tx = { kind: 'transaction' as const, at: '2015-03-02T10:00:00.000Z' };
    await record(trx, { ...tx, channel: 'self_service', topic: 'byggeri', service: 'byggetilladelse', count: 72 });
    await record(trx, { ...tx, channel: 'letter', topic: 'byggeri', service: 'byggetilladelse', count: 28 });
    await record(trx, { ...tx, channel: 'self_service', topic: 'flytning', service: 'flytning', count: 9, person: 'person-ref-1' });
    await record(trx, { at: tx.at, channel: 'phone', kind: 'information', topic: 'affald', count: 50, person: 'person-ref-2', recordedBy: 'emp-7' });
  });
  clients.anonymous = new HttpClient(t.baseUrl);
  for (const [who, account] of Object.entries(accounts) as [Person, string][]) {
    clients[who] = new HttpClient(t.baseUrl);
    await logInAs(clients[who], 'staff', account);
  }
});
after(() => t.close());

type Answer = { statusCode: number; body: string; headers: Headers; bytes: Buffer };
async function get(url: string, who?: Person): Promise<Answer> {
  const response = await clients[who ?? 'anonymous'].send('GET', url);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { statusCode: response.status, body: bytes.toString('utf8'), headers: response.headers, bytes };
}
/** Posts a form as the page's own form would: with the CSRF token from the page. */
async function post(url: string, who: Person, body: Record<string, string>, formPage = '/staff/indsigt/rapporter'): Promise<Answer> {
  const page = await clients[who].get(formPage);
  const response = await clients[who].send('POST', url, { form: { _csrf: hiddenField(page.body, '_csrf'), ...body } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { statusCode: response.status, body: bytes.toString('utf8'), headers: response.headers, bytes };
}

test('the dashboard: admins see everything, with charts as images, tables, explanations and exports', async () => {
  const res = await get('/staff/indsigt?period=2015', 'admin');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /byggetilladelse/);
  assert.match(res.body, /<img class="insights-chart" src="\/staff\/indsigt\/diagram\/mix\?period=2015&amp;lang=da" alt="Søjlediagram: henvendelser pr. kanal og måned, 2015/);
  assert.match(res.body, /Sådan er tallet beregnet/);
  assert.doesNotMatch(res.body, /style="/, 'no inline styles on a page');
  const svg = await get('/staff/indsigt/diagram/take-up?period=2015', 'admin');
  assert.equal(svg.statusCode, 200);
  assert.match(String(svg.headers.get('content-type')), /^image\/svg\+xml/);
  assert.match(svg.body, /^<svg/);
  const csv = await get('/staff/indsigt/eksport.csv?period=2015&table=services', 'admin');
  assert.equal(csv.statusCode, 200);
  assert.match(csv.body, /service;digital;total;take_up;completion_rate;abandonment_ratio\r?\nbyggetilladelse;72;100;0\.72;;/);
  const xlsx = await get('/staff/indsigt/eksport.xlsx?period=2015', 'admin');
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.bytes.subarray(0, 2).toString(), 'PK');
});

test('a department manager sees their own department in detail, the municipality in aggregate, never another department\'s services', async () => {
  const own = await get('/staff/indsigt?period=2015&department=miljoe-teknik', 'mtManager');
  assert.equal(own.statusCode, 200);
  assert.match(own.body, /byggetilladelse/);
  assert.doesNotMatch(own.body, />flytning</);
  const whole = await get('/staff/indsigt?period=2015', 'mtManager');
  assert.equal(whole.statusCode, 200);
  assert.doesNotMatch(whole.body, /byggetilladelse|flytning/, 'no per-service figures for the municipality');
  assert.match(whole.body, /Du ser hele kommunen som samlede tal/);
  for (const url of ['/staff/indsigt?period=2015&department=borgerservice', '/staff/indsigt/eksport.csv?period=2015&table=services&department=borgerservice', '/staff/indsigt/diagram/take-up?period=2015&department=borgerservice']) {
    assert.equal((await get(url, 'mtManager')).statusCode, 403, url);
  }
  assert.equal((await get('/staff/indsigt/eksport.csv?period=2015&table=services', 'mtManager')).statusCode, 404, 'no services table in the aggregate view');
  assert.equal((await get('/staff/indsigt?period=2015', 'caseworker')).statusCode, 403);
  assert.equal((await get('/staff/indsigt?period=2015')).statusCode, 302, 'anonymous: to the login');
});

test('a wrong period is answered with a clear message and the default period', async () => {
  const res = await get('/staff/indsigt?period=2015H3', 'admin');
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Skriv perioden som år \(2015\)/);
  assert.match(res.body, /href="#period"/);
});

test('admins edit prices with history; bad input changes nothing', async () => {
  assert.equal((await get('/staff/indsigt/priser', 'mtManager')).statusCode, 403);
  const bad = await post('/staff/indsigt/priser', 'admin', { item: 'phone', fromYear: '2015', kroner: 'fyrre' }, '/staff/indsigt/priser');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Skriv prisen i kroner/);
  const ok = await post('/staff/indsigt/priser', 'admin', { item: 'phone', fromYear: '2015', kroner: '42,50' }, '/staff/indsigt/priser');
  assert.equal(ok.statusCode, 303);
  const page = await get('/staff/indsigt/priser', 'admin');
  assert.match(page.body, /42,50 kr\./);
  assert.match(page.body, /medarbejder-administration-admin/, 'who changed it');
  const csv = await get('/staff/indsigt/eksport.csv?period=2015&table=channels', 'admin');
  assert.match(csv.body, /Telefon;50;0;42\.5;2125/);
  const goal = await post('/staff/indsigt/maal', 'admin', { metric: 'digital_share', department: 'borgerservice', topic: '', kind: '', target: '60', targetYear: '2020', active: 'true' }, '/staff/indsigt/maal');
  assert.equal(goal.statusCode, 303);
  assert.match((await get('/staff/indsigt/maal', 'admin')).body, /Borgerservice/);
});

test('status reports: generate, comment by the department\'s manager, read as HTML and PDF, archive', async () => {
  assert.equal((await post('/staff/indsigt/rapporter', 'mtManager', { period: '2015H1', department: '' })).statusCode, 403, 'the municipality report is the admins\'');
  assert.equal((await post('/staff/indsigt/rapporter', 'mtManager', { period: '2015H1', department: 'miljoe-teknik' })).statusCode, 303);
  assert.equal((await post('/staff/indsigt/rapporter', 'admin', { period: '2015H1', department: 'borgerservice' })).statusCode, 303);
  const comment = await post('/staff/indsigt/rapporter/2015H1/miljoe-teknik/kommentar', 'mtManager', { comment: 'Byggesager går godt.' });
  assert.equal(comment.statusCode, 303);
  const html = await get('/staff/indsigt/rapporter/2015H1/miljoe-teknik', 'mtManager');
  assert.equal(html.statusCode, 200);
  assert.match(html.body, /Byggesager går godt\./);
  const pdf = await get('/staff/indsigt/rapporter/2015H1/miljoe-teknik/pdf', 'mtManager');
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
  assert.equal((await get('/staff/indsigt/rapporter/2015H1/borgerservice', 'mtManager')).statusCode, 403);
  assert.equal((await post('/staff/indsigt/rapporter/2015H1/borgerservice/kommentar', 'mtManager', { comment: 'x' })).statusCode, 403);
  const archive = await get('/staff/indsigt/rapporter', 'mtManager');
  assert.match(archive.body, /2015H1/);
  assert.doesNotMatch(archive.body, /rapporter\/2015H1\/borgerservice/, 'another department\'s report is not listed');
  assert.equal((await post('/staff/indsigt/rapporter', 'admin', { period: '2015Q1', department: '' })).statusCode, 400);
});

test('the intranet page: every employee, aggregates only', async () => {
  const res = await get('/intranet/kanalstrategi?period=2015', 'caseworker');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Kanalstrategien: sådan går det/);
  assert.doesNotMatch(res.body, /byggetilladelse|flytning/);
  assert.equal((await get('/intranet/kanalstrategi/diagram/mix?period=2015', 'caseworker')).statusCode, 200);
  assert.equal((await get('/intranet/kanalstrategi/diagram/take-up?period=2015', 'caseworker')).statusCode, 404);
  assert.equal((await get('/intranet/kanalstrategi')).statusCode, 302, 'anonymous: to the login');
});

test('open data: public JSON and CSV with stable columns and no personal data', async () => {
  const json = await get('/api/open-data/kpi.json');
  assert.equal(json.statusCode, 200);
  const doc = JSON.parse(json.body) as { rows: Record<string, unknown>[] };
  const whole = doc.rows.find((r) => r.year === 2015 && r.department === '')!;
  assert.deepEqual([whole.inbound_contacts, whole.self_service_in, whole.letters_in, whole.phone_in], [159, 81, 28, 50]);
  assert.equal(whole.digital_share, 81 / 159);
  assert.equal(whole.cost_dkk, 81 * 5 + 28 * 60 + 50 * 42.5);
  assert.doesNotMatch(json.body, /person-ref|emp-7/);
  const csv = await get('/api/open-data/kpi.csv');
  assert.equal(csv.statusCode, 200);
  assert.equal(csv.body.split('\n')[0], 'year,department,inbound_contacts,digital_share,web_visits_counted,self_service_in,web_visits,email_in,sms_in,chat_in,phone_in,letters_in,in_person,letters_out,digital_post_out,digital_post_share,cost_dkk,demo_data');
  assert.doesNotMatch(csv.body, /person-ref|emp-7/);
  const openapi = JSON.parse((await get('/openapi.json')).body) as { paths: Record<string, unknown> };
  assert.ok(openapi.paths['/api/open-data/kpi.json'] && openapi.paths['/api/open-data/kpi.csv']);
});
