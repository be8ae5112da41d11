// The outbox and job worker. Public surface:
//   enqueue(trx, type, payload, { runAt, key })  — a job, written in the caller's transaction
//   defineJob({ type, run, maxAttempts?, backoff?, timeoutMs?, schedule? })  — a handler (KanalModule.jobs)
//   startWorker(ctx, modules) / Worker  — the worker (`kanal serve`, `kanal worker`)
// A module declares its job types and payloads by adding to JobTypes:
//   declare module '../../platform/jobs/index.ts' { interface JobTypes { 'cases.send-receipt': { caseId: number } } }
import type { AppContext, KanalModule } from '../module.ts';
import { toTimestamp } from '../db/index.ts';
import { jobsMigrations } from './migrations.ts';
import { registerJobRoutes } from './routes.tsx';
import { registerQueueGauges } from './metrics.ts';
import { deleteFinishedJobs } from './store.ts';
import { defineJob, type AnyJobHandler } from './handler.ts';
import { Worker } from './worker.ts';

/** Job types and their payloads (JSON values). Modules add theirs by declaration merging. */
export interface JobTypes {
  'jobs.cleanup': Record<string, never>;
}
export type JobType = Extract<keyof JobTypes, string>;

export { enqueue, type EnqueueOptions, type Enqueued } from './enqueue.ts';
export { defineJob, type JobHandler, type AnyJobHandler, type JobRun } from './handler.ts';
export { Worker, type WorkerOptions } from './worker.ts';
export type { Backoff } from './backoff.ts';
export type { JobState } from './schema.ts';

/** Deletes finished jobs after the retention period, every night. */
const cleanup = (ctx: AppContext) =>
  defineJob({
    type: 'jobs.cleanup',
    schedule: '30 3 * * *',
    async run(_payload, job) {
      const before = toTimestamp(new Date(Date.now() - ctx.config.jobs.retentionDays * 24 * 3600 * 1000));
      const deleted = await deleteFinishedJobs(ctx.db, before);
      job.log.info({ deleted }, 'deleted finished jobs past their retention');
    },
  });

export const jobsModule: KanalModule = {
  name: 'jobs',
  migrations: jobsMigrations,
  register(app, ctx) {
    registerQueueGauges(ctx.metrics.registry, ctx.db, ctx.log);
    registerJobRoutes(app, ctx);
  },
  jobs: (ctx) => [cleanup(ctx)],
};

/** Every module's handlers; two handlers for one type is a programming error. */
export function collectJobHandlers(modules: readonly KanalModule[], ctx: AppContext): AnyJobHandler[] {
  return modules.flatMap((module) => module.jobs?.(ctx) ?? []);
}

/** Starts a worker for all modules' jobs, configured from the settings. */
export async function startWorker(ctx: AppContext, modules: readonly KanalModule[]): Promise<Worker> {
  const worker = new Worker({
    db: ctx.db,
    dialect: ctx.dialect,
    log: ctx.log,
    registry: ctx.metrics.registry,
    handlers: collectJobHandlers(modules, ctx),
    concurrency: ctx.config.jobs.concurrency,
    pollMs: ctx.config.jobs.pollMs,
    leaseMs: ctx.config.jobs.leaseSeconds * 1000,
    maxAttempts: ctx.config.jobs.maxAttempts,
    listenUrl: ctx.config.databaseUrl,
  });
  await worker.start();
  return worker;
}

