// Pieces every insights page uses: a figure table with its chart, explanation and export
// link; the demo-data notice; the period picker.
import type { ComponentChildren } from 'preact';
import type { Lang } from '../../../platform/i18n/index.ts';
import { Alert, Details, Table, TextInput, Select, Button, type SelectOption } from '../../../platform/ui/components/index.ts';
import { explain, explanations, type FigureId } from '../explanations.ts';
import { formatCell, type DataTable } from '../tables.ts';
import { messagesFor } from '../messages.ts';

export function Explanation({ id, lang }: { id: FigureId; lang: Lang }) {
  const m = messagesFor(lang);
  const e = explain(id, lang);
  return (
    <Details summary={m.howComputed}>
      <p>{e.how}</p>
      <p>
        <strong>{m.source}:</strong> {e.source}
      </p>
    </Details>
  );
}

/** The key figures' explanations, one per figure, in one disclosure. */
export function KeyFigureExplanations({ lang, items }: { lang: Lang; items: readonly { id: FigureId; name: string }[] }) {
  const m = messagesFor(lang);
  return (
    <Details summary={m.howComputed}>
      <dl>
        {items.map(({ id, name }) => (
          <>
            <dt>
              <strong>{name}</strong>
            </dt>
            <dd>
              {explanations[id].how[lang]} ({m.source}: {explain(id, lang).source})
            </dd>
          </>
        ))}
      </dl>
    </Details>
  );
}

export interface FigureSectionProps {
  table: DataTable;
  lang: Lang;
  chart?: { src: string; alt: string } | undefined;
  csvHref?: string | undefined;
  headingLevel?: 2 | 3;
}

export function FigureSection({ table, lang, chart, csvHref, headingLevel = 2 }: FigureSectionProps) {
  const m = messagesFor(lang);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="mt-7" aria-labelledby={`table-${table.id}`}>
      <H id={`table-${table.id}`}>{table.title}</H>
      {chart && <img class="insights-chart" src={chart.src} alt={chart.alt} width={720} height={360} loading="lazy" />}
      <Table
        caption={table.title}
        captionSrOnly
        columns={table.columns.map((c) => ({ header: c.header, numeric: c.format !== 'text' }))}
        rows={table.rows.map((r) => r.map((v, i) => formatCell(v, table.columns[i]!.format, lang)))}
        rowHeaders
        zebra
        density="compact"
        responsiveBreakpoint="md"
      />
      {table.rowIds ? (
        <KeyFigureExplanations lang={lang} items={table.rowIds.map((id, i) => ({ id, name: String(table.rows[i]![0]) }))} />
      ) : (
        <Explanation id={table.id} lang={lang} />
      )}
      {csvHref && (
        <p>
          <a href={csvHref} download>
            {m.exportCsv}: {table.title}
          </a>
        </p>
      )}
    </section>
  );
}

export function DemoNotice({ demo, lang }: { demo: { firstYear: number; lastYear: number } | undefined; lang: Lang }) {
  if (!demo) return null;
  const m = messagesFor(lang);
  return <Alert variant="warning" role={false} heading={m.demo} headingLevel={2} text={m.demoText(demo.firstYear, demo.lastYear)} />;
}

export interface PeriodFormProps {
  lang: Lang;
  action: string;
  period: string;
  from?: string;
  to?: string;
  department?: { value: string; options: readonly SelectOption[] } | undefined;
  errors?: Partial<Record<'period' | 'custom', string>>;
  children?: ComponentChildren;
}

/**
 * A GET form: nothing changes, so no CSRF token; works without JavaScript. A period or two
 * dates, and "the whole municipality" is a department choice of its own: no field is required.
 */
export function PeriodForm({ lang, action, period, from, to, department, errors = {} }: PeriodFormProps) {
  const m = messagesFor(lang);
  const optional = { required: false, optionalLabel: false } as const;
  return (
    <form method="get" action={action} class="mt-5">
      <fieldset>
        <legend class="h3">{m.periodLegend}</legend>
        <TextInput id="period" name="period" label={m.periodLabel} hint={m.periodHint} value={period} inputClass="input-width-s" error={errors.period} {...optional} />
        <TextInput id="from" name="from" label={m.fromLabel} hint={m.dateHint} value={from ?? ''} inputClass="input-width-s" error={errors.custom} {...optional} />
        <TextInput id="to" name="to" label={m.toLabel} value={to ?? ''} inputClass="input-width-s" {...optional} />
        {department && <Select id="department" name="department" label={m.departmentLabel} options={department.options} value={department.value} {...optional} />}
        <Button variant="primary">{m.show}</Button>
      </fieldset>
    </form>
  );
}
