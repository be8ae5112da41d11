// The outbox and the worker in one process, on SQLite (or PostgreSQL with DATABASE_URL).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Registry } from 'prom-client';
import { createTestDatabase, migrateToLatest, type TestDatabase } from '../db/testing.ts';
import { openDatabase, toTimestamp, type Database, type Db } from '../db/index.ts';
import { collectMigrations } from '../module.ts';
import { captureLogs } from '../../../test/helpers/app.ts';
import { enqueue, jobsModule, Worker, type AnyJobHandler } from './index.ts';
import { claimJobs, completeJob, failJob, findJob, renewLease } from './store.ts';
import type { JobTables } from './schema.ts';
import { jobTestModule, runs, testHandlers } from './fixtures/test-jobs.ts';

let database: TestDatabase;
const { logger } = captureLogs('warn');

before(async () => {
  database = await createTestDatabase();
  await migrateToLatest(database.db, collectMigrations([jobsModule, jobTestModule]));
});
after(() => database.close());

const jobsOf = (db: Db) => db.withTables<JobTables>();

function worker(handlers: AnyJobHandler[], options: Partial<ConstructorParameters<typeof Worker>[0]> = {}, db: Database = database): Worker {
  return new Worker({ db: db.db, dialect: db.dialect, log: logger, handlers, pollMs: 20, leaseMs: 5000, listenUrl: database.options.databaseUrl, ...options });
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

const stateOf = async (id: number) => (await findJob(database.db, id))?.state;
const runsOf = (id: number) => runs(database.db).selectFrom('job_test_runs').selectAll().where('job_id', '=', id).orderBy('id').execute();

test('a job enqueued in a transaction that rolls back does not exist', async () => {
  let id = 0;
  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      ({ id } = await enqueue(trx, 'test.record', { n: 1 }, { key: 'rolled-back' }));
      // (SQLite has one connection, held by this transaction: only PostgreSQL can look from outside.)
      if (database.dialect === 'postgres') assert.equal(await stateOf(id), undefined, 'not visible outside the transaction before commit');
      throw new Error('the change failed');
    }),
    /the change failed/,
  );
  assert.ok(id > 0);
  assert.equal(await findJob(database.db, id), undefined);
  // The key was never taken, so it can be used now.
  const again = await database.db.transaction().execute((trx) => enqueue(trx, 'test.record', { n: 2 }, { key: 'rolled-back' }));
  assert.equal(again.created, true);
});

test('the same key twice gives one job, within a transaction and across transactions', async () => {
  const [a, b] = await database.db.transaction().execute(async (trx) => [
    await enqueue(trx, 'test.record', { n: 1 }, { key: 'receipt:42' }),
    await enqueue(trx, 'test.record', { n: 2 }, { key: 'receipt:42' }),
  ]);
  const c = await database.db.transaction().execute((trx) => enqueue(trx, 'test.record', { n: 3 }, { key: 'receipt:42' }));
  assert.deepEqual([a.created, b.created, c.created], [true, false, false]);
  assert.equal(b.id, a.id);
  assert.equal(c.id, a.id);
  const rows = await jobsOf(database.db).selectFrom('jobs').select(['payload']).where('key', '=', 'receipt:42').execute();
  assert.deepEqual(rows, [{ payload: { n: 1 } }], 'the first payload stays');
});

test('jobs without a key are all kept', async () => {
  const ids = await database.db.transaction().execute(async (trx) => [
    (await enqueue(trx, 'test.record', { n: 1 }, { runAt: '2999-01-01T00:00:00.000Z' })).id,
    (await enqueue(trx, 'test.record', { n: 1 }, { runAt: '2999-01-01T00:00:00.000Z' })).id,
  ]);
  assert.notEqual(ids[0], ids[1]);
});

test('the worker runs a due job once and marks it done; a future job waits', async () => {
  const { id, future } = await database.db.transaction().execute(async (trx) => ({
    id: (await enqueue(trx, 'test.record', { n: 7 })).id,
    future: (await enqueue(trx, 'test.record', { n: 8 }, { runAt: new Date(Date.now() + 3_600_000) })).id,
  }));
  const w = worker(testHandlers(database.db, 'w1'));
  await w.start();
  try {
    await waitFor('the job to be done', async () => (await stateOf(id)) === 'done');
    await sleep(100);
  } finally {
    await w.stop();
  }
  const done = await findJob(database.db, id);
  assert.equal(done?.attempts, 1);
  assert.equal(done?.lease_token, null);
  assert.ok(done?.finished_at);
  assert.equal((await runsOf(id)).length, 1);
  assert.equal(await stateOf(future), 'queued');
  assert.equal((await runsOf(future)).length, 0);
});

test('PostgreSQL: a committed job wakes a LISTENing worker at once, long before its next poll', { skip: process.env.DATABASE_URL ? false : 'PostgreSQL only' }, async () => {
  const w = worker(testHandlers(database.db, 'w-listen'), { pollMs: 120_000 });
  await w.start();
  try {
    await sleep(1_000); // the first poll has found nothing; the LISTEN connection is up
    const { id } = await database.db.transaction().execute((trx) => enqueue(trx, 'test.record', { n: 9 }));
    await waitFor('the job to be done', async () => (await stateOf(id)) === 'done', 10_000);
  } finally {
    await w.stop();
  }
});

test('a crashing handler is retried with backoff, then dead, with its error kept', async () => {
  const registry = new Registry();
  const { id } = await database.db.transaction().execute((trx) => enqueue(trx, 'test.fail', { message: 'the mail server said no' }));
  const w = worker(testHandlers(database.db, 'w1'), { registry });
  await w.start();
  try {
    await waitFor('the job to be dead', async () => (await stateOf(id)) === 'dead');
  } finally {
    await w.stop();
  }
  const job = await findJob(database.db, id);
  assert.equal(job?.attempts, 3, 'test.fail allows 3 attempts');
  assert.equal(job?.last_error, 'the mail server said no');
  const attempts = await runsOf(id);
  assert.deepEqual(attempts.map((r) => r.attempt), [1, 2, 3]);
  // Backoff base 20 ms: the retries came at least 10 ms (half of 20 ms, jitter) and 20 ms apart.
  const gaps = attempts.slice(1).map((r, i) => Date.parse(r.at) - Date.parse(attempts[i]!.at));
  assert.ok(gaps[0]! >= 10 && gaps[1]! >= 20, `gaps ${gaps.join(', ')} ms`);
  const text = await registry.metrics();
  assert.match(text, /kanal_job_runs_total\{type="test.fail",outcome="retry"\} 2/);
  assert.match(text, /kanal_job_runs_total\{type="test.fail",outcome="dead"\} 1/);
});

test('a job whose lease ran out is claimed again, and only the new holder can finish it', async () => {
  const { id } = await database.db.transaction().execute((trx) => enqueue(trx, 'test.record', { n: 1 }, { key: 'fencing' }));
  const t0 = Date.now();
  const at = (ms: number) => toTimestamp(new Date(t0 + ms));
  const claim = (token: string, nowMs: number) =>
    claimJobs(database.db, database.dialect, { types: ['test.record'], limit: 10, now: at(nowMs), leaseExpiresAt: at(nowMs + 1000), leaseToken: token, worker: token });

  const [first] = (await claim('A', 0)).filter((j) => j.id === id);
  assert.equal(first?.attempts, 1);
  assert.deepEqual((await claim('B', 500)).filter((j) => j.id === id), [], 'not while the lease holds');
  assert.equal(await renewLease(database.db, id, 'A', at(1200)), true, 'A renews its lease');
  assert.deepEqual((await claim('B', 1100)).filter((j) => j.id === id), [], 'the renewed lease holds');
  const [second] = (await claim('B', 1300)).filter((j) => j.id === id);
  assert.equal(second?.attempts, 2, 'B took it over after the lease ran out');

  assert.equal(await renewLease(database.db, id, 'A', at(5000)), false, 'A can no longer renew');
  assert.equal(await completeJob(database.db, id, 'A', at(1400)), false, 'A cannot complete it');
  assert.equal(await failJob(database.db, id, 'A', { error: 'x', dead: true, retryAt: at(0), now: at(1400) }), false, 'A cannot fail it');
  assert.equal(await completeJob(database.db, id, 'B', at(1500)), true, 'B completes it');
  assert.equal(await completeJob(database.db, id, 'B', at(1600)), false, 'and only once');
  const job = await findJob(database.db, id);
  assert.equal(job?.state, 'done');
  assert.equal(job?.worker, 'B');
  assert.equal(job?.finished_at, at(1500));
});

test('a job whose worker died during the last attempt is dead, not run again', async () => {
  const { id } = await database.db.transaction().execute((trx) => enqueue(trx, 'test.fail', { message: 'never runs' }));
  // Three claims whose leases all ran out: the worker died in each attempt.
  await jobsOf(database.db).updateTable('jobs').set({ state: 'running', attempts: 3, lease_token: 'gone', lease_expires_at: toTimestamp(new Date(Date.now() - 1000)) }).where('id', '=', id).execute();
  const w = worker(testHandlers(database.db, 'w1'));
  await w.start();
  try {
    await waitFor('the job to be dead', async () => (await stateOf(id)) === 'dead');
  } finally {
    await w.stop();
  }
  assert.match((await findJob(database.db, id))!.last_error!, /lease ran out/);
  assert.equal((await runsOf(id)).length, 0);
});

test('stopping the worker gives an unfinished job back without counting the attempt', async () => {
  const { id } = await database.db.transaction().execute((trx) => enqueue(trx, 'test.slow', { firstAttemptMs: 60_000 }));
  const w = worker(testHandlers(database.db, 'w1'), { shutdownGraceMs: 100 });
  await w.start();
  await waitFor('the job to start', async () => (await runsOf(id)).length > 0);
  await w.stop();
  const job = await findJob(database.db, id);
  assert.equal(job?.state, 'queued');
  assert.equal(job?.attempts, 0);
  assert.equal(job?.lease_token, null);
  await jobsOf(database.db).deleteFrom('jobs').where('id', '=', id).execute();
});

test('stopping the worker waits for a job that finishes within the grace period', async () => {
  const { id } = await database.db.transaction().execute((trx) => enqueue(trx, 'test.slow', { firstAttemptMs: 300 }));
  const w = worker(testHandlers(database.db, 'w1'), { shutdownGraceMs: 5000 });
  await w.start();
  await waitFor('the job to start', async () => (await runsOf(id)).length > 0);
  await w.stop();
  assert.equal(await stateOf(id), 'done');
});

test('a job that takes longer than its timeout fails and is retried', async () => {
  const handler: AnyJobHandler = {
    type: 'test.slow',
    timeoutMs: 100,
    maxAttempts: 1,
    run: (_payload, job) => sleep(10_000, undefined, { signal: job.signal }).catch(() => undefined),
  };
  const { id } = await database.db.transaction().execute((trx) => enqueue(trx, 'test.slow', { firstAttemptMs: 0 }));
  const w = worker([handler]);
  await w.start();
  try {
    await waitFor('the job to be dead', async () => (await stateOf(id)) === 'dead');
  } finally {
    await w.stop();
  }
  assert.match((await findJob(database.db, id))!.last_error!, /took longer than 0 s/);
});

test('a recurring job runs once per scheduled time with two nodes', async () => {
  // On PostgreSQL the second node has its own connection pool. SQLite is one node's database: a
  // second connection in the same process would block the thread while waiting for the first
  // one's lock, so there both schedulers share the connection (two processes: see processes test).
  const second = database.dialect === 'postgres' ? openDatabase({ ...database.options, poolSize: 4 }) : database;
  const nodes = [worker(testHandlers(database.db, 'node1', { tickSchedule: '* * * * * *' })), worker(testHandlers(second.db, 'node2', { tickSchedule: '* * * * * *' }), {}, second)];
  try {
    await Promise.all(nodes.map((n) => n.start()));
    await sleep(3500);
  } finally {
    await Promise.all(nodes.map((n) => n.stop()));
    if (second !== database) await second.close();
  }
  const jobs = await jobsOf(database.db).selectFrom('jobs').selectAll().where('type', '=', 'test.tick').orderBy('run_at').execute();
  const done = jobs.filter((j) => j.state === 'done');
  assert.ok(done.length >= 3, `${done.length} occurrences ran in 3.5 s`);
  assert.equal(new Set(jobs.map((j) => j.run_at)).size, jobs.length, 'one job per scheduled second');
  for (const job of jobs) assert.equal(job.key, `schedule:test.tick:${job.run_at}`);
  const tickRuns = await runs(database.db).selectFrom('job_test_runs').selectAll().where('job_key', 'like', 'schedule:test.tick:%').execute();
  assert.equal(tickRuns.length, done.length, 'each occurrence ran once');
  assert.equal(new Set(tickRuns.map((r) => r.job_key)).size, tickRuns.length);
  assert.deepEqual(new Set(tickRuns.map((r) => r.worker)).size > 0, true);
  // Each ran at or after its time.
  for (const run of tickRuns) assert.ok(run.at >= run.job_key!.slice('schedule:test.tick:'.length));
});

test('throughput: 1,000 jobs through one worker process', async (t) => {
  const ids = await database.db.transaction().execute(async (trx) => {
    const out: number[] = [];
    for (let n = 0; n < 1000; n++) out.push((await enqueue(trx, 'test.record', { n })).id);
    return out;
  });
  const w = worker(testHandlers(database.db, 'bench'), { concurrency: 8 });
  const started = performance.now();
  await w.start();
  try {
    await waitFor('all jobs to be done', async () => {
      const { n } = await jobsOf(database.db).selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', ids).where('state', '=', 'done').executeTakeFirstOrThrow();
      return n === 1000;
    }, 60_000);
  } finally {
    await w.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  t.diagnostic(`${database.dialect}: 1,000 jobs in ${seconds.toFixed(2)} s = ${Math.round(1000 / seconds)} jobs/s (one process, concurrency 8)`);
  const ran = await runs(database.db).selectFrom('job_test_runs').select('job_id').where('job_id', 'in', ids).execute();
  assert.equal(ran.length, 1000);
  assert.equal(new Set(ran.map((r) => r.job_id)).size, 1000);
});
