// Danish search over the demo articles: stemming, synonyms, typos, type-ahead, ranking,
// filters, and the same answers on SQLite and PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestDatabase } from '../../platform/db/testing.ts';
import { seededKnowledgeDatabase } from './testing.ts';
import { registerSearchSource, noteSearchChange, type SearchIndex, type SearchDocument } from './search-index.ts';
import { searchForCitizens, searchForStaff, normaliseQuery } from './article-search.ts';
import { contentGaps } from './feedback.ts';
import { ResultsPageCache } from './results-cache.ts';

// Stands in for the self-service module: one service, fed through the same interface.
const services: SearchDocument[] = [
  { kind: 'service', id: 'storskrald', lang: 'da', audience: 'public', department: 'miljoe-teknik', title: 'Bestil afhentning af storskrald', summary: 'Vælg en dag, og fortæl hvad vi skal hente.', body: '', keywords: ['storskrald'], synonyms: [], url: '/selvbetjening/storskrald' },
];
registerSearchSource({ kind: 'service', load: async (_db, ids) => services.filter((s) => !ids || ids.includes(s.id)) });

let database: TestDatabase;
let index: SearchIndex;
before(async () => {
  ({ database, index } = await seededKnowledgeDatabase());
});
after(() => database.close());

const titles = async (text: string, lang: 'da' | 'en' = 'da') => (await searchForCitizens(database.db, index, { text, lang, limit: 5 })).hits.map((h) => h.title);

test('stemming: "parkeringstilladelser" finds the article about "parkeringstilladelse" first', async () => {
  assert.equal((await titles('parkeringstilladelser'))[0], 'Hvordan får jeg en parkeringstilladelse?');
});

test('stemming: "storskraldet" finds the bulky-waste article and the bulky-waste self-service', async () => {
  const found = await titles('storskraldet');
  assert.ok(found.includes('Hvordan får jeg hentet storskrald?'), found.join(' | '));
  assert.ok(found.includes('Bestil afhentning af storskrald'), found.join(' | '));
});

test('synonyms: a word only in the synonym list finds the answer ("sygesikringskort" → sundhedskort, "flytte" → flytning)', async () => {
  assert.equal((await titles('sygesikringskort'))[0], 'Hvordan får jeg et nyt sundhedskort?');
  assert.ok((await titles('flytte')).slice(0, 3).includes('Hvordan melder jeg flytning?'));
  assert.ok((await titles('grovaffald')).includes('Hvordan får jeg hentet storskrald?'));
});

test('typos in titles and keywords are forgiven', async () => {
  assert.equal((await titles('parkeringstiladelse'))[0], 'Hvordan får jeg en parkeringstilladelse?');
  assert.equal((await titles('svømehallen'))[0], 'Hvornår har svømmehallen åbent?');
  assert.ok((await titles('storskrlad')).includes('Hvordan får jeg hentet storskrald?'));
});

test('type-ahead: a half-typed last word matches as a prefix', async () => {
  assert.equal((await titles('parkeringst'))[0], 'Hvordan får jeg en parkeringstilladelse?');
  assert.equal((await titles('svømm'))[0], 'Hvornår har svømmehallen åbent?');
  assert.ok((await titles('nyt pa')).includes('Hvordan får jeg et nyt pas?'));
});

test('ranking favours the title: "rotte" puts the rat article first', async () => {
  assert.equal((await titles('rotte'))[0], 'Jeg har set en rotte. Hvad gør jeg?');
});

test('English queries find English versions, then Danish-only answers', async () => {
  assert.equal((await titles('bulky waste', 'en'))[0], 'How do I get bulky waste collected?');
  assert.equal((await titles('passport', 'en'))[0], 'How do I get a new passport?');
});

test('internal answers are never found by citizens, and are by staff', async () => {
  assert.equal((await searchForCitizens(database.db, index, { text: 'nødpas', lang: 'da' })).total, 0);
  const staff = await searchForStaff(database.db, index, { text: 'nødpas', lang: 'da' });
  assert.equal(staff.hits[0]?.title, 'Hvornår må vi udstede et nødpas?');
  assert.equal(staff.hits[0]?.audience, 'internal');
});

test('staff filter by department and by audience', async () => {
  const mt = await searchForStaff(database.db, index, { text: 'storskrald', lang: 'da', department: 'miljoe-teknik' });
  assert.ok(mt.total > 0);
  assert.ok(mt.hits.every((h) => h.department === 'miljoe-teknik'));
  const internal = await searchForStaff(database.db, index, { text: 'storskrald', lang: 'da', audience: 'internal' });
  assert.deepEqual(internal.hits.map((h) => h.title), ['Borgeren siger, at storskrald ikke er hentet. Hvad gør jeg?']);
});

test('the same queries give the same results, in the same order, on SQLite and PostgreSQL', async () => {
  // Fixed expectations: this file runs on both databases (npm run test:db, then with DATABASE_URL).
  const expected: Record<string, string[]> = {
    pas: ['Hvordan får jeg et nyt pas?', 'Hvordan får jeg MitID?', 'Hvor melder jeg noget, jeg har mistet eller fundet?'],
    affald: ['Hvordan sorterer jeg mit affald?', 'Min skraldespand er ikke blevet tømt. Hvad gør jeg?', 'Hvornår har genbrugsstationen åbent?'],
    'børnehave pris': ['Hvordan får mit barn plads i vuggestue eller børnehave?', 'Hvad koster en plads i børnehave?', 'Hvordan får jeg et nyt pas?'],
  };
  const actual: Record<string, string[]> = {};
  for (const q of Object.keys(expected)) actual[q] = (await titles(q)).slice(0, 3);
  assert.deepEqual(actual, expected);
});

test('zero-result queries are counted by their words only; personal-looking queries are not kept', async () => {
  await searchForCitizens(database.db, index, { text: 'Hundeskov  Regler', lang: 'da', countZero: true });
  await searchForCitizens(database.db, index, { text: 'hundeskov regler', lang: 'da', countZero: true });
  await searchForCitizens(database.db, index, { text: '010190-1234', lang: 'da', countZero: true });
  await searchForCitizens(database.db, index, { text: 'peter@example.dk', lang: 'da', countZero: true });
  const gaps = await contentGaps(database.db);
  assert.deepEqual(gaps.map((g) => [g.query, g.audience, g.count]), [['hundeskov regler', 'public', 2]]);
  assert.equal(normaliseQuery('ring 12345678'), null);
});

test('a change logged by another writer reaches the index on the next search', async () => {
  services.push({ ...services[0]!, id: 'hundeskov', title: 'Book en plads i hundeskoven', keywords: ['hundeskov'], url: '/selvbetjening/hundeskov' });
  await database.db.transaction().execute((trx) => noteSearchChange(trx, 'service', 'hundeskov'));
  assert.ok((await titles('hundeskov')).includes('Book en plads i hundeskoven'));
  services.pop();
  await database.db.transaction().execute((trx) => noteSearchChange(trx, 'service', 'hundeskov'));
  assert.ok(!(await titles('hundeskov')).includes('Book en plads i hundeskoven'));
});

test('a results page found before the index moved on is not kept as current', async () => {
  const pages = new ResultsPageCache(index);
  const found = await searchForCitizens(database.db, index, { text: 'bålplads', lang: 'da', countZero: true });
  assert.equal(found.total, 0);
  // While the request counted the zero result, an answer was published and the index applied it.
  services.push({ ...services[0]!, id: 'baalplads', title: 'Book en bålplads', keywords: ['bålplads'], url: '/selvbetjening/baalplads' });
  await database.db.transaction().execute((trx) => noteSearchChange(trx, 'service', 'baalplads'));
  await index.refresh(true);
  pages.set('da:1:bålplads', found.generation, found.total, 'Vi fandt ingen svar');
  assert.equal(pages.get('da:1:bålplads'), undefined, 'the empty page is not served under the new generation');
  const again = await searchForCitizens(database.db, index, { text: 'bålplads', lang: 'da' });
  pages.set('da:1:bålplads', again.generation, again.total, 'Book en bålplads');
  assert.equal(pages.get('da:1:bålplads')?.html, 'Book en bålplads');
  services.pop();
  await database.db.transaction().execute((trx) => noteSearchChange(trx, 'service', 'baalplads'));
});
