// The administrators' jobs page: what waits, what failed, what is dead — and "run again".
import Type from 'typebox';
import type { AppContext, KanalApp } from '../module.ts';
import { pageContext } from '../ui/index.ts';
import { conflict, notFound } from '../http/index.ts';
import { now } from '../db/index.ts';
import { countJobsByState, listJobs, retryJob } from './store.ts';
import { JobsPage } from './views/jobs-page.tsx';

const admin = { access: { roles: ['admin'] } } as const;
const LIMIT = 200;

export function registerJobRoutes(app: KanalApp, ctx: AppContext): void {
  app.get(
    '/admin/jobs',
    { config: admin, schema: { hide: true, querystring: Type.Object({ retried: Type.Optional(Type.Integer({ minimum: 1 })) }) } },
    async (request, reply) => {
      const [counts, jobs] = await Promise.all([countJobsByState(ctx.db), listJobs(ctx.db, ['queued', 'running', 'failed', 'dead'], LIMIT)]);
      return reply.page(<JobsPage ctx={pageContext(request, ctx.config)} counts={counts} jobs={jobs} limit={LIMIT} retried={request.query.retried} />);
    },
  );

  app.post(
    '/admin/jobs/:id/retry',
    { config: admin, schema: { hide: true, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), body: Type.Object({ _csrf: Type.Optional(Type.String()) }) } },
    async (request, reply) => {
      const { id } = request.params;
      const outcome = await retryJob(ctx.db, id, now());
      if (outcome === 'not-found') throw notFound(`There is no job ${id}.`);
      if (outcome === 'not-retryable') throw conflict(`Job ${id} is neither failed nor dead, so it cannot be run again.`);
      request.log.info({ job: id }, 'an administrator queued a job again');
      return reply.redirect(`/admin/jobs?retried=${id}`, 303);
    },
  );
}
