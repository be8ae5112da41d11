import type { Lang } from '../../../platform/i18n/index.ts';
import { formatNumber } from '../../../platform/i18n/index.ts';
import { Alert, Button, ButtonGroup, ErrorSummary, FileUpload, Select, SummaryList, Table } from '../../../platform/ui/components/index.ts';
import { contactMessages } from '../messages.ts';
import { channels, type RunStatus } from '../schema.ts';
import { importSources, type ImportSource } from '../import/importer.ts';
import { busyPhases, type ImportRun } from '../import/runs.ts';
import type { ImportBatch } from '../store.ts';
import { ContactsLayout, Csrf, number, paths, type StaffPageContext } from './shared.tsx';
import { longDay } from '../../../platform/calendar/index.ts';

export interface UploadErrors {
  file?: string | undefined;
  source?: string | undefined;
}

function UploadForm({ ctx, source, errors, maxMb }: { ctx: StaffPageContext; source?: string | undefined; errors: UploadErrors; maxMb: string }) {
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
      <FileUpload id="file" name="file" label={t.fileLabel} hint={t.fileHint(maxMb)} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" error={errors.file} />
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

export function ImportPage({ ctx, batches, source, errors = {}, maxMb }: { ctx: StaffPageContext; batches: ImportBatch[]; source?: string | undefined; errors?: UploadErrors; maxMb: string }) {
  const t = contactMessages[ctx.lang];
  const summary = [errors.source && { fieldId: 'source', message: errors.source }, errors.file && { fieldId: 'file', message: errors.file }].filter((e): e is { fieldId: string; message: string } => Boolean(e));
  return (
    <ContactsLayout ctx={ctx} title={t.importTitle}>
      <ErrorSummary title={t.errorTitle} errors={summary} />
      <h1>{t.importTitle}</h1>
      <p>{t.importLead}</p>
      <UploadForm ctx={ctx} source={source} errors={errors} maxMb={maxMb} />
      <Batches ctx={ctx} batches={batches} />
    </ContactsLayout>
  );
}

export function runStatus(lang: Lang, run: ImportRun): RunStatus {
  const t = contactMessages[lang];
  const percent = run.total ? Math.min(100, Math.floor((run.done / run.total) * 100)) : null;
  const n = (x: number) => formatNumber(lang, x);
  const progressText = run.total && percent !== null ? t.progressLines(n(run.done), n(run.total), String(percent)) : t.progressLinesRead(n(run.done));
  return {
    id: run.id,
    phase: run.phase,
    busy: busyPhases.includes(run.phase),
    done: run.done,
    total: run.total,
    percent,
    text: t.phase[run.phase],
    progressText,
    problemCount: run.problemCount,
    problems: run.problems,
  };
}

/**
 * The worker's progress. The script (src/client/import-progress.ts) polls the status route and
 * updates it; without JavaScript the page says so and offers a refresh link (no meta refresh).
 */
function RunProgress({ ctx, status }: { ctx: StaffPageContext; status: RunStatus }) {
  const t = contactMessages[ctx.lang];
  const url = paths.importRun(status.id);
  return (
    <div class="kanal-import-progress" data-import-status={paths.importStatus(status.id)}>
      <p id="import-phase" role="status" aria-live="polite">
        {status.text}
      </p>
      <label for="import-progress">{t.progressLabel}</label>
      <progress id="import-progress" max={status.total ?? undefined} value={status.total ? status.done : undefined} aria-describedby="import-progress-text">
        {status.progressText}
      </progress>
      <p id="import-progress-text">{status.progressText}</p>
      <p class="kanal-no-script">{t.noScriptHint}</p>
      <p>
        <Button href={url} variant="secondary">
          {t.refresh}
        </Button>
      </p>
    </div>
  );
}

function Problems({ ctx, run }: { ctx: StaffPageContext; run: ImportRun }) {
  const t = contactMessages[ctx.lang];
  return (
    <>
      <Alert variant="error" heading={t.problemsHeading(number(ctx, run.problemCount))} headingLevel={2} text={t.problemsText} />
      {run.problemCount > run.problems.length && <p>{t.problemsShown(number(ctx, run.problems.length), number(ctx, run.problemCount))}</p>}
      <Table
        caption={t.problemsCaption}
        responsiveBreakpoint="md"
        columns={[{ header: t.colLine, numeric: true }, { header: t.colColumn }, { header: t.colProblem }]}
        rows={run.problems.map((p) => [p.line > 0 ? String(p.line) : '–', p.column || t.wholeFile, p.problem])}
      />
    </>
  );
}

function Preview({ ctx, run }: { ctx: StaffPageContext; run: ImportRun }) {
  const t = contactMessages[ctx.lang];
  const preview = run.preview;
  if (!preview) return null;
  return (
    <>
      {preview.alreadyImported && <Alert variant="info" text={t.alreadyImported} />}
      {preview.replaces.length > 0 && <Alert variant="warning" text={t.replaces(preview.replaces.join(', '))} />}
      <SummaryList
        caption={t.summaryCaption}
        rows={[
          { key: t.rowsLabel, value: number(ctx, preview.rows) },
          { key: t.totalLabel, value: number(ctx, preview.total) },
          { key: t.periodLabel, value: preview.firstDay && preview.lastDay ? `${longDay(preview.firstDay, ctx.lang)} – ${longDay(preview.lastDay, ctx.lang)}` : '' },
        ]}
      />
      <Table
        caption={t.perChannelCaption}
        columns={[{ header: t.colChannel }, { header: t.colTotal, numeric: true }]}
        rows={channels.filter((c) => preview.totalsByChannel[c] !== undefined).map((c) => [t.channel[c], number(ctx, preview.totalsByChannel[c]!)])}
      />
    </>
  );
}

/** One uploaded file's page: its progress, its problems, its preview and confirmation, or its result. */
export function RunPage({ ctx, run, maxMb }: { ctx: StaffPageContext; run: ImportRun; maxMb: string }) {
  const t = contactMessages[ctx.lang];
  const status = runStatus(ctx.lang, run);
  const source = run.source as ImportSource;
  return (
    <ContactsLayout ctx={ctx} title={t.previewTitle}>
      <h1 id="import-heading" tabindex={-1}>
        {t.previewTitle}
      </h1>
      <p>
        <strong>{run.fileName}</strong> – {t.source[source] ?? run.source}
      </p>
      {status.busy && <RunProgress ctx={ctx} status={status} />}
      {run.phase === 'rejected' && (
        <>
          <Problems ctx={ctx} run={run} />
          <h2>{t.importAgain}</h2>
          <UploadForm ctx={ctx} source={source} errors={{}} maxMb={maxMb} />
        </>
      )}
      {run.phase === 'waiting' && (
        <>
          <p>{status.text}</p>
          <Preview ctx={ctx} run={run} />
          <form method="post" action={paths.importConfirm(run.id)}>
            <Csrf ctx={ctx} />
            <ButtonGroup>
              <Button variant="primary">{t.importButton}</Button>
              <Button href={paths.import} variant="secondary">
                {t.importAgain}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
      {(run.phase === 'imported' || run.phase === 'unchanged') && (
        <>
          <Alert
            variant="success"
            heading={status.text}
            headingLevel={2}
            text={run.phase === 'imported' && run.result ? t.imported(number(ctx, run.result.rows), number(ctx, run.result.total)) : undefined}
          />
          <p>
            <a href={paths.import}>{t.backToImport}</a>
          </p>
        </>
      )}
      {run.phase === 'failed' && (
        <>
          <Alert variant="error" text={status.text} />
          <p>
            <a href={paths.import}>{t.backToImport}</a>
          </p>
        </>
      )}
    </ContactsLayout>
  );
}
