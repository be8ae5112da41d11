// A whole self-service over real HTTP: start, steps with errors, upload, exit, check
// answers, declaration, submission, receipt, PDF — on SQLite and PostgreSQL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startListeningTestApp, type ListeningTestApp } from '../../../test/helpers/http-client.ts';
import { FormClient } from '../../../test/helpers/browserless-client.ts';
import { selfServiceOf } from './index.ts';
import { caseOfSubmission, contactTotals, countRows, PNG } from './testing.ts';
import type { SelfService } from './service.ts';

let t: ListeningTestApp;
let base: string;
let service: SelfService;

before(async () => {
  t = await startListeningTestApp();
  service = selfServiceOf(t.app)!;
  base = t.baseUrl;
});
after(() => t.close());

/** Posts a step and returns the redirect target (asserting a redirect). */
async function step(c: FormClient, path: string, form: Record<string, string | string[]> | FormData): Promise<string> {
  const r = await c.post(path, form);
  assert.equal(r.status, 303, `expected a redirect from ${path}, got ${r.status}: ${r.text.slice(0, 3000)}`);
  return r.location!;
}

async function startRats(c: FormClient): Promise<string> {
  const start = await c.get('/selvbetjening/anmeld-rotter');
  assert.equal(start.status, 200);
  return step(c, '/selvbetjening/anmeld-rotter/start', { _csrf: FormClient.csrf(start.text) ?? '' });
}

test('report rats end to end: errors, upload, check answers, declaration, receipt, PDF, one case', async () => {
  const c = new FormClient(base);
  const first = await startRats(c);
  assert.match(first, /^\/selvbetjening\/anmeld-rotter\/[A-Za-z0-9_-]{12}\/dyr$/);
  const draft = first.split('/')[3]!;
  const page = await c.get(first);
  assert.equal(page.status, 200);
  assert.match(page.text, /Trin 1 af 5/);

  // Nothing chosen: the error summary links to the first option.
  const empty = await c.post(first, { _action: 'next' });
  assert.equal(empty.status, 200);
  assert.match(empty.text, /Der er problemer/);
  assert.match(empty.text, /href="#dyr-option1"/);
  assert.match(empty.text, /Vælg et svar: Hvad har du set\?/);

  const sted = await step(c, first, { dyr: 'rotter', _action: 'next' });
  assert.equal(sted, `/selvbetjening/anmeld-rotter/${draft}/sted`);
  const badAddress = await c.post(sted, { adresse: 'Strøget 1', hvor: 'have', _action: 'next' });
  assert.match(badAddress.text, /Vi kan ikke finde adressen/);
  // The valid answer on the same page was kept.
  assert.match(badAddress.text, /value="have"[^>]*checked|checked[^>]*value="have"/);

  const detaljer = await step(c, sted, { adresse: 'bygaden 12', hvor: 'have', _action: 'next' });

  // 31 February and a text file posing as a photo: both refused, the rest kept.
  const bad = new FormData();
  bad.append('set-dato-day', '31');
  bad.append('set-dato-month', '2');
  bad.append('set-dato-year', '2026');
  bad.append('beskrivelse', 'Ved skuret');
  bad.append('foto', new Blob(['not an image']), 'rotte.png');
  bad.append('_action', 'next');
  const refused = await c.post(detaljer, bad);
  assert.equal(refused.status, 200);
  assert.match(refused.text, /Datoen findes ikke/);
  assert.match(refused.text, /Filen rotte.png kan vi ikke tage imod. Send et billede./);
  assert.match(refused.text, />Ved skuret</);

  const good = new FormData();
  good.append('set-dato-day', '20');
  good.append('set-dato-month', '11');
  good.append('set-dato-year', '2026');
  good.append('beskrivelse', 'Ved skuret');
  good.append('foto', new Blob([PNG], { type: 'image/png' }), 'rotte.png');
  good.append('_action', 'next');
  const kontakt = await step(c, detaljer, good);
  // The upload survived: the step shows it when we come back.
  assert.match((await c.get(detaljer)).text, /rotte.png/);

  const check = await step(c, kontakt, { navn: 'Anne Hansen', telefon: '43 68 68 68', email: '', _action: 'next' });
  assert.equal(check, `/selvbetjening/anmeld-rotter/${draft}/tjek`);
  const review = await c.get(check);
  assert.match(review.text, /Tjek dine svar/);
  assert.match(review.text, /Bygaden 12, 2620 Albertslund/);
  assert.match(review.text, /20\. november 2026/);
  assert.match(review.text, /href="\/selvbetjening\/anmeld-rotter\/[^"]+\/sted\?retur=tjek"/);

  const noDeclaration = await c.post(`/selvbetjening/anmeld-rotter/${draft}/send`, {});
  assert.equal(noDeclaration.status, 400);
  assert.match(noDeclaration.text, /Sæt kryds for at bekræfte erklæringen/);
  assert.equal(await countRows(t.database.db, 'selfservice_submission'), 0);

  const receiptPath = await step(c, `/selvbetjening/anmeld-rotter/${draft}/send`, { declaration: 'yes' });
  const receipt = await c.get(receiptPath);
  assert.equal(receipt.status, 200);
  const reference = /Dit kvitteringsnummer: <strong>(SB-[A-Z0-9]{4}-[A-Z0-9]{4})<\/strong>/.exec(receipt.text)?.[1];
  assert.ok(reference, 'the receipt shows a reference');
  assert.match(receipt.text, /En rottefænger ringer til dig/);

  const pdf = await fetch(new URL(`/selvbetjening/anmeld-rotter/${draft}/kvittering.pdf`, base), { headers: { cookie: c.cookieHeader() } });
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const bytes = Buffer.from(await pdf.arrayBuffer());
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');

  // One case in the cases module, in the right department, holding the answers under the receipt number.
  assert.equal(await countRows(t.database.db, 'cases'), 1);
  const created = await caseOfSubmission(t.database.db, service, reference);
  assert.ok(created);
  assert.deepEqual([created.department, created.kle, created.service], ['miljoe-teknik', '09.17', 'anmeld-rotter']);
  assert.equal(created.submission.sections[0]!.title, `Ansøgning ${reference}`);
  // One self-service contact in the registry, on the topic the KLE number points to.
  assert.deepEqual(await contactTotals(t.database.db, ['channel', 'kind', 'topic', 'service', 'department']), [
    { channel: 'self_service', kind: 'transaction', topic: 'rotter', service: 'anmeld-rotter', department: 'miljoe-teknik', count: 1 },
  ]);
  assert.equal(await countRows(t.database.db, 'notify_messages'), 0, 'no e-mail address was given, so no e-mail receipt');
  // The attachment now belongs to the submission.
  const sub = await service.submission(reference);
  assert.equal((sub!.answers.foto as { name: string }[])[0]!.name, 'rotte.png');

  // Back button after sending: the steps lead to the receipt, never to a second submission.
  const again = await c.get(first);
  assert.equal(again.location, receiptPath.split('?')[0]);
});

test('an eligibility exit explains and counts as completed; the back link lets you change the answer', async () => {
  const c = new FormClient(base);
  const first = await startRats(c);
  const exit = await step(c, first, { dyr: 'mus', _action: 'next' });
  assert.match(exit, /\/udgang\/mus$/);
  const page = await c.get(exit);
  assert.match(page.text, /Kommunen tager sig ikke af mus/);
  assert.match(page.text, /Kontakt et firma/);
  assert.match(page.text, new RegExp(`href="${first}"`));
});

test('a stranger without the draft cookie cannot open a draft', async () => {
  const owner = new FormClient(base);
  const first = await startRats(owner);
  const stranger = new FormClient(base);
  const r = await stranger.get(first);
  assert.equal(r.status, 404);
  assert.match(r.text, /Vi kan ikke finde dine svar/);
});

test('the resume link opens the draft in another browser, where it was left', async () => {
  const c = new FormClient(base);
  const first = await startRats(c);
  await step(c, first, { dyr: 'rotter', _action: 'next' });
  const sted = first.replace(/dyr$/, 'sted');
  const saved = await step(c, sted, { adresse: 'Hedemarksvej 3', hvor: '', _action: 'save' });
  const page = await c.get(saved);
  const link = /href="(http[^"]+\/selvbetjening\/fortsaet\/[^"]+)"/.exec(page.text)?.[1];
  assert.ok(link, 'the save page shows a resume link');
  const other = new FormClient(base);
  const resumed = await other.get(new URL(link).pathname);
  assert.equal(resumed.status, 303);
  assert.equal(resumed.location, sted);
  const form = await other.get(sted);
  assert.match(form.text, /value="Hedemarksvej 3, 2620 Albertslund"/);
});
