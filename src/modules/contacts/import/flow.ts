// The web import of figures as a background job: the upload is stored (platform storage)
// and a run is recorded; the job `contacts.import` reads and checks the file, and after
// the admin's confirmation imports it. Each step reports progress to the run, which any
// app node shows. Small files are checked and imported at once in the request (the job
// is the fallback if that request dies), so the common case needs no waiting.
//
// Safety: the import is one transaction (importFigures) that starts by moving the run's
// row; a second worker (a retried job, another node) waits on that row and then finds the
// run imported. Nothing is stored until the admin confirms a file without problems. A file
// the admin never confirms (they left at the preview) is deleted with its run by the job
// `contacts.delete-unconfirmed-imports`.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Logger } from 'pino';
import { dialectOf, type Db } from '../../../platform/db/index.ts';
import { KanalError } from '../../../platform/http/errors.ts';
import { defineJob, enqueue, type AnyJobHandler } from '../../../platform/jobs/index.ts';
import type { FileStorage } from '../../../platform/storage/index.ts';
import type { Progress } from '../../../platform/module.ts';
import { fileHash, importFigures, ImportRejected, previewImport, type ImportSource } from './importer.ts';
import { countLines, isXlsx } from './parse.ts';
import { deleteUnconfirmedRuns, findRun, insertRun, moveRun, setProgress } from '../store.ts';
import { busyPhases, type ImportRun, type RunPhase } from './runs.ts';

declare module '../../../platform/jobs/index.ts' {
  interface JobTypes {
    'contacts.import': { runId: number };
    'contacts.delete-unconfirmed-imports': Record<string, never>;
  }
}

/** Files up to this size are checked and imported in the request itself (well under a second). */
export const SMALL_FILE_BYTES = 1_000_000;
/** A small file's job waits this long: it only runs if the request did not finish the step. */
const FALLBACK_DELAY_MS = 60_000;
const MAX_ATTEMPTS = 3;
/** Progress is written at most this often. */
const PROGRESS_INTERVAL_MS = 500;
/** A checked file the admin has not confirmed this long after the upload is deleted with its run. */
export const UNCONFIRMED_RUN_HOURS = 24;

export interface ImportContext {
  db: Db;
  storage: FileStorage;
  /** The configured department ids (KANAL_DEPARTMENTS). */
  departments: readonly string[];
  log: Logger;
}

const isSmall = (size: number) => size <= SMALL_FILE_BYTES;

async function enqueueStep(trx: Parameters<typeof enqueue>[0], run: { id: number; size: number }, step: 'check' | 'import'): Promise<void> {
  const runAt = isSmall(run.size) ? new Date(Date.now() + FALLBACK_DELAY_MS) : new Date();
  await enqueue(trx, 'contacts.import', { runId: run.id }, { key: `contacts.import:${step}:${run.id}`, runAt });
}

/** Runs the step now, in the request, for a small file; a failure is left to the job. */
async function stepNowIfSmall(ctx: ImportContext, id: number, size: number): Promise<void> {
  if (!isSmall(size)) return;
  await advanceRun(ctx, id).catch((error: unknown) => ctx.log.warn({ err: error, run: id }, 'import step failed in the request; the job will do it'));
}

/** Stores the uploaded file and starts its check. Returns the run's id. */
export async function startRun(ctx: ImportContext, upload: { file: Buffer; fileName: string; source: ImportSource; createdBy: string }): Promise<number> {
  const key = `contacts/imports/${randomUUID()}`;
  const stored = await ctx.storage.put(key, Readable.from([upload.file]));
  let id: number;
  try {
    id = await ctx.db.transaction().execute(async (trx) => {
      const runId = await insertRun(trx, { source: upload.source, fileName: upload.fileName, fileKey: key, fileHash: stored.sha256, size: stored.size, createdBy: upload.createdBy });
      await enqueueStep(trx, { id: runId, size: stored.size }, 'check');
      return runId;
    });
  } catch (error) {
    await ctx.storage.delete(key);
    throw error;
  }
  await stepNowIfSmall(ctx, id, stored.size);
  return id;
}

/** The admin's confirmation: starts the import of a checked file. false if it is not waiting (any more). */
export async function confirmRun(ctx: ImportContext, id: number): Promise<boolean> {
  const run = await findRun(ctx.db, id);
  if (!run) throw new KanalError('not_found', 'No such import.');
  const started = await ctx.db.transaction().execute(async (trx) => {
    if (!(await moveRun(trx, id, ['waiting'], 'importing'))) return false;
    // With the phase, so the bar never shows the check's full count under "importing".
    // On SQLite the import cannot report as it goes (see importRun): no total, so no false "0 of n".
    await setProgress(trx, id, 'importing', 0, dialectOf(ctx.db) === 'postgres' ? run.total : null);
    await enqueueStep(trx, run, 'import');
    return true;
  });
  if (started) await stepNowIfSmall(ctx, id, run.size);
  return started;
}

/** Does whatever the run waits for: its check, or its import. Safe to call twice, also at once. */
export async function advanceRun(ctx: ImportContext, id: number): Promise<void> {
  const run = await findRun(ctx.db, id);
  if (run?.phase === 'reading' || run?.phase === 'checking') await check(ctx, run);
  else if (run?.phase === 'importing') await importRun(ctx, run);
}

/** The stored file, checked against the hash taken when it was stored. */
async function storedFile(ctx: ImportContext, run: ImportRun): Promise<Buffer> {
  const file = Buffer.concat(await (await ctx.storage.get(run.fileKey)).toArray());
  if (fileHash(file) !== run.fileHash) throw new Error(`The stored file of import ${run.id} does not match its hash.`);
  return file;
}

/** Writes progress at most every PROGRESS_INTERVAL_MS, one write at a time; flush() waits for the last. */
function progressWriter(ctx: ImportContext, id: number, phase: RunPhase, knownTotal: number | null) {
  let last = 0;
  let pending: Promise<void> = Promise.resolve();
  const write = (done: number, total: number | null) => {
    pending = pending.then(() => setProgress(ctx.db, id, phase, done, total)).catch((error: unknown) => ctx.log.warn({ err: error, run: id }, 'could not save import progress'));
  };
  const report: Progress = (done, total) => {
    const at = Date.now();
    if (at - last < PROGRESS_INTERVAL_MS) return;
    last = at;
    write(done, knownTotal ?? (total > 0 ? total : null));
  };
  return { report, write, flush: () => pending };
}

async function check(ctx: ImportContext, run: ImportRun): Promise<void> {
  const file = await storedFile(ctx, run);
  const lines = isXlsx(file) ? null : countLines(file);
  if (!(await moveRun(ctx.db, run.id, ['reading', 'checking'], 'checking'))) return;
  await setProgress(ctx.db, run.id, 'checking', 0, lines);
  const progress = progressWriter(ctx, run.id, 'checking', lines);
  const preview = await previewImport(ctx.db, { file, fileName: run.fileName, source: run.source as ImportSource, departments: ctx.departments, progress: progress.report });
  await progress.flush();
  await setProgress(ctx.db, run.id, 'checking', preview.lines, preview.lines);
  if (preview.problemCount > 0) {
    // Nothing is stored: the file goes, the problems stay for the page.
    if (await moveRun(ctx.db, run.id, ['checking'], 'rejected', { problems: preview.problems, problemCount: preview.problemCount })) await ctx.storage.delete(run.fileKey);
    return;
  }
  await moveRun(ctx.db, run.id, ['checking'], 'waiting', {
    preview: {
      lines: preview.lines,
      rows: preview.rows,
      total: preview.total,
      firstDay: preview.firstDay ?? null,
      lastDay: preview.lastDay ?? null,
      totalsByChannel: preview.totalsByChannel,
      alreadyImported: preview.alreadyImported,
      replaces: preview.replaces.map((b) => b.file_name),
    },
  });
}

async function importRun(ctx: ImportContext, run: ImportRun): Promise<void> {
  const file = await storedFile(ctx, run).catch(async (error: unknown) => {
    // Another worker finished the run and removed its file: nothing left to do.
    if ((await findRun(ctx.db, run.id))?.phase !== 'importing') return undefined;
    throw error;
  });
  if (!file) return;
  // On SQLite the import's transaction holds the one connection until it commits, so progress
  // can only be written (and read) on PostgreSQL; SQLite shows the phase until the end.
  const live = dialectOf(ctx.db) === 'postgres';
  const progress = progressWriter(ctx, run.id, 'importing', run.preview?.lines ?? null);
  let imported: boolean;
  try {
    imported = await ctx.db.transaction().execute(async (trx) => {
      // Moving the run's row locks it until this transaction ends: a second worker waits here.
      if (!(await moveRun(trx, run.id, ['importing'], 'importing'))) return false;
      const outcome = await importFigures(trx, {
        file,
        fileName: run.fileName,
        source: run.source as ImportSource,
        importedBy: run.createdBy,
        departments: ctx.departments,
        ...(live && { progress: progress.report }),
      });
      const result =
        outcome.status === 'imported'
          ? { rows: outcome.rows, total: outcome.total, replaced: outcome.replaced.length }
          : { rows: run.preview?.rows ?? 0, total: run.preview?.total ?? 0, replaced: 0 };
      // The last count goes in with the phase: a finished run never shows an older count. The
      // writes beside this transaction come first, or one of them could overwrite it.
      await progress.flush();
      const lines = run.preview?.lines ?? 0;
      await setProgress(trx, run.id, 'importing', lines, lines);
      await moveRun(trx, run.id, ['importing'], outcome.status, { result });
      return true;
    });
  } catch (error) {
    await progress.flush();
    if (!(error instanceof ImportRejected)) throw error;
    // Found only now (e.g. an overlapping import committed after the check): nothing was stored.
    if (await moveRun(ctx.db, run.id, ['importing'], 'rejected', { problems: error.problems, problemCount: error.problemCount })) await ctx.storage.delete(run.fileKey);
    return;
  }
  if (imported) await ctx.storage.delete(run.fileKey);
}

/** Deletes the runs (and stored files) not confirmed within UNCONFIRMED_RUN_HOURS of the upload. Returns how many. */
export async function deleteUnconfirmedImports(ctx: ImportContext, now = new Date(), batch = 500): Promise<number> {
  const before = new Date(now.getTime() - UNCONFIRMED_RUN_HOURS * 3_600_000).toISOString();
  let total = 0;
  for (;;) {
    const keys = await ctx.db.transaction().execute((trx) => deleteUnconfirmedRuns(trx, before, batch));
    // After the commit: a file whose run is gone is never read again.
    for (const key of keys) await ctx.storage.delete(key);
    total += keys.length;
    if (keys.length < batch) return total;
  }
}

/** The jobs that check and import uploaded files, and delete those never confirmed (KanalModule.jobs). */
export function importJobs(ctx: ImportContext): AnyJobHandler[] {
  return [
    defineJob({
      type: 'contacts.import',
      maxAttempts: MAX_ATTEMPTS,
      backoff: { baseMs: 5_000, maxMs: 60_000 },
      // A million lines take under a minute; leave room for a slow disk.
      timeoutMs: 30 * 60_000,
      async run({ runId }, job) {
        try {
          await advanceRun(ctx, runId);
        } catch (error) {
          if (job.attempt >= MAX_ATTEMPTS) {
            const run = await findRun(ctx.db, runId);
            const message = error instanceof Error ? error.message : String(error);
            if (run && (await moveRun(ctx.db, runId, busyPhases, 'failed', { error: message.slice(0, 500) }))) await ctx.storage.delete(run.fileKey);
          }
          throw error;
        }
      },
    }),
    defineJob({
      type: 'contacts.delete-unconfirmed-imports',
      schedule: '20 * * * *',
      async run(_payload, job) {
        const deleted = await deleteUnconfirmedImports(ctx);
        job.log.info({ deleted }, 'deleted web imports never confirmed, with their files');
      },
    }),
  ];
}
