// The web import of a large file through HTTP, with the job run by the real worker:
// reading → checking (progress) → waiting → importing → imported; errors shown and nothing
// stored; the same file again changes nothing; two workers at once import once; an upload
// never confirmed is deleted with its file by the hourly job once it is a day old.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { captureLogs } from '../../../../test/helpers/app.ts';
import { holdLocks } from '../../../platform/db/testing.ts';
import { HttpClient, hiddenField, logInAs, startListeningTestApp, type ListeningTestApp } from '../../../../test/helpers/http-client.ts';
import { Worker } from '../../../platform/jobs/index.ts';
import type { AppContext } from '../../../platform/module.ts';
import { contactsModule } from '../index.ts';
import { importContext } from '../routes.tsx';
import type { RunStatus } from '../schema.ts';
import * as store from '../store.ts';
import { advanceRun, confirmRun, SMALL_FILE_BYTES, UNCONFIRMED_RUN_HOURS } from './flow.ts';

let t: ListeningTestApp;
let admin: HttpClient;
let ctx: AppContext;
const { logger } = captureLogs('error');

before(async () => {
  t = await startListeningTestApp();
  admin = new HttpClient(t.baseUrl);
  await logInAs(admin, 'staff', 'medarbejder-administration-admin');
  ctx = { config: t.config, db: t.database.db, dialect: t.database.dialect, log: logger, metrics: undefined as never };
});
after(() => t.close());

const header = 'dato;kanal;retning;art;emne;forvaltning;antal';
/** `lines` figures over consecutive days from `start`, 50 a day, each count `count`. */
function bigFile(lines: number, start = Date.UTC(2024, 0, 1), count = 2): Buffer {
  const topics = ['affald', 'pas', 'byggeri', 'rotter', 'skole'];
  const channels = ['telefon', 'personlig', 'e-mail', 'web', 'brev'];
  const out = [header];
  for (let i = 0; i < lines; i++) {
    const day = new Date(start + Math.floor(i / 50) * 86_400_000).toISOString().slice(0, 10);
    out.push(`${day};${channels[i % 5]};ind;information;${topics[Math.floor(i / 5) % 5]};;${count}`);
  }
  return Buffer.from(out.join('\n') + '\n');
}

async function upload(data: Buffer, name: string, source = 'telefoni'): Promise<number> {
  const _csrf = hiddenField((await admin.get('/medarbejder/henvendelser/import')).body, '_csrf');
  const boundary = '----kanalflow';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${_csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\n${source}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  // send() takes forms and JSON only: the multipart body goes with the client's cookies.
  const raw = await fetch(new URL('/medarbejder/henvendelser/import', t.baseUrl), {
    method: 'POST',
    headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
    redirect: 'manual',
  });
  assert.equal(raw.status, 303, await raw.text());
  return Number(/\/import\/(\d+)$/.exec(raw.headers.get('location') ?? '')?.[1]);
}

async function status(id: number): Promise<RunStatus> {
  const response = await admin.send('GET', `/api/contacts/imports/${id}`, { headers: { accept: 'application/json' } });
  assert.equal(response.status, 200);
  return (await response.json()) as RunStatus;
}

/** Polls the status route as the page's script does, with the real worker running, until `until`. */
async function follow(id: number, until: (s: RunStatus) => boolean): Promise<RunStatus[]> {
  const worker = new Worker({ db: t.database.db, dialect: t.database.dialect, log: logger, handlers: contactsModule.jobs!(ctx), pollMs: 20 });
  await worker.start();
  const seen: RunStatus[] = [];
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const s = await status(id);
      seen.push(s);
      if (until(s)) return seen;
      if (Date.now() > deadline) throw new Error(`timed out; last status ${JSON.stringify(s)}`);
      await sleep(25);
    }
  } finally {
    await worker.stop();
  }
}

const sumImported = async () => (await store.allAggregates(t.database.db)).filter((a) => a.source === 'import').reduce((sum, a) => sum + a.count, 0);

test('a large file: the status moves through reading, checking and waiting; confirmed, the worker imports it; the same file again changes nothing', async () => {
  const lines = 60_000;
  const file = bigFile(lines);
  assert.ok(file.length > SMALL_FILE_BYTES, `${file.length} bytes is a large file`);
  const id = await upload(file, 'telefoni-2024.csv');
  // Nothing was done in the request: the worker does it.
  const first = await status(id);
  assert.equal(first.phase, 'reading');
  assert.equal(first.busy, true);
  const page = await admin.get(`/medarbejder/henvendelser/import/${id}`);
  assert.match(page.body, /<progress id="import-progress"[^>]*>/);
  assert.match(page.body, /data-import-status="\/api\/contacts\/imports\/\d+"/);
  assert.match(page.body, /Siden opdaterer ikke sig selv uden JavaScript\. Tryk Opdater/);
  assert.match(page.body, new RegExp(`<a class="button button-secondary" href="/medarbejder/henvendelser/import/${id}">Opdater</a>`));
  assert.doesNotMatch(page.body, /http-equiv="refresh"/);

  const checking = await follow(id, (s) => s.phase === 'waiting');
  const phases = [...new Set(checking.map((s) => s.phase))];
  assert.deepEqual(phases.filter((p) => p !== 'reading'), ['checking', 'waiting'], JSON.stringify(phases));
  const midway = checking.find((s) => s.phase === 'checking' && s.total === lines + 1 && s.done > 0 && s.done < lines + 1);
  assert.ok(midway, `progress seen while checking: ${JSON.stringify(checking.filter((s) => s.phase === 'checking').map((s) => [s.done, s.total]))}`);
  assert.match(midway.progressText, /^Linje [\d.]+ af 60\.001 \(\d+ %\)\.$/);
  const waiting = checking.at(-1)!;
  assert.deepEqual([waiting.done, waiting.total, waiting.busy, waiting.text], [lines + 1, lines + 1, false, 'Filen er kontrolleret. Se tallene, og tryk Importér.']);
  assert.equal(await sumImported(), 0, 'nothing is stored before the admin confirms');
  const preview = await admin.get(`/medarbejder/henvendelser/import/${id}`);
  assert.match(preview.body, /Henvendelser i alt/);
  assert.match(preview.body, /120\.000/);

  const _csrf = hiddenField(preview.body, '_csrf');
  const confirm = await admin.send('POST', `/medarbejder/henvendelser/import/${id}/godkend`, { form: { _csrf } });
  assert.equal(confirm.status, 303);
  assert.equal((await status(id)).phase, 'importing');
  const importing = await follow(id, (s) => !s.busy);
  const during = importing.filter((s) => s.phase === 'importing');
  if (t.database.dialect === 'postgres') {
    // Progress is written beside the import's transaction, so it shows as the lines go in.
    assert.ok(during.some((s) => s.total === lines + 1 && s.done > 0 && s.done < lines + 1), JSON.stringify(during.map((s) => [s.done, s.total])));
  } else {
    // SQLite's one connection is the import's until it commits: the bar shows the phase, no false count.
    assert.ok(during.every((s) => s.total === null && s.text === 'Tallene importeres.'), JSON.stringify(during));
  }
  const done = importing.at(-1)!;
  assert.equal(done.phase, 'imported');
  assert.deepEqual([done.done, done.total], [lines + 1, lines + 1]);
  assert.equal(await sumImported(), lines * 2);
  assert.match((await admin.get(`/medarbejder/henvendelser/import/${id}`)).body, /60\.000 linjer med i alt 120\.000 henvendelser er gemt\./);
  // The file was removed from storage once imported.
  assert.equal((await store.findRun(t.database.db, id))?.phase, 'imported');

  const again = await upload(file, 'telefoni-2024-igen.csv');
  const waitingAgain = await follow(again, (s) => s.phase === 'waiting');
  assert.equal(waitingAgain.at(-1)!.phase, 'waiting');
  assert.match((await admin.get(`/medarbejder/henvendelser/import/${again}`)).body, /Præcis denne fil er allerede importeret/);
  await admin.send('POST', `/medarbejder/henvendelser/import/${again}/godkend`, { form: { _csrf } });
  assert.equal((await follow(again, (s) => !s.busy)).at(-1)!.phase, 'unchanged');
  assert.equal(await sumImported(), lines * 2);
  assert.equal((await store.listBatches(t.database.db, 10)).filter((b) => b.source === 'telefoni').length, 1);
});

/** Holds a run's progress row from another connection, as a busy database would, until the returned release is called. */
const holdProgressRow = async (id: number) => (await holdLocks(t.database.db, sql`select run_id from contact_import_progress where run_id = ${id} for update`)).release;

/** The run's status as a page polling it sees it, for `ms`. */
async function watch(id: number, ms: number): Promise<RunStatus[]> {
  const seen: RunStatus[] = [];
  for (const until = Date.now() + ms; Date.now() < until; await sleep(50)) seen.push(await status(id));
  return seen;
}

test('PostgreSQL: a run never shows the count of an earlier phase, however late the progress writes are', { skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: SQLite writes no progress during the import' }, async () => {
  const lines = 30_000;
  const id = await upload(bigFile(lines, Date.UTC(2018, 0, 1)), 'sen-status.csv', 'andet');
  await follow(id, (s) => s.phase === 'waiting');
  const _csrf = hiddenField((await admin.get(`/medarbejder/henvendelser/import/${id}`)).body, '_csrf');

  // The confirmation, while another connection holds the progress row (as a busy database would).
  let release = await holdProgressRow(id);
  const confirming = admin.send('POST', `/medarbejder/henvendelser/import/${id}/godkend`, { form: { _csrf } });
  let seen = await watch(id, 1_000);
  await release();
  assert.equal((await confirming).status, 303);
  assert.deepEqual([...new Set(seen.map((s) => [s.phase, s.done].join(' ')))], [`waiting ${lines + 1}`], 'the check\'s count never shows under "importing"');
  assert.deepEqual([(await status(id)).phase, (await status(id)).done], ['importing', 0]);

  // The import, run as the worker runs it, while the progress writes beside it wait.
  release = await holdProgressRow(id);
  const importing = advanceRun(importContext(ctx), id);
  seen = await watch(id, 2_000);
  await release();
  await importing;
  assert.deepEqual([...new Set(seen.map((s) => s.phase))], ['importing'], 'the import cannot end before its last count is saved');
  const end = await status(id);
  assert.deepEqual([end.phase, end.done, end.total], ['imported', lines + 1, lines + 1]);
});

test('PostgreSQL: a second check of a run (a job retried after its lease ran out) does not overwrite the count of the import confirmed meanwhile', { skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: a lock on the topics holds the second check' }, async () => {
  const lines = 30_000;
  const id = await upload(bigFile(lines, Date.UTC(2016, 0, 1)), 'sen-kontrol.csv', 'andet');
  const flow = importContext(ctx);
  // The second check starts, and is held where it reads the topics.
  const topics = await holdLocks(t.database.db, sql`lock table contact_topic in access exclusive mode`);
  const late = advanceRun(flow, id);
  while ((await store.findRun(t.database.db, id))?.total === null) await sleep(10);
  // Meanwhile the first check has finished, and the admin confirms.
  assert.ok(await store.moveRun(t.database.db, id, ['checking'], 'waiting'));
  assert.ok(await confirmRun(flow, id));
  await topics.release();
  await late;
  const run = await store.findRun(t.database.db, id);
  await advanceRun(flow, id);
  assert.deepEqual([run?.phase, run?.done], ['importing', 0], 'the late check wrote no count over the import\'s');
  assert.equal((await store.findRun(t.database.db, id))?.phase, 'imported');
});

test('a large file with errors: the problems come as JSON and on the page, in Danish, and nothing is stored', async () => {
  const before = await sumImported();
  const lines = bigFile(30_000, Date.UTC(2021, 0, 1)).toString().split('\n');
  lines[17] = '2021-01-01;fax;ind;information;affald;;4';
  lines[20_001] = '2021-02-30;telefon;ind;information;affald;;4';
  const id = await upload(Buffer.from(lines.join('\n')), 'fejl.csv', 'nummersystem');
  const end = (await follow(id, (s) => !s.busy)).at(-1)!;
  assert.equal(end.phase, 'rejected');
  assert.equal(end.problemCount, 2);
  assert.deepEqual(end.problems, [
    { line: 18, column: 'kanal', problem: 'Ukendt kanal »fax«. Brug fx telefon, personlig, e-mail, brev, selvbetjening eller web.' },
    { line: 20_002, column: 'dato', problem: '»2021-02-30« er ikke en dato. Skriv fx 2026-11-02 eller 02-11-2026.' },
  ]);
  const page = await admin.get(`/medarbejder/henvendelser/import/${id}`);
  assert.match(page.body, /Filen kan ikke importeres: 2 fejl/);
  assert.match(page.body, /<td[^>]*>20002<\/td><td[^>]*>dato<\/td>/);
  assert.doesNotMatch(page.body, /godkend/);
  assert.equal(await sumImported(), before);
  assert.equal((await store.listBatches(t.database.db, 10)).filter((b) => b.source === 'nummersystem').length, 0);
  // A forged confirmation of a rejected file changes nothing.
  const _csrf = hiddenField(page.body, '_csrf');
  assert.equal((await admin.send('POST', `/medarbejder/henvendelser/import/${id}/godkend`, { form: { _csrf } })).status, 303);
  assert.equal((await store.findRun(t.database.db, id))?.phase, 'rejected');
});

test('two workers at once (a retried job, a second node) import a confirmed file once', async () => {
  const file = bigFile(2_000, Date.UTC(2019, 0, 1), 3);
  const id = await upload(file, 'post.csv', 'post');
  await follow(id, (s) => s.phase === 'waiting');
  const before = await sumImported();
  assert.ok(await store.moveRun(t.database.db, id, ['waiting'], 'importing'));
  const flow = importContext(ctx);
  await Promise.all([advanceRun(flow, id), advanceRun(flow, id), advanceRun(flow, id)]);
  assert.equal((await store.findRun(t.database.db, id))?.phase, 'imported');
  assert.equal(await sumImported(), before + 2_000 * 3);
  assert.equal((await store.listBatches(t.database.db, 10)).filter((b) => b.source === 'post').length, 1);
  // And the job's own run afterwards finds nothing to do.
  await advanceRun(flow, id);
  assert.equal(await sumImported(), before + 2_000 * 3);
});

test('the status route is for admins only', async () => {
  const staff = new HttpClient(t.baseUrl);
  await logInAs(staff, 'staff', 'medarbejder-borgerservice-frontdesk');
  assert.equal((await staff.send('GET', '/api/contacts/imports/1', { headers: { accept: 'application/json' } })).status, 403);
  assert.equal((await new HttpClient(t.baseUrl).send('GET', '/api/contacts/imports/1')).status, 401);
  assert.equal((await admin.send('GET', '/api/contacts/imports/999999')).status, 404);
});

test('an upload never confirmed is deleted with its file by the hourly job once it is a day old; fresh and finished runs stay', async () => {
  const flow = importContext(ctx);
  // Small files: checked in the request, so each waits for the admin at once.
  const left = await upload(bigFile(100, Date.UTC(2010, 0, 1)), 'glemt.csv', 'andet');
  const fresh = await upload(bigFile(100, Date.UTC(2011, 0, 1)), 'ny.csv', 'andet');
  const rejected = await upload(Buffer.from(`${header}\n2012-01-01;fax;ind;information;affald;;4\n`), 'afvist.csv', 'andet');
  const [leftRun, freshRun] = [(await store.findRun(t.database.db, left))!, (await store.findRun(t.database.db, fresh))!];
  assert.deepEqual([leftRun.phase, freshRun.phase, (await store.findRun(t.database.db, rejected))?.phase], ['waiting', 'waiting', 'rejected']);
  assert.ok(await flow.storage.stat(leftRun.fileKey), 'the upload is stored while it waits');

  // Uploaded a day and a minute ago (the rejected one too: it has no file and is kept as history).
  const dayAgo = new Date(Date.now() - UNCONFIRMED_RUN_HOURS * 3_600_000 - 60_000).toISOString();
  await sql`update contact_import_run set created_at = ${dayAgo} where id in (${left}, ${rejected})`.execute(t.database.db);
  const job = contactsModule.jobs!(ctx).find((h) => h.type === 'contacts.delete-unconfirmed-imports')!;
  assert.equal(job.schedule, '20 * * * *');
  await job.run({} as never, { id: 1, attempt: 1, key: null, signal: new AbortController().signal, log: logger });

  assert.equal(await store.findRun(t.database.db, left), undefined);
  assert.equal(await flow.storage.stat(leftRun.fileKey), undefined, 'its file is gone');
  const progress = await sql<{ n: number }>`select count(*) as n from contact_import_progress where run_id = ${left}`.execute(t.database.db);
  assert.equal(Number(progress.rows[0]!.n), 0);
  assert.equal((await store.findRun(t.database.db, fresh))?.phase, 'waiting');
  assert.ok(await flow.storage.stat(freshRun.fileKey), 'a fresh upload keeps its file');
  assert.equal((await store.findRun(t.database.db, rejected))?.phase, 'rejected');
  // The admin who comes back to the deleted run's page is told it is not there.
  assert.equal((await admin.get(`/medarbejder/henvendelser/import/${left}`)).status, 404);
});
