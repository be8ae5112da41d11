// The module's jobs: deleting expired drafts and abandoned uploads every night, and telling
// the municipality's webhook about each submission (no personal data: references only).
import { defineJob } from '../../platform/jobs/index.ts';
import type { AppContext } from '../../platform/module.ts';
import type { SelfService } from './service.ts';

declare module '../../platform/jobs/index.ts' {
  interface JobTypes {
    'selfservice.delete-expired-drafts': Record<string, never>;
    'selfservice.submitted': { reference: string; serviceId: string; serviceVersion: number; caseReference: string; submittedAt: string };
  }
}

export function selfServiceJobs(ctx: AppContext, service: () => SelfService) {
  return [
    defineJob({
      type: 'selfservice.delete-expired-drafts',
      schedule: '15 2 * * *',
      async run(_payload, job) {
        const deleted = await service().deleteExpiredDrafts();
        const abandoned = await service().deleteAbandonedUploads();
        job.log.info({ deleted, abandoned }, 'deleted expired self-service drafts and abandoned uploads, with their files');
      },
    }),
    defineJob({
      type: 'selfservice.submitted',
      async run(payload, job) {
        const url = ctx.config.selfService.webhookUrl;
        if (!url) return;
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ event: 'selfservice.submitted', ...payload }), signal: job.signal });
        // A failed delivery is retried with backoff by the worker.
        if (!res.ok) throw new Error(`The webhook answered ${res.status}.`);
      },
    }),
  ];
}
