// The jobs table and the shapes the worker passes around.
import type { Generated } from 'kysely';
import type { JsonColumn, Timestamp } from '../db/index.ts';

/**
 * queued → running → done; running → failed (waits for its retry) → running …;
 * after the last attempt → dead (until an admin retries it).
 */
export const jobStates = ['queued', 'running', 'failed', 'done', 'dead'] as const;
export type JobState = (typeof jobStates)[number];

export type JobTables = {
  jobs: {
    id: Generated<number>;
    type: string;
    payload: JsonColumn<unknown>;
    /** Idempotency key: a second enqueue with the same key adds nothing. */
    key: string | null;
    state: JobState;
    run_at: Timestamp;
    attempts: Generated<number>;
    /** Fencing token of the current claim: only its holder may finish the job. */
    lease_token: string | null;
    lease_expires_at: Timestamp | null;
    /** The worker that last claimed the job. */
    worker: string | null;
    last_error: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    finished_at: Timestamp | null;
  };
};

/** A job as a worker holds it while running it. */
export interface ClaimedJob {
  id: number;
  type: string;
  payload: unknown;
  key: string | null;
  /** This attempt's number, from 1. */
  attempts: number;
  leaseToken: string;
}

/** A job as the admin page lists it (no payload: it may hold personal data). */
export interface JobSummary {
  id: number;
  type: string;
  state: JobState;
  runAt: Timestamp;
  attempts: number;
  lastError: string | null;
  updatedAt: Timestamp;
}
