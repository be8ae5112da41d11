import { StaffLayout, type NavItem, type PageContext } from '../../../platform/ui/index.ts';
import { formatNumber } from '../../../platform/i18n/index.ts';
import { Table } from '../../../platform/ui/components/index.ts';
import { BASELINE_ABANDONMENT, type Funnel } from '../funnel.ts';
import { selfServiceMessages } from '../messages.ts';

export const staffPaths = {
  overview: '/medarbejder/selvbetjening',
  funnel: (id: string) => `/medarbejder/selvbetjening/${id}`,
  csv: (id: string) => `/medarbejder/selvbetjening/${id}.csv`,
};

const pct = (lang: 'da' | 'en', v: number | null, none: string) => (v === null ? none : `${formatNumber(lang, v * 100, 1)} %`);

export function FunnelOverviewPage({ ctx, nav, rows }: { ctx: PageContext; nav: NavItem[]; rows: { title: string; funnel: Funnel }[] }) {
  const t = selfServiceMessages[ctx.lang];
  const n = (v: number) => formatNumber(ctx.lang, v);
  return (
    <StaffLayout ctx={ctx} nav={nav} title={t.funnelOverview}>
      <h1>{t.funnelOverview}</h1>
      <Table
        caption={t.funnelOverview}
        columns={[{ header: 'Løsning' }, { header: t.funnelViews, numeric: true }, { header: t.funnelStarts, numeric: true }, { header: t.funnelCompletions, numeric: true }, { header: t.funnelAbandoned, numeric: true }, { header: t.funnelCompletionRate, numeric: true }]}
        rowHeaders
        rows={rows.map(({ title, funnel: f }) => [<a href={staffPaths.funnel(f.serviceId)}>{title}</a>, n(f.views), n(f.starts), n(f.completions), n(f.abandoned), pct(ctx.lang, f.completionRate, t.none)])}
      />
    </StaffLayout>
  );
}

export function FunnelPage({ ctx, nav, title, funnel: f }: { ctx: PageContext; nav: NavItem[]; title: string; funnel: Funnel }) {
  const t = selfServiceMessages[ctx.lang];
  const n = (v: number) => formatNumber(ctx.lang, v);
  let previous = f.starts;
  const stepRows = f.steps.map((s) => {
    const drop = Math.max(0, previous - s.reached);
    previous = s.reached;
    return [s.title, n(s.reached), n(drop)];
  });
  return (
    <StaffLayout ctx={ctx} nav={nav} title={t.funnelTitle(title)}>
      <h1>{t.funnelTitle(title)}</h1>
      <p>
        {t.funnelPeriod}: {f.from.slice(0, 10)} – {f.to.slice(0, 10)}
      </p>
      <Table
        caption={t.funnelKey}
        columns={[{ header: t.funnelKey }, { header: t.funnelValue, numeric: true }]}
        rowHeaders
        rows={[
          [t.funnelViews, n(f.views)],
          [t.funnelStarts, n(f.starts)],
          [t.funnelExits, n(f.exits)],
          [t.funnelCompletions, n(f.completions)],
          [t.funnelAbandoned, n(f.abandoned)],
          [t.funnelCompletionRate, pct(ctx.lang, f.completionRate, t.none)],
          [`${t.funnelAbandonRatio.replace('3,75', formatNumber(ctx.lang, BASELINE_ABANDONMENT, 2))}`, f.abandonmentRatio === null ? t.none : formatNumber(ctx.lang, f.abandonmentRatio, 2)],
          [t.funnelMedian, f.medianMinutes === null ? t.none : t.minutes(formatNumber(ctx.lang, f.medianMinutes, 1))],
          [t.funnelSatisfaction, f.satisfaction.average === null ? t.none : `${formatNumber(ctx.lang, f.satisfaction.average, 1)} (${n(f.satisfaction.count)})`],
        ]}
      />
      <Table caption={t.funnelStep} columns={[{ header: t.funnelStep }, { header: t.funnelReached, numeric: true }, { header: t.funnelDropOff, numeric: true }]} rowHeaders rows={stepRows} />
      <p>
        <a href={staffPaths.csv(f.serviceId)}>{t.funnelCsv}</a>
      </p>
    </StaffLayout>
  );
}
