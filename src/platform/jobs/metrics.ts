// The job metrics in /metrics: jobs by state (queue depth, failed, dead) read from
// the database at each scrape, so every node reports the whole queue; runs and
// their outcomes counted by the worker that ran them.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { Db } from '../db/index.ts';
import { now } from '../db/index.ts';
import { countJobsByState, oldestDueAge } from './store.ts';

export type RunOutcome = 'done' | 'retry' | 'dead' | 'lease_lost' | 'released';

export interface JobMetrics {
  runs: Counter<'type' | 'outcome'>;
  duration: Histogram<'type'>;
}

/** The worker's counters, created once per registry (a serve process may also run a worker). */
export function jobMetrics(registry: Registry): JobMetrics {
  const existing = registry.getSingleMetric('kanal_job_runs_total') as Counter<'type' | 'outcome'> | undefined;
  if (existing) return { runs: existing, duration: registry.getSingleMetric('kanal_job_duration_seconds') as Histogram<'type'> };
  return {
    runs: new Counter({ name: 'kanal_job_runs_total', help: 'Job attempts run by this process, by type and outcome (done, retry, dead, lease_lost, released)', labelNames: ['type', 'outcome'], registers: [registry] }),
    duration: new Histogram({ name: 'kanal_job_duration_seconds', help: 'Duration of job attempts by type', labelNames: ['type'], buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120, 600], registers: [registry] }),
  };
}

/** Gauges read from the jobs table when /metrics is scraped. */
export function registerQueueGauges(registry: Registry, db: Db, log: Logger): void {
  new Gauge({
    name: 'kanal_jobs',
    help: 'Jobs in the database by state (queued, running, failed = waiting for a retry, dead)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      try {
        const counts = await countJobsByState(db);
        for (const state of ['queued', 'running', 'failed', 'dead'] as const) this.set({ state }, counts[state]);
      } catch (error) {
        log.warn({ err: error }, 'could not count jobs for /metrics');
      }
    },
  });
  new Gauge({
    name: 'kanal_job_oldest_due_seconds',
    help: 'How long the oldest due job has waited for a worker',
    registers: [registry],
    async collect() {
      try {
        this.set(await oldestDueAge(db, now()));
      } catch (error) {
        log.warn({ err: error }, 'could not read job lag for /metrics');
      }
    },
  });
}
