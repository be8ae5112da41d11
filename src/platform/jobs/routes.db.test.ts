// The administrators' jobs page and the job metrics, through HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { HttpClient, hiddenField, logInAs, startListeningTestApp, type ListeningTestApp } from '../../../test/helpers/http-client.ts';
import { toTimestamp } from '../db/index.ts';
import { enqueue } from './index.ts';
import { findJob } from './store.ts';
import type { JobTables } from './schema.ts';
import './fixtures/test-jobs.ts';

let t: ListeningTestApp;
let admin: HttpClient;
let dead: number;
let failed: number;
let done: number;

before(async () => {
  t = await startListeningTestApp();
  admin = new HttpClient(t.baseUrl);
  await logInAs(admin, 'staff', 'medarbejder-administration-admin');
  const db = t.database.db;
  const ids = await db.transaction().execute(async (trx) => [
    (await enqueue(trx, 'test.fail', { message: 'x' })).id,
    (await enqueue(trx, 'test.fail', { message: 'x' })).id,
    (await enqueue(trx, 'test.record', { n: 1 })).id,
    (await enqueue(trx, 'test.record', { n: 2 })).id,
  ]);
  [dead, failed, done] = ids as [number, number, number];
  const jobs = db.withTables<JobTables>();
  const later = toTimestamp(new Date(Date.now() + 3_600_000));
  await jobs.updateTable('jobs').set({ state: 'dead', attempts: 3, last_error: 'SMTP 550 <mailbox unavailable>' }).where('id', '=', dead).execute();
  await jobs.updateTable('jobs').set({ state: 'failed', attempts: 1, run_at: later, last_error: 'timeout' }).where('id', '=', failed).execute();
  await jobs.updateTable('jobs').set({ state: 'done', attempts: 1, finished_at: toTimestamp(new Date()) }).where('id', '=', done).execute();
});
after(() => t.close());

test('only administrators see the jobs page', async () => {
  const anonymous = new HttpClient(t.baseUrl);
  assert.equal((await anonymous.send('GET', '/admin/jobs')).status, 302, 'sent to the login');
  const caseworker = new HttpClient(t.baseUrl);
  await logInAs(caseworker, 'staff', 'medarbejder-administration-caseworker');
  assert.equal((await caseworker.get('/admin/jobs')).status, 403);
  assert.equal((await caseworker.get('/admin/notifications')).status, 403);
});

test('the jobs page lists waiting, failed and dead jobs with their errors, escaped', async () => {
  const response = await admin.get('/admin/jobs');
  assert.equal(response.status, 200);
  const html = response.body;
  assert.match(html, /<h1>Baggrundsjob<\/h1>/);
  const counts = Object.fromEntries([...html.matchAll(/<span data-state="(\w+)">(\d+)<\/span>/g)].map((m) => [m[1], Number(m[2])]));
  assert.deepEqual(counts, { queued: 1, running: 0, failed: 1, dead: 1 });
  assert.match(html, /SMTP 550 &lt;mailbox unavailable>/);
  assert.match(html, new RegExp(`action="/admin/jobs/${dead}/retry"`));
  assert.match(html, new RegExp(`action="/admin/jobs/${failed}/retry"`));
  assert.doesNotMatch(html, new RegExp(`<tr><td[^>]*>${done}</td>`), 'done jobs are not listed');
  assert.doesNotMatch(html, /"message"/, 'payloads are not shown');
});

test('the page speaks English when asked', async () => {
  const response = await admin.get('/admin/jobs?lang=en');
  await admin.get('/admin/jobs?lang=da');
  assert.match(response.body, /<h1>Background jobs<\/h1>/);
  assert.match(response.body, /Given up/);
});

test('"run again" queues a dead job with all its attempts and returns to the list', async () => {
  const csrf = hiddenField((await admin.get('/admin/jobs')).body, '_csrf');
  const forged = await admin.send('POST', `/admin/jobs/${dead}/retry`, { form: { _csrf: 'forged' } });
  assert.equal(forged.status, 403, 'a wrong CSRF token is refused');
  assert.equal((await findJob(t.database.db, dead))?.state, 'dead');
  const response = await admin.send('POST', `/admin/jobs/${dead}/retry`, { form: { _csrf: csrf } });
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('location'), `/admin/jobs?retried=${dead}`);
  const job = await findJob(t.database.db, dead);
  assert.equal(job?.state, 'queued');
  assert.equal(job?.attempts, 0);
  const page = await admin.get(`/admin/jobs?retried=${dead}`);
  assert.match(page.body, new RegExp(`Job ${dead} er sat i kø igen.`));
});

test('a job that is not failed or dead cannot be run again; an unknown job is not found', async () => {
  const csrf = hiddenField((await admin.get('/admin/jobs')).body, '_csrf');
  const notRetryable = await admin.send('POST', `/admin/jobs/${done}/retry`, { form: { _csrf: csrf } });
  assert.equal(notRetryable.status, 409);
  assert.equal((await findJob(t.database.db, done))?.state, 'done');
  const unknown = await admin.send('POST', '/admin/jobs/999999/retry', { form: { _csrf: csrf } });
  assert.equal(unknown.status, 404);
});

test('/metrics shows the jobs by state', async () => {
  const text = (await admin.get('/metrics')).body;
  assert.match(text, /kanal_jobs\{state="queued"\} 2/);
  assert.match(text, /kanal_jobs\{state="failed"\} 1/);
  assert.match(text, /kanal_jobs\{state="dead"\} 0/);
  assert.match(text, /kanal_job_oldest_due_seconds \d/);
});
