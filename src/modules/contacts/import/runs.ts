// Import runs: an uploaded file's way through reading, checking, the admin's confirmation
// and the import, with its progress. Kept in the database so every app node and the
// worker see the same state. The figures themselves are written by importer.ts.
import { type Generated, type Migration } from 'kysely';
import { columnTypes, dialectOf, json, now, type Db, type JsonColumn, type Timestamp, type Trx } from '../../../platform/db/index.ts';
import type { Day } from '../../../platform/calendar/index.ts';
import type { Channel } from '../schema.ts';
import type { ImportProblem } from './parse.ts';

/**
 * reading → checking → rejected (problems: nothing stored) | waiting (for the admin) →
 * importing → imported | unchanged (the same file again) | rejected (e.g. an overlap found at
 * import). failed: the job gave up after its last attempt; nothing was stored.
 */
export const runPhases = ['reading', 'checking', 'rejected', 'waiting', 'importing', 'imported', 'unchanged', 'failed'] as const;
export type RunPhase = (typeof runPhases)[number];
/** Phases in which the worker is at work, so the page follows its progress. */
export const busyPhases: readonly RunPhase[] = ['reading', 'checking', 'importing'];

/** What the check found, shown before the admin confirms. */
export interface RunPreview {
  /** Lines in the file, the header included. */
  lines: number;
  rows: number;
  total: number;
  firstDay: Day | null;
  lastDay: Day | null;
  totalsByChannel: Partial<Record<Channel, number>>;
  alreadyImported: boolean;
  /** Earlier imports (file names) this file replaces. */
  replaces: string[];
}

export interface RunResult {
  rows: number;
  total: number;
  replaced: number;
}

type RunTable = {
  id: Generated<number>;
  source: string;
  file_name: string;
  file_key: string;
  file_hash: string;
  size: number;
  phase: RunPhase;
  problem_count: number;
  problems: JsonColumn<ImportProblem[]>;
  preview: JsonColumn<RunPreview | null>;
  result: JsonColumn<RunResult | null>;
  error: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Lines done of all; a table of its own, so progress is written while the import holds the run's row. */
type ProgressTable = {
  run_id: number;
  done: number;
  /** null while the number of lines is not known (an XLSX file before it is read). */
  total: number | null;
  updated_at: Timestamp;
};

type Tables = { contact_import_run: RunTable; contact_import_progress: ProgressTable };
const q = (db: Db) => db.withTables<Tables>();

export const runMigrations: Record<string, Migration> = {
  'contacts-20261127-import-runs': {
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('contact_import_run')
        .addColumn('id', t.identity)
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('file_key', 'text', (c) => c.notNull())
        .addColumn('file_hash', 'text', (c) => c.notNull())
        .addColumn('size', t.bigint, (c) => c.notNull())
        .addColumn('phase', 'text', (c) => c.notNull())
        .addColumn('problem_count', 'integer', (c) => c.notNull())
        .addColumn('problems', t.json, (c) => c.notNull())
        .addColumn('preview', t.json)
        .addColumn('result', t.json)
        .addColumn('error', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('contact_import_progress')
        .addColumn('run_id', t.bigint, (c) => c.primaryKey().references('contact_import_run.id'))
        .addColumn('done', 'integer', (c) => c.notNull())
        .addColumn('total', 'integer')
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('contact_import_progress').execute();
      await db.schema.dropTable('contact_import_run').execute();
    },
  },
};

export interface ImportRun {
  id: number;
  source: string;
  fileName: string;
  fileKey: string;
  fileHash: string;
  size: number;
  phase: RunPhase;
  problemCount: number;
  problems: ImportProblem[];
  preview: RunPreview | null;
  result: RunResult | null;
  error: string | null;
  createdBy: string;
  createdAt: Timestamp;
  done: number;
  total: number | null;
}

export async function insertRun(trx: Trx, run: { source: string; fileName: string; fileKey: string; fileHash: string; size: number; createdBy: string }): Promise<number> {
  const at = now();
  const { id } = await q(trx)
    .insertInto('contact_import_run')
    .values({
      source: run.source,
      file_name: run.fileName,
      file_key: run.fileKey,
      file_hash: run.fileHash,
      size: run.size,
      phase: 'reading',
      problem_count: 0,
      problems: json([]),
      preview: null,
      result: null,
      error: null,
      created_by: run.createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await q(trx).insertInto('contact_import_progress').values({ run_id: id, done: 0, total: null, updated_at: at }).execute();
  return Number(id);
}

export async function findRun(db: Db, id: number): Promise<ImportRun | undefined> {
  const r = await q(db)
    .selectFrom('contact_import_run as r')
    .innerJoin('contact_import_progress as p', 'p.run_id', 'r.id')
    .selectAll('r')
    .select(['p.done', 'p.total'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: Number(r.id),
    source: r.source,
    fileName: r.file_name,
    fileKey: r.file_key,
    fileHash: r.file_hash,
    size: Number(r.size),
    phase: r.phase,
    problemCount: r.problem_count,
    problems: r.problems,
    preview: r.preview,
    result: r.result,
    error: r.error,
    createdBy: r.created_by,
    createdAt: r.created_at,
    done: Number(r.done),
    total: r.total === null ? null : Number(r.total),
  };
}

/**
 * Moves a run from one of `from` to `to` (with the given fields), only if it is still there:
 * a second worker or a double click finds it moved already and changes nothing.
 */
export async function moveRun(
  db: Db | Trx,
  id: number,
  from: readonly RunPhase[],
  to: RunPhase,
  fields: { problems?: ImportProblem[]; problemCount?: number; preview?: RunPreview; result?: RunResult; error?: string } = {},
): Promise<boolean> {
  const result = await q(db)
    .updateTable('contact_import_run')
    .set({
      phase: to,
      updated_at: now(),
      ...(fields.problems && { problems: json(fields.problems), problem_count: fields.problemCount ?? fields.problems.length }),
      ...(fields.preview && { preview: json(fields.preview) }),
      ...(fields.result && { result: json(fields.result) }),
      ...(fields.error !== undefined && { error: fields.error }),
    })
    .where('id', '=', id)
    .where('phase', 'in', from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Progress of a run; written outside the import's transaction (see ProgressTable). */
export async function setProgress(db: Db, id: number, done: number, total: number | null): Promise<void> {
  await q(db).updateTable('contact_import_progress').set({ done, total, updated_at: now() }).where('run_id', '=', id).execute();
}

/**
 * Deletes up to `limit` runs still waiting for the admin's confirmation that were uploaded before
 * `before`, with their progress; returns their files' keys. The rows are locked first on
 * PostgreSQL (SQLite's transaction holds the write lock), so a confirmation at the same moment
 * either moves the run first, and it is kept, or finds it gone.
 */
export async function deleteUnconfirmedRuns(trx: Trx, before: Timestamp, limit: number): Promise<string[]> {
  const runs = await q(trx)
    .selectFrom('contact_import_run')
    .select(['id', 'file_key'])
    .where('phase', '=', 'waiting')
    .where('created_at', '<', before)
    .orderBy('id')
    .limit(limit)
    .$if(dialectOf(trx) === 'postgres', (s) => s.forUpdate())
    .execute();
  if (runs.length === 0) return [];
  const ids = runs.map((r) => r.id);
  await q(trx).deleteFrom('contact_import_progress').where('run_id', 'in', ids).execute();
  await q(trx).deleteFrom('contact_import_run').where('id', 'in', ids).execute();
  return runs.map((r) => r.file_key);
}
