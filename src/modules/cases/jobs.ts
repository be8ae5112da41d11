// The cases module's jobs: webhook deliveries, file deletions after retention, and the nightly retention run.
import { defineJob } from '../../platform/jobs/index.ts';
import { createStorage } from '../../platform/storage/index.ts';
import type { AppContext } from '../../platform/module.ts';
import { deliver } from './webhooks.ts';
import { applyRetention } from './retention.ts';

export function casesJobs(ctx: AppContext) {
  return [
    defineJob({
      type: 'cases.deliver-webhook',
      // Roughly a day of retries with backoff; each attempt is in the delivery log.
      maxAttempts: 12,
      backoff: { baseMs: 30_000, maxMs: 3_600_000 },
      timeoutMs: 30_000,
      async run({ deliveryId }) {
        await deliver(ctx.db, deliveryId);
      },
    }),
    defineJob({
      type: 'cases.delete-files',
      async run({ fileKeys }) {
        const storage = createStorage(ctx.config);
        for (const key of fileKeys) await storage.delete(key);
      },
    }),
    defineJob({
      type: 'cases.retention',
      schedule: '15 2 * * *',
      async run(_payload, job) {
        const deleted = await applyRetention(ctx.db, { handoffGraceDays: ctx.config.cases.handoffGraceDays, topics: ctx.config.cases.retention });
        job.log.info({ deleted: deleted.length }, 'deleted closed cases past their retention');
      },
    }),
  ];
}
