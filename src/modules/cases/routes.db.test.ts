// The cases pages through real HTTP with real logins at the test identity provider.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { HttpClient, hiddenField, logInAs, startListeningTestApp, type ListeningTestApp } from '../../../test/helpers/http-client.ts';
import { makeCase } from './testing.ts';
import type { CaseRecord } from './schema.ts';

let t: ListeningTestApp;
let anna: CaseRecord; // Anna Sørensen, Miljø og Teknik
let annaSocial: CaseRecord; // Anna Sørensen, Social og Sundhed (sensitive)
let jens: CaseRecord; // Jens Nielsen, Kultur og Fritid
let cykler: CaseRecord; // Albertslund Cykler ApS, Miljø og Teknik

const ANNA = '1203881234';

before(async () => {
  t = await startListeningTestApp();
  const db = t.database.db;
  anna = await makeCase(db, { title: 'Carport på Hyldespjældet', party: { kind: 'person', cpr: ANNA, name: 'Anna Sørensen', email: 'anna@example.dk' } });
  annaSocial = await makeCase(db, { title: 'Hjælpemiddel', department: 'social-sundhed', kle: '27.24.00', party: { kind: 'person', cpr: ANNA, name: 'Anna Sørensen' } });
  jens = await makeCase(db, { title: 'Leje af sportshal', department: 'kultur-fritid', party: { kind: 'person', cpr: '3001711357', name: 'Jens Nielsen' } });
  cykler = await makeCase(db, { title: 'Skilt på facaden', party: { kind: 'business', cvr: '31415926', name: 'Albertslund Cykler ApS' } });
});
after(() => t.close());

const client = () => new HttpClient(t.baseUrl);
async function staff(account: string) {
  const c = client();
  await logInAs(c, 'staff', account);
  return c;
}
async function auditRows(action: string) {
  const { rows } = await sql<{ actor_name: string; subject_cpr: string | null; purpose: string; outcome: string }>`select actor_name, subject_cpr, purpose, outcome from audit_log where action = ${action} order by id`.execute(t.database.db);
  return rows;
}

test('who may call what: anonymous is sent to log in, a citizen may not open the inbox, a case worker not the admin page', async () => {
  const anonymous = await client().send('GET', '/sager');
  assert.equal(anonymous.status, 302);
  assert.match(anonymous.headers.get('location') ?? '', /\/auth\/login\/staff/);
  const citizen = client();
  await logInAs(citizen, 'citizen', 'borger-anna-soerensen');
  assert.equal((await citizen.get('/sager')).status, 403);
  assert.equal((await citizen.get('/borgeroverblik')).status, 403);
  const worker = await staff('medarbejder-miljoe-teknik-caseworker');
  assert.equal((await worker.get('/admin/sager')).status, 403);
  assert.equal((await worker.get('/mit-overblik')).status, 403);
  const frontdesk = await staff('medarbejder-borgerservice-frontdesk');
  assert.equal((await frontdesk.get('/sager')).status, 403, 'the front desk uses the overview, not an inbox');
});

test('a case worker sees only the own department: list, open, letter, message and change are refused for others', async () => {
  const worker = await staff('medarbejder-miljoe-teknik-caseworker');
  const inbox = await worker.get('/sager');
  assert.equal(inbox.status, 200);
  assert.ok(inbox.body.includes(anna.reference) && inbox.body.includes(cykler.reference));
  assert.ok(!inbox.body.includes(jens.reference) && !inbox.body.includes(annaSocial.reference));
  const page = await worker.get(`/sager/${anna.reference}`);
  assert.equal(page.status, 200);
  assert.ok(page.body.includes('Carport på Hyldespjældet'));
  assert.ok(!page.body.includes(ANNA), 'the page never shows the CPR number in full');

  const csrf = hiddenField(page.body, '_csrf');
  assert.equal((await worker.get(`/sager/${jens.reference}`)).status, 404);
  assert.equal((await worker.get(`/sager/${jens.reference}/breve/1.pdf`)).status, 404);
  assert.equal((await worker.post(`/sager/${jens.reference}/besked`, { _csrf: csrf, subject: 'Hej', body: 'Hej' })).status, 404);
  assert.equal((await worker.post(`/sager/${jens.reference}/status`, { _csrf: csrf, to: 'in_progress' })).status, 404);
  assert.equal((await worker.post('/sager/fordel', { _csrf: csrf, cases: jens.reference, assignTo: 'me' })).status, 404);
  // Without the CSRF token nothing changes.
  assert.equal((await worker.post(`/sager/${anna.reference}/notat`, { text: 'uden token' })).status, 403);

  const views = await auditRows('case.view');
  assert.ok(views.some((v) => v.subject_cpr === ANNA && v.actor_name.length > 0 && v.purpose === 'Sagsbehandling'), 'opening a case is audited');
});

test('message and decision round trip between case worker and citizen, with reply in "Mit overblik"', async () => {
  const worker = await staff('medarbejder-miljoe-teknik-caseworker');
  let page = await worker.get(`/sager/${anna.reference}`);
  let csrf = hiddenField(page.body, '_csrf');
  // A bad form changes nothing and says what is wrong.
  const empty = await worker.post(`/sager/${anna.reference}/besked`, { _csrf: csrf, subject: '', body: '' });
  assert.equal(empty.status, 400);
  assert.ok(empty.body.includes('Skriv en overskrift.'));
  page = await worker.post(`/sager/${anna.reference}/besked`, { _csrf: csrf, subject: 'Vi mangler en tegning', body: 'Send os en tegning af carporten.', askForReply: '1' });
  assert.equal(page.status, 200);
  assert.ok(page.body.includes('Venter på borger'));

  const citizen = client();
  await logInAs(citizen, 'citizen', 'borger-anna-soerensen');
  const overview = await citizen.get('/mit-overblik');
  assert.equal(overview.status, 200);
  assert.ok(overview.body.includes('Carport på Hyldespjældet'));
  assert.ok(overview.body.includes('Hjælpemiddel'), 'the citizen sees her own case in a sensitive department');
  assert.ok(overview.body.includes('Vi mangler en tegning'));
  const mine = await citizen.get(`/mit-overblik/sager/${anna.reference}`);
  assert.ok(mine.body.includes('Vi mangler noget fra dig'));
  const letterId = /breve\/(\d+)\.pdf/.exec(mine.body)![1]!;
  const pdf = await citizen.send('GET', `/mit-overblik/sager/${anna.reference}/breve/${letterId}.pdf`);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
  const replied = await citizen.post(`/mit-overblik/sager/${anna.reference}/svar`, { _csrf: hiddenField(mine.body, '_csrf'), text: 'Tegningen kommer med posten.' });
  assert.equal(replied.status, 200);
  assert.ok(replied.body.includes('Tak. Vi har fået dit svar.'));

  page = await worker.get(`/sager/${anna.reference}`);
  assert.ok(page.body.includes('Tegningen kommer med posten.'));
  assert.ok(page.body.includes('Under behandling'), 'the reply resumed the case');
  csrf = hiddenField(page.body, '_csrf');
  const missing = await worker.post(`/sager/${anna.reference}/afgoerelse`, { _csrf: csrf, subject: 'Afgørelse', result: 'refused', body: 'Afslag.', reasons: '', appealGuidance: '' });
  assert.equal(missing.status, 400);
  assert.ok(missing.body.includes('forvaltningsloven § 25'));
  page = await worker.post(`/sager/${anna.reference}/afgoerelse`, {
    _csrf: csrf,
    subject: 'Afgørelse om carport',
    result: 'granted',
    body: 'Du får tilladelse til carporten.',
    reasons: 'Carporten overholder lokalplanen.',
    appealGuidance: 'Du kan klage inden 4 uger.',
  });
  assert.ok(page.body.includes('Afgjort'));

  const after = await citizen.get(`/mit-overblik/sager/${anna.reference}`);
  assert.ok(after.body.includes('Afgjort'));
  assert.ok(after.body.includes('Afgørelse om carport'));
  assert.ok(!after.body.includes('Borgeren har svaret'), 'internal moves are not shown to the citizen');
});

test('nobody sees anyone else’s case; a business sees its CVR’s cases', async () => {
  const jensClient = client();
  await logInAs(jensClient, 'citizen', 'borger-jens-nielsen');
  const list = await jensClient.get('/mit-overblik');
  assert.ok(list.body.includes('Leje af sportshal'));
  assert.ok(!list.body.includes('Carport'));
  assert.equal((await jensClient.get(`/mit-overblik/sager/${anna.reference}`)).status, 404);
  assert.equal((await jensClient.get(`/mit-overblik/sager/${anna.reference}/breve/1.pdf`)).status, 404);

  const business = client();
  await logInAs(business, 'business', 'virksomhed-31415926-jens-nielsen');
  const own = await business.get('/mit-overblik');
  assert.ok(own.body.includes('Skilt på facaden'));
  assert.ok(!own.body.includes('Leje af sportshal'), 'the representative’s own cases are not the business’s');
  assert.equal((await business.get(`/mit-overblik/sager/${jens.reference}`)).status, 404);
  assert.equal((await business.get(`/mit-overblik/sager/${cykler.reference}`)).status, 200);
});

test('citizen overview: purpose required, sensitive departments only as "Kontakt", every look-up audited', async () => {
  const frontdesk = await staff('medarbejder-borgerservice-frontdesk');
  const form = await frontdesk.get('/borgeroverblik');
  const csrf = hiddenField(form.body, '_csrf');
  const noPurpose = await frontdesk.post('/borgeroverblik', { _csrf: csrf, search: '120388-1234', purpose: '' });
  assert.equal(noPurpose.status, 400);
  assert.ok(noPurpose.body.includes('Skriv formålet med opslaget.'));

  const found = await frontdesk.post('/borgeroverblik', { _csrf: csrf, search: '120388-1234', purpose: 'Borgeren ringer om carport' });
  assert.equal(found.status, 200);
  assert.ok(found.body.includes(anna.reference));
  assert.ok(!found.body.includes(annaSocial.reference) && !found.body.includes('Hjælpemiddel'), 'a sensitive case is not shown');
  assert.ok(found.body.includes('Kontakt Social og Sundhed for oplysninger.'));
  // Someone without any sensitive case sees the same line: it tells nothing.
  const other = await frontdesk.post('/borgeroverblik', { _csrf: csrf, search: '3001711357', purpose: 'Spørgsmål om sportshal' });
  assert.ok(other.body.includes(jens.reference));
  assert.ok(other.body.includes('Kontakt Social og Sundhed for oplysninger.'));
  // The reference of a sensitive case is "not found", like a reference that does not exist.
  const sensitive = await frontdesk.post('/borgeroverblik', { _csrf: csrf, search: annaSocial.reference, purpose: 'Test' });
  const nonexistent = await frontdesk.post('/borgeroverblik', { _csrf: csrf, search: '2026-999999', purpose: 'Test' });
  assert.ok(sensitive.body.includes('Ingen sager fundet.') && nonexistent.body.includes('Ingen sager fundet.'));
  assert.ok(!sensitive.body.includes('Anna'));
  // By name: people to choose from, without their full CPR number.
  const byName = await frontdesk.post('/borgeroverblik', { _csrf: csrf, search: 'anna sø', purpose: 'Borgeren ringer' });
  assert.ok(byName.body.includes('Anna Sørensen, 120388-xxxx'));

  const social = await staff('medarbejder-social-sundhed-caseworker');
  const socialForm = await social.get('/borgeroverblik');
  const own = await social.post('/borgeroverblik', { _csrf: hiddenField(socialForm.body, '_csrf'), search: ANNA, purpose: 'Opfølgning' });
  assert.ok(own.body.includes(annaSocial.reference), 'the sensitive department sees its own case');

  const looks = await auditRows('case.overview');
  assert.ok(looks.some((l) => l.subject_cpr === ANNA && l.purpose === 'Borgeren ringer om carport' && l.outcome === 'success'));
  assert.ok(looks.some((l) => l.purpose === 'Test' && l.outcome === 'not_found'));
  assert.ok((await auditRows('case.overview.search')).some((l) => l.purpose === 'Borgeren ringer'));
});

test('citizen overview: a person whose only case is in a sensitive department is "not found" for other departments, by name and by CPR', async () => {
  const karla = await makeCase(t.database.db, { title: 'Misbrugsbehandling', department: 'social-sundhed', kle: '27.24.00', party: { kind: 'person', cpr: '0101701234', name: 'Karla Skjult' } });
  const frontdesk = await staff('medarbejder-borgerservice-frontdesk');
  const csrf = hiddenField((await frontdesk.get('/borgeroverblik')).body, '_csrf');
  // The page's content apart from the search term and the form token.
  const look = async (search: string) => {
    const page = await frontdesk.post('/borgeroverblik', { _csrf: csrf, search, purpose: 'Borgeren ringer' });
    assert.equal(page.status, 200);
    return /<main[\s\S]*<\/main>/.exec(page.body)![0].replaceAll(search, '<search>').replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf"');
  };
  assert.equal(await look('karla sk'), await look('ukendt pe'));
  const byCprHidden = await look('0101701234');
  assert.equal(byCprHidden, await look('0202801234'));
  assert.ok(!byCprHidden.includes('Karla') && byCprHidden.includes('Ingen sager fundet.'));

  const social = await staff('medarbejder-social-sundhed-caseworker');
  const socialCsrf = hiddenField((await social.get('/borgeroverblik')).body, '_csrf');
  const byName = await social.post('/borgeroverblik', { _csrf: socialCsrf, search: 'karla sk', purpose: 'Opfølgning' });
  assert.ok(byName.body.includes('Karla Skjult, 010170-xxxx'));
  const byCpr = await social.post('/borgeroverblik', { _csrf: socialCsrf, search: '0101701234', purpose: 'Opfølgning' });
  assert.ok(byCpr.body.includes(karla.reference) && byCpr.body.includes('Karla Skjult'));

  // Every look-up is still audited with its purpose; the front desk's as what it was shown.
  const looks = (await auditRows('case.overview')).filter((l) => l.subject_cpr === '0101701234');
  assert.deepEqual(
    looks.map((l) => [l.purpose, l.outcome]),
    [
      ['Borgeren ringer', 'not_found'],
      ['Opfølgning', 'success'],
    ],
  );
});

test('transfer with a reason moves the case to the other inbox and is counted', async () => {
  const c = await makeCase(t.database.db, { title: 'Forkert forvaltning' });
  const worker = await staff('medarbejder-miljoe-teknik-caseworker');
  const page = await worker.get(`/sager/${c.reference}`);
  const csrf = hiddenField(page.body, '_csrf');
  const noReason = await worker.post(`/sager/${c.reference}/flyt`, { _csrf: csrf, to: 'kultur-fritid', reason: '' });
  assert.equal(noReason.status, 400);
  const moved = await worker.post(`/sager/${c.reference}/flyt`, { _csrf: csrf, to: 'kultur-fritid', reason: 'Handler om en sportshal' });
  assert.equal(new URL(moved.url).pathname, '/sager');
  assert.equal((await worker.get(`/sager/${c.reference}`)).status, 404);
  const culture = await staff('medarbejder-kultur-fritid-caseworker');
  const theirs = await culture.get(`/sager/${c.reference}`);
  assert.equal(theirs.status, 200);
  assert.ok(theirs.body.includes('Handler om en sportshal'));
  assert.match(theirs.body, /Flyttet mellem forvaltninger[\s\S]*?1/);
});

/** Posts a multipart form with the client's cookies, as a browser sends a form with files. */
async function postFiles(c: HttpClient, url: string, fields: Record<string, string>, files: { name: string; type: string; bytes: Buffer }[]) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return fetch(new URL(url, t.baseUrl), { method: 'POST', body: form, headers: { cookie }, redirect: 'manual' });
}

const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

test('a citizen replies with a file; the case worker downloads it (audited); nobody else can', async () => {
  const c = await makeCase(t.database.db, { title: 'Tilskud til cykelskur', party: { kind: 'person', cpr: ANNA, name: 'Anna Sørensen' } });
  const citizen = client();
  await logInAs(citizen, 'citizen', 'borger-anna-soerensen');
  const page = await citizen.get(`/mit-overblik/sager/${c.reference}`);
  assert.ok(page.body.includes('enctype="multipart/form-data"'));
  const csrf = hiddenField(page.body, '_csrf');

  const refused = await postFiles(citizen, `/mit-overblik/sager/${c.reference}/svar`, { _csrf: csrf, text: 'Her er et program' }, [{ name: 'virus.exe', type: 'application/octet-stream', bytes: Buffer.from('MZ\x90\x00not really') }]);
  assert.equal(refused.status, 400);
  const refusedPage = await refused.text();
  assert.ok(refusedPage.includes('Filen kan ikke sendes.'), refusedPage.slice(refusedPage.indexOf('<main'), refusedPage.indexOf('<main') + 1500));
  assert.equal((await postFiles(citizen, `/mit-overblik/sager/${c.reference}/svar`, { text: 'uden token' }, [])).status, 403);

  const sent = await postFiles(citizen, `/mit-overblik/sager/${c.reference}/svar`, { _csrf: csrf, text: 'Her er tilbuddet.' }, [{ name: 'tilbud.pdf', type: 'application/pdf', bytes: tinyPdf }]);
  assert.equal(sent.status, 303);

  const worker = await staff('medarbejder-miljoe-teknik-caseworker');
  const casePage = await worker.get(`/sager/${c.reference}`);
  const href = /href="(\/sager\/[^"]+\/bilag\/\d+)"/.exec(casePage.body)?.[1];
  assert.ok(href, 'the attachment is listed on the case page');
  assert.ok(casePage.body.includes('tilbud.pdf'));
  const file = await worker.send('GET', href);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get('content-type'), 'application/pdf');
  assert.deepEqual(Buffer.from(await file.arrayBuffer()), tinyPdf);
  const downloads = await auditRows('case.attachment.download');
  assert.equal(downloads.length, 1);
  assert.equal(downloads[0]!.subject_cpr, ANNA);

  const other = await staff('medarbejder-kultur-fritid-caseworker');
  assert.equal((await other.send('GET', href)).status, 404);
  const jensClient = client();
  await logInAs(jensClient, 'citizen', 'borger-jens-nielsen');
  assert.equal((await jensClient.send('GET', href.replace('/sager/', '/mit-overblik/sager/'))).status, 404);
  assert.equal((await citizen.send('GET', href.replace('/sager/', '/mit-overblik/sager/'))).status, 200, 'the citizen can fetch her own file');
  assert.equal((await auditRows('case.attachment.download')).length, 1, 'refused downloads leave no success entry');
});
