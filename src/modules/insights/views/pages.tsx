// The insights pages: dashboard, intranet page, cost model, goals, report archive and report.
import type { ComponentChildren } from 'preact';
import type { Lang } from '../../../platform/i18n/index.ts';
import { StaffLayout, type NavItem, type PageContext } from '../../../platform/ui/index.ts';
import { Alert, Button, ErrorSummary, PageHeading, Select, Table, TextInput, Textarea, type ErrorSummaryItem, type SelectOption, type TableProps } from '../../../platform/ui/components/index.ts';
import { chartAlt, chartTable, type ChartId } from '../charts.ts';
import type { Goal } from '../goals.ts';
import { goalMetrics } from '../goals.ts';
import { departmentName, messagesFor } from '../messages.ts';
import { priceItems, type PriceBook } from '../prices.ts';
import type { ReportListing, StoredReport } from '../store.ts';
import { formatCell, type DataTable } from '../tables.ts';
import { kinds } from '../../contacts/index.ts';
import { DemoNotice, FigureSection, PeriodForm, type PeriodFormProps } from './parts.tsx';

type Demo = { firstYear: number; lastYear: number } | undefined;

export function insightsNav(lang: Lang, roles: readonly string[]): NavItem[] {
  const n = messagesFor(lang).nav;
  const items: NavItem[] = [
    { href: '/staff/indsigt', text: n.dashboard },
    { href: '/staff/indsigt/rapporter', text: n.reports },
    { href: '/intranet/kanalstrategi', text: n.intranet },
  ];
  if (roles.includes('admin')) items.push({ href: '/staff/indsigt/priser', text: n.prices }, { href: '/staff/indsigt/maal', text: n.goals });
  return items;
}

interface FiguresProps {
  lang: Lang;
  tables: DataTable[];
  periodLabel: string;
  chartSrc: (id: ChartId) => string;
  csvHref?: (tableId: string) => string;
  charts: readonly ChartId[];
}

/** Every table, each with its chart (if it has one) and explanation. */
function Figures({ lang, tables, periodLabel, chartSrc, csvHref, charts }: FiguresProps) {
  return (
    <>
      {tables.map((table) => {
        const chart = charts.find((c) => chartTable[c] === table.id);
        return <FigureSection table={table} lang={lang} chart={chart ? { src: chartSrc(chart), alt: chartAlt(chart, periodLabel, lang) } : undefined} csvHref={csvHref?.(table.id)} />;
      })}
    </>
  );
}

export interface DashboardPageProps extends Omit<FiguresProps, 'lang'> {
  ctx: PageContext;
  nav: NavItem[];
  scopeLabel: string;
  aggregateOnly: boolean;
  demo: Demo;
  form: Omit<PeriodFormProps, 'lang' | 'action'>;
  xlsxHref: string;
}

export function DashboardPage(p: DashboardPageProps) {
  const m = messagesFor(p.ctx.lang);
  const errors: ErrorSummaryItem[] = [
    ...(p.form.errors?.period ? [{ fieldId: 'period', message: p.form.errors.period }] : []),
    ...(p.form.errors?.custom ? [{ fieldId: 'from', message: p.form.errors.custom }] : []),
  ];
  return (
    <StaffLayout ctx={p.ctx} title={m.title} nav={p.nav}>
      <ErrorSummary errors={errors} title={m.errors.summary} />
      <PageHeading caption={`${p.scopeLabel} · ${m.periodShown(p.periodLabel)}`}>{m.title}</PageHeading>
      <DemoNotice demo={p.demo} lang={p.ctx.lang} />
      {p.aggregateOnly && <Alert variant="info" role={false} text={m.scopeAggregate} />}
      <PeriodForm lang={p.ctx.lang} action="/staff/indsigt" {...p.form} />
      <p class="mt-5">
        <a href={p.xlsxHref} download>
          {m.exportXlsx}
        </a>
      </p>
      <Figures lang={p.ctx.lang} tables={p.tables} periodLabel={p.periodLabel} chartSrc={p.chartSrc} csvHref={p.csvHref} charts={p.charts} />
    </StaffLayout>
  );
}

export interface IntranetPageProps extends Omit<FiguresProps, 'lang' | 'csvHref'> {
  ctx: PageContext;
  nav: NavItem[];
  demo: Demo;
  form: Omit<PeriodFormProps, 'lang' | 'action'>;
}

export function IntranetPage(p: IntranetPageProps) {
  const m = messagesFor(p.ctx.lang);
  const errors: ErrorSummaryItem[] = p.form.errors?.period ? [{ fieldId: 'period', message: p.form.errors.period }] : [];
  return (
    <StaffLayout ctx={p.ctx} title={m.intranetTitle} nav={p.nav}>
      <ErrorSummary errors={errors} title={m.errors.summary} />
      <PageHeading caption={`${m.municipality} · ${m.periodShown(p.periodLabel)}`}>{m.intranetTitle}</PageHeading>
      <p class="font-lead">{m.intranetIntro}</p>
      <DemoNotice demo={p.demo} lang={p.ctx.lang} />
      <PeriodForm lang={p.ctx.lang} action="/intranet/kanalstrategi" {...p.form} />
      <Figures lang={p.ctx.lang} tables={p.tables} periodLabel={p.periodLabel} chartSrc={p.chartSrc} charts={p.charts} />
    </StaffLayout>
  );
}

// ---------------------------------------------------------------------------
// Cost model and goals (admins)

type FieldErrors = Record<string, string>;

/** A select whose empty option ("the whole municipality", "all") is an answer: not required, and no "(frivilligt)". */
const allIsAChoice = { required: false, optionalLabel: false } as const;

function summaryOf(errors: FieldErrors): ErrorSummaryItem[] {
  return Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message }));
}

/** What the admin pages that change a setting kept with its history (prices, goals) are given besides their data. */
interface SettingPageProps {
  ctx: PageContext;
  nav: NavItem[];
  errors: FieldErrors;
  values: Record<string, string>;
  saved: boolean;
}

type TableContent = Pick<TableProps, 'caption' | 'captionSrOnly' | 'columns' | 'rows'>;

/** Such a page: what holds now, the form that changes it (its fields are the children), every change made. */
function SettingPage(
  p: Omit<SettingPageProps, 'values'> & { texts: { title: string; intro: string; saved: string; save: string }; action: string; current: TableContent; history: Omit<TableContent, 'caption'>; children: ComponentChildren },
) {
  const m = messagesFor(p.ctx.lang);
  const t = p.texts;
  return (
    <StaffLayout ctx={p.ctx} title={t.title} nav={p.nav}>
      <ErrorSummary errors={summaryOf(p.errors)} title={m.errors.summary} />
      <PageHeading>{t.title}</PageHeading>
      {p.saved && <Alert variant="success" role text={t.saved} />}
      <p>{t.intro}</p>
      <Table {...p.current} rowHeaders zebra density="compact" responsiveBreakpoint="md" />
      <form method="post" action={p.action} class="mt-7">
        <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
        {p.children}
        <Button variant="primary">{t.save}</Button>
      </form>
      <h2 class="mt-7">{m.prices.history}</h2>
      <Table caption={m.prices.history} captionSrOnly {...p.history} zebra density="compact" responsiveBreakpoint="md" />
    </StaffLayout>
  );
}

export interface PricesPageProps extends SettingPageProps {
  prices: PriceBook;
  year: number;
}

export function PricesPage(p: PricesPageProps) {
  const lang = p.ctx.lang;
  const m = messagesFor(lang);
  const t = m.prices;
  const kr = (ore: number | null) => formatCell(ore === null ? null : ore / 100, 'kr', lang);
  return (
    <SettingPage
      {...p}
      texts={t}
      action="/staff/indsigt/priser"
      current={{ caption: t.current(p.year), columns: [{ header: t.item }, { header: t.kroner, numeric: true }], rows: priceItems.map((item) => [m.priceItems[item], kr(p.prices.ore(item, p.year))]) }}
      history={{
        columns: [{ header: t.item }, { header: t.fromYear }, { header: t.kroner, numeric: true }, { header: t.changedAt }, { header: t.changedBy }],
        rows: [...p.prices.versions].reverse().map((v) => [m.priceItems[v.item], String(v.fromYear), kr(v.ore), v.changedAt.slice(0, 16).replace('T', ' '), v.changedBy]),
      }}
    >
      <Select id="item" name="item" label={t.item} options={priceItems.map((i) => ({ value: i, text: m.priceItems[i] }))} value={p.values.item ?? 'phone'} error={p.errors.item} />
      <TextInput id="fromYear" name="fromYear" label={t.fromYear} value={p.values.fromYear ?? String(p.year)} inputClass="input-char-4" inputmode="numeric" error={p.errors.fromYear} />
      <TextInput id="kroner" name="kroner" label={t.kroner} hint={t.kronerHint} value={p.values.kroner ?? ''} inputClass="input-width-xs" suffix="kr." error={p.errors.kroner} />
    </SettingPage>
  );
}

export interface GoalsPageProps extends SettingPageProps {
  current: Goal[];
  history: Goal[];
  departments: readonly string[];
}

export function GoalsPage(p: GoalsPageProps) {
  const lang = p.ctx.lang;
  const m = messagesFor(lang);
  const t = m.goals;
  const target = (g: Goal) => `${g.metric === 'abandonment' ? '<' : '≥'} ${formatCell(g.target, g.metric === 'abandonment' ? 'ratio' : 'pct', lang)}`;
  const scope = (g: Goal) => [departmentName(m, g.department), g.topic, g.kind].filter(Boolean).join(' · ');
  const departmentOptions: SelectOption[] = [{ value: '', text: m.municipality }, ...p.departments.map((d) => ({ value: d, text: departmentName(m, d) }))];
  return (
    <SettingPage
      {...p}
      texts={t}
      action="/staff/indsigt/maal"
      current={{
        caption: t.title,
        captionSrOnly: true,
        columns: [{ header: t.metric }, { header: t.scope }, { header: t.target }, { header: t.targetYear }],
        rows: p.current.map((g) => [m.metrics[g.metric], scope(g), target(g), String(g.targetYear)]),
      }}
      history={{
        columns: [{ header: t.metric }, { header: t.scope }, { header: t.target }, { header: t.targetYear }, { header: t.active }, { header: m.prices.changedAt }, { header: m.prices.changedBy }],
        rows: [...p.history].reverse().map((g) => [m.metrics[g.metric], scope(g), target(g), String(g.targetYear), g.active ? '✓' : '–', g.changedAt.slice(0, 16).replace('T', ' '), g.changedBy]),
      }}
    >
      <Select id="metric" name="metric" label={t.metric} options={goalMetrics.map((g) => ({ value: g, text: m.metrics[g] }))} value={p.values.metric ?? 'digital_share'} error={p.errors.metric} />
      <Select id="department" name="department" label={m.departmentLabel} options={departmentOptions} value={p.values.department ?? ''} error={p.errors.department} {...allIsAChoice} />
      <TextInput id="topic" name="topic" label={t.topic} value={p.values.topic ?? ''} inputClass="input-width-m" error={p.errors.topic} required={false} />
      <Select id="kind" name="kind" label={t.kind} options={[{ value: '', text: t.all }, ...kinds.map((k) => ({ value: k, text: k }))]} value={p.values.kind ?? ''} error={p.errors.kind} {...allIsAChoice} />
      <TextInput id="target" name="target" label={t.target} hint={t.targetHint} value={p.values.target ?? ''} inputClass="input-width-xs" error={p.errors.target} />
      <TextInput id="targetYear" name="targetYear" label={t.targetYear} value={p.values.targetYear ?? ''} inputClass="input-char-4" inputmode="numeric" error={p.errors.targetYear} />
      <Select id="active" name="active" label={t.active} options={[{ value: 'true', text: lang === 'da' ? 'Ja' : 'Yes' }, { value: 'false', text: lang === 'da' ? 'Nej (fjern målet)' : 'No (remove the goal)' }]} value={p.values.active ?? 'true'} />
    </SettingPage>
  );
}

// ---------------------------------------------------------------------------
// Status reports

export const scopeSlug = (department: string | null) => department ?? 'kommune';
export const reportHref = (r: { period: string; department: string | null }) => `/staff/indsigt/rapporter/${r.period}/${scopeSlug(r.department)}`;

export interface ReportsPageProps {
  ctx: PageContext;
  nav: NavItem[];
  reports: ReportListing[];
  canGenerate: boolean;
  errors: FieldErrors;
  values: Record<string, string>;
  departmentOptions: SelectOption[];
}

export function ReportsPage(p: ReportsPageProps) {
  const m = messagesFor(p.ctx.lang);
  const t = m.reports;
  return (
    <StaffLayout ctx={p.ctx} title={t.title} nav={p.nav}>
      <ErrorSummary errors={summaryOf(p.errors)} title={m.errors.summary} />
      <PageHeading>{t.title}</PageHeading>
      <p>{t.intro}</p>
      {p.canGenerate && (
        <form method="post" action="/staff/indsigt/rapporter" class="mt-5">
          <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
          <TextInput id="period" name="period" label={t.periodLabel} hint={t.periodHint} value={p.values.period ?? ''} inputClass="input-width-s" error={p.errors.period} />
          <Select id="department" name="department" label={m.departmentLabel} options={p.departmentOptions} value={p.values.department ?? ''} {...allIsAChoice} />
          <Button variant="primary">{t.generate}</Button>
        </form>
      )}
      <h2 class="mt-7">{t.archive}</h2>
      {p.reports.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <Table
          caption={t.archive}
          captionSrOnly
          columns={[{ header: t.periodLabel }, { header: m.departmentLabel }, { header: t.comment }, { header: '' , srOnlyHeader: true }]}
          rows={p.reports.map((r) => [
            r.period,
            departmentName(m, r.department),
            r.hasComment ? '✓' : '–',
            <>
              <a href={reportHref(r)}>{t.open}</a> · <a href={`${reportHref(r)}/pdf`}>{t.pdf}</a>
            </>,
          ])}
          rowHeaders
          zebra
          density="compact"
          responsiveBreakpoint="md"
        />
      )}
    </StaffLayout>
  );
}

export interface ReportPageProps {
  ctx: PageContext;
  nav: NavItem[];
  report: StoredReport;
  tables: DataTable[];
  canComment: boolean;
  commentError?: string | undefined;
  commentValue?: string | undefined;
  chartSrc: (id: ChartId) => string;
  charts: readonly ChartId[];
}

export function ReportPage(p: ReportPageProps) {
  const lang = p.ctx.lang;
  const m = messagesFor(lang);
  const t = m.reports;
  const r = p.report;
  const title = t.heading(departmentName(m, r.department), r.period);
  const comment: ComponentChildren = r.comment ? r.comment.split(/\n{2,}/).map((para) => <p>{para}</p>) : <p>{t.noComment}</p>;
  return (
    <StaffLayout ctx={p.ctx} title={title} nav={p.nav}>
      <ErrorSummary errors={p.commentError ? [{ fieldId: 'comment', message: p.commentError }] : []} title={m.errors.summary} />
      <PageHeading caption={`${r.figures.municipality} · ${r.figures.period.firstDay} – ${r.figures.period.lastDay} · ${t.generated(r.generatedAt.slice(0, 16).replace('T', ' '))} UTC`}>{title}</PageHeading>
      {r.figures.demo && <DemoNotice demo={{ firstYear: 2011, lastYear: r.figures.trend.at(-1)?.year ?? 2015 }} lang={lang} />}
      <p>
        <a href={`${reportHref(r)}/pdf`} download>
          {t.pdf}
        </a>
      </p>
      <h2>{t.comment}</h2>
      {comment}
      {p.canComment && (
        <form method="post" action={`${reportHref(r)}/kommentar`}>
          <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
          <Textarea id="comment" name="comment" label={t.comment} hint={t.commentHint} value={p.commentValue ?? r.comment ?? ''} rows={6} characterLimit={6000} error={p.commentError} />
          <Button variant="primary">{t.saveComment}</Button>
        </form>
      )}
      <Figures lang={lang} tables={p.tables} periodLabel={r.period} chartSrc={p.chartSrc} charts={p.charts} />
    </StaffLayout>
  );
}
