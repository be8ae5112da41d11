// The administrators' jobs page and the job metrics, through HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { toTimestamp } from '../db/index.ts';
import { enqueue } from './index.ts';
import { findJob } from './store.ts';
import type { JobTables } from './schema.ts';
import './fixtures/test-jobs.ts';

let t: TestApp;
let dead: number;
let failed: number;
let done: number;

before(async () => {
  t = await startTestApp();
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

test('the jobs page lists waiting, failed and dead jobs with their errors, escaped', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/admin/jobs' });
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assert.match(html, /<h1>Baggrundsjob<\/h1>/);
  assert.match(html, /<td data-state="queued">1<\/td><td data-state="running">0<\/td><td data-state="failed">1<\/td><td data-state="dead">1<\/td>/);
  assert.match(html, /SMTP 550 &lt;mailbox unavailable>/);
  assert.match(html, new RegExp(`action="/admin/jobs/${dead}/retry"`));
  assert.match(html, new RegExp(`action="/admin/jobs/${failed}/retry"`));
  assert.doesNotMatch(html, new RegExp(`<tr><td>${done}</td>`), 'done jobs are not listed');
  assert.doesNotMatch(html, /"message"/, 'payloads are not shown');
});

test('the page speaks English when asked', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/admin/jobs?lang=en' });
  assert.match(response.body, /<h1>Background jobs<\/h1>/);
  assert.match(response.body, /Given up/);
});

test('"run again" queues a dead job with all its attempts and returns to the list', async () => {
  const response = await t.app.inject({ method: 'POST', url: `/admin/jobs/${dead}/retry`, payload: { _csrf: 'x' }, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, `/admin/jobs?retried=${dead}`);
  const job = await findJob(t.database.db, dead);
  assert.equal(job?.state, 'queued');
  assert.equal(job?.attempts, 0);
  const page = await t.app.inject({ method: 'GET', url: `/admin/jobs?retried=${dead}` });
  assert.match(page.body, new RegExp(`Job ${dead} er sat i kø igen.`));
});

test('a job that is not failed or dead cannot be run again; an unknown job is not found', async () => {
  const notRetryable = await t.app.inject({ method: 'POST', url: `/admin/jobs/${done}/retry`, payload: {}, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(notRetryable.statusCode, 409);
  assert.equal((await findJob(t.database.db, done))?.state, 'done');
  const unknown = await t.app.inject({ method: 'POST', url: '/admin/jobs/999999/retry', payload: {}, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(unknown.statusCode, 404);
});

test('/metrics shows the jobs by state', async () => {
  const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
  assert.match(text, /kanal_jobs\{state="queued"\} 2/);
  assert.match(text, /kanal_jobs\{state="failed"\} 1/);
  assert.match(text, /kanal_jobs\{state="dead"\} 0/);
  assert.match(text, /kanal_job_oldest_due_seconds \d/);
});
