// HTTP for channel insights: parse, authorise, call, render. Who sees what is decided in
// service.ts (dashboardScope, mayComment); the figures in figures.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, KanalApp } from '../../platform/module.ts';
import { KanalError, forbidden, notFound } from '../../platform/http/errors.ts';
import { requireStaff, staffNav } from '../../platform/auth/index.ts';
import { copenhagenDay, isDay, yearOf } from '../../platform/calendar/days.ts';
import { pageContext, type NavItem, type PageContext } from '../../platform/ui/index.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Role } from '../../platform/policy/index.ts';
import { computeDashboard, type Dashboard } from './figures.ts';
import { chartIds, isChartId, renderChart, type ChartId } from './charts.ts';
import { tableCsv, tablesXlsx } from './export.ts';
import { departmentName, messagesFor } from './messages.ts';
import { OpenDataDocument, openDataCsv, openDataRows } from './opendata.ts';
import { customPeriod, parsePeriod, type Period } from './period.ts';
import { renderReportPdf } from './pdf.ts';
import { generateStatusReport, reportArchive, statusReport, writeComment } from './report.ts';
import { ChartParams, CommentBody, ExportQuery, FiguresQuery, GoalBody, PriceBody, ReportBody, ReportChartParams, ReportParams } from './schema.ts';
import { choosePeriod, dashboardScope, demoData, figureContext, goalHistory, isDepartmentId, loadGoals, loadPrices, mayComment, setGoal, setPrice, type InsightsViewer } from './service.ts';
import { dashboardTables } from './tables.ts';
import { DashboardPage, GoalsPage, insightsNav, IntranetPage, PricesPage, ReportPage, ReportsPage, reportHref, scopeSlug } from './views/pages.tsx';

const managers = { access: { roles: ['manager', 'admin'] as Role[] } };
const admins = { access: { roles: ['admin'] as Role[] } };
const staff = { access: { roles: ['frontdesk', 'caseworker', 'manager', 'admin', 'dpo'] as Role[] } };
const open = { access: { public: true as const } };
const hidden = { hide: true };

/** The logged-in employee as insights needs them; the access policy has already checked the role. */
export function viewerOf(request: FastifyRequest): InsightsViewer {
  const staff = requireStaff(request);
  return { id: staff.subject, roles: staff.roles, department: staff.department.id };
}

const pageFor = (request: FastifyRequest, ctx: AppContext): PageContext => pageContext(request, ctx.config);

/** The back office's menu and the insights pages the employee may open. */
function navFor(request: FastifyRequest): NavItem[] {
  const staff = requireStaff(request);
  return [...staffNav(staff, request.lang), ...insightsNav(request.lang, staff.roles)];
}

type Query = { period?: string | undefined; from?: string | undefined; to?: string | undefined; department?: string | undefined };

/** The period asked for: a custom span when both dates are given, else the period key. Errors name the field. */
async function periodFrom(ctx: AppContext, q: Query, lang: Lang): Promise<{ period: Period; errors: { period?: string; custom?: string } }> {
  const m = messagesFor(lang);
  const from = q.from?.trim() ?? '';
  const to = q.to?.trim() ?? '';
  if (from !== '' || to !== '') {
    const custom = isDay(from) && isDay(to) ? customPeriod(from, to) : undefined;
    if (custom) return { period: custom, errors: {} };
    return { period: await choosePeriod(ctx.db, undefined), errors: { custom: m.errors.customFormat } };
  }
  try {
    return { period: await choosePeriod(ctx.db, q.period), errors: {} };
  } catch (error) {
    if (error instanceof KanalError && error.code === 'validation_failed') return { period: await choosePeriod(ctx.db, undefined), errors: { period: m.errors.periodFormat } };
    throw error;
  }
}

const requestedDepartment = (q: Query): string | null => (q.department && q.department !== '' && q.department !== 'kommune' ? q.department : null);

function queryString(period: Period, department: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(period.kind === 'custom' ? { from: period.firstDay, to: period.lastDay } : { period: period.key });
  if (department) params.set('department', department);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

/** Chart images are cached per period, scope and language for a few minutes: the figures move slowly. */
const CHART_TTL_MS = 5 * 60_000;
function chartCache() {
  const entries = new Map<string, { svg: string; expires: number }>();
  return async (key: string, make: () => Promise<string | undefined>): Promise<string | undefined> => {
    const hit = entries.get(key);
    if (hit && hit.expires > Date.now()) return hit.svg;
    const svg = await make();
    if (svg === undefined) return undefined;
    if (entries.size > 500) entries.clear();
    entries.set(key, { svg, expires: Date.now() + CHART_TTL_MS });
    return svg;
  };
}

function sendSvg(reply: FastifyReply, svg: string | undefined) {
  if (svg === undefined) throw notFound();
  // The SVG is an image, not a page: ECharts writes style attributes into it, which
  // only this response's own policy has to allow; it can run no script.
  return reply
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
    .header('cache-control', 'private, max-age=300')
    .type('image/svg+xml; charset=utf-8')
    .send(svg);
}

const periodLabel = (p: Period) => (p.kind === 'custom' ? `${p.firstDay} – ${p.lastDay}` : p.key);

export function registerInsightsRoutes(app: KanalApp, ctx: AppContext): void {
  const charts = chartCache();
  const dashboardFor = async (period: Period, department: string | null, detail: boolean): Promise<Dashboard> =>
    computeDashboard(await figureContext(ctx.db, ctx.config, period, department), detail);
  const departmentOptions = (lang: Lang, viewer: InsightsViewer) => {
    const m = messagesFor(lang);
    const departments = ctx.config.auth.departments.map((d) => d.id);
    const allowed = viewer.roles.includes('admin') ? departments : departments.filter((d) => d === viewer.department);
    return [{ value: '', text: m.municipality }, ...allowed.map((d) => ({ value: d, text: departmentName(m, d) }))];
  };
  const chartsFor = (d: Dashboard): ChartId[] => chartIds.filter((c) => c !== 'take-up' || d.services !== null);

  // --- Dashboard -----------------------------------------------------------
  app.get('/staff/indsigt', { config: managers, schema: { querystring: FiguresQuery, ...hidden } }, async (request, reply) => {
    const viewer = viewerOf(request);
    const lang = request.lang;
    const scope = dashboardScope(viewer, requestedDepartment(request.query));
    const { period, errors } = await periodFrom(ctx, request.query, lang);
    const d = await dashboardFor(period, scope.department, scope.detail);
    const base = `/staff/indsigt`;
    const qs = (extra?: Record<string, string>) => queryString(period, scope.department, extra);
    return reply.page(
      <DashboardPage
        ctx={pageFor(request, ctx)}
        nav={navFor(request)}
        scopeLabel={departmentName(messagesFor(lang), scope.department)}
        aggregateOnly={!scope.detail}
        demo={await demoData(ctx.db)}
        form={{ period: period.kind === 'custom' ? '' : period.key, from: period.kind === 'custom' ? period.firstDay : '', to: period.kind === 'custom' ? period.lastDay : '', department: { value: scope.department ?? '', options: departmentOptions(lang, viewer) }, errors }}
        xlsxHref={`${base}/eksport.xlsx?${qs()}`}
        tables={dashboardTables(d, lang)}
        periodLabel={periodLabel(period)}
        chartSrc={(id) => `${base}/diagram/${id}?${qs({ lang })}`}
        csvHref={(table) => `${base}/eksport.csv?${qs({ table })}`}
        charts={chartsFor(d)}
      />,
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  });

  app.get('/staff/indsigt/diagram/:chart', { config: managers, schema: { params: ChartParams, querystring: FiguresQuery, ...hidden } }, async (request, reply) => {
    const viewer = viewerOf(request);
    if (!isChartId(request.params.chart)) throw notFound();
    const scope = dashboardScope(viewer, requestedDepartment(request.query));
    const { period } = await periodFrom(ctx, request.query, request.lang);
    const key = `staff|${request.params.chart}|${period.key}|${scope.department}|${scope.detail}|${request.lang}`;
    return sendSvg(reply, await charts(key, async () => renderChart(request.params.chart as ChartId, await dashboardFor(period, scope.department, scope.detail), request.lang)));
  });

  app.get('/staff/indsigt/eksport.csv', { config: managers, schema: { querystring: ExportQuery, ...hidden } }, async (request, reply) => {
    const viewer = viewerOf(request);
    const scope = dashboardScope(viewer, requestedDepartment(request.query));
    const { period } = await periodFrom(ctx, request.query, request.lang);
    const table = dashboardTables(await dashboardFor(period, scope.department, scope.detail), request.lang).find((t) => t.id === request.query.table);
    if (!table) throw notFound('No such table in this scope.');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="kanal-${table.id}-${scopeSlug(scope.department)}-${period.key.replace('..', '_')}.csv"`)
      .send(tableCsv(table));
  });

  app.get('/staff/indsigt/eksport.xlsx', { config: managers, schema: { querystring: FiguresQuery, ...hidden } }, async (request, reply) => {
    const viewer = viewerOf(request);
    const scope = dashboardScope(viewer, requestedDepartment(request.query));
    const { period } = await periodFrom(ctx, request.query, request.lang);
    const m = messagesFor(request.lang);
    const file = await tablesXlsx(dashboardTables(await dashboardFor(period, scope.department, scope.detail), request.lang), {
      title: m.title,
      period: periodLabel(period),
      scope: departmentName(m, scope.department),
      demo: (await demoData(ctx.db)) !== undefined,
    });
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="kanal-${scopeSlug(scope.department)}-${period.key.replace('..', '_')}.xlsx"`)
      .send(file);
  });

  // --- Cost model and goals (admins) ---------------------------------------
  const pricesPage = async (request: FastifyRequest, errors: Record<string, string>, values: Record<string, string>, saved: boolean) => {
    const year = yearOf(copenhagenDay(new Date()));
    return (
      <PricesPage ctx={pageFor(request, ctx)} nav={navFor(request)} prices={await loadPrices(ctx.db)} year={year} errors={errors} values={values} saved={saved} />
    );
  };
  app.get('/staff/indsigt/priser', { config: admins, schema: hidden }, async (request, reply) => {
    viewerOf(request);
    return reply.page(await pricesPage(request, {}, {}, request.url.includes('gemt=1')));
  });
  app.post('/staff/indsigt/priser', { config: admins, schema: { body: PriceBody, ...hidden } }, async (request, reply) => {
    const viewer = viewerOf(request);
    const values = { item: request.body.item ?? '', fromYear: request.body.fromYear ?? '', kroner: request.body.kroner ?? '' };
    try {
      await ctx.db.transaction().execute((trx) => setPrice(trx, values, viewer.id));
    } catch (error) {
      if (!(error instanceof KanalError) || error.code !== 'validation_failed') throw error;
      const m = messagesFor(request.lang).errors;
      const errors = Object.fromEntries((error.details ?? []).map((d) => [d.field, m[d.message as keyof typeof m]]));
      return reply.page(await pricesPage(request, errors, values, false), 400);
    }
    return reply.redirect('/staff/indsigt/priser?gemt=1', 303);
  });

  const goalsPage = async (request: FastifyRequest, errors: Record<string, string>, values: Record<string, string>, saved: boolean) => {
    return (
      <GoalsPage ctx={pageFor(request, ctx)} nav={navFor(request)} current={await loadGoals(ctx.db)} history={await goalHistory(ctx.db)} departments={ctx.config.auth.departments.map((d) => d.id)} errors={errors} values={values} saved={saved} />
    );
  };
  app.get('/staff/indsigt/maal', { config: admins, schema: hidden }, async (request, reply) => {
    viewerOf(request);
    return reply.page(await goalsPage(request, {}, {}, request.url.includes('gemt=1')));
  });
  app.post('/staff/indsigt/maal', { config: admins, schema: { body: GoalBody, ...hidden } }, async (request, reply) => {
    const viewer = viewerOf(request);
    const b = request.body;
    const values = { metric: b.metric ?? '', department: b.department ?? '', topic: b.topic ?? '', kind: b.kind ?? '', target: b.target ?? '', targetYear: b.targetYear ?? '', active: b.active ?? 'true' };
    try {
      await ctx.db.transaction().execute((trx) => setGoal(trx, ctx.config, { ...values, active: values.active !== 'false' }, viewer.id));
    } catch (error) {
      if (!(error instanceof KanalError) || error.code !== 'validation_failed') throw error;
      const m = messagesFor(request.lang).errors;
      const errors = Object.fromEntries((error.details ?? []).map((d) => [d.field, m[d.message as keyof typeof m]]));
      return reply.page(await goalsPage(request, errors, values, false), 400);
    }
    return reply.redirect('/staff/indsigt/maal?gemt=1', 303);
  });

  // --- Status reports --------------------------------------------------------
  /** A manager reads the municipality's report and their own department's; admins read all. */
  const readableScope = (viewer: InsightsViewer, slug: string): string | null => {
    const department = slug === 'kommune' ? null : slug;
    if (department !== null && !isDepartmentId(ctx.config, department)) throw notFound();
    dashboardScope(viewer, department);
    return department;
  };
  const reportsPage = async (request: FastifyRequest, errors: Record<string, string>, values: Record<string, string>) => {
    const viewer = viewerOf(request);
    const all = await reportArchive(ctx.db);
    const visible = viewer.roles.includes('admin') ? all : all.filter((r) => r.department === null || r.department === viewer.department);
    return (
      <ReportsPage
        ctx={pageFor(request, ctx)}
        nav={navFor(request)}
        reports={visible}
        canGenerate
        errors={errors}
        values={values}
        departmentOptions={departmentOptions(request.lang, viewer)}
      />
    );
  };
  app.get('/staff/indsigt/rapporter', { config: managers, schema: hidden }, async (request, reply) => reply.page(await reportsPage(request, {}, {})));
  app.post('/staff/indsigt/rapporter', { config: managers, schema: { body: ReportBody, ...hidden } }, async (request, reply) => {
    const viewer = viewerOf(request);
    const department = requestedDepartment(request.body);
    const key = request.body.period?.trim().toUpperCase() ?? '';
    const period = /^\d{4}H[12]$/.test(key) ? parsePeriod(key) : undefined;
    if (!period) return reply.page(await reportsPage(request, { period: messagesFor(request.lang).errors.periodFormat }, { period: request.body.period ?? '', department: department ?? '' }), 400);
    // The municipality's report is the admins' to make; a manager makes their own department's.
    if (!mayComment(viewer, department)) throw forbidden('A manager makes the report of their own department only.');
    await ctx.db.transaction().execute((trx) => generateStatusReport(trx, ctx.config, period, department, viewer.id));
    return reply.redirect(reportHref({ period: period.key, department }), 303);
  });

  const reportPage = async (request: FastifyRequest, params: { period: string; scope: string }, commentError?: string, commentValue?: string) => {
    const viewer = viewerOf(request);
    const department = readableScope(viewer, params.scope);
    const report = await statusReport(ctx.db, params.period, department);
    const href = reportHref(report);
    return (
      <ReportPage
        ctx={pageFor(request, ctx)}
        nav={navFor(request)}
        report={report}
        tables={dashboardTables(report.figures, request.lang)}
        canComment={mayComment(viewer, department)}
        commentError={commentError}
        commentValue={commentValue}
        chartSrc={(id) => `${href}/diagram/${id}?lang=${request.lang}`}
        charts={chartsFor(report.figures)}
      />
    );
  };
  app.get('/staff/indsigt/rapporter/:period/:scope', { config: managers, schema: { params: ReportParams, ...hidden } }, async (request, reply) => reply.page(await reportPage(request, request.params)));
  app.post('/staff/indsigt/rapporter/:period/:scope/kommentar', { config: managers, schema: { params: ReportParams, body: CommentBody, ...hidden } }, async (request, reply) => {
    const viewer = viewerOf(request);
    const department = readableScope(viewer, request.params.scope);
    if (!mayComment(viewer, department)) throw new KanalError('forbidden', 'Only the department\'s manager or an admin writes its comment.');
    const text = request.body.comment ?? '';
    try {
      await ctx.db.transaction().execute((trx) => writeComment(trx, request.params.period, department, text, viewer.id));
    } catch (error) {
      if (!(error instanceof KanalError) || error.code !== 'validation_failed') throw error;
      return reply.page(await reportPage(request, request.params, messagesFor(request.lang).errors.commentTooLong, text), 400);
    }
    return reply.redirect(reportHref({ period: request.params.period, department }), 303);
  });
  app.get('/staff/indsigt/rapporter/:period/:scope/pdf', { config: managers, schema: { params: ReportParams, ...hidden } }, async (request, reply) => {
    const viewer = viewerOf(request);
    const department = readableScope(viewer, request.params.scope);
    const report = await statusReport(ctx.db, request.params.period, department);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="kanalstrategi-status-${scopeSlug(department)}-${report.period}.pdf"`)
      .send(await renderReportPdf(report, request.lang));
  });
  app.get('/staff/indsigt/rapporter/:period/:scope/diagram/:chart', { config: managers, schema: { params: ReportChartParams, querystring: FiguresQuery, ...hidden } }, async (request, reply) => {
    const viewer = viewerOf(request);
    const department = readableScope(viewer, request.params.scope);
    if (!isChartId(request.params.chart)) throw notFound();
    const report = await statusReport(ctx.db, request.params.period, department);
    return sendSvg(reply, await renderChart(request.params.chart, report.figures, request.lang));
  });

  // --- Intranet page: every employee, aggregates only ------------------------
  app.get('/intranet/kanalstrategi', { config: staff, schema: { querystring: FiguresQuery, ...hidden } }, async (request, reply) => {
    const viewer = viewerOf(request);
    const { period, errors } = await periodFrom(ctx, { period: request.query.period }, request.lang);
    const d = await dashboardFor(period, null, false);
    const tables = dashboardTables(d, request.lang);
    return reply.page(
      <IntranetPage
        ctx={pageFor(request, ctx)}
        nav={viewer.roles.some((r) => r === 'manager' || r === 'admin') ? navFor(request) : staffNav(requireStaff(request), request.lang)}
        demo={await demoData(ctx.db)}
        form={{ period: period.key, errors }}
        tables={tables}
        periodLabel={periodLabel(period)}
        chartSrc={(id) => `/intranet/kanalstrategi/diagram/${id}?${queryString(period, null, { lang: request.lang })}`}
        charts={chartsFor(d)}
      />,
      errors.period ? 400 : 200,
    );
  });
  app.get('/intranet/kanalstrategi/diagram/:chart', { config: staff, schema: { params: ChartParams, querystring: FiguresQuery, ...hidden } }, async (request, reply) => {
    viewerOf(request);
    if (!isChartId(request.params.chart) || request.params.chart === 'take-up') throw notFound();
    const { period } = await periodFrom(ctx, { period: request.query.period }, request.lang);
    const key = `intranet|${request.params.chart}|${period.key}|${request.lang}`;
    return sendSvg(reply, await charts(key, async () => renderChart(request.params.chart as ChartId, await dashboardFor(period, null, false), request.lang)));
  });

  // --- Open data: public ---------------------------------------------------------
  const openData = async () => openDataRows(ctx.db, await loadPrices(ctx.db), ctx.config.insights.countWebVisits, (await demoData(ctx.db)) !== undefined);
  app.get(
    '/api/open-data/kpi.json',
    {
      config: open,
      schema: {
        tags: ['open data'],
        summary: 'The channel strategy\'s figures per year, for the municipality and each department',
        description: 'Totals only, no personal data. Column names are stable. Definitions: docs/insights.md.',
        response: { 200: OpenDataDocument },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=600').header('access-control-allow-origin', '*');
      return {
        description: `${ctx.config.municipality.name}: channel-strategy figures per year (inbound contacts by channel, digital share, digital post share, cost).`,
        definitions: `${ctx.config.publicUrl}/openapi.json — see also docs/insights.md in Kanal`,
        rows: await openData(),
      };
    },
  );
  app.get(
    '/api/open-data/kpi.csv',
    {
      config: open,
      schema: {
        tags: ['open data'],
        summary: 'The same figures as kpi.json, as CSV (comma-separated, header row with the stable column names)',
        produces: ['text/csv'],
        response: { 200: { type: 'string', description: 'CSV with the columns of kpi.json\'s rows, in that order.' } as never },
      },
    },
    async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=600').header('access-control-allow-origin', '*').type('text/csv; charset=utf-8').header('content-disposition', 'inline; filename="kpi.csv"').send(openDataCsv(await openData())),
  );
}
