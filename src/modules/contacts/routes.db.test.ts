// The contacts pages through real HTTP on a real database, logged in through the test identity provider.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { HttpClient, hiddenField, logInAs, startListeningTestApp, type ListeningTestApp } from '../../../test/helpers/http-client.ts';
import type { AppContext } from '../../platform/module.ts';
import { registerContactRoutes } from './routes.tsx';
import { isoWeekOf } from './count-week.ts';
import * as store from './store.ts';

let t: ListeningTestApp;
let staff: HttpClient;
let admin: HttpClient;
before(async () => {
  t = await startListeningTestApp({ env: { KANAL_CONTACTS_COUNT_WEEKS: `2020-W46,${isoWeekOf(new Date())}` } });
  staff = new HttpClient(t.baseUrl);
  await logInAs(staff, 'staff', 'medarbejder-borgerservice-frontdesk');
  admin = new HttpClient(t.baseUrl);
  await logInAs(admin, 'staff', 'medarbejder-administration-admin');
});
after(() => t.close());

const cookieHeader = (client: HttpClient, extra: Record<string, string> = {}) => [...client.cookies, ...Object.entries(extra)].map(([k, v]) => `${k}=${v}`).join('; ');
const tokens = new Map<HttpClient, string>();
async function csrf(client: HttpClient): Promise<string> {
  if (!tokens.has(client)) tokens.set(client, hiddenField((await client.get('/medarbejder/henvendelser/ny')).body, '_csrf'));
  return tokens.get(client)!;
}

interface Answer {
  status: number;
  location: string | null;
  body: string;
  cookies: string[];
}

async function request(client: HttpClient, method: string, url: string, body?: BodyInit, headers: Record<string, string> = {}, cookies: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(new URL(url, t.baseUrl), { method, headers: { cookie: cookieHeader(client, cookies), ...headers }, body, redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), body: await response.text(), cookies: response.headers.getSetCookie() };
}

const get = (client: HttpClient, url: string, cookies: Record<string, string> = {}) => request(client, 'GET', url, undefined, {}, cookies);

async function post(client: HttpClient, url: string, fields: Record<string, string | string[] | undefined>): Promise<Answer> {
  const body = new URLSearchParams({ _csrf: await csrf(client) });
  for (const [k, v] of Object.entries(fields)) for (const one of [v ?? []].flat()) body.append(k, one);
  return request(client, 'POST', url, body.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
}

async function upload(client: HttpClient, fields: Record<string, string>, file?: { name: string; data: Buffer }): Promise<Answer> {
  const boundary = '----kanaltest';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`), file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return request(client, 'POST', '/medarbejder/henvendelser/import', Buffer.concat(parts), { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

async function latest() {
  const { rows } = await sql<{ id: number }>`select max(id) as id from contact`.execute(t.database.db);
  return store.findContact(t.database.db, Number(rows[0]!.id));
}

const common = { channel: 'phone', kind: 'information', resolved: 'yes' };

test('the quick registration page preselects phone and lists the frequent topics as one-click buttons', async () => {
  const page = await get(staff, '/medarbejder/henvendelser/ny');
  assert.equal(page.status, 200);
  assert.match(page.body, /<input[^>]*value="phone"[^>]*checked|<input[^>]*checked[^>]*value="phone"/);
  assert.match(page.body, /<button type="submit" class="button button-secondary" name="topic" value="affald">Affald og genbrug<\/button>/);
  assert.match(page.body, /<datalist id="topic-list">/);
});

test('one click on a topic registers a manual contact, shows it for correction, and remembers the channel', async () => {
  const response = await post(staff, '/medarbejder/henvendelser/ny', { ...common, topic: 'affald' });
  assert.equal(response.status, 303);
  assert.equal(response.location, '/medarbejder/henvendelser/ny?registreret=affald');
  const contact = await latest();
  assert.deepEqual([contact?.channel, contact?.topic, contact?.kind, contact?.resolved, contact?.source], ['phone', 'affald', 'information', 'yes', 'manual']);
  const page = await get(staff, response.location);
  assert.match(page.body, /Registreret: Affald og genbrug\./);
  assert.match(page.body, new RegExp(`href="/medarbejder/henvendelser/${contact!.id}/ret"`));

  // An e-mail registration with the topic typed: the channel is preselected next time.
  const email = await post(staff, '/medarbejder/henvendelser/ny', { ...common, channel: 'email', kind: 'own_case', resolved: 'no', extras: ['failureDemand', 'assisted'], topicText: 'pas' });
  assert.equal(email.status, 303);
  assert.ok(email.cookies.some((c) => c.startsWith('kanal_contact_channel=email;')));
  const newest = await latest();
  assert.deepEqual([newest?.channel, newest?.topic, newest?.kind, newest?.resolved, newest?.failureDemand, newest?.assisted], ['email', 'pas', 'own_case', 'no', true, true]);
  const next = await get(staff, '/medarbejder/henvendelser/ny', { kanal_contact_channel: 'email' });
  assert.match(next.body, /<input[^>]*value="email"[^>]*checked|<input[^>]*checked[^>]*value="email"/);
});

test('an unknown typed topic is refused with a Danish message and nothing is stored', async () => {
  const before = (await store.recount(t.database.db)).length;
  const response = await post(staff, '/medarbejder/henvendelser/ny', { ...common, topicText: 'hundeskat' });
  assert.equal(response.status, 400);
  assert.match(response.body, /Vælg et emne fra listen\./);
  assert.match(response.body, /value="hundeskat"/);
  assert.equal((await store.recount(t.database.db)).length, before);
  const forged = await post(staff, '/medarbejder/henvendelser/ny', { ...common, channel: 'fax', topic: 'affald' });
  assert.equal(forged.status, 400);
});

test('a registration is corrected and removed from the correction page', async () => {
  await post(staff, '/medarbejder/henvendelser/ny', { ...common, topic: 'rotter' });
  const contact = await latest();
  const page = await get(staff, `/medarbejder/henvendelser/${contact!.id}/ret`);
  assert.equal(page.status, 200);
  const saved = await post(staff, `/medarbejder/henvendelser/${contact!.id}/ret`, { ...common, channel: 'in_person', topic: 'pas' });
  assert.equal(saved.status, 303);
  assert.equal((await store.findContact(t.database.db, contact!.id))?.topic, 'pas');
  const removed = await post(staff, `/medarbejder/henvendelser/${contact!.id}/fjern`, {});
  assert.equal(removed.status, 303);
  assert.equal(await store.findContact(t.database.db, contact!.id), undefined);
  const gone = await get(staff, `/medarbejder/henvendelser/${contact!.id}/ret`);
  assert.equal(gone.status, 404);
  // The second click of a double click finds it removed and says so, as the first did.
  const again = await post(staff, `/medarbejder/henvendelser/${contact!.id}/fjern`, {});
  assert.match(removed.location ?? '', /besked=fjernet/);
  assert.deepEqual([again.status, again.location], [303, removed.location]);
});

test('count week: one click tallies a contact and the running totals go up', async () => {
  const click = await post(staff, '/medarbejder/henvendelser/taelleuge', { channel: 'in_person', cell: 'transaction:pas' });
  assert.equal(click.status, 303);
  await post(staff, '/medarbejder/henvendelser/taelleuge', { channel: 'in_person', cell: 'transaction:pas' });
  const page = await get(staff, click.location!);
  assert.match(page.body, /Talt: Personlig, Pas, Transaktion\./);
  assert.match(page.body, /name="cell" value="transaction:pas">Pas<span class="sr-only">, Transaktion, Personlig, <\/span><span class="kanal-tally-count">2<\/span>/);
  assert.match(page.body, /Personlig \(2\)/);
});

test('outside a count week the page says so and a tally is refused', async () => {
  const other = await startListeningTestApp({ database: t.database, migrate: false, env: { KANAL_CONTACTS_COUNT_WEEKS: '2020-W46' } });
  try {
    const client = new HttpClient(other.baseUrl);
    await logInAs(client, 'staff', 'medarbejder-borgerservice-frontdesk');
    const page = await client.get('/medarbejder/henvendelser/taelleuge');
    assert.match(page.body, /Det er ikke tælleuge nu\./);
    assert.match(page.body, /Tælleuger: 2020-W46\./);
    const _csrf = hiddenField((await client.get('/medarbejder/henvendelser/ny')).body, '_csrf');
    const click = await client.send('POST', '/medarbejder/henvendelser/taelleuge', { form: { _csrf, channel: 'phone', cell: 'information:affald' } });
    assert.equal(click.status, 409);
  } finally {
    await other.close();
  }
});

test('staff must log in; only admins reach the topic list and the import; a form without its CSRF token is refused', async () => {
  const anonymous = new HttpClient(t.baseUrl);
  const login = await anonymous.send('GET', '/medarbejder/henvendelser/ny');
  assert.ok([302, 303].includes(login.status), `anonymous: ${login.status}`);
  assert.match(login.headers.get('location') ?? '', /\/auth\/login\/staff/);
  const citizen = new HttpClient(t.baseUrl);
  await logInAs(citizen, 'citizen', 'borger-anna-soerensen');
  assert.equal((await citizen.send('GET', '/medarbejder/henvendelser/ny')).status, 403);
  for (const url of ['/medarbejder/henvendelser/emner', '/medarbejder/henvendelser/emner/ny', '/medarbejder/henvendelser/import']) {
    assert.equal((await get(staff, url)).status, 403, url);
    assert.equal((await get(admin, url)).status, 200, url);
  }
  assert.equal((await post(staff, '/medarbejder/henvendelser/emner/ny', { code: 'x', name: 'X', kle: '00.00.00', department: 'administration' })).status, 403);
  assert.equal((await upload(staff, { _csrf: await csrf(staff), source: 'telefoni' }, { name: 'a.csv', data: Buffer.from('x') })).status, 403);
  // The CSRF token is checked, also inside the multipart upload.
  const noToken = await request(staff, 'POST', '/medarbejder/henvendelser/ny', 'channel=phone&kind=information&resolved=yes&topic=affald', { 'content-type': 'application/x-www-form-urlencoded' });
  assert.equal(noToken.status, 403);
  assert.equal((await upload(admin, { _csrf: 'wrong', source: 'telefoni' }, { name: 'a.csv', data: Buffer.from('x') })).status, 403);
});

test('admins add and change topics; bad input gets Danish messages and changes nothing', async () => {
  const bad = await post(admin, '/medarbejder/henvendelser/emner/ny', { code: 'Hunde Skat', name: '', kle: '2.3', department: 'nasa' });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /Skriv en kode med små bogstaver/);
  assert.match(bad.body, /Skriv KLE-nummeret som 00\.00\.00/);
  assert.match(bad.body, /Forvaltningen findes ikke i kommunens opsætning\. Vælg en forvaltning fra listen\./);
  const none = await post(admin, '/medarbejder/henvendelser/emner/ny', { code: 'hundeskat', name: 'Hundeskat', kle: '00.32.00', department: '' });
  assert.match(none.body, /Vælg en forvaltning\./);
  const good = await post(admin, '/medarbejder/henvendelser/emner/ny', { code: 'hundeskat', name: 'Hundeskat', kle: '00.32.00', department: 'administration', options: ['frequent', 'active'] });
  assert.equal(good.status, 303);
  assert.deepEqual(await store.findTopic(t.database.db, 'hundeskat'), { code: 'hundeskat', name: 'Hundeskat', kle: '00.32.00', department: 'administration', handledBy: null, frequent: true, active: true });
  const taken = await post(admin, '/medarbejder/henvendelser/emner/ny', { code: 'hundeskat', name: 'X', kle: '00.32.00', department: 'administration' });
  assert.match(taken.body, /Der findes allerede et emne med den kode\./);
  const retire = await post(admin, '/medarbejder/henvendelser/emner/hundeskat', { name: 'Hundeskat', kle: '00.32.00', department: 'administration' });
  assert.equal(retire.status, 303);
  assert.equal((await store.findTopic(t.database.db, 'hundeskat'))?.active, false);
  const missing = await post(admin, '/medarbejder/henvendelser/emner/findes-ikke', { name: 'X', kle: '00.00.00', department: 'administration' });
  assert.equal(missing.status, 404);
});

test('import of a small file: checked at once, each error by line and column; a good file is imported once', async () => {
  const status = async (location: string) => JSON.parse((await get(admin, location.replace('/medarbejder/henvendelser/import/', '/api/contacts/imports/'))).body) as { phase: string; problems: unknown[] };
  const bad = Buffer.from('dato;kanal;retning;art;emne;forvaltning;antal\n2026-11-02;telefon;ind;information;affald;;-4\n');
  const rejected = await upload(admin, { _csrf: await csrf(admin), source: 'telefoni' }, { name: 'telefoni.csv', data: bad });
  assert.equal(rejected.status, 303);
  assert.match(rejected.location!, /^\/medarbejder\/henvendelser\/import\/\d+$/);
  const checked = await status(rejected.location!);
  assert.equal(checked.phase, 'rejected');
  assert.deepEqual(checked.problems, [{ line: 2, column: 'antal', problem: 'Antallet »-4« er negativt. Det skal være 0 eller mere.' }]);
  const preview = await get(admin, rejected.location!);
  assert.match(preview.body, /Filen kan ikke importeres: 1 fejl/);
  assert.match(preview.body, /<td[^>]*>2<\/td><td[^>]*>antal<\/td><td[^>]*>Antallet »-4« er negativt/);

  const missing = await upload(admin, { _csrf: await csrf(admin), source: '' });
  assert.equal(missing.status, 400);
  assert.match(missing.body, /Vælg en kilde\./);
  assert.match(missing.body, /Vælg en fil\./);

  const good = Buffer.from('dato;kanal;retning;art;emne;forvaltning;antal\n2026-11-02;telefon;ind;information;affald;;412\n');
  const ok = await upload(admin, { _csrf: await csrf(admin), source: 'telefoni' }, { name: 'telefoni.csv', data: good });
  const page = await get(admin, ok.location!);
  assert.match(page.body, /Henvendelser i alt/);
  const confirm = () => post(admin, `${ok.location!}/godkend`, {});
  const done = await confirm();
  assert.equal(done.status, 303);
  assert.equal(done.location, ok.location);
  assert.match((await get(admin, ok.location!)).body, /1 linjer med i alt 412 henvendelser er gemt\./);
  // A second click changes nothing.
  assert.equal((await confirm()).status, 303);
  const again = await upload(admin, { _csrf: await csrf(admin), source: 'telefoni' }, { name: 'telefoni.csv', data: good });
  assert.match((await get(admin, again.location!)).body, /Præcis denne fil er allerede importeret/);
  await post(admin, `${again.location!}/godkend`, {});
  assert.match((await get(admin, again.location!)).body, /Filen var allerede importeret\. Intet er ændret\./);
  assert.equal((await store.listBatches(t.database.db, 10)).length, 1);
});

test('every contacts route declares its access: staff register and tally, only admins edit topics and import', async () => {
  const app = Fastify();
  const declared = new Map<string, unknown>();
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') declared.set(`${method} ${route.url}`, route.config?.access);
  });
  registerContactRoutes(app, { config: t.config, db: t.database.db } as AppContext);
  await app.ready();
  const staff = { roles: ['frontdesk', 'caseworker', 'manager', 'admin'] };
  const admin = { roles: ['admin'] };
  const expected: Record<string, unknown> = {
    'GET /medarbejder/henvendelser/ny': staff,
    'POST /medarbejder/henvendelser/ny': staff,
    'GET /medarbejder/henvendelser/:id/ret': staff,
    'POST /medarbejder/henvendelser/:id/ret': staff,
    'POST /medarbejder/henvendelser/:id/fjern': staff,
    'GET /medarbejder/henvendelser/taelleuge': staff,
    'POST /medarbejder/henvendelser/taelleuge': staff,
    'GET /medarbejder/henvendelser/emner': admin,
    'GET /medarbejder/henvendelser/emner/ny': admin,
    'POST /medarbejder/henvendelser/emner/ny': admin,
    'GET /medarbejder/henvendelser/emner/:code': admin,
    'POST /medarbejder/henvendelser/emner/:code': admin,
    'GET /medarbejder/henvendelser/import': admin,
    'POST /medarbejder/henvendelser/import': admin,
    'GET /medarbejder/henvendelser/import/:id': admin,
    'GET /api/contacts/imports/:id': admin,
    'POST /medarbejder/henvendelser/import/:id/godkend': admin,
  };
  assert.deepEqual(Object.fromEntries(declared), expected);
  await app.close();
});
