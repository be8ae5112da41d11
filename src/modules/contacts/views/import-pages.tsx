import { Alert, Button, ButtonGroup, ErrorSummary, FileUpload, Select, SummaryList, Table } from '../../../platform/ui/components/index.ts';
import { contactMessages } from '../messages.ts';
import { channels } from '../schema.ts';
import { importSources, type ImportPreview, type ImportSource } from '../import/importer.ts';
import type { ImportBatch } from '../store.ts';
import { ContactsLayout, Csrf, dayText, number, paths, type StaffPageContext } from './shared.tsx';

function UploadForm({ ctx, source, errors }: { ctx: StaffPageContext; source?: string | undefined; errors: { file?: string | undefined; source?: string | undefined } }) {
  const t = contactMessages[ctx.lang];
  return (
    <form method="post" action={paths.import} enctype="multipart/form-data" novalidate>
      <Csrf ctx={ctx} />
      <Select
        id="source"
        name="source"
        label={t.sourceLabel}
        value={source}
        error={errors.source}
        options={[{ value: '', text: '' }, ...importSources.map((s) => ({ value: s, text: t.source[s] }))]}
      />
      <FileUpload id="file" name="file" label={t.fileLabel} hint={t.fileHint} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" error={errors.file} />
      <Button variant="primary">{t.previewButton}</Button>
    </form>
  );
}

function Batches({ ctx, batches }: { ctx: StaffPageContext; batches: ImportBatch[] }) {
  const t = contactMessages[ctx.lang];
  if (batches.length === 0) return null;
  const sourceName = (s: string) => t.source[s as ImportSource] ?? s;
  return (
    <Table
      caption={t.recentImports}
      responsiveBreakpoint="lg"
      columns={[{ header: t.colFile }, { header: t.colSource }, { header: t.colPeriod }, { header: t.colRows, numeric: true }, { header: t.colTotal, numeric: true }, { header: t.colStatus }]}
      rows={batches.map((b) => [b.file_name, sourceName(b.source), `${b.first_day} – ${b.last_day}`, number(ctx, b.rows), number(ctx, b.total), b.replaced_at ? t.statusReplaced : t.statusActive])}
    />
  );
}

export function ImportPage({ ctx, batches, source, errors = {}, notice }: { ctx: StaffPageContext; batches: ImportBatch[]; source?: string | undefined; errors?: { file?: string | undefined; source?: string | undefined }; notice?: string | undefined }) {
  const t = contactMessages[ctx.lang];
  const summary = [errors.source && { fieldId: 'source', message: errors.source }, errors.file && { fieldId: 'file', message: errors.file }].filter((e): e is { fieldId: string; message: string } => Boolean(e));
  return (
    <ContactsLayout ctx={ctx} title={t.importTitle}>
      <ErrorSummary title={t.errorTitle} errors={summary} />
      {notice && <Alert variant="success" text={notice} role />}
      <h1>{t.importTitle}</h1>
      <p>{t.importLead}</p>
      <UploadForm ctx={ctx} source={source} errors={errors} />
      <Batches ctx={ctx} batches={batches} />
    </ContactsLayout>
  );
}

export function PreviewPage({ ctx, preview, source }: { ctx: StaffPageContext; preview: ImportPreview; source: ImportSource }) {
  const t = contactMessages[ctx.lang];
  const failed = preview.problemCount > 0;
  return (
    <ContactsLayout ctx={ctx} title={t.previewTitle}>
      <h1>{t.previewTitle}</h1>
      <p>
        <strong>{preview.fileName}</strong> – {t.source[source]}
      </p>
      {failed ? (
        <>
          <Alert variant="error" heading={t.problemsHeading(number(ctx, preview.problemCount))} headingLevel={2} text={t.problemsText} />
          {preview.problemCount > preview.problems.length && <p>{t.problemsShown(number(ctx, preview.problems.length), number(ctx, preview.problemCount))}</p>}
          <Table
            caption={t.problemsCaption}
            responsiveBreakpoint="md"
            columns={[{ header: t.colLine, numeric: true }, { header: t.colColumn }, { header: t.colProblem }]}
            rows={preview.problems.map((p) => [p.line > 0 ? String(p.line) : '–', p.column || t.wholeFile, p.problem])}
          />
          <h2>{t.importAgain}</h2>
          <UploadForm ctx={ctx} source={source} errors={{}} />
        </>
      ) : (
        <>
          {preview.alreadyImported && <Alert variant="info" text={t.alreadyImported} />}
          {preview.replaces.length > 0 && <Alert variant="warning" text={t.replaces(preview.replaces.map((b) => b.file_name).join(', '))} />}
          <SummaryList
            caption={t.summaryCaption}
            rows={[
              { key: t.rowsLabel, value: number(ctx, preview.rows) },
              { key: t.totalLabel, value: number(ctx, preview.total) },
              { key: t.periodLabel, value: preview.firstDay && preview.lastDay ? `${dayText(ctx, preview.firstDay)} – ${dayText(ctx, preview.lastDay)}` : '' },
            ]}
          />
          <Table
            caption={t.perChannelCaption}
            columns={[{ header: t.colChannel }, { header: t.colTotal, numeric: true }]}
            rows={channels.filter((c) => preview.totalsByChannel[c] !== undefined).map((c) => [t.channel[c], number(ctx, preview.totalsByChannel[c]!)])}
          />
          <form method="post" action={paths.importCommit}>
            <Csrf ctx={ctx} />
            <input type="hidden" name="hash" value={preview.hash} />
            <input type="hidden" name="source" value={source} />
            <input type="hidden" name="fileName" value={preview.fileName} />
            <ButtonGroup>
              <Button variant="primary">{t.importButton}</Button>
              <Button href={paths.import} variant="secondary">
                {t.importAgain}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </ContactsLayout>
  );
}
