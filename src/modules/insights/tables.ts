// The dashboard's figures as tables: one definition used by the pages, the CSV and XLSX
// exports, the status report (HTML and PDF) and the intranet page.
import { formatNumber, type Lang } from '../../platform/i18n/index.ts';
import { channels, type Channel } from '../contacts/index.ts';
import type { Dashboard } from './figures.ts';
import type { FigureId } from './explanations.ts';
import { departmentName, messagesFor } from './messages.ts';

/** How a column's values are shown; exports keep the plain numbers. */
export type ColumnFormat = 'text' | 'int' | 'pct' | 'kr' | 'ratio';
export type CellValue = string | number | null;

export interface DataColumn {
  /** Stable name (CSV header, XLSX column). */
  key: string;
  header: string;
  format: ColumnFormat;
}

export interface DataTable {
  id: FigureId;
  title: string;
  columns: DataColumn[];
  rows: CellValue[][];
  /** For the key-figure table: which figure each row is, for its explanation. */
  rowIds?: FigureId[];
}

/** Formats one value for a page or PDF; null is always "—", never 0. */
export function formatCell(value: CellValue, format: ColumnFormat, lang: Lang): string {
  if (value === null || value === '') return format === 'text' ? '' : '—';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'int':
      return formatNumber(lang, value);
    case 'pct':
      return `${formatNumber(lang, value * 100, 1)} %`;
    case 'kr':
      return `${formatNumber(lang, value, value % 1 === 0 ? 0 : 2)} kr.`;
    case 'ratio':
      return formatNumber(lang, value, 2);
    default:
      return String(value);
  }
}

const kr = (ore: number | null) => (ore === null ? null : ore / 100);
/** Channels shown: all digital ones and those with contacts or a price. */
const shownChannels = (d: Dashboard): Channel[] => channels.filter((c) => d.channels.some((x) => x.channel === c && (x.inbound > 0 || x.outbound > 0 || x.unitOre !== null)));

export function dashboardTables(d: Dashboard, lang: Lang): DataTable[] {
  const m = messagesFor(lang);
  const da = lang === 'da';
  const col = (key: string, header: string, format: ColumnFormat): DataColumn => ({ key, header, format });
  const goal = (metric: string) => d.goals.find((g) => g.goal.metric === metric && g.goal.department === d.department && g.goal.topic === null);
  const statusOf = (metric: string) => {
    const g = goal(metric);
    return g ? m.status[g.status] : '';
  };
  const targetOf = (metric: string): number | null => goal(metric)?.goal.target ?? null;
  const summaryRows: [name: string, value: number | null, format: ColumnFormat, target: number | null, status: string, id: FigureId][] = [
    [da ? 'Indgående henvendelser' : 'Inbound contacts', d.inbound, 'int', null, '', 'inbound'],
    [m.metrics.digital_share, d.digitalShare, 'pct', targetOf('digital_share'), statusOf('digital_share'), 'digitalShare'],
    [da ? 'Udgift i alt' : 'Total cost', kr(d.totalCostOre), 'kr', null, '', 'totalCost'],
    [da ? 'Udgift pr. transaktion' : 'Cost per transaction', kr(d.costPerTransactionOre), 'kr', null, '', 'costPerTransaction'],
    [da ? `Besparelse i forhold til ${d.baselineYear}` : `Saving against ${d.baselineYear}`, kr(d.savingOre), 'kr', null, '', 'saving'],
    [m.metrics.digital_post_share, d.digitalPostShare, 'pct', targetOf('digital_post_share'), statusOf('digital_post_share'), 'digitalPostShare'],
    [da ? 'Besparelse ved digitale breve' : 'Saving from digital letters', kr(d.digitalLetterSavingOre), 'kr', null, '', 'digitalLetterSaving'],
  ];
  if (d.services) {
    summaryRows.push([m.metrics.take_up, d.services.takeUp, 'pct', targetOf('take_up'), statusOf('take_up'), 'takeUp']);
    summaryRows.push([m.metrics.abandonment, d.services.abandonmentRatio, 'ratio', targetOf('abandonment'), statusOf('abandonment'), 'abandonment']);
  }
  if (d.resolution) {
    summaryRows.push([da ? 'Løst ved første kontakt' : 'First-contact resolution', d.resolution.firstContact.share, 'pct', null, '', 'firstContact']);
    summaryRows.push([da ? 'Spildhenvendelser' : 'Failure demand', d.resolution.failureDemand.share, 'pct', null, '', 'failureDemand']);
  }
  summaryRows.push([m.metrics.callbacks, null, 'pct', targetOf('callbacks'), statusOf('callbacks'), 'callbacks']);
  summaryRows.push([da ? 'Viderestillinger mellem forvaltninger' : 'Transfers between departments', d.transfers.total, 'int', null, '', 'transfers']);
  // The summary mixes formats, so its values are written as text here; exports keep the raw numbers.
  const summary: DataTable = {
    id: 'digitalShare',
    title: da ? 'Nøgletal' : 'Key figures',
    columns: [col('figure', da ? 'Tal' : 'Figure', 'text'), col('value', da ? 'Værdi' : 'Value', 'text'), col('goal', da ? 'Mål' : 'Goal', 'text'), col('status', da ? 'Status' : 'Status', 'text')],
    rowIds: summaryRows.map((r) => r[5]),
    rows: summaryRows.map(([name, value, format, target, status]) => [
      name,
      formatCell(value, format, lang),
      target === null ? '' : formatCell(target, format === 'ratio' ? 'ratio' : 'pct', lang),
      status,
    ]),
  };

  const shown = shownChannels(d);
  const tables: DataTable[] = [
    summary,
    {
      id: 'channels',
      title: da ? 'Henvendelser og udgift pr. kanal' : 'Contacts and cost per channel',
      columns: [col('channel', da ? 'Kanal' : 'Channel', 'text'), col('inbound', da ? 'Indgående' : 'Inbound', 'int'), col('outbound', da ? 'Udgående' : 'Outgoing', 'int'), col('unit_price_dkk', da ? 'Pris pr. henvendelse' : 'Price per contact', 'kr'), col('cost_dkk', da ? 'Udgift' : 'Cost', 'kr')],
      rows: d.channels.filter((c) => shown.includes(c.channel)).map((c) => [m.channels[c.channel], c.inbound, c.outbound, kr(c.unitOre), kr(c.costOre)]),
    },
    {
      id: 'months',
      title: da ? 'Kanalfordeling over tid (indgående)' : 'Channel mix over time (inbound)',
      columns: [col('month', da ? 'Måned' : 'Month', 'text'), ...shown.map((c) => col(c, m.channels[c], 'int')), col('digital_share', m.metrics.digital_share, 'pct')],
      rows: d.months.map((mo) => [mo.month, ...shown.map((c) => mo.byChannel[c] ?? 0), mo.digitalShare]),
    },
    {
      id: 'departments',
      title: da ? 'Pr. forvaltning' : 'Per department',
      columns: [col('department', m.departmentLabel, 'text'), col('inbound', da ? 'Indgående' : 'Inbound', 'int'), col('digital_share', m.metrics.digital_share, 'pct'), col('cost_dkk', da ? 'Udgift' : 'Cost', 'kr')],
      rows: d.departments.map((x) => [departmentName(m, x.department), x.inbound, x.digitalShare, kr(x.costOre)]),
    },
    {
      id: 'transfers',
      title: da ? 'Viderestillinger mellem forvaltninger' : 'Transfers between departments',
      columns: [col('from', da ? 'Fra' : 'From', 'text'), col('to', da ? 'Til' : 'To', 'text'), col('cases', da ? 'Sager' : 'Cases', 'int')],
      rows: d.transfers.pairs.map((p) => [departmentName(m, p.from), departmentName(m, p.to), p.count]),
    },
  ];
  if (d.services) {
    tables.push({
      id: 'services',
      title: da ? 'Selvbetjeninger' : 'Self-services',
      columns: [col('service', da ? 'Selvbetjening' : 'Service', 'text'), col('digital', da ? 'Digitale' : 'Digital', 'int'), col('total', da ? 'I alt' : 'Total', 'int'), col('take_up', da ? 'Digital anvendelse' : 'Take-up', 'pct'), col('completion_rate', da ? 'Gennemført' : 'Completion', 'pct'), col('abandonment_ratio', da ? 'Afbrudte pr. gennemført' : 'Abandoned per completed', 'ratio')],
      rows: d.services.services.map((s) => [s.service, s.digital, s.total, s.takeUp, s.completionRate, s.abandonmentRatio]),
    });
  }
  if (d.topics) {
    tables.push({
      id: 'topics',
      title: da ? 'Hvor ville selvbetjening spare mest?' : 'Where would self-service save most?',
      columns: [col('topic', da ? 'Emne' : 'Topic', 'text'), col('non_digital', da ? 'Ikke-digitale henvendelser' : 'Non-digital contacts', 'int'), col('potential_dkk', da ? 'Mulig besparelse' : 'Possible saving', 'kr'), col('self_services', da ? 'Selvbetjening' : 'Self-service', 'text'), col('take_up', da ? 'Digital anvendelse' : 'Take-up', 'pct')],
      rows: d.topics.slice(0, 15).map((t) => {
        const total = t.services.length > 0 ? t.services.map((s) => s.service).join(', ') : da ? 'Ingen' : 'None';
        const takeUps = t.services.filter((s) => s.takeUp !== null);
        return [t.topic, t.nonDigital, kr(t.potentialOre), total, takeUps.length === 1 ? takeUps[0]!.takeUp : null];
      }),
    });
  }
  tables.push(
    {
      id: 'goals',
      title: da ? 'Mål' : 'Goals',
      columns: [col('goal', da ? 'Mål' : 'Goal', 'text'), col('scope', m.goals.scope, 'text'), col('target', m.goals.target, 'text'), col('target_year', m.goals.targetYear, 'text'), col('value', da ? 'Periodens tal' : 'This period', 'text'), col('status', 'Status', 'text')],
      rows: d.goals.map((g) => {
        const format: ColumnFormat = g.goal.metric === 'abandonment' ? 'ratio' : 'pct';
        const scope = [departmentName(m, g.goal.department), g.goal.topic, g.goal.kind].filter(Boolean).join(' · ');
        return [m.metrics[g.goal.metric], scope, `${g.goal.metric === 'abandonment' ? '<' : '≥'} ${formatCell(g.goal.target, format, lang)}`, String(g.goal.targetYear), formatCell(g.value, format, lang), m.status[g.status]];
      }),
    },
    {
      id: 'trend',
      title: m.reports.trend,
      columns: [col('year', da ? 'År' : 'Year', 'text'), col('inbound', da ? 'Indgående' : 'Inbound', 'int'), col('digital_share', m.metrics.digital_share, 'pct'), col('cost_dkk', da ? 'Udgift' : 'Cost', 'kr'), col('digital_post_share', m.metrics.digital_post_share, 'pct')],
      rows: d.trend.map((y) => [String(y.year), y.inbound, y.digitalShare, kr(y.costOre), y.digitalPostShare]),
    },
  );
  return tables;
}
