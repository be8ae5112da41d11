// Submissions: every anonymous catalogue service through the pages, one case each in the
// right department; double clicks, two tabs and API retries give one submission and one
// case; the API checks like the pages; a full course puts people on the waiting list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp } from '../../../test/helpers/app.ts';
import { startListeningTestApp, type ListeningTestApp } from '../../../test/helpers/http-client.ts';
import { FormClient } from '../../../test/helpers/browserless-client.ts';
import { createSelfServiceModule, funnel, selfServiceOf } from './index.ts';
import { caseOfSubmission, contactTotals, holdLocks, planAnswers, submissionCounts } from './testing.ts';
import type { Draft, SelfService } from './service.ts';
import type { ServiceDefinition } from './schema.ts';

let t: ListeningTestApp;
let base: string;
let service: SelfService;

before(async () => {
  t = await startListeningTestApp();
  service = selfServiceOf(t.app)!;
  base = t.baseUrl;
});
after(() => t.close());

/** Exactly one submission, one case and one contact more than `before`. */
async function assertOneMore(before: Awaited<ReturnType<typeof submissionCounts>>): Promise<void> {
  const after = await submissionCounts(t.database.db);
  assert.deepEqual([after.submissions, after.cases, after.contacts], [before.submissions + 1, before.cases + 1, before.contacts + 1]);
}

/** Runs a service through its pages up to "Tjek dine svar"; returns the draft's paths. */
async function fillIn(c: FormClient, serviceId: string): Promise<{ draft: string; send: string }> {
  const def = service.catalogue.get(serviceId)!;
  await c.get(`/selvbetjening/${serviceId}`);
  const start = await c.post(`/selvbetjening/${serviceId}/start`, {});
  assert.equal(start.status, 303, `start ${serviceId}`);
  let location = start.location!;
  const draft = location.split('/')[3]!;
  for (const { stepId, form } of planAnswers(def)) {
    assert.equal(location, `/selvbetjening/${serviceId}/${draft}/${stepId}`, `${serviceId}: expected step ${stepId}`);
    const r = await c.post(location, form);
    assert.equal(r.status, 303, `${serviceId}/${stepId}: ${r.text.match(/<ul class="alert-text nobullet-list">[\s\S]*?<\/ul>/)?.[0] ?? r.status}`);
    location = r.location!;
  }
  assert.equal(location, `/selvbetjening/${serviceId}/${draft}/tjek`);
  assert.equal((await c.get(location)).status, 200);
  return { draft, send: `/selvbetjening/${serviceId}/${draft}/send` };
}

test('every service open to anonymous users is completed through its pages, with a case in its department', async () => {
  const open = service.catalogue.all.filter((d) => d.audience.includes('anonymous'));
  assert.ok(open.length >= 7);
  for (const def of open) {
    const c = new FormClient(base);
    const { send } = await fillIn(c, def.id);
    const r = await c.post(send, { declaration: 'yes' });
    assert.equal(r.status, 303, def.id);
    assert.match(r.location!, /\/kvittering$/);
    const receipt = await c.get(r.location!);
    const reference = /(SB-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(receipt.text)?.[1];
    assert.ok(reference, def.id);
    const created = await caseOfSubmission(t.database.db, service, reference);
    assert.deepEqual([created?.department, created?.service], [def.department, def.id], def.id);
  }
  // And one self-service contact each in the registry, in the service's department.
  const contacts = await contactTotals(t.database.db, ['channel', 'service', 'department']);
  assert.deepEqual(
    contacts.sort((a, b) => a.service!.localeCompare(b.service!)),
    open.map((d) => ({ channel: 'self_service', service: d.id, department: d.department, count: 1 })).sort((a, b) => a.service.localeCompare(b.service)),
  );
});

test('a double click and two tabs sending the same draft make one submission and one case', async () => {
  const c = new FormClient(base);
  const { draft, send } = await fillIn(c, 'henvendelse-eller-klage');
  const before = await submissionCounts(t.database.db);
  const replies = await Promise.all(Array.from({ length: 6 }, () => c.post(send, { declaration: 'yes' })));
  for (const r of replies) {
    assert.equal(r.status, 303);
    assert.match(r.location!, /\/kvittering/);
  }
  await assertOneMore(before);
  const subs = await sql<{ n: number }>`select count(*) as n from selfservice_submission where idempotency_key = ${`draft:${draft}`}`.execute(t.database.db);
  assert.equal(Number(subs.rows[0]!.n), 1);
  // The later ones say so.
  assert.ok(replies.some((r) => r.location!.endsWith('?igen=1')));
});

test('PostgreSQL: "Fjern" in another tab commits while "Send" waits: the check page, not a receipt for the removed file', { skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: a row lock held by another connection' }, async () => {
  const c = new FormClient(base);
  const { draft, send } = await fillIn(c, 'henvendelse-eller-klage');
  const before = await submissionCounts(t.database.db);
  // The other tab's save without the file, not yet committed: "Send" reads the draft with the file.
  const removal = await holdLocks(t.database.db, sql`update selfservice_draft set answers = answers - 'bilag' where id = ${draft}`);
  const sending = c.post(send, { declaration: 'yes' });
  await removal.waiters(1);
  await removal.release();
  const r = await sending;
  assert.equal(r.status, 200, `no receipt: ${r.location ?? ''}`);
  assert.match(r.text, /Dine svar er ændret i et andet vindue\. Tjek dem, og send igen\./);
  assert.deepEqual(await submissionCounts(t.database.db), before);
  // Sent again, as the page asks: without the file.
  const again = await c.post(send, { declaration: 'yes' });
  assert.match(again.location!, /\/kvittering$/);
  const reference = /(SB-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec((await c.get(again.location!)).text)![1]!;
  assert.equal((await service.submission(reference))?.answers.bilag, undefined);
});

test('the API: catalogue, definition, validation like the pages, idempotent submission', async () => {
  const list = (await (await fetch(`${base}/api/services`)).json()) as { services: { id: string; deepLink: string }[] };
  assert.ok(list.services.length >= 10);
  assert.equal(list.services.find((s) => s.id === 'anmeld-rotter')?.deepLink, `${t.config.publicUrl}/selvbetjening/anmeld-rotter`);
  const def = (await (await fetch(`${base}/api/services/anmeld-rotter`)).json()) as { steps: unknown[]; version: number };
  assert.equal(def.version, 1);
  assert.equal((await fetch(`${base}/api/services/findes-ikke`)).status, 404);

  const post = (answers: unknown, key: string) => fetch(`${base}/api/services/anmeld-rotter/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify({ answers }) });
  const bad = await post({ dyr: 'rotter', adresse: 'Bygaden 12', hvor: 'have', 'set-dato': '2026-02-31', navn: 'Anne', telefon: '1' }, 'key-bad-000001');
  assert.equal(bad.status, 400);
  const { error } = (await bad.json()) as { error: { code: string; details: { field: string; message: string }[] } };
  assert.equal(error.code, 'validation_failed');
  assert.deepEqual(error.details.map((d) => d.field).sort(), ['set-dato', 'telefon']);
  assert.ok(error.details.some((d) => d.message === 'Datoen findes ikke. Tjek dag og måned.'));

  const exit = await post({ dyr: 'mus' }, 'key-exit-00001');
  assert.equal(exit.status, 400);

  const answers = { dyr: 'rotter', adresse: 'Bygaden 12', hvor: 'have', 'set-dato': '2026-11-01', navn: 'Anne Hansen', telefon: '43686868' };
  const before = await submissionCounts(t.database.db);
  const ratsFunnel = () => funnel(t.database.db, service.catalogue.get('anmeld-rotter')!, new Date(Date.now() - 3_600_000), new Date(Date.now() + 3_600_000), new Date());
  const funnelBefore = await ratsFunnel();
  const [a, b, c2] = await Promise.all([post(answers, 'key-good-00001'), post(answers, 'key-good-00001'), post(answers, 'key-good-00001')]);
  const statuses = [a.status, b.status, c2.status].sort();
  assert.deepEqual(statuses, [200, 200, 201]);
  const receipts = (await Promise.all([a.json(), b.json(), c2.json()])) as { reference: string; replayed: boolean }[];
  assert.equal(new Set(receipts.map((r) => r.reference)).size, 1);
  await assertOneMore(before);
  // In the funnel, an API submission is an attempt started and completed at once.
  const funnelAfter = await ratsFunnel();
  assert.deepEqual(
    [funnelAfter.starts, funnelAfter.submissions, funnelAfter.inProgress, funnelAfter.abandoned],
    [funnelBefore.starts + 1, funnelBefore.submissions + 1, funnelBefore.inProgress, funnelBefore.abandoned],
  );
  const unknown = await post({ ...answers, farve: 'rød' }, 'key-unknown-01');
  assert.equal(unknown.status, 400);
  const missingKey = await fetch(`${base}/api/services/anmeld-rotter/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers }) });
  assert.equal(missingKey.status, 400);
});

test('a full course puts later sign-ups on the waiting list', async () => {
  const answers = { kursus: 'mitid', 'egen-enhed': true, navn: 'Bent', telefon: '43686868' };
  const results: { waitingList: boolean }[] = [];
  const taken = Number((await sql<{ n: number }>`select count(*) as n from selfservice_submission where service_id = 'it-kursus'`.execute(t.database.db)).rows[0]!.n);
  for (let i = taken; i < 13; i++) {
    const r = await fetch(`${base}/api/services/it-kursus/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `course-${i}-abcdef` }, body: JSON.stringify({ answers }) });
    assert.equal(r.status, 201);
    results.push((await r.json()) as { waitingList: boolean });
  }
  assert.deepEqual(results.map((r) => r.waitingList), [...Array(12 - taken).fill(false), true]);
});

test('PostgreSQL: the last place of a course is given once when two sign up at the same moment', { skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: on SQLite submissions are written one at a time' }, async () => {
  const course = await startListeningTestApp();
  try {
    const answers = { kursus: 'mitid', 'egen-enhed': true, navn: 'Bent', telefon: '43686868' };
    const signUp = async (i: number) => {
      const r = await fetch(`${course.baseUrl}/api/services/it-kursus/submissions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `last-place-${i}-abcdef` }, body: JSON.stringify({ answers }) });
      assert.equal(r.status, 201);
      return ((await r.json()) as { waitingList: boolean }).waitingList;
    };
    const capacity = selfServiceOf(course.app)!.catalogue.get('it-kursus')!.capacity!;
    for (let i = 1; i < capacity; i++) assert.equal(await signUp(i), false);
    // Another connection holds the department's case count, which each sign-up updates last: both
    // have decided on their place (or are waiting to) before either can commit.
    const counts = await holdLocks(course.database.db, sql`update case_status_counts set n = n where department = 'borgerservice' and status = 'received'`);
    const both = Promise.all([signUp(capacity), signUp(capacity + 1)]);
    await counts.waiters(2);
    await counts.release();
    assert.deepEqual((await both).sort(), [false, true], 'one gets the last place, the other the waiting list');
  } finally {
    await course.close();
  }
});

/** A draft with every step answered, through the service (no HTTP). */
async function answeredDraft(def: ServiceDefinition, options: { assisted?: boolean } = {}): Promise<Draft> {
  let { draft } = await service.startDraft(def, options);
  for (const { stepId, form } of planAnswers(def)) {
    const raw: Record<string, string> = {};
    form.forEach((v, k) => typeof v === 'string' && (raw[k] = v));
    const step = def.steps.find((s) => s.id === stepId)!;
    const result = await service.saveStep(def, draft, step, { raw, uploads: {}, remove: [], lang: 'da' });
    assert.deepEqual(result.errors, []);
    draft = { ...draft, answers: result.answers };
  }
  return draft;
}

test('assisted self-service marks the submission and the contact', async () => {
  const def = service.catalogue.get('henvendelse-eller-klage')!;
  const current = await answeredDraft(def, { assisted: true });
  const sent = await service.submitDraft(def, current, 'da');
  assert.ok('submission' in sent);
  assert.equal(sent.submission.assisted, true);
  // The registry counts it as an assisted self-service contact (the only assisted one here).
  const assisted = (await contactTotals(t.database.db, ['channel', 'service', 'assisted'])).filter((r) => r.assisted);
  assert.deepEqual(assisted, [{ channel: 'self_service', service: def.id, assisted: true, count: 1 }]);
  // The caseworker sees that the citizen had help.
  const created = await caseOfSubmission(t.database.db, service, sent.submission.reference);
  assert.ok(created?.submission.sections.some((s) => s.title === 'Medbetjening'));
});

test('an invalid definition directory stops the app from starting', async () => {
  await assert.rejects(
    startTestApp({ modules: [createSelfServiceModule()], env: { KANAL_SERVICES_DIR: '/nonexistent-kanal-services' } }),
    /ENOENT|no such file/,
  );
});

test("two apps in one process (two nodes in a test) built from the same module each run their own service on their own database", async () => {
  // t runs the app's own module object (modules.ts); so does this second app, on a database of its own.
  const second = await startTestApp();
  try {
    const other = selfServiceOf(second.app)!;
    assert.notEqual(other, service);
    const { draft, secret } = await other.startDraft(other.catalogue.get('henvendelse-eller-klage')!);
    assert.equal(typeof (await other.openDraft(draft.id, { secret })), 'object', "the second app's draft is in its database");
    assert.equal(await service.openDraft(draft.id, { secret }), 'gone', "and not in the first app's");
  } finally {
    await second.close();
  }
});

test('the same draft sent twice at once (one group-commit batch, or two): one submission, one case', async () => {
  const def = service.catalogue.get('henvendelse-eller-klage')!;
  const draft = await answeredDraft(def);
  const before = await submissionCounts(t.database.db);
  const [a, b] = await Promise.all([service.submitDraft(def, draft, 'da'), service.submitDraft(def, draft, 'da')]);
  assert.ok('submission' in a && 'submission' in b);
  assert.equal(a.submission.reference, b.submission.reference);
  // Exactly one is new. Which one is a race on PostgreSQL (two transactions, the unique key decides).
  assert.deepEqual([a.replayed, b.replayed].sort(), [false, true]);
  await assertOneMore(before);
});
