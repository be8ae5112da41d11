// Drafts: killed mid-submit → all or nothing; uploads survive resume; expiry deletes
// drafts and their files; an API submission killed after storing its file leaves a row that
// the nightly job deletes with the file a day later; a new service version never corrupts a draft.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { TestDatabase } from '../../platform/db/testing.ts';
import { catalogueOf, loadCatalogue } from './definitions.ts';
import { caseOfSubmission, complaintAnswers, createAppTestDatabase, diskFileStore, holdLocks, PNG, planAnswers, selfServiceOn, submissionCounts } from './testing.ts';
import { ABANDONED_UPLOAD_HOURS, type Draft } from './service.ts';
import { selfServiceJobs } from './jobs.ts';
import type { AppContext } from '../../platform/module.ts';
import { captureLogs } from '../../../test/helpers/app.ts';
import type { ServiceDefinition } from './schema.ts';

let database: TestDatabase;
const catalogue = loadCatalogue();
let now = new Date('2026-11-27T10:00:00Z');
const make = (cat = catalogue, files = diskFileStore(database.dataDir)) => selfServiceOn(database.db, database.dataDir, { catalogue: cat, clock: () => now, files });

before(async () => {
  database = await createAppTestDatabase();
});
after(() => database.close());

/** A draft of `serviceId` with every step answered (files as uploads). */
async function answeredDraft(serviceId: string, subject = 'kill-test'): Promise<Draft> {
  const service = make();
  const def = catalogue.get(serviceId)!;
  let { draft } = await service.startDraft(def, { applicant: { subject } });
  for (const { stepId, form } of planAnswers(def)) {
    const raw: Record<string, string> = {};
    const uploads: Record<string, { name: string; bytes: Buffer; truncated: boolean }[]> = {};
    const pending: Promise<void>[] = [];
    form.forEach((v, k) => {
      if (typeof v === 'string') raw[k] = v;
      else pending.push(v.arrayBuffer().then((b) => void (uploads[k] = [{ name: (v).name, bytes: Buffer.from(b), truncated: false }])));
    });
    await Promise.all(pending);
    const result = await service.saveStep(def, draft, def.steps.find((s) => s.id === stepId)!, { raw, uploads, remove: [], lang: 'da' });
    assert.deepEqual(result.errors, [], `${serviceId}/${stepId}`);
    draft = { ...draft, answers: result.answers };
  }
  return draft;
}

async function runChild(draftId: string, when: string, clock?: Date): Promise<{ code: number | null; signal: string | null; out: string }> {
  const args = ['--import', 'tsx', 'test/fixtures/selfservice-submit-and-die.ts', JSON.stringify(database.options), draftId, when, ...(clock ? [clock.toISOString()] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  return { code, signal, out };
}

const counts = () => submissionCounts(database.db);

test('killed inside the submission transaction: nothing is left, and sending again works once', async () => {
  const draft = await answeredDraft('raaden-over-vejareal');
  const before = await counts();
  for (const when of ['in-case', 'after-contact']) {
    const r = await runChild(draft.id, when);
    assert.equal(r.signal, 'SIGKILL', `child should die (${when}), got ${JSON.stringify(r)}`);
    assert.deepEqual(await counts(), before, `nothing committed when killed ${when}`);
  }
  const service = make();
  const reopened = await service.openDraft(draft.id, { subject: 'kill-test' });
  assert.ok(typeof reopened === 'object' && reopened.submission_reference === null, 'the draft is still unsent');
  const sent = await service.submitDraft(catalogue.get('raaden-over-vejareal')!, reopened, 'da');
  assert.ok('submission' in sent && !sent.replayed);
  const after = await counts();
  assert.deepEqual(after, { submissions: before.submissions + 1, cases: before.cases + 1, contacts: before.contacts + 1, jobs: before.jobs + 1 });
  assert.equal((await caseOfSubmission(database.db, service, sent.submission.reference))?.service, 'raaden-over-vejareal');
});

test('killed after the commit, before the answer: everything is there, and a retry gives the same receipt', async () => {
  const draft = await answeredDraft('anmeld-rotter');
  const before = await counts();
  const r = await runChild(draft.id, 'after-commit');
  assert.equal(r.signal, 'SIGKILL');
  assert.deepEqual(await counts(), { submissions: before.submissions + 1, cases: before.cases + 1, contacts: before.contacts + 1, jobs: before.jobs + 1 });
  const service = make();
  const reopened = await service.openDraft(draft.id, { subject: 'kill-test' });
  assert.ok(typeof reopened === 'object');
  const again = await service.submitDraft(catalogue.get('anmeld-rotter')!, reopened, 'da');
  assert.ok('submission' in again && again.replayed);
  assert.equal((await counts()).cases, before.cases + 1);
  // The child's case, in the cases module.
  assert.equal((await caseOfSubmission(database.db, service, again.submission.reference))?.service, 'anmeld-rotter');
});

test('uploads are kept with the draft; expiry deletes the draft, its attachment rows and its files', async () => {
  const draft = await answeredDraft('raaden-over-vejareal', 'expiry');
  const service = make();
  const files = (draft.answers.skitse as { id: string }[]).map((f) => f.id);
  assert.equal(files.length, 1);
  const row = await service.attachment(files[0]!);
  assert.ok(row);
  assert.deepEqual(await service.readFile(row.storage_key), PNG);
  // Resumed later: the upload is still in the answers.
  const resumed = await service.openDraft(draft.id, { subject: 'expiry' });
  assert.ok(typeof resumed === 'object');
  assert.equal((resumed.answers.skitse as { name: string }[])[0]!.name, 'foto.png');

  now = new Date(now.getTime() + 29 * 86_400_000);
  assert.equal(await make().deleteExpiredDrafts(), 0, 'not yet expired after 29 days');
  now = new Date(now.getTime() + 2 * 86_400_000);
  assert.equal(await make().openDraft(draft.id, { subject: 'expiry' }), 'gone', 'an expired draft is gone at once');
  assert.ok((await make().deleteExpiredDrafts()) >= 1);
  assert.equal(await make().attachment(files[0]!), undefined);
  assert.equal(fs.existsSync(path.join(database.dataDir, 'files', row.storage_key)), false);
  const left = await sql<{ n: number }>`select count(*) as n from selfservice_draft where id = ${draft.id}`.execute(database.db);
  assert.equal(Number(left.rows[0]!.n), 0);
  now = new Date('2026-11-27T10:00:00Z');
});

/** Answers the drawing step of raaden-over-vejareal again with "Fjern" on `fileId`. */
function removeDrawing(draft: Draft, fileId: string) {
  const def = catalogue.get('raaden-over-vejareal')!;
  return make().saveStep(def, draft, def.steps.find((s) => s.id === 'tegning')!, { raw: {}, uploads: {}, remove: [fileId], lang: 'da' });
}

const storedFile = (key: string) => path.join(database.dataDir, 'files', key);

test('"Fjern" deletes the file, its row and its place in the draft', async () => {
  const draft = await answeredDraft('raaden-over-vejareal', 'remove');
  const [file] = draft.answers.skitse as { id: string }[];
  const row = (await make().attachment(file!.id))!;
  await removeDrawing(draft, file!.id);
  assert.equal(await make().attachment(file!.id), undefined);
  assert.equal(fs.existsSync(storedFile(row.storage_key)), false);
  const saved = await make().openDraft(draft.id, { subject: 'remove' });
  assert.ok(typeof saved === 'object');
  assert.deepEqual(saved.answers.skitse, []);
});

test('"Fjern" in one tab after "Send" in another read the draft: nothing is sent that lists the removed file', async () => {
  const def = catalogue.get('raaden-over-vejareal')!;
  const draft = await answeredDraft('raaden-over-vejareal', 'remove-then-send');
  const service = make();
  const read = await service.openDraft(draft.id, { subject: 'remove-then-send' });
  assert.ok(typeof read === 'object');
  const [file] = read.answers.skitse as { id: string }[];
  await removeDrawing(read, file!.id);
  const before = await counts();
  const sent = await service.submitDraft(def, read, 'da');
  assert.deepEqual(Object.keys(sent), ['changed'], 'refused, not sent from the answers as read');
  assert.ok('changed' in sent);
  assert.deepEqual(sent.changed.answers.skitse, [], 'the page shows the draft as it is now');
  assert.deepEqual(await counts(), before, 'nothing of the submission is kept');
  // Sent again from the draft as it is now: the drawing is asked for again.
  const again = await service.submitDraft(def, sent.changed, 'da');
  assert.ok('incomplete' in again);
  assert.equal(again.incomplete.id, 'tegning');
});

test('PostgreSQL: "Fjern" in one tab while "Send" in another takes the file: the submitted file stays', { skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: a row lock held by another connection' }, async () => {
  const draft = await answeredDraft('raaden-over-vejareal', 'remove-race');
  const [file] = draft.answers.skitse as { id: string }[];
  const row = (await make().attachment(file!.id))!;
  // The submission has taken the file and not yet committed.
  const submission = await holdLocks(database.db, sql`update selfservice_attachment set submission_reference = 'SB-RACE-0001' where id = ${file!.id}`);
  const removing = removeDrawing(draft, file!.id);
  await submission.waiters(1);
  await submission.release();
  await removing;
  assert.equal((await make().attachment(file!.id))?.submission_reference, 'SB-RACE-0001', 'the row stays with the submission');
  assert.deepEqual(await make().readFile(row.storage_key), PNG, 'and so does its file');
});

/** Saves one step of anmeld-rotter as the page would post it, `changes` over the planned answers. */
function saveRats(service: ReturnType<typeof make>, draft: Draft, stepId: string, changes: Record<string, string>, uploads: Record<string, { name: string; bytes: Buffer; truncated: boolean }[]> = {}) {
  const def = service.catalogue.get('anmeld-rotter')!;
  const raw: Record<string, string> = {};
  planAnswers(def).find((p) => p.stepId === stepId)!.form.forEach((v, k) => typeof v === 'string' && (raw[k] = v));
  return service.saveStep(def, draft, def.steps.find((s) => s.id === stepId)!, { raw: { ...raw, ...changes }, uploads, remove: [], lang: 'da' });
}

test('two tabs save different steps of one draft, each from the draft as it read it: both are kept', async () => {
  const draft = await answeredDraft('anmeld-rotter', 'two-tabs');
  const service = make();
  // Both tabs read the draft before either saves; the first adds a second photo.
  const read = await service.openDraft(draft.id, { subject: 'two-tabs' });
  assert.ok(typeof read === 'object');
  await saveRats(service, read, 'detaljer', { beskrivelse: 'Fra fane 1.' }, { foto: [{ name: 'rotte-2.png', bytes: PNG, truncated: false }] });
  await saveRats(service, read, 'kontakt', { navn: 'Fra fane 2' });
  const saved = await service.openDraft(draft.id, { subject: 'two-tabs' });
  assert.ok(typeof saved === 'object');
  assert.deepEqual([saved.answers.beskrivelse, saved.answers.navn, (saved.answers.foto as unknown[]).length], ['Fra fane 1.', 'Fra fane 2', 2]);
});

test('PostgreSQL: two tabs save different steps of one draft at the same moment: both are kept', { skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: a row lock held by another connection' }, async () => {
  const draft = await answeredDraft('anmeld-rotter', 'two-tabs-at-once');
  const service = make();
  const read = await service.openDraft(draft.id, { subject: 'two-tabs-at-once' });
  assert.ok(typeof read === 'object');
  // Another request holds the draft: both saves have read it and wait to write.
  const held = await holdLocks(database.db, sql`select id from selfservice_draft where id = ${draft.id} for update`);
  const saves = Promise.all([saveRats(service, read, 'detaljer', { beskrivelse: 'Fra fane 1.' }), saveRats(service, read, 'kontakt', { navn: 'Fra fane 2' })]);
  await held.waiters(2);
  await held.release();
  await saves;
  const saved = await service.openDraft(draft.id, { subject: 'two-tabs-at-once' });
  assert.ok(typeof saved === 'object');
  assert.deepEqual([saved.answers.beskrivelse, saved.answers.navn], ['Fra fane 1.', 'Fra fane 2']);
});

test('an API submission killed after storing its file: the file has a row, and the nightly job deletes both a day later', async () => {
  const before = await counts();
  for (const when of ['after-file', 'in-case']) {
    const r = await runChild('api', when, now);
    assert.equal(r.signal, 'SIGKILL', `child should die (${when}), got ${JSON.stringify(r)}`);
  }
  assert.deepEqual(await counts(), before, 'nothing of the submission committed');
  const owned = (await sql<{ id: string; storage_key: string }>`select id, storage_key from selfservice_attachment where draft_id = 'api:kill-test-api'`.execute(database.db)).rows;
  assert.equal(owned.length, 2, 'each stored file is owned by a row');
  const files = owned.map((o) => path.join(database.dataDir, 'files', o.storage_key));
  assert.deepEqual(files.map((f) => fs.existsSync(f)), [true, true]);
  // A request may still be at work on a fresh upload: the sweep leaves it.
  assert.equal(await make().deleteAbandonedUploads(), 0);

  // The client tries again with the same key a day later: the submission takes a copy of its own.
  const started = now;
  now = new Date(now.getTime() + ABANDONED_UPLOAD_HOURS * 3_600_000 + 60_000);
  const def = catalogue.get('henvendelse-eller-klage')!;
  const sent = await make().submitJson(def, complaintAnswers, 'kill-test-api', {}, 'da', { bilag: [{ name: 'hul.png', bytes: PNG, truncated: false }] });
  assert.equal(sent.replayed, false);
  const kept = await make().attachment((sent.submission.answers.bilag as { id: string }[])[0]!.id);

  const job = selfServiceJobs({} as AppContext, () => make()).find((j) => j.type === 'selfservice.delete-expired-drafts')!;
  await job.run({}, { id: 1, attempt: 1, key: null, signal: new AbortController().signal, log: captureLogs('error').logger });
  for (const o of owned) assert.equal(await make().attachment(o.id), undefined, 'the abandoned rows are gone');
  assert.deepEqual(files.map((f) => fs.existsSync(f)), [false, false], 'and their files');
  assert.equal(kept?.submission_reference, sent.submission.reference);
  assert.deepEqual(await make().readFile(kept.storage_key), PNG, 'the submitted copy stays');
  now = started;
});

test('an API submission whose second file cannot be stored leaves no row and no file behind', async () => {
  const disk = diskFileStore(database.dataDir);
  let puts = 0;
  const full = { ...disk, put: (key: string, bytes: Buffer) => (++puts === 2 ? Promise.reject(new Error('The disk is full.')) : disk.put(key, bytes)) };
  const def = catalogue.get('henvendelse-eller-klage')!;
  const two = [{ name: 'hul.png', bytes: PNG, truncated: false }, { name: 'hul-2.png', bytes: PNG, truncated: false }];
  const stored = () => fs.readdirSync(path.join(database.dataDir, 'files', 'selfservice')).length;
  const filesBefore = stored();
  await assert.rejects(make(catalogue, full).submitJson(def, complaintAnswers, 'disk-full', {}, 'da', { bilag: two }), /disk is full/);
  const rows = await sql<{ n: number }>`select count(*) as n from selfservice_attachment where draft_id = 'api:disk-full'`.execute(database.db);
  assert.equal(Number(rows.rows[0]!.n), 0);
  assert.equal(puts, 2);
  assert.equal(stored(), filesBefore, 'the first file was removed again');
});

test('a new service version: removed questions are dropped, changed ones asked again, new ones asked — nothing breaks', async () => {
  const v1 = catalogue.get('anmeld-rotter')!;
  const draft = await answeredDraft('anmeld-rotter', 'version');
  // Version 2: "hvor" changes from radio to free text, "beskrivelse" is gone, a new required question.
  const v2: ServiceDefinition = structuredClone(v1);
  v2.version = 2;
  v2.steps[1]!.fields[1] = { type: 'textarea', id: 'hvor', label: { da: 'Hvor præcis?', en: 'Where exactly?' } };
  v2.steps[2]!.fields = v2.steps[2]!.fields.filter((f) => f.id !== 'beskrivelse');
  v2.steps[3]!.fields.push({ type: 'yesno', id: 'boern', label: { da: 'Er der børn i huset?', en: 'Are there children in the house?' } });
  const service = make(catalogueOf([v2]));
  const opened = await service.openDraft(draft.id, { subject: 'version' });
  assert.ok(typeof opened === 'object');
  const current = await service.currentVersion(opened);
  assert.ok(current !== 'gone');
  assert.equal(current.changed, true);
  assert.equal(current.draft.service_version, 2);
  assert.equal(current.draft.answers.beskrivelse, undefined);
  // A radio value is still text, so it is kept and checked again; the new question is missing.
  const sent = await service.submitDraft(v2, current.draft, 'da');
  assert.ok('incomplete' in sent);
  assert.equal(sent.incomplete.id, 'kontakt');
  assert.equal(sent.errors[0]!.message, 'Vælg et svar: Er der børn i huset?');
  // Another tab read the draft before the new version came, and brings it up to date after a
  // step was saved on the new version: the saved step stays.
  await saveRats(service, current.draft, 'kontakt', { navn: 'Efter skiftet' });
  const late = await service.currentVersion(opened);
  assert.ok(late !== 'gone');
  const saved = await service.openDraft(draft.id, { subject: 'version' });
  assert.ok(typeof saved === 'object');
  assert.deepEqual([late.draft.answers.navn, saved.answers.navn], ['Efter skiftet', 'Efter skiftet']);
  // A service that was removed: the draft says so instead of failing.
  const gone = await make(catalogueOf([])).currentVersion(current.draft);
  assert.equal(gone, 'gone');
});
