// Operations endpoints: liveness, readiness, Prometheus metrics, the OpenAPI document.
import { sql, type Migration } from 'kysely';
import Type from 'typebox';
import type { AppContext, KanalApp } from '../module.ts';
import { pendingMigrations } from '../db/index.ts';

const open = { access: { public: true } } as const;

export function registerOpsRoutes(app: KanalApp, ctx: AppContext, migrations: Record<string, Migration>): void {
  app.get('/healthz', { config: open, schema: { tags: ['operations'], summary: 'The process is alive', response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({ status: 'ok' as const }));

  app.get(
    '/readyz',
    {
      config: open,
      schema: {
        tags: ['operations'],
        summary: 'The database is reachable and fully migrated',
        response: { 200: Type.Object({ status: Type.Literal('ready') }), 503: Type.Object({ status: Type.Literal('not ready'), reason: Type.String() }) },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(ctx.db);
        const pending = await pendingMigrations(ctx.db, migrations);
        if (pending.length > 0) return reply.code(503).send({ status: 'not ready' as const, reason: `${pending.length} migrations pending` });
        return { status: 'ready' as const };
      } catch (error) {
        ctx.log.warn({ err: error }, 'readiness check failed');
        return reply.code(503).send({ status: 'not ready' as const, reason: 'database unreachable' });
      }
    },
  );

  app.get('/metrics', { config: open, schema: { hide: true } }, async (_request, reply) => {
    reply.type(ctx.metrics.registry.contentType);
    return ctx.metrics.registry.metrics();
  });

  app.get('/openapi.json', { config: open, schema: { hide: true } }, async () => app.swagger());
}
