// What a module gives the worker: one handler per job type, typed by its payload.
import type { Logger } from 'pino';
import type { Backoff } from './backoff.ts';
import type { JobType, JobTypes } from './index.ts';

/** What a handler is told about the run in progress. */
export interface JobRun {
  id: number;
  /** This attempt's number, from 1. A handler whose work is not idempotent can use id + attempt. */
  attempt: number;
  key: string | null;
  /** Aborted when the job timed out, its lease was lost or the worker is stopping. */
  signal: AbortSignal;
  log: Logger;
}

/** Any handler, as the worker keeps them. */
export interface AnyJobHandler {
  type: string;
  /** Runs the job; a thrown error (or rejection) fails this attempt. (The typed payload is JobHandler's.) */
  run(payload: never, job: JobRun): Promise<void>;
  /** Attempts before the job is dead (default: KANAL_JOB_MAX_ATTEMPTS). */
  maxAttempts?: number;
  backoff?: Backoff;
  /** An attempt that takes longer fails (default 10 minutes). */
  timeoutMs?: number;
  /** Makes the job recurring: a cron expression in Europe/Copenhagen, e.g. "0 2 * * *" (every night 02:00). */
  schedule?: string;
}

export interface JobHandler<T extends JobType> extends AnyJobHandler {
  type: T;
  run(payload: JobTypes[T], job: JobRun): Promise<void>;
}

/** Declares a handler; its payload type comes from the JobTypes entry for its type. */
export function defineJob<T extends JobType>(handler: JobHandler<T>): JobHandler<T> {
  return handler;
}
