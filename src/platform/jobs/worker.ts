// The job worker: claims due jobs, runs their handlers, and records the outcome.
//
// Safety rests on the lease. A claim gives the job a fresh random token and an
// expiry; the worker renews the expiry while the handler runs. If the process dies,
// renewals stop and another worker claims the job once the lease has run out. Every
// write that ends an attempt (done, failed, released) names the token, so a worker
// that lost its lease — paused, cut off — can no longer finish the job: a job is
// completed at most once, and run at least once.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Db, Dialect, Trx } from '../db/index.ts';
import { toTimestamp } from '../db/index.ts';
import { maskCpr } from '../ops/logger.ts';
import type { AnyJobHandler } from './handler.ts';
import type { ClaimedJob } from './schema.ts';
import { defaultBackoff, retryDelayMs } from './backoff.ts';
import { nextOccurrence, occurrenceKey, validateCron } from './schedule.ts';
import { enqueue, WAKE_CHANNEL } from './enqueue.ts';
import { claimJobs, completeJob, failJob, releaseJob, renewLease } from './store.ts';
import { jobMetrics, type JobMetrics, type RunOutcome } from './metrics.ts';
import type { JobType } from './index.ts';

export interface WorkerOptions {
  db: Db;
  dialect: Dialect;
  log: Logger;
  handlers: readonly AnyJobHandler[];
  /** Registry for the run counters (the app's, so they show in /metrics). */
  registry?: Registry;
  concurrency?: number;
  pollMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** PostgreSQL URL: LISTEN on it so that new jobs wake the worker at once. */
  listenUrl?: string | undefined;
  /** How long stop() waits for running jobs before giving them back. */
  shutdownGraceMs?: number;
  /** Name in the jobs table and logs (default host:pid:random). */
  id?: string;
  /** Milliseconds since the epoch (tests move time). */
  clock?: () => number;
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

class LeaseLost extends Error {
  constructor() {
    super('The job\'s lease was lost: another worker has taken it over.');
  }
}

interface Active {
  job: ClaimedJob;
  abort: AbortController;
  done: Promise<void>;
}

export class Worker {
  readonly id: string;
  private readonly handlers = new Map<string, AnyJobHandler>();
  private readonly schedules: { handler: AnyJobHandler & { schedule: string }; next: number | undefined }[] = [];
  private readonly active = new Map<number, Active>();
  private readonly metrics: JobMetrics | undefined;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly graceMs: number;
  private readonly clock: () => number;
  private readonly log: Logger;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wakeUp: (() => void) | undefined;
  private wokenWhileBusy = false;
  private listener: pg.Client | undefined;
  private listenRetry: NodeJS.Timeout | undefined;

  constructor(private readonly options: WorkerOptions) {
    this.id = options.id ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.log = options.log.child({ worker: this.id });
    for (const handler of options.handlers) {
      if (this.handlers.has(handler.type)) throw new Error(`Two handlers for job type ${handler.type}.`);
      this.handlers.set(handler.type, handler);
      if (handler.schedule !== undefined) {
        validateCron(handler.schedule);
        this.schedules.push({ handler: handler as AnyJobHandler & { schedule: string }, next: undefined });
      }
    }
    this.metrics = options.registry ? jobMetrics(options.registry) : undefined;
    this.concurrency = options.concurrency ?? 4;
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.graceMs = options.shutdownGraceMs ?? 5000;
    this.clock = options.clock ?? Date.now;
  }

  /** Starts claiming jobs. Resolves once the worker is listening. */
  async start(): Promise<void> {
    if (this.loop) return;
    this.stopping = false;
    if (this.options.listenUrl && this.options.dialect === 'postgres') await this.listen(this.options.listenUrl);
    this.loop = this.run();
    this.log.info({ types: [...this.handlers.keys()], concurrency: this.concurrency }, 'job worker started');
  }

  /**
   * Stops claiming, waits for running jobs up to the grace period, then gives the
   * rest back to the queue (their attempt does not count) and stops.
   */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.wake();
    await this.loop;
    const running = [...this.active.values()];
    if (running.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled(running.map((a) => a.done)), new Promise((r) => (timer = setTimeout(r, this.graceMs)))]);
      clearTimeout(timer);
    }
    for (const { job, abort } of this.active.values()) {
      abort.abort(new Error('The worker is stopping.'));
      const released = await releaseJob(this.options.db, job.id, job.leaseToken, this.nowTs()).catch(() => false);
      this.count(job.type, 'released');
      this.log.warn({ job: job.id, type: job.type, released }, 'stopped before the job finished: gave it back to the queue');
    }
    clearTimeout(this.listenRetry);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    this.loop = undefined;
    this.log.info('job worker stopped');
  }

  /** Jobs this worker is running now. */
  get running(): number {
    return this.active.size;
  }

  private nowTs(offsetMs = 0): string {
    return toTimestamp(new Date(this.clock() + offsetMs));
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let free = 0;
      let claimed = 0;
      try {
        await this.planSchedules();
        free = this.concurrency - this.active.size;
        if (free > 0) {
          const jobs = await claimJobs(this.options.db, this.options.dialect, {
            types: [...this.handlers.keys()],
            limit: free,
            now: this.nowTs(),
            leaseExpiresAt: this.nowTs(this.leaseMs),
            leaseToken: randomBytes(16).toString('hex'),
            worker: this.id,
          });
          claimed = jobs.length;
          for (const job of jobs) this.begin(job);
        }
      } catch (error) {
        this.log.error({ err: error }, 'job worker could not claim jobs; trying again');
      }
      if (this.stopping) break;
      // A full batch means more may be due: claim again at once.
      if (free > 0 && claimed === free) continue;
      await this.sleep(this.sleepMs());
    }
  }

  /** Until the next poll or the next planned occurrence, whichever is first. */
  private sleepMs(): number {
    let ms = this.pollMs;
    for (const s of this.schedules) if (s.next !== undefined) ms = Math.min(ms, Math.max(0, s.next - this.clock()));
    return ms;
  }

  /** Makes sure the next occurrence of each recurring job is in the queue (once, across all nodes). */
  private async planSchedules(): Promise<void> {
    for (const s of this.schedules) {
      const nowMs = this.clock();
      if (s.next !== undefined && nowMs < s.next) continue;
      const next = nextOccurrence(s.handler.schedule, new Date(nowMs));
      await this.options.db.transaction().execute((trx: Trx) =>
        enqueue(trx, s.handler.type as JobType, {}, { runAt: next, key: occurrenceKey(s.handler.type, next) }),
      );
      s.next = next.getTime();
    }
  }

  private begin(job: ClaimedJob): void {
    const abort = new AbortController();
    const entry: Active = { job, abort, done: Promise.resolve() };
    entry.done = this.execute(job, abort)
      .catch((error: unknown) => this.log.error({ err: error, job: job.id }, 'could not record the outcome of a job'))
      .finally(() => {
        this.active.delete(job.id);
        this.wake();
      });
    this.active.set(job.id, entry);
  }

  private async execute(job: ClaimedJob, abort: AbortController): Promise<void> {
    const handler = this.handlers.get(job.type)!;
    const maxAttempts = handler.maxAttempts ?? this.maxAttempts;
    const log = this.log.child({ job: job.id, type: job.type, attempt: job.attempts });
    const db = this.options.db;
    if (job.attempts > maxAttempts) {
      // Claimed again after its lease ran out on the last attempt: the worker died while running it.
      await failJob(db, job.id, job.leaseToken, { error: 'The worker stopped during the last attempt (its lease ran out).', dead: true, retryAt: this.nowTs(), now: this.nowTs() });
      this.count(job.type, 'dead');
      log.error('job is dead: its worker stopped during the last attempt');
      return;
    }

    let leaseLost = false;
    const heartbeat = setInterval(() => {
      renewLease(db, job.id, job.leaseToken, this.nowTs(this.leaseMs)).then(
        (held) => {
          if (!held && !leaseLost) {
            leaseLost = true;
            abort.abort(new LeaseLost());
          }
        },
        (error: unknown) => log.warn({ err: error }, 'could not renew the job\'s lease'),
      );
    }, Math.max(100, Math.floor(this.leaseMs / 3)));
    const timeoutMs = handler.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const started = performance.now();
    try {
      // The payload was written by enqueue() for this type, so it has this handler's payload type.
      await runWithin(handler.run(job.payload as never, { id: job.id, attempt: job.attempts, key: job.key, signal: abort.signal, log }), timeoutMs, abort);
    } catch (error) {
      if (leaseLost || (this.stopping && abort.signal.aborted)) return; // someone else's now, or being given back
      const dead = job.attempts >= maxAttempts;
      const message = maskCpr(error instanceof Error ? error.message : String(error)).slice(0, 2000);
      const retryAt = this.nowTs(retryDelayMs(job.attempts, handler.backoff ?? defaultBackoff));
      const recorded = await failJob(db, job.id, job.leaseToken, { error: message, dead, retryAt, now: this.nowTs() });
      this.count(job.type, recorded ? (dead ? 'dead' : 'retry') : 'lease_lost');
      if (dead) log.error({ err: error }, 'job failed on its last attempt: it is dead');
      else log.warn({ err: error, retryAt }, 'job failed: it will be retried');
      return;
    } finally {
      clearInterval(heartbeat);
      this.metrics?.duration.observe({ type: job.type }, (performance.now() - started) / 1000);
    }
    if (leaseLost) {
      this.count(job.type, 'lease_lost');
      log.warn('job finished after its lease was lost: not marked done here (another worker has it)');
      return;
    }
    const completed = await completeJob(db, job.id, job.leaseToken, this.nowTs());
    this.count(job.type, completed ? 'done' : 'lease_lost');
    if (!completed) log.warn('job finished after its lease was taken over: not marked done twice');
  }

  private count(type: string, outcome: RunOutcome): void {
    this.metrics?.runs.inc({ type, outcome });
  }

  private sleep(ms: number): Promise<void> {
    if (this.wokenWhileBusy || this.stopping) {
      this.wokenWhileBusy = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.wokenWhileBusy = true;
  }

  /** LISTEN for new jobs; on a lost connection fall back to polling and reconnect. */
  private async listen(url: string): Promise<void> {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.log.warn({ err: error }, 'lost the LISTEN connection: polling until it is back');
      if (this.listener === client) this.listener = undefined;
      client.end().catch(() => undefined);
      this.retryListen(url);
    });
    try {
      await client.connect();
      await client.query(`listen ${WAKE_CHANNEL}`);
      this.listener = client;
    } catch (error) {
      this.log.warn({ err: error }, 'could not LISTEN for new jobs: polling until it works');
      client.end().catch(() => undefined);
      this.retryListen(url);
    }
  }

  private retryListen(url: string): void {
    if (this.stopping || this.listenRetry) return;
    this.listenRetry = setTimeout(() => {
      this.listenRetry = undefined;
      if (!this.stopping) void this.listen(url);
    }, Math.max(5000, this.pollMs * 5));
    this.listenRetry.unref();
  }
}

/** Resolves or rejects with the handler, or rejects (and aborts it) when time is up. */
function runWithin(work: Promise<void>, timeoutMs: number, abort: AbortController): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`The job took longer than ${Math.round(timeoutMs / 1000)} s and was stopped.`);
      abort.abort(error);
      reject(error);
    }, timeoutMs);
  });
  const aborted = new Promise<never>((_, reject) => {
    abort.signal.addEventListener('abort', () => reject(abort.signal.reason instanceof Error ? abort.signal.reason : new Error(String(abort.signal.reason))), { once: true });
  });
  return Promise.race([work, timeout, aborted]).finally(() => clearTimeout(timer));
}
