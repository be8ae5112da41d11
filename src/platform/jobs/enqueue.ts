// The outbox: a job is a row written in the caller's transaction, so it exists
// exactly when the change that caused it was committed.
import { now, toTimestamp, type Timestamp, type Trx } from '../db/index.ts';
import type { JobType, JobTypes } from './index.ts';
import { insertJob } from './store.ts';

/** PostgreSQL channel that wakes idle workers when a job is committed (by a trigger: jobs-20261127-wake-trigger). */
export const WAKE_CHANNEL = 'kanal_jobs';

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date | Timestamp;
  /** Idempotency key: a job with this key is added once, however often it is enqueued. */
  key?: string;
}

export interface Enqueued {
  id: number;
  /** false: a job with the same key existed already, and nothing was added. */
  created: boolean;
}

export async function enqueue<T extends JobType>(trx: Trx, type: T, payload: JobTypes[T], options: EnqueueOptions = {}): Promise<Enqueued> {
  if (options.key !== undefined && (options.key.length === 0 || options.key.length > 500)) {
    throw new Error('A job key must be 1 to 500 characters.');
  }
  const at = now();
  const runAt = options.runAt === undefined ? at : typeof options.runAt === 'string' ? toTimestamp(new Date(options.runAt)) : toTimestamp(options.runAt);
  return insertJob(trx, { type, payload, key: options.key ?? null, runAt, now: at });
}
