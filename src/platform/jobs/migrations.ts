import { sql, type Migration } from 'kysely';
import { columnTypes, dialectOf } from '../db/index.ts';

export const jobsMigrations: Record<string, Migration> = {
  'jobs-20260601-create': {
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('jobs')
        .addColumn('id', t.identity)
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('payload', t.json, (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.unique())
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued', 'running', 'failed', 'done', 'dead')`))
        .addColumn('run_at', t.timestamp, (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lease_token', 'text')
        .addColumn('lease_expires_at', t.timestamp)
        .addColumn('worker', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('finished_at', t.timestamp)
        .execute();
      // The worker's claim: due jobs by state and time.
      await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
    },
  },
  // PostgreSQL: a new job wakes the LISTENing workers when its transaction commits (not at all if
  // it rolls back), from the database itself instead of a pg_notify round trip per job. Jobs
  // for later wake them too, which costs an idle worker one look at the queue.
  'jobs-20261127-wake-trigger': {
    async up(db) {
      if (dialectOf(db) !== 'postgres') return;
      await sql`create function jobs_wake_workers() returns trigger language plpgsql as $$
        begin perform pg_notify('kanal_jobs', ''); return null; end $$`.execute(db);
      await sql`create trigger jobs_wake_workers after insert on jobs for each statement execute function jobs_wake_workers()`.execute(db);
    },
  },
};
