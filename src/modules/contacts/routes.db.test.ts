// The contacts pages through real HTTP on a real database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import type { AppContext, KanalApp } from '../../platform/module.ts';
import { registerContactRoutes } from './routes.tsx';
import { isoWeekOf } from './count-week.ts';
import * as store from './store.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp({ env: { KANAL_CONTACTS_COUNT_WEEKS: `2020-W46,${isoWeekOf(new Date())}` } });
});
after(() => t.close());

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() };
};

function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const boundary = '----kanaltest';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`), file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(parts) };
}

const common = { channel: 'phone', kind: 'information', resolved: 'yes' };

test('the quick registration page preselects phone and lists the frequent topics as one-click buttons', async () => {
  const page = await t.app.inject({ method: 'GET', url: '/medarbejder/henvendelser/ny' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<input[^>]*value="phone"[^>]*checked|<input[^>]*checked[^>]*value="phone"/);
  assert.match(page.body, /<button type="submit" class="button button-secondary" name="topic" value="affald">Affald og genbrug<\/button>/);
  assert.match(page.body, /<datalist id="topic-list">/);
});

test('one click on a topic registers a manual contact, shows it for correction, and remembers the channel', async () => {
  const response = await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/ny', ...form({ ...common, topic: 'affald' }) });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/medarbejder/henvendelser/ny?registreret=affald');
  const [contact] = await store.contactsRecordedBy(t.database.db, 'medarbejder', '2000-01-01T00:00:00.000Z', 1);
  assert.deepEqual([contact?.channel, contact?.topic, contact?.kind, contact?.resolved, contact?.source], ['phone', 'affald', 'information', 'yes', 'manual']);
  const page = await t.app.inject({ method: 'GET', url: response.headers.location });
  assert.match(page.body, /Registreret: Affald og genbrug\./);
  assert.match(page.body, new RegExp(`href="/medarbejder/henvendelser/${contact!.id}/ret"`));

  // An e-mail registration with the topic typed: the channel is preselected next time.
  const email = await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/ny', ...form({ ...common, channel: 'email', kind: 'own_case', resolved: 'no', extras: ['failureDemand', 'assisted'], topicText: 'pas' }) });
  assert.equal(email.statusCode, 303);
  const cookie = email.cookies.find((c) => c.name === 'kanal_contact_channel');
  assert.equal(cookie?.value, 'email');
  const [latest] = await store.contactsRecordedBy(t.database.db, 'medarbejder', '2000-01-01T00:00:00.000Z', 1);
  assert.deepEqual([latest?.channel, latest?.topic, latest?.kind, latest?.resolved, latest?.failureDemand, latest?.assisted], ['email', 'pas', 'own_case', 'no', true, true]);
  const next = await t.app.inject({ method: 'GET', url: '/medarbejder/henvendelser/ny', cookies: { kanal_contact_channel: 'email' } });
  assert.match(next.body, /<input[^>]*value="email"[^>]*checked|<input[^>]*checked[^>]*value="email"/);
});

test('an unknown typed topic is refused with a Danish message and nothing is stored', async () => {
  const before = (await store.recount(t.database.db)).length;
  const response = await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/ny', ...form({ ...common, topicText: 'hundeskat' }) });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /Vælg et emne fra listen\./);
  assert.match(response.body, /value="hundeskat"/);
  assert.equal((await store.recount(t.database.db)).length, before);
  const forged = await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/ny', ...form({ ...common, channel: 'fax', topic: 'affald' }) });
  assert.equal(forged.statusCode, 400);
});

test('a registration is corrected and removed from the correction page', async () => {
  await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/ny', ...form({ ...common, topic: 'rotter' }) });
  const [contact] = await store.contactsRecordedBy(t.database.db, 'medarbejder', '2000-01-01T00:00:00.000Z', 1);
  const page = await t.app.inject({ method: 'GET', url: `/medarbejder/henvendelser/${contact!.id}/ret` });
  assert.equal(page.statusCode, 200);
  const saved = await t.app.inject({ method: 'POST', url: `/medarbejder/henvendelser/${contact!.id}/ret`, ...form({ ...common, channel: 'in_person', topic: 'pas' }) });
  assert.equal(saved.statusCode, 303);
  assert.equal((await store.findContact(t.database.db, contact!.id))?.topic, 'pas');
  const removed = await t.app.inject({ method: 'POST', url: `/medarbejder/henvendelser/${contact!.id}/fjern`, ...form({}) });
  assert.equal(removed.statusCode, 303);
  assert.equal(await store.findContact(t.database.db, contact!.id), undefined);
  const gone = await t.app.inject({ method: 'GET', url: `/medarbejder/henvendelser/${contact!.id}/ret` });
  assert.equal(gone.statusCode, 404);
});

test('count week: one click tallies a contact and the running totals go up', async () => {
  const click = await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/taelleuge', ...form({ channel: 'in_person', cell: 'transaction:pas' }) });
  assert.equal(click.statusCode, 303);
  await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/taelleuge', ...form({ channel: 'in_person', cell: 'transaction:pas' }) });
  const page = await t.app.inject({ method: 'GET', url: click.headers.location as string });
  assert.match(page.body, /Talt: Personlig, Pas, Transaktion\./);
  assert.match(page.body, /name="cell" value="transaction:pas">Pas<span class="sr-only">, Transaktion, Personlig, <\/span><span class="kanal-tally-count">2<\/span>/);
  assert.match(page.body, /Personlig \(2\)/);
});

test('outside a count week the page says so and a tally is refused', async () => {
  const other = await startTestApp({ database: t.database, migrate: false, env: { KANAL_CONTACTS_COUNT_WEEKS: '2020-W46' } });
  try {
    const page = await other.app.inject({ method: 'GET', url: '/medarbejder/henvendelser/taelleuge' });
    assert.match(page.body, /Det er ikke tælleuge nu\./);
    assert.match(page.body, /Tælleuger: 2020-W46\./);
    const click = await other.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/taelleuge', ...form({ channel: 'phone', cell: 'information:affald' }) });
    assert.equal(click.statusCode, 409);
  } finally {
    await other.close();
  }
});

test('admins add and change topics; bad input gets Danish messages and changes nothing', async () => {
  const bad = await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/emner/ny', ...form({ code: 'Hunde Skat', name: '', kle: '2.3', department: 'nasa' }) });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Skriv en kode med små bogstaver/);
  assert.match(bad.body, /Skriv KLE-nummeret som 00\.00\.00/);
  assert.match(bad.body, /Vælg en forvaltning\./);
  const good = await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/emner/ny', ...form({ code: 'hundeskat', name: 'Hundeskat', kle: '00.32.00', department: 'administration', options: ['frequent', 'active'] }) });
  assert.equal(good.statusCode, 303);
  assert.deepEqual(await store.findTopic(t.database.db, 'hundeskat'), { code: 'hundeskat', name: 'Hundeskat', kle: '00.32.00', department: 'administration', handledBy: null, frequent: true, active: true });
  const taken = await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/emner/ny', ...form({ code: 'hundeskat', name: 'X', kle: '00.32.00', department: 'administration' }) });
  assert.match(taken.body, /Der findes allerede et emne med den kode\./);
  const retire = await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/emner/hundeskat', ...form({ name: 'Hundeskat', kle: '00.32.00', department: 'administration' }) });
  assert.equal(retire.statusCode, 303);
  assert.equal((await store.findTopic(t.database.db, 'hundeskat'))?.active, false);
  const missing = await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/emner/findes-ikke', ...form({ name: 'X', kle: '00.00.00', department: 'administration' }) });
  assert.equal(missing.statusCode, 404);
});

test('import: a preview lists each error by line and column; a good file is imported once', async () => {
  const bad = Buffer.from('dato;kanal;retning;art;emne;forvaltning;antal\n2026-11-02;telefon;ind;information;affald;;-4\n');
  const preview = await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/import', ...multipart({ source: 'telefoni' }, { name: 'telefoni.csv', data: bad }) });
  assert.equal(preview.statusCode, 400);
  assert.match(preview.body, /Filen kan ikke importeres: 1 fejl/);
  assert.match(preview.body, /<td[^>]*>2<\/td><td[^>]*>antal<\/td><td[^>]*>Antallet »-4« er negativt/);

  const missing = await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/import', ...multipart({ source: '' }) });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Vælg en kilde\./);
  assert.match(missing.body, /Vælg en fil\./);

  const good = Buffer.from('dato;kanal;retning;art;emne;forvaltning;antal\n2026-11-02;telefon;ind;information;affald;;412\n');
  const ok = await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/import', ...multipart({ source: 'telefoni' }, { name: 'telefoni.csv', data: good }) });
  assert.equal(ok.statusCode, 200);
  assert.match(ok.body, /Henvendelser i alt/);
  const hash = /name="hash" value="([0-9a-f]{64})"/.exec(ok.body)?.[1];
  assert.ok(hash);
  const commit = () => t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/import/godkend', ...form({ hash, source: 'telefoni', fileName: 'telefoni.csv' }) });
  const done = await commit();
  assert.equal(done.statusCode, 200);
  assert.match(done.body, /1 linjer med i alt 412 henvendelser er gemt\./);
  const again = await t.app.inject({ method: 'POST', url: '/medarbejder/henvendelser/import', ...multipart({ source: 'telefoni' }, { name: 'telefoni.csv', data: good }) });
  assert.match(again.body, /Præcis denne fil er allerede importeret/);
  assert.match((await commit()).body, /Filen var allerede importeret\. Intet er ændret\./);
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
    'POST /medarbejder/henvendelser/import/godkend': admin,
  };
  assert.deepEqual(Object.fromEntries(declared), expected);
  await app.close();
});
