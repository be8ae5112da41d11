// Over real HTTP with the real modules and logins through the test IdP: the managers' funnel
// page and CSV for a hand-made set of attempts (views, starts, step drop-off, exits,
// completions, abandonment — abandoned then completed counts as completed only), closed to
// citizens; and medbetjening started by a front-desk employee in both ways (the citizen logs
// in at the counter; the employee looks the citizen up with a purpose, audited, no CPR in
// URLs or logs), with the case and the contact marked assisted. A login's draft and receipt
// open for that login alone (not after logout, not for another citizen), and logout clears
// the draft cookies. SQLite and PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { HttpClient, hiddenField, logInAs, startListeningTestApp, type ListeningTestApp } from '../../../test/helpers/http-client.ts';
import { findAuditRows } from '../../platform/audit/store.ts';
import { getCase } from '../cases/index.ts';
import { createSelfServiceModule, selfServiceOf, type SelfService } from './index.ts';
import { livePorts } from './live-ports.ts';
import { appModulesWith, planAnswers } from './testing.ts';
import { loadCatalogue } from './definitions.ts';

let t: ListeningTestApp;
let service: SelfService;
// The self-service clock (drafts, attempts, the funnel's "now"), so a test can let a day pass.
const t0 = Date.now() - 3 * 86_400_000;
let now = new Date(t0);
const at = (minutes: number) => (now = new Date(t0 + minutes * 60_000));

before(async () => {
  t = await startListeningTestApp({ modules: appModulesWith(createSelfServiceModule({ ports: livePorts, clock: () => now })) });
  service = selfServiceOf(t.app)!;
});
after(() => t.close());

const rats = 'anmeld-rotter';
const catalogue = loadCatalogue();

/** A service's planned answers as urlencoded forms, step by step (optional files left out). */
function stepForms(serviceId: string): { stepId: string; fields: Record<string, string> }[] {
  return planAnswers(catalogue.get(serviceId)!).map(({ stepId, form }) => {
    const fields: Record<string, string> = {};
    form.forEach((v, k) => typeof v === 'string' && k !== '_action' && (fields[k] = v));
    return { stepId, fields };
  });
}
const ratSteps = stepForms(rats);

/** Views the start page and starts; returns the draft's first step path. */
async function start(client: HttpClient, serviceId = rats): Promise<string> {
  const page = await client.get(`/selvbetjening/${serviceId}`);
  assert.equal(page.status, 200);
  const r = await client.send('POST', `/selvbetjening/${serviceId}/start`, { form: { _csrf: hiddenField(page.body, '_csrf') } });
  assert.equal(r.status, 303);
  return r.headers.get('location')!;
}

/** The value a text input on the page shows (e.g. prefilled), decoded. */
function shownValue(html: string, name: string): string | undefined {
  const tag = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  return tag ? /value="([^"]*)"/.exec(tag)?.[1]?.replaceAll('&amp;', '&') : undefined;
}

/** Posts one step, sending back what the page shows prefilled as a browser would; returns where it leads. */
async function post(client: HttpClient, path: string, fields: Record<string, string>, prefilled: string[] = ['navn']): Promise<string> {
  const page = await client.get(path);
  const shown = Object.fromEntries(prefilled.flatMap((name) => {
    const value = shownValue(page.body, name);
    return value ? [[name, value]] : [];
  }));
  const r = await client.send('POST', path, { form: { _csrf: hiddenField(page.body, '_csrf'), ...shown, ...fields, _action: 'next' } });
  assert.equal(r.status, 303, `${path}: ${r.status} ${(await r.text()).slice(0, 500)}`);
  return r.headers.get('location')!;
}

async function answer(client: HttpClient, first: string, steps: typeof ratSteps): Promise<string> {
  let path = first;
  for (const s of steps) path = await post(client, path, s.fields);
  return path;
}

async function send(client: HttpClient, checkPath: string): Promise<string> {
  const page = await client.get(checkPath);
  assert.equal(page.status, 200);
  const r = await client.send('POST', checkPath.replace(/\/tjek$/, '/send'), { form: { _csrf: hiddenField(page.body, '_csrf'), declaration: 'yes' } });
  assert.equal(r.status, 303);
  assert.match(r.headers.get('location')!, /\/kvittering$/);
  return r.headers.get('location')!;
}

test('the funnel page and CSV match a hand-made set of attempts; a citizen gets 403', async () => {
  at(0);
  const anonymous = () => new HttpClient(t.baseUrl);
  // A: completes every step and sends.
  const a = anonymous();
  await send(a, await answer(a, await start(a), ratSteps));
  // B: "mus" — the eligibility exit.
  const b = anonymous();
  assert.match(await post(b, await start(b), { dyr: 'mus' }), /\/udgang\/mus$/);
  // C: two steps, then leaves for good.
  const c = anonymous();
  await answer(c, await start(c), ratSteps.slice(0, 2));
  // D: one step, leaves, comes back after more than 24 hours and sends.
  const d = anonymous();
  const dNext = await answer(d, await start(d), ratSteps.slice(0, 1));
  // One more view without a start.
  assert.equal((await anonymous().get(`/selvbetjening/${rats}`)).status, 200);

  at(26 * 60);
  await send(d, await answer(d, dNext, ratSteps.slice(1)));
  // E: started an hour ago, still going.
  at(26 * 60 + 30);
  const e = anonymous();
  await start(e);
  at(27 * 60);

  const manager = new HttpClient(t.baseUrl);
  await logInAs(manager, 'staff', 'medarbejder-miljoe-teknik-manager');
  const csv = await manager.send('GET', `/medarbejder/selvbetjening/${rats}.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type')!, /^text\/csv/);
  const figures = Object.fromEntries((await csv.text()).trim().split('\n').slice(1).map((line) => line.split(',') as [string, string]));
  assert.deepEqual(
    {
      views: figures.views, starts: figures.starts,
      dyr: figures['step:dyr'], sted: figures['step:sted'], detaljer: figures['step:detaljer'], kontakt: figures['step:kontakt'],
      exits: figures.exits, submissions: figures.submissions, completions: figures.completions,
      abandoned: figures.abandoned, inProgress: figures.in_progress, completionRate: figures.completion_rate, ratio: figures.abandonment_ratio,
    },
    // Views: A–E and one more. Reached: everyone the first step; A, C, D the second and third
    // (B left by the exit); A and D the last. D was idle 26 hours but completed: completed only.
    { views: '6', starts: '5', dyr: '5', sted: '3', detaljer: '3', kontakt: '2', exits: '1', submissions: '2', completions: '3', abandoned: '1', inProgress: '1', completionRate: '0.6000', ratio: '0.3333' },
  );
  assert.equal(figures.service, rats);

  const page = await manager.get(`/medarbejder/selvbetjening/${rats}`);
  assert.equal(page.status, 200);
  const text = page.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  assert.match(text, /Visninger 6 Startet 5 Kan ikke bruge løsningen 1 Gennemført 3 Opgivet 1 Gennemførelse 60,0 % Opgivne pr\. gennemført \(mål: under 3,75\) 0,33 /);
  // Step drop-off: reached and lost per step, in order.
  assert.match(text, /Hvad har du set\? 5 0 Hvor har du set rotterne\? 3 2 Fortæl mere 3 0 Hvordan kan vi kontakte dig\? 2 1 /);

  const citizen = new HttpClient(t.baseUrl);
  await logInAs(citizen, 'citizen', 'borger-anna-soerensen');
  assert.equal((await citizen.send('GET', `/medarbejder/selvbetjening/${rats}`)).status, 403);
  assert.equal((await citizen.send('GET', `/medarbejder/selvbetjening/${rats}.csv`)).status, 403);
});

/** The case and the newest contact of a submission, from the cases module and the registry. */
async function caseAndContact(receiptPath: string) {
  const draftId = receiptPath.split('/')[3]!;
  const { rows } = await sql<{ submission_reference: string }>`select submission_reference from selfservice_draft where id = ${draftId}`.execute(t.database.db);
  const submission = await service.submission(rows[0]!.submission_reference);
  assert.ok(submission);
  const created = await getCase(t.database.db, submission.case_reference);
  assert.ok(created);
  const contact = await sql<{ assisted: number | boolean; channel: string }>`select assisted, channel from contact where service = ${submission.service_id} order by id desc limit 1`.execute(t.database.db);
  return { submission, created, contact: { ...contact.rows[0]!, assisted: Boolean(contact.rows[0]!.assisted) } };
}

/** it-kursus without the name: a login or the register fills it in. */
const itSteps = () => stepForms('it-kursus').map((s) => ({ ...s, fields: Object.fromEntries(Object.entries(s.fields).filter(([k]) => k !== 'navn')) }));

test('medbetjening: the employee looks the citizen up with a purpose (audited, no CPR in URLs or logs); case and contact are assisted', async () => {
  at(28 * 60);
  const desk = new HttpClient(t.baseUrl);
  await logInAs(desk, 'staff', 'medarbejder-borgerservice-frontdesk');
  const startPage = await desk.get('/selvbetjening/it-kursus');
  assert.match(startPage.body, /Borgerens CPR-nummer/);
  const auditBefore = (await findAuditRows(t.database.db, { cpr: '0211360213', limit: 100 })).length;
  const logsBefore = t.logs.length;
  const started = await desk.send('POST', '/selvbetjening/it-kursus/start', { form: { _csrf: hiddenField(startPage.body, '_csrf'), cpr: '021136-0213', purpose: 'Hjælp til tilmelding ved skranken' } });
  assert.equal(started.status, 303);
  const first = started.headers.get('location')!;
  assert.doesNotMatch(first, /0211360213|021136/);
  const firstStep = await desk.get(first);
  assert.match(firstStep.body, /Medbetjening/);
  // The citizen's name came from the register (prefilled on the contact step).
  const steps = itSteps();
  const check = await answer(desk, first, steps);
  assert.match((await desk.get(check)).body, /Karl Henriksen/);
  const receipt = await send(desk, check);

  const audit = await findAuditRows(t.database.db, { cpr: '0211360213', limit: 100 });
  const lookup = audit.slice(0, audit.length - auditBefore).find((r) => r.action === 'person.lookup');
  assert.ok(lookup, 'the lookup is audited');
  assert.equal(lookup.purpose, 'Hjælp til tilmelding ved skranken');
  assert.equal(lookup.actor_role, 'frontdesk');
  const logged = JSON.stringify(t.logs.slice(logsBefore));
  assert.doesNotMatch(logged, /0211360213|021136-0213/, 'no CPR number in the logs');
  assert.match(logged, /selvbetjening\/it-kursus/, 'the requests were logged');

  const { submission, created, contact } = await caseAndContact(receipt);
  assert.equal(submission.assisted, true);
  assert.deepEqual(created.party, { kind: 'person', cpr: '0211360213', name: 'Karl Henriksen', email: null, phone: null });
  assert.deepEqual(created.submission.sections.at(-1), { title: 'Medbetjening', answers: [{ label: 'Udfyldt', value: 'Sammen med en medarbejder i Borgerservice' }] });
  assert.deepEqual(contact, { assisted: true, channel: 'self_service' });
});

test('medbetjening: the citizen logs in at the counter on the employee\'s draft, and it is theirs and assisted', async () => {
  at(29 * 60);
  const counter = new HttpClient(t.baseUrl);
  await logInAs(counter, 'staff', 'medarbejder-borgerservice-frontdesk');
  const startPage = await counter.get('/selvbetjening/it-kursus');
  assert.match(startPage.body, /Borgeren logger selv ind/);
  const handed = await counter.send('POST', '/selvbetjening/it-kursus/skranke', { form: { _csrf: hiddenField(startPage.body, '_csrf') } });
  assert.equal(handed.status, 303);
  const loginUrl = new URL(handed.headers.get('location')!, t.baseUrl);
  assert.equal(loginUrl.pathname, '/auth/login/citizen');
  const first = loginUrl.searchParams.get('til')!;
  assert.match(first, /^\/selvbetjening\/it-kursus\/[A-Za-z0-9_-]{12}\/kursus$/);
  // The citizen logs in on the same device and lands on the draft, with their name prefilled.
  const landed = await logInAs(counter, 'citizen', 'borger-fatima-hassan', { returnTo: first });
  assert.equal(new URL(landed.url).pathname, first);
  const steps = itSteps();
  const contactStep = await answer(counter, first, steps.slice(0, 1));
  assert.match((await counter.get(contactStep)).body, /value="Fatima Hassan"/);
  const receipt = await send(counter, await answer(counter, contactStep, steps.slice(1)));
  const { submission, created, contact } = await caseAndContact(receipt);
  assert.equal(submission.assisted, true);
  assert.equal(created.party.kind, 'person');
  assert.equal(created.party.name, 'Fatima Hassan');
  assert.equal(created.submission.sections.at(-1)?.title, 'Medbetjening');
  assert.deepEqual(contact, { assisted: true, channel: 'self_service' });
  // The citizen finds the sent application's case on Mit overblik.
  assert.match((await counter.get('/mit-overblik')).body, new RegExp(created.reference));
});

const draftCookies = (client: HttpClient) => [...client.cookies.keys()].filter((name) => name.startsWith('kanal_kladde_'));

async function logOut(client: HttpClient): Promise<Response> {
  const page = await client.get('/selvbetjening');
  const r = await client.send('POST', '/log-af', { form: { _csrf: hiddenField(page.body, '_csrf') } });
  assert.equal(r.status, 303);
  return r;
}

/** The "log in as the person who started it" page, with nothing of the draft on it; returns where its login returns to. */
async function notYours(client: HttpClient, path: string, secrets: RegExp): Promise<string> {
  const r = await client.send('GET', path);
  const body = await r.text();
  assert.equal(r.status, 403, `${path}: ${r.status}`);
  assert.match(body, /Log ind for at se svarene/);
  assert.doesNotMatch(body, secrets);
  const login = /href="(\/log-ind\?til=[^"]+)"/.exec(body)?.[1];
  assert.ok(login, 'a login link');
  return new URL(login.replaceAll('&amp;', '&'), t.baseUrl).searchParams.get('til')!;
}

test("a citizen's draft opens for her login alone: not after logout, not for another citizen, not with its cookie", async () => {
  at(30 * 60);
  const browser = new HttpClient(t.baseUrl);
  await logInAs(browser, 'citizen', 'borger-mette-larsen');
  const first = await start(browser, 'fritagelse-for-digital-post');
  const you = first.replace(/\/grund$/, '/dig');
  const mette = /Mette|0909833142|090983|Herstedvang/;
  assert.match((await browser.get(you)).body, mette);

  await logOut(browser);
  assert.deepEqual(draftCookies(browser), [], 'no draft cookie is left in the browser');
  assert.equal(await notYours(browser, you, mette), you, 'the login returns to the draft');
  await logInAs(browser, 'citizen', 'borger-jens-nielsen');
  await notYours(browser, you, mette);
  await notYours(browser, first.replace(/\/grund$/, '/gem'), mette);
  const page = await browser.get('/selvbetjening');
  const posted = await browser.send('POST', first, { form: { _csrf: hiddenField(page.body, '_csrf'), _action: 'next' } });
  assert.equal(posted.status, 403, 'nor can another citizen answer on it');

  await logOut(browser);
  const back = await logInAs(browser, 'citizen', 'borger-mette-larsen', { returnTo: you });
  assert.equal(new URL(back.url).pathname, you);
  assert.match(back.body, mette, 'her login opens it again');
});

test("a citizen's receipt and its PDF: for her login alone", async () => {
  at(31 * 60);
  const browser = new HttpClient(t.baseUrl);
  await logInAs(browser, 'citizen', 'borger-fatima-hassan');
  const receipt = await send(browser, await answer(browser, await start(browser, 'it-kursus'), itSteps()));
  assert.equal((await browser.send('GET', `${receipt}.pdf`)).status, 200);
  await logOut(browser);
  await notYours(browser, receipt, /SB-|Fatima/);
  await notYours(browser, `${receipt}.pdf`, /SB-|Fatima/);
  await logInAs(browser, 'citizen', 'borger-fatima-hassan');
  assert.match((await browser.get(receipt)).body, /SB-/);
});

test('medbetjening at the counter: once claimed, the draft is the citizen\'s; logout clears its cookie', async () => {
  at(32 * 60);
  const counter = new HttpClient(t.baseUrl);
  await logInAs(counter, 'staff', 'medarbejder-borgerservice-frontdesk');
  const startPage = await counter.get('/selvbetjening/it-kursus');
  const handed = await counter.send('POST', '/selvbetjening/it-kursus/skranke', { form: { _csrf: hiddenField(startPage.body, '_csrf') } });
  const first = new URL(handed.headers.get('location')!, t.baseUrl).searchParams.get('til')!;
  const [cookie] = draftCookies(counter);
  assert.ok(cookie, 'the unclaimed draft opens with its cookie');
  await logInAs(counter, 'citizen', 'borger-fatima-hassan', { returnTo: first });
  const contactStep = await answer(counter, first, itSteps().slice(0, 1));
  assert.match((await counter.get(contactStep)).body, /value="Fatima Hassan"/);

  const loggedOut = await logOut(counter);
  const cleared = loggedOut.headers.getSetCookie().find((c) => c.startsWith(`${cookie}=`));
  assert.ok(cleared, 'logout clears the draft cookie');
  assert.match(cleared, new RegExp(`Path=${first.replace(/\/kursus$/, '')}(;|$)`), 'at its path, where the browser keeps it');
  assert.deepEqual(draftCookies(counter), []);
  await notYours(counter, contactStep, /Fatima/);
});
