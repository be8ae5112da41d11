// The knowledge base over HTTP: citizen pages and API, feedback, the staff panel, the editor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp } from '../../../test/helpers/app.ts';
import { HttpClient, hiddenField, logInAs, startListeningTestApp, type ListeningTestApp } from '../../../test/helpers/http-client.ts';
import { seedKnowledge } from './seed/seed.ts';
import { getArticleBySlug, articleVersions, listArticles } from './articles.ts';
import { usefulnessFigures } from './feedback.ts';
import { countZeroResult } from './store.ts';
import { now } from '../../platform/db/index.ts';
import { holdLocks } from '../../platform/db/testing.ts';

let t: ListeningTestApp;
/** A citizen without login, and an employee in Miljø og Teknik who may edit. */
let citizen: HttpClient;
let staff: HttpClient;
let staffToken: string;
before(async () => {
  t = await startListeningTestApp({ env: { KANAL_SEARCH_FRESHNESS_MS: '0' } });
  await seedKnowledge(t.database);
  citizen = new HttpClient(t.baseUrl);
  staff = new HttpClient(t.baseUrl);
  await logInAs(staff, 'staff', 'medarbejder-miljoe-teknik-caseworker');
  staffToken = hiddenField((await staff.get('/medarbejder/viden/ny')).body, '_csrf');
});
after(() => t.close());

interface Answer {
  statusCode: number;
  body: string;
  headers: { location?: string | undefined };
  json(): Json;
}

/** The parts of the API's answers the tests read. */
interface Json {
  total: number;
  hits: { title: string; audience: string }[];
  error: { code: string };
  url: string;
  texts: Record<string, { title: string; bodyHtml: string }>;
}

async function answer(response: Response): Promise<Answer> {
  const body = await response.text();
  return { statusCode: response.status, body, headers: { location: response.headers.get('location') ?? undefined }, json: () => JSON.parse(body) as Json };
}

/** GET as the anonymous citizen (or as staff for staff pages). */
const get = async (url: string) => answer(await (url.startsWith('/medarbejder') || url.startsWith('/api/staff') ? staff : citizen).send('GET', url));
/** POST with the CSRF token of the page the form is on; redirects are not followed. */
const post = async (url: string, form: Record<string, string>) => {
  const client = url.startsWith('/medarbejder') ? staff : citizen;
  const token = client === staff ? staffToken : hiddenField((await citizen.get(url.replace(/\/nyttigt$/, ''))).body, '_csrf');
  return answer(await client.send('POST', url, { form: { _csrf: token, ...form } }));
};

const internalSlug = 'hvornaar-maa-vi-udstede-et-noedpas';

test('/soeg without JavaScript: a plain results page with links to the answers', async () => {
  const res = await get('/soeg?q=storskrald');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<a href="\/svar\/hvordan-faar-jeg-hentet-storskrald">Hvordan får jeg hentet storskrald\?<\/a>/);
  assert.match(res.body, /resultater for &quot;storskrald&quot;|resultater for "storskrald"/);
  const empty = await get('/soeg');
  assert.equal(empty.statusCode, 200);
  assert.doesNotMatch(empty.body, /resultater for/);
});

test('an article page shows the short answer first, then the full answer, the next channel and the feedback form', async () => {
  const res = await get('/svar/hvordan-faar-jeg-hentet-storskrald');
  assert.equal(res.statusCode, 200);
  const body = res.body;
  const order = ['<h1>Hvordan får jeg hentet storskrald?</h1>', 'Du bestiller afhentning af storskrald på nettet.', '<h2>Sådan gør du</h2>', 'Fik du ikke svar?', 'Var svaret nyttigt?'].map((s) => body.indexOf(s));
  assert.ok(order.every((i) => i > 0), JSON.stringify(order));
  assert.deepEqual([...order].sort((a, b) => a - b), order);
  assert.match(body, /Ring til os på 43 68 68 68\. Vi har åbent mandag-onsdag kl\. 10-15, torsdag kl\. 10-17\.30, fredag kl\. 10-13\./);
});

test('a referral article says which authority handles it, with link, phone and hours', async () => {
  const res = await get('/svar/kan-jeg-faa-boligstoette');
  assert.match(res.body, /Det klarer Udbetaling Danmark/);
  assert.match(res.body, /<a href="tel:70128063">70 12 80 63<\/a>/);
  assert.match(res.body, /Mandag til fredag kl\. 9-15/);
});

test('English pages show the English version where there is one', async () => {
  // A visitor of their own: the language choice sticks in a cookie.
  const res = await answer(await new HttpClient(t.baseUrl).send('GET', '/svar/hvordan-faar-jeg-hentet-storskrald?lang=en'));
  assert.match(res.body, /<h1>How do I get bulky waste collected\?<\/h1>/);
});

test('internal articles never reach citizens: not as pages, not in search, not in the API', async () => {
  assert.equal((await get(`/svar/${internalSlug}`)).statusCode, 404);
  const api = await get(`/api/knowledge/articles/${internalSlug}`);
  assert.equal(api.statusCode, 404);
  assert.equal(api.json().error.code, 'not_found');
  assert.equal((await get('/api/knowledge/search?q=nødpas')).json().total, 0);
  assert.equal((await get('/api/knowledge/suggest?q=nødp')).json().total, 0);
  assert.doesNotMatch((await get('/soeg?q=nødpas')).body, /udstede et nødpas/);
});

test('drafts are not public either', async () => {
  const res = await post('/medarbejder/viden/ny', { ...articleForm('Hvordan får jeg et hundetegn?'), status: 'draft', action: 'save' });
  assert.equal(res.statusCode, 303);
  assert.equal((await get('/svar/hvordan-faar-jeg-et-hundetegn')).statusCode, 404);
  assert.equal((await get('/api/knowledge/search?q=hundetegn')).json().total, 0);
});

test('the API gives a public article with sanitised HTML, and type-ahead suggestions', async () => {
  const article = (await get('/api/knowledge/articles/hvordan-faar-jeg-et-nyt-pas')).json();
  assert.equal(article.texts.da?.title, 'Hvordan får jeg et nyt pas?');
  assert.match(article.texts.da?.bodyHtml, /<ol>/);
  assert.equal(article.url, '/svar/hvordan-faar-jeg-et-nyt-pas');
  const suggest = (await get('/api/knowledge/suggest?q=parkeringst')).json();
  assert.equal(suggest.hits[0]?.title, 'Hvordan får jeg en parkeringstilladelse?');
  assert.equal((await get('/api/knowledge/suggest?q=p')).json().total, 0);
});

test('"Var svaret nyttigt?": Ja/Nej with an optional comment; without a choice, an error and nothing saved', async () => {
  const slug = 'hvornaar-har-biblioteket-aabent';
  const missing = await post(`/svar/${slug}/nyttigt`, { comment: 'Mangler lørdag' });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Vælg Ja eller Nej\./);
  assert.match(missing.body, /href="#useful-option1"/);
  assert.match(missing.body, /Mangler lørdag/);
  const yes = await post(`/svar/${slug}/nyttigt`, { useful: 'ja' });
  assert.equal(yes.statusCode, 303);
  assert.equal(yes.headers.location, `/svar/${slug}?tak=1#nyttigt`);
  assert.match((await get(`/svar/${slug}?tak=1`)).body, /Tak for dit svar/);
  assert.equal((await post(`/svar/${slug}/nyttigt`, { useful: 'nej', comment: 'Mit cpr er 010190-1234, hvornår har I åbent søndag?' })).statusCode, 303);
  const article = (await getArticleBySlug(t.database.db, slug))!;
  const figures = (await usefulnessFigures(t.database.db)).find((u) => u.article.id === article.id)!;
  assert.deepEqual([figures.useful, figures.notUseful, figures.comments, figures.usefulShare], [1, 1, 1, 0.5]);
  const page = await get('/medarbejder/viden/tal');
  assert.match(page.body, /Hvornår har biblioteket åbent\?/);
  const rows = await t.database.db.withTables<{ knowledge_feedback: { comment: string | null } }>().selectFrom('knowledge_feedback').select('comment').execute();
  assert.ok(rows.every((r) => !r.comment?.includes('010190')), 'the CPR number was not stored');
});

test('zero-result searches on /soeg show up as content gaps for editors', async () => {
  await get('/soeg?q=kolonihave+venteliste');
  const page = await get('/medarbejder/viden/tal');
  assert.match(page.body, /kolonihave venteliste/);
});

test('staff search finds internal and public answers, marked as such', async () => {
  const res = await get('/medarbejder/viden?q=storskrald');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Borgeren siger, at storskrald ikke er hentet/);
  assert.match(res.body, /Hvordan får jeg hentet storskrald\?/);
  assert.match(res.body, /Internt/);
  const filtered = await get('/medarbejder/viden?q=storskrald&maalgruppe=public');
  assert.doesNotMatch(filtered.body, /Borgeren siger, at storskrald ikke er hentet/);
  const api = (await get('/api/staff/knowledge/search?q=nødpas')).json();
  assert.equal(api.hits[0]?.audience, 'internal');
});

test('"svaret med denne artikel" records the answer; a bad channel is refused and records nothing', async () => {
  const article = (await getArticleBySlug(t.database.db, 'hvordan-faar-jeg-et-nyt-pas'))!;
  const bad = await post(`/medarbejder/viden/${article.id}/besvaret`, { channel: 'carrier-pigeon' });
  assert.equal(bad.statusCode, 400);
  const ok = await post(`/medarbejder/viden/${article.id}/besvaret`, { channel: 'in_person' });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, `/medarbejder/viden/${article.id}?besvaret=1`);
  assert.match((await get(ok.headers.location)).body, /løst ved første kontakt/);
  const figures = (await usefulnessFigures(t.database.db)).find((u) => u.article.id === article.id)!;
  assert.equal(figures.answeredWith, 1);
  // …and the contact registry has it as a contact resolved at the first contact.
  const contacts = await sql<{ channel: string; kind: string; resolved: string; department: string }>`select channel, kind, resolved, department from contact where source = 'manual'`.execute(t.database.db);
  assert.deepEqual(contacts.rows, [{ channel: 'in_person', kind: 'information', resolved: 'yes', department: article.department }]);
});

function articleForm(title: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    kind: 'answer',
    audience: 'public',
    status: 'published',
    'da-title': title,
    'da-shortAnswer': 'Du får det i Borgerservice.',
    'da-body': 'Kom forbi.',
    'en-title': '',
    'en-shortAnswer': '',
    'en-body': '',
    department: 'borgerservice',
    topic: '',
    'reviewBy-day': '1',
    'reviewBy-month': '6',
    'reviewBy-year': '2027',
    keywords: 'test',
    synonyms: '',
    serviceIds: '',
    ...extra,
  };
}

test('the editor: bad input gets specific messages and saves nothing', async () => {
  const before = (await listArticles(t.database.db)).length;
  const res = await post('/medarbejder/viden/ny', articleForm('', { 'reviewBy-month': '13', topic: 'abc', serviceIds: 'Ikke Gyldig', 'en-shortAnswer': 'Only this', action: 'save' }));
  assert.equal(res.statusCode, 400);
  for (const message of ['Skriv en titel på dansk.', 'Skriv en gyldig dato', 'Skriv KLE-nummeret', 'er ikke et gyldigt id', 'Skriv en titel på engelsk']) assert.ok(res.body.includes(message), message);
  assert.match(res.body, /href="#reviewBy-day"/);
  assert.equal((await listArticles(t.database.db)).length, before);
});

test('the editor: preview shows sanitised HTML and the LIX, with a warning above 40 for public articles', async () => {
  const hard = 'Kommunalbestyrelsen behandler ansøgningen om byggetilladelse hurtigst muligt.';
  const res = await post('/medarbejder/viden/ny', articleForm('Hvordan søger jeg?', { 'da-shortAnswer': hard, 'da-body': 'Læs mere.\n\n<script>alert(1)</script>\n\n[klik](javascript:alert(1))', action: 'preview' }));
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /LIX 78 – meget svær/);
  assert.match(res.body, /Teksten er svær at læse/);
  assert.doesNotMatch(res.body, /<script>alert/);
  assert.doesNotMatch(res.body, /href="javascript/);
  const internal = await post('/medarbejder/viden/ny', articleForm('Hvordan søger jeg?', { audience: 'internal', 'da-body': hard, action: 'preview' }));
  assert.doesNotMatch(internal.body, /Teksten er svær at læse/);
});

test('version history: each save is a version with who and what changed; a stale version is refused', async () => {
  const created = await post('/medarbejder/viden/ny', articleForm('Hvordan bestiller jeg en vielse?', { action: 'save' }));
  assert.equal(created.statusCode, 303);
  const article = (await getArticleBySlug(t.database.db, 'hvordan-bestiller-jeg-en-vielse'))!;
  assert.equal(created.headers.location, `/medarbejder/viden/${article.id}/rediger?gemt=1`);
  const edited = await post(`/medarbejder/viden/${article.id}/rediger`, articleForm('Hvordan bestiller jeg en vielse?', { version: '1', 'da-shortAnswer': 'Du bestiller vielse på nettet.', keywords: 'vielse, bryllup', action: 'save' }));
  assert.equal(edited.statusCode, 303);
  const stale = await post(`/medarbejder/viden/${article.id}/rediger`, articleForm('Hvordan bestiller jeg en vielse?', { version: '1', 'da-shortAnswer': 'Noget andet.', action: 'save' }));
  assert.equal(stale.statusCode, 409);
  const versions = await articleVersions(t.database.db, article.id);
  assert.deepEqual(versions.map((v) => [v.version, v.changedFields]), [[2, ['keywords', 'da.shortAnswer']], [1, ['created']]]);
  assert.equal(versions[1]!.snapshot.texts.da.shortAnswer, 'Du får det i Borgerservice.');
  assert.equal(versions[0]!.snapshot.texts.da.shortAnswer, 'Du bestiller vielse på nettet.');
  const history = await get(`/medarbejder/viden/${article.id}/historik`);
  assert.match(history.body, /keywords, da\.shortAnswer/);
  // The new text is searchable at once on this node.
  assert.equal((await get('/api/knowledge/search?q=bryllup')).json().hits[0]?.title, 'Hvordan bestiller jeg en vielse?');
});

test('articles past their review date are listed per department', async () => {
  const res = await get('/medarbejder/viden/redaktion');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Artikler i Miljø og Teknik der har passeret gennemgangsdatoen/);
  assert.match(res.body, /Hvem rydder sne på fortovet\?/);
  assert.match(res.body, /Artikler i Social og Sundhed der har passeret gennemgangsdatoen/);
});

test('an edit on one app node is found by search on another node of the same database', async () => {
  const other = await startTestApp({ database: t.database, migrate: false, env: { KANAL_SEARCH_FRESHNESS_MS: '0' } });
  // Another app node reading the same database: only public reads are made there.
  try {
    assert.equal((await other.app.inject({ method: 'GET', url: '/api/knowledge/search?q=kolonihave' })).json().total, 0);
    // The anonymous results page is cached on the other node until the index changes.
    assert.match((await other.app.inject({ method: 'GET', url: '/soeg?q=kolonihave' })).body, /Vi fandt ingen svar/);
    const article = (await getArticleBySlug(t.database.db, 'hvordan-faar-jeg-hentet-storskrald'))!;
    const form = articleForm(article.texts.da.title, { version: String(article.version), department: article.department, keywords: 'storskrald, kolonihave', action: 'save' });
    assert.equal((await post(`/medarbejder/viden/${article.id}/rediger`, form)).statusCode, 303);
    const found = (await other.app.inject({ method: 'GET', url: '/api/knowledge/search?q=kolonihave' })).json();
    assert.equal(found.hits[0]?.title, 'Hvordan får jeg hentet storskrald?');
    assert.match((await other.app.inject({ method: 'GET', url: '/soeg?q=kolonihave' })).body, /Hvordan får jeg hentet storskrald\?/);
    // Archiving on this node removes it from the other node's results.
    const current = (await getArticleBySlug(t.database.db, article.slug))!;
    assert.equal((await post(`/medarbejder/viden/${article.id}/rediger`, { ...form, version: String(current.version), status: 'archived' })).statusCode, 303);
    assert.equal((await other.app.inject({ method: 'GET', url: '/api/knowledge/search?q=kolonihave' })).json().total, 0);
  } finally {
    await other.close();
  }
});

test('PostgreSQL: an answer published while a search with no hits is counted is found by the next anonymous search', { skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: holds a row lock from another connection' }, async () => {
  // Another transaction counts the same query and keeps its row, so the search waits to count it.
  const zero = await holdLocks(t.database.db, (trx) => countZeroResult(trx, 'bistade', 'public', now()));
  const searching = get('/soeg?q=bistade');
  await zero.waiters(1);
  // The search has found nothing and waits to count it; meanwhile an editor publishes the answer.
  assert.equal((await post('/medarbejder/viden/ny', articleForm('Må jeg have et bistade i haven?', { keywords: 'bistade, bier', action: 'save' }))).statusCode, 303);
  await zero.release();
  assert.match((await searching).body, /Vi fandt ingen svar/);
  assert.match((await get('/soeg?q=bistade')).body, /Må jeg have et bistade i haven\?/, 'the empty page found before the answer was published is not served as current');
});

test('staff pages and the staff API need a staff login; citizens never get internal answers there', async () => {
  const anonymous = new HttpClient(t.baseUrl);
  for (const url of ['/medarbejder/viden?q=nødpas', '/medarbejder/viden/redaktion', '/api/staff/knowledge/search?q=nødpas']) {
    const res = await anonymous.send('GET', url);
    assert.ok([302, 303, 401].includes(res.status), `${url}: ${res.status}`);
  }
  const person = new HttpClient(t.baseUrl);
  await logInAs(person, 'citizen', 'borger-anna-soerensen');
  assert.equal((await person.send('GET', '/medarbejder/viden?q=nødpas')).status, 403);
  assert.equal((await person.send('GET', '/api/staff/knowledge/search?q=nødpas')).status, 403);
  // Front-desk staff search and answer, but do not edit.
  const frontdesk = new HttpClient(t.baseUrl);
  await logInAs(frontdesk, 'staff', 'medarbejder-borgerservice-frontdesk');
  assert.equal((await frontdesk.send('GET', '/medarbejder/viden?q=nødpas')).status, 200);
  assert.equal((await frontdesk.send('GET', '/medarbejder/viden/ny')).status, 403);
});

test('a form without the CSRF token changes nothing', async () => {
  const res = await citizen.send('POST', '/svar/hvornaar-har-svoemmehallen-aabent/nyttigt', { form: { useful: 'ja' } });
  assert.equal(res.status, 403);
  const article = (await getArticleBySlug(t.database.db, 'hvornaar-har-svoemmehallen-aabent'))!;
  assert.equal((await usefulnessFigures(t.database.db)).find((u) => u.article.id === article.id)!.useful, 0);
});
