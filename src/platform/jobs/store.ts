// Every query on the jobs table. The claim is the only dialect-specific one:
// PostgreSQL locks the rows it takes with FOR UPDATE SKIP LOCKED, so workers on
// several nodes never take the same job; SQLite has one writer, and the claim is
// a single UPDATE … RETURNING inside a write transaction (BEGIN IMMEDIATE).
import type { ExpressionBuilder } from 'kysely';
import type { Db, Dialect, Timestamp, Trx } from '../db/index.ts';
import { json } from '../db/index.ts';
import type { ClaimedJob, JobState, JobSummary, JobTables } from './schema.ts';

const q = (db: Db) => db.withTables<JobTables>();

export interface NewJob {
  type: string;
  payload: unknown;
  key: string | null;
  runAt: Timestamp;
  now: Timestamp;
}

/** Inserts a job; with a key already taken, inserts nothing and returns the existing job's id. */
export async function insertJob(trx: Trx, job: NewJob): Promise<{ id: number; created: boolean }> {
  const inserted = await q(trx)
    .insertInto('jobs')
    .values({ type: job.type, payload: json(job.payload), key: job.key, state: 'queued', run_at: job.runAt, created_at: job.now, updated_at: job.now })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await q(trx).selectFrom('jobs').select('id').where('key', '=', job.key).executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

export interface ClaimRequest {
  types: readonly string[];
  limit: number;
  now: Timestamp;
  leaseExpiresAt: Timestamp;
  leaseToken: string;
  worker: string;
}

/** Takes up to `limit` due jobs — and jobs whose lease ran out — for this worker. */
export async function claimJobs(db: Db, dialect: Dialect, r: ClaimRequest): Promise<ClaimedJob[]> {
  if (r.types.length === 0 || r.limit < 1) return [];
  const claim = (conn: Db) =>
    q(conn)
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        attempts: eb('attempts', '+', 1),
        lease_token: r.leaseToken,
        lease_expires_at: r.leaseExpiresAt,
        worker: r.worker,
        updated_at: r.now,
      }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('type', 'in', r.types)
          .where((w) =>
            w.or([
              w.and([w('state', 'in', ['queued', 'failed']), w('run_at', '<=', r.now)]),
              w.and([w('state', '=', 'running'), w('lease_expires_at', '<', r.now)]),
            ]),
          )
          .orderBy('run_at')
          .orderBy('id')
          .limit(r.limit)
          .$if(dialect === 'postgres', (s) => s.forUpdate().skipLocked()),
      )
      .returning(['id', 'type', 'payload', 'key', 'attempts', 'lease_token'])
      .execute();
  const rows = dialect === 'postgres' ? await claim(db) : await db.transaction().execute((trx) => claim(trx));
  return rows
    .map((row) => ({ id: row.id, type: row.type, payload: row.payload, key: row.key, attempts: row.attempts, leaseToken: row.lease_token! }))
    .sort((a, b) => a.id - b.id);
}

/** The fence: only the holder of the current lease may change a running job. */
const held = (id: number, leaseToken: string) => (eb: ExpressionBuilder<JobTables, 'jobs'>) =>
  eb.and([eb('id', '=', id), eb('lease_token', '=', leaseToken), eb('state', '=', 'running')]);

async function changed(result: Promise<{ numUpdatedRows: bigint }>): Promise<boolean> {
  return (await result).numUpdatedRows === 1n;
}

/** Extends the lease of a running job; false when the lease is no longer ours. */
export function renewLease(db: Db, id: number, leaseToken: string, leaseExpiresAt: Timestamp): Promise<boolean> {
  return changed(q(db).updateTable('jobs').set({ lease_expires_at: leaseExpiresAt }).where(held(id, leaseToken)).executeTakeFirst());
}

/** Marks the job done — once: false when another worker has taken it over since. */
export function completeJob(db: Db, id: number, leaseToken: string, now: Timestamp): Promise<boolean> {
  return changed(
    q(db)
      .updateTable('jobs')
      .set({ state: 'done', lease_token: null, lease_expires_at: null, last_error: null, finished_at: now, updated_at: now })
      .where(held(id, leaseToken))
      .executeTakeFirst(),
  );
}

export interface Failure {
  error: string;
  /** true: no attempts left. */
  dead: boolean;
  retryAt: Timestamp;
  now: Timestamp;
}

/** Records a failed attempt: the job waits for its retry, or is dead. */
export function failJob(db: Db, id: number, leaseToken: string, f: Failure): Promise<boolean> {
  return changed(
    q(db)
      .updateTable('jobs')
      .set({
        state: f.dead ? 'dead' : 'failed',
        run_at: f.dead ? f.now : f.retryAt,
        last_error: f.error,
        lease_token: null,
        lease_expires_at: null,
        finished_at: f.dead ? f.now : null,
        updated_at: f.now,
      })
      .where(held(id, leaseToken))
      .executeTakeFirst(),
  );
}

/** Gives a job back unfinished (the worker is stopping): it runs again, and this attempt does not count. */
export function releaseJob(db: Db, id: number, leaseToken: string, now: Timestamp): Promise<boolean> {
  return changed(
    q(db)
      .updateTable('jobs')
      .set((eb) => ({ state: 'queued', attempts: eb('attempts', '-', 1), run_at: now, lease_token: null, lease_expires_at: null, updated_at: now }))
      .where(held(id, leaseToken))
      .executeTakeFirst(),
  );
}

/** Puts a failed or dead job back in the queue with all its attempts. */
export async function retryJob(db: Db, id: number, now: Timestamp): Promise<'retried' | 'not-found' | 'not-retryable'> {
  const ok = await changed(
    q(db)
      .updateTable('jobs')
      .set({ state: 'queued', attempts: 0, run_at: now, finished_at: null, updated_at: now })
      .where('id', '=', id)
      .where('state', 'in', ['failed', 'dead'])
      .executeTakeFirst(),
  );
  if (ok) return 'retried';
  const exists = await q(db).selectFrom('jobs').select('id').where('id', '=', id).executeTakeFirst();
  return exists ? 'not-retryable' : 'not-found';
}

/** Deletes jobs that finished before `before`; their idempotency keys are free again. */
export async function deleteFinishedJobs(db: Db, before: Timestamp): Promise<number> {
  const result = await q(db).deleteFrom('jobs').where('state', '=', 'done').where('finished_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countJobsByState(db: Db): Promise<Record<JobState, number>> {
  const rows = await q(db).selectFrom('jobs').select((eb) => ['state', eb.fn.countAll<number>().as('n')]).groupBy('state').execute();
  const counts: Record<JobState, number> = { queued: 0, running: 0, failed: 0, done: 0, dead: 0 };
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

/** Seconds the oldest due, unclaimed job has waited (0 when none waits). */
export async function oldestDueAge(db: Db, now: Timestamp): Promise<number> {
  const row = await q(db)
    .selectFrom('jobs')
    .select((eb) => eb.fn.min('run_at').as('oldest'))
    .where('state', 'in', ['queued', 'failed'])
    .where('run_at', '<=', now)
    .executeTakeFirst();
  if (!row?.oldest) return 0;
  return Math.max(0, (Date.parse(now) - Date.parse(row.oldest)) / 1000);
}

export async function listJobs(db: Db, states: readonly JobState[], limit: number): Promise<JobSummary[]> {
  const rows = await q(db)
    .selectFrom('jobs')
    .select(['id', 'type', 'state', 'run_at', 'attempts', 'last_error', 'updated_at'])
    .where('state', 'in', states)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, type: r.type, state: r.state, runAt: r.run_at, attempts: r.attempts, lastError: r.last_error, updatedAt: r.updated_at }));
}

/** One job's state, for tests and the admin page. */
export function findJob(db: Db, id: number) {
  return q(db).selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}
