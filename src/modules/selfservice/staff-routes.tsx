// Funnel figures for managers: one page per service and a CSV export. Aggregates only.
import Type from 'typebox';
import type { AppContext, KanalApp } from '../../platform/module.ts';
import { notFound } from '../../platform/http/errors.ts';
import { pageContext } from '../../platform/ui/index.ts';
import { funnel, funnelCsv } from './funnel.ts';
import type { SelfService } from './service.ts';
import { FunnelOverviewPage, FunnelPage, staffPaths } from './views/funnel-page.tsx';

const managers = { access: { roles: ['manager', 'admin'] } } as const;
const Period = Type.Object({ dage: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })) });

export function registerFunnelRoutes(app: KanalApp, ctx: AppContext, service: SelfService): void {
  const nav = [{ href: staffPaths.overview, text: 'Selvbetjening' }];
  const period = (days = 30) => {
    const to = service.now();
    return { from: new Date(to.getTime() - days * 86_400_000), to: new Date(to.getTime() + 1), now: to };
  };

  app.get(staffPaths.overview, { config: managers, schema: { hide: true, querystring: Period } }, async (request, reply) => {
    const p = period(request.query.dage);
    const rows = [];
    for (const def of service.catalogue.all) rows.push({ title: def.title[request.lang], funnel: await funnel(ctx.db, def, p.from, p.to, p.now) });
    return reply.page(<FunnelOverviewPage ctx={pageContext(request, ctx.config)} nav={nav} rows={rows} />);
  });

  app.get('/medarbejder/selvbetjening/:serviceId', { config: managers, schema: { hide: true, params: Type.Object({ serviceId: Type.String({ maxLength: 70 }) }), querystring: Period } }, async (request, reply) => {
    const csv = request.params.serviceId.endsWith('.csv');
    const def = service.catalogue.get(request.params.serviceId.replace(/\.csv$/, ''));
    if (!def) throw notFound();
    const p = period(request.query.dage);
    const f = await funnel(ctx.db, def, p.from, p.to, p.now);
    if (csv) {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="tragt-${def.id}.csv"`).send(funnelCsv(f));
    }
    return reply.page(<FunnelPage ctx={pageContext(request, ctx.config)} nav={nav} title={def.title[request.lang]} funnel={f} />);
  });
}
