// Workers in separate processes (fixtures/worker-process.ts), as app nodes run them:
// sharing the queue, killed mid-job, paused mid-job.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, migrateToLatest, type TestDatabase } from '../db/testing.ts';
import { collectMigrations } from '../module.ts';
import { captureLogs } from '../../../test/helpers/app.ts';
import { enqueue, jobsModule, Worker } from './index.ts';
import { findJob } from './store.ts';
import type { JobTables } from './schema.ts';
import { jobTestModule, runs, testHandlers } from './fixtures/test-jobs.ts';

/** Short, for the tests that kill or pause a worker. */
const LEASE_MS = 1500;
/**
 * For the tests that count runs: exactly once holds while leases do not run out, and on a loaded
 * 2-core machine a process can stall past a 1.5 s lease (its jobs then run again, at least once).
 */
const LONG_LEASE = { KANAL_TEST_LEASE_MS: '30000' };
let database: TestDatabase;
const children = new Set<ChildProcess>();

before(async () => {
  database = await createTestDatabase();
  await migrateToLatest(database.db, collectMigrations([jobsModule, jobTestModule]));
});
after(async () => {
  for (const child of children) child.kill('SIGKILL');
  await database.close();
});

/** Starts a worker process and resolves when it is claiming jobs. */
async function startWorkerProcess(name: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./fixtures/worker-process.ts', import.meta.url).pathname], {
    env: { ...process.env, KANAL_TEST_DB: JSON.stringify(database.options), KANAL_TEST_WORKER: name, KANAL_TEST_LEASE_MS: String(LEASE_MS), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`worker ${name} exited with ${code}: ${stderr}`)));
  });
  return child;
}

async function stopWorkerProcess(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(25);
  }
}

const jobs = () => database.db.withTables<JobTables>();
const runsOf = (id: number) => runs(database.db).selectFrom('job_test_runs').selectAll().where('job_id', '=', id).orderBy('id').execute();

test('two worker processes on one PostgreSQL run 1,000 jobs exactly once each', { skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: SQLite serves one node' }, async (t) => {
  const [a, b] = await Promise.all([startWorkerProcess('process-a', LONG_LEASE), startWorkerProcess('process-b', LONG_LEASE)]);
  const ids = await database.db.transaction().execute(async (trx) => {
    const out: number[] = [];
    for (let n = 0; n < 1000; n++) out.push((await enqueue(trx, 'test.record', { n })).id);
    return out;
  });
  const started = performance.now(); // the commit woke both workers
  await waitFor('1,000 jobs to be done', async () => {
    const { n } = await jobs().selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', ids).where('state', '=', 'done').executeTakeFirstOrThrow();
    return n === 1000;
  });
  const seconds = (performance.now() - started) / 1000;
  assert.deepEqual(await Promise.all([stopWorkerProcess(a), stopWorkerProcess(b)]), [0, 0], 'both stop cleanly on SIGTERM');

  const ran = await runs(database.db).selectFrom('job_test_runs').select(['job_id', 'worker']).where('job_id', 'in', ids).execute();
  assert.equal(ran.length, 1000, 'one run per job');
  assert.equal(new Set(ran.map((r) => r.job_id)).size, 1000, 'no job ran twice');
  const attempts = await jobs().selectFrom('jobs').select('attempts').where('id', 'in', ids).where('attempts', '!=', 1).execute();
  assert.deepEqual(attempts, [], 'every job completed in its first attempt');
  const share = (worker: string) => ran.filter((r) => r.worker === worker).length;
  assert.ok(share('process-a') > 0 && share('process-b') > 0, 'both processes took a share');
  t.diagnostic(
    `postgres: 1,000 jobs in ${seconds.toFixed(2)} s = ${Math.round(1000 / seconds)} jobs/s with two processes ` +
      `(a: ${share('process-a')}, b: ${share('process-b')})`,
  );
});

test('a process killed mid-job: the job runs again after its lease ran out, and completes once', async () => {
  const a = await startWorkerProcess('doomed');
  const { id } = await database.db.transaction().execute((trx) => enqueue(trx, 'test.slow', { firstAttemptMs: 60_000 }));
  await waitFor('the first attempt to start', async () => (await runsOf(id)).length === 1);
  a.kill('SIGKILL');
  await once(a, 'exit');
  const held = await findJob(database.db, id);
  assert.equal(held?.state, 'running', 'the dead process still holds the lease');

  const { logger } = captureLogs('warn');
  const survivor = new Worker({ db: database.db, dialect: database.dialect, log: logger, handlers: testHandlers(database.db, 'survivor'), pollMs: 50, leaseMs: LEASE_MS, id: 'survivor' });
  await survivor.start();
  try {
    await waitFor('the job to be done', async () => (await findJob(database.db, id))?.state === 'done');
    await sleep(LEASE_MS * 2); // time enough for a wrong second run to show
  } finally {
    await survivor.stop();
  }
  const attempts = await runsOf(id);
  assert.deepEqual(
    attempts.map((r) => [r.worker, r.attempt, r.phase]),
    [
      ['doomed', 1, 'started'],
      ['survivor', 2, 'started'],
      ['survivor', 2, 'finished'],
    ],
  );
  assert.ok(attempts[1]!.at >= held.lease_expires_at!, 'the second attempt waited for the lease to run out');
  const job = await findJob(database.db, id);
  assert.equal(job?.attempts, 2);
  assert.equal(job?.worker, 'survivor');
});

test('a process paused past its lease cannot complete the job another worker took over', async () => {
  const a = await startWorkerProcess('paused', { KANAL_TEST_CONCURRENCY: '1' });
  const { id } = await database.db.transaction().execute((trx) => enqueue(trx, 'test.slow', { firstAttemptMs: 2000 }));
  await waitFor('the first attempt to start', async () => (await runsOf(id)).length === 1);
  a.kill('SIGSTOP'); // a frozen VM, a long GC pause, a cut network

  const { logger } = captureLogs('warn');
  const b = new Worker({ db: database.db, dialect: database.dialect, log: logger, handlers: testHandlers(database.db, 'b'), pollMs: 50, leaseMs: LEASE_MS, id: 'b' });
  await b.start();
  let completedByB;
  try {
    await waitFor('b to complete the job', async () => (await findJob(database.db, id))?.state === 'done');
    completedByB = await findJob(database.db, id);
  } finally {
    await b.stop();
  }
  a.kill('SIGCONT');
  // The paused process wakes with its first attempt still "running": give it time to try to finish.
  await sleep(3000);
  assert.equal(await stopWorkerProcess(a), 0);
  const after = await findJob(database.db, id);
  assert.equal(after?.state, 'done');
  assert.equal(after?.worker, 'b', 'completed by the worker that held the lease');
  assert.equal(after?.finished_at, completedByB?.finished_at, 'not completed a second time');
  assert.equal(after?.attempts, 2);
  // Whether the paused handler woke to find its lease gone (and was aborted) or finished its
  // work first (and was refused the completion), the job was completed by b alone.
  const started = (await runsOf(id)).filter((r) => r.phase === 'started').map((r) => r.worker);
  assert.deepEqual(started, ['paused', 'b']);
});

test('two worker processes on one SQLite file share the queue without running a job twice', { skip: process.env.DATABASE_URL ? 'SQLite only' : false }, async () => {
  const [a, b] = await Promise.all([startWorkerProcess('sqlite-a', LONG_LEASE), startWorkerProcess('sqlite-b', LONG_LEASE)]);
  const ids = await database.db.transaction().execute(async (trx) => {
    const out: number[] = [];
    for (let n = 0; n < 300; n++) out.push((await enqueue(trx, 'test.record', { n })).id);
    return out;
  });
  await waitFor('300 jobs to be done', async () => {
    const { n } = await jobs().selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', ids).where('state', '=', 'done').executeTakeFirstOrThrow();
    return n === 300;
  });
  await Promise.all([stopWorkerProcess(a), stopWorkerProcess(b)]);
  const ran = await runs(database.db).selectFrom('job_test_runs').select('job_id').where('job_id', 'in', ids).execute();
  assert.equal(ran.length, 300);
  assert.equal(new Set(ran.map((r) => r.job_id)).size, 300);
});
