// Importing aggregated figures: all or nothing, the same file twice changes nothing,
// a corrected file for the same source and period replaces the earlier one.
import { createHash } from 'node:crypto';
import { startOfCopenhagenDay, type Day } from '../../../platform/calendar/index.ts';
import { now, type Db, type Trx } from '../../../platform/db/index.ts';
import { KanalError } from '../../../platform/http/errors.ts';
import type { Progress } from '../../../platform/module.ts';
import type { Channel } from '../schema.ts';
import * as store from '../store.ts';
import { countLines, isXlsx, readFigures, type FigureRow, type ImportProblem } from './parse.ts';

/** Where imported figures come from; a corrected file replaces the earlier one of the same source. */
export const importSources = ['telefoni', 'nummersystem', 'webstatistik', 'post', 'byg-og-miljoe', 'komhen', 'andet'] as const;
export type ImportSource = (typeof importSources)[number];
export const isImportSource = (v: unknown): v is ImportSource => typeof v === 'string' && (importSources as readonly string[]).includes(v);

/** The file cannot be imported; `problems` says where and why (in Danish). Nothing was stored. */
export class ImportRejected extends KanalError {
  constructor(
    readonly problems: ImportProblem[],
    readonly problemCount = problems.length,
  ) {
    super('validation_failed', `The file was not imported: ${problemCount} problem(s), first: line ${problems[0]?.line}: ${problems[0]?.problem}`);
    this.name = 'ImportRejected';
  }
}

/** How often (in good lines) the preview reports progress. */
const PROGRESS_EVERY = 5000;

export const fileHash = (file: Uint8Array) => createHash('sha256').update(file).digest('hex');

export interface ImportRequest {
  file: Buffer;
  fileName: string;
  source: ImportSource;
  importedBy?: string | null;
  /**
   * The municipality's department ids (KANAL_DEPARTMENTS), the only ones a line may name.
   * The web page and `kanal import` pass them; without them, the departments of the topic list.
   */
  departments?: readonly string[] | undefined;
  progress?: Progress;
}

/** What the file is checked against: the active topics and the departments lines may name. */
async function readOptions(db: Db | Trx, departments: readonly string[] | undefined) {
  const topics = await store.listTopics(db);
  return { topics, departments: departments ?? [...new Set(topics.map((t) => t.department))] };
}

export type ImportOutcome =
  | { status: 'unchanged'; batchId: number }
  | { status: 'imported'; batchId: number; rows: number; total: number; firstDay: Day; lastDay: Day; replaced: number[] };

/** Figures from the same source for an overlapping but different period would be counted twice. */
function overlapProblem(batches: store.ImportBatch[], firstDay: Day, lastDay: Day): ImportProblem | undefined {
  const other = batches.find((b) => b.first_day !== firstDay || b.last_day !== lastDay);
  if (!other) return undefined;
  return {
    line: 0,
    column: '',
    problem: `Perioden ${firstDay} – ${lastDay} overlapper en tidligere import fra samme kilde (${other.file_name}, ${other.first_day} – ${other.last_day}) uden at være den samme periode. Ret perioden, eller importér en rettet fil for hele perioden ${other.first_day} – ${other.last_day}.`,
  };
}

/**
 * Imports a file of figures in the caller's transaction. Throws ImportRejected with every
 * problem found; the caller's transaction then rolls back, so nothing is stored.
 */
export async function importFigures(trx: Trx, request: ImportRequest): Promise<ImportOutcome> {
  const hash = fileHash(request.file);
  // A second import of the source (the same file in two tabs, the web and `kanal import`) waits
  // here for the first to commit, then finds the file imported, or the batch it replaced gone.
  await store.lockImportSource(trx, request.source);
  const existing = await store.findBatchByHash(trx, request.source, hash);
  if (existing) return { status: 'unchanged', batchId: existing.id };

  const at = now();
  const batchId = await store.insertBatch(trx, {
    source: request.source,
    file_name: request.fileName,
    file_hash: hash,
    first_day: '1970-01-01',
    last_day: '1970-01-01',
    rows: 0,
    total: 0,
    imported_at: at,
    imported_by: request.importedBy ?? null,
    replaced_at: null,
  });
  const size = store.importChunkSize(trx);
  const lines = isXlsx(request.file) ? 0 : countLines(request.file);
  let chunk: store.ImportedRow[] = [];
  let firstDay: Day | undefined;
  let lastDay: Day | undefined;
  let total = 0;
  const flush = async (line: number) => {
    await store.insertImportedRows(trx, chunk);
    chunk = [];
    request.progress?.(line, Math.max(lines, line), 'Importerer linjer');
  };
  const occurredAt = new Map<Day, string>();
  const result = await readFigures(request.file, await readOptions(trx, request.departments), async (row: FigureRow) => {
    if (firstDay === undefined || row.day < firstDay) firstDay = row.day;
    if (lastDay === undefined || row.day > lastDay) lastDay = row.day;
    total += row.count;
    let at0 = occurredAt.get(row.day);
    if (!at0) occurredAt.set(row.day, (at0 = startOfCopenhagenDay(row.day).toISOString()));
    chunk.push({
      occurred_at: at0,
      day: row.day,
      channel: row.channel,
      direction: row.direction,
      kind: row.kind,
      topic: row.topic,
      service: null,
      department: row.department,
      resolved: 'unknown',
      failure_demand: false,
      assisted: false,
      source: 'import',
      batch_id: batchId,
      count: row.count,
      created_at: at,
    });
    if (chunk.length >= size) await flush(row.line);
  });
  // Rows written before a problem was found go with the caller's transaction when it rolls back.
  if (result.problemCount > 0 || firstDay === undefined || lastDay === undefined) throw new ImportRejected(result.problems, result.problemCount);
  await flush(Math.max(lines, 1));

  const earlier = (await store.overlappingBatches(trx, request.source, firstDay, lastDay)).filter((b) => b.id !== batchId);
  const overlap = overlapProblem(earlier, firstDay, lastDay);
  if (overlap) throw new ImportRejected([overlap]);
  for (const old of earlier) {
    await store.aggregateBatch(trx, old.id, -1);
    await store.deleteBatchContacts(trx, old.id);
    await store.markBatchReplaced(trx, old.id, at);
  }
  await store.finishBatch(trx, batchId, { first_day: firstDay, last_day: lastDay, rows: result.rows, total });
  await store.aggregateBatch(trx, batchId, 1);
  if (earlier.length > 0) await store.deleteEmptyAggregates(trx, firstDay, lastDay);
  return { status: 'imported', batchId, rows: result.rows, total, firstDay, lastDay, replaced: earlier.map((b) => b.id) };
}

export interface ImportPreview {
  fileName: string;
  hash: string;
  problems: ImportProblem[];
  problemCount: number;
  /** Lines read, the header included. */
  lines: number;
  rows: number;
  total: number;
  firstDay: Day | undefined;
  lastDay: Day | undefined;
  totalsByChannel: Partial<Record<Channel, number>>;
  /** The same file from the same source is already imported: importing again changes nothing. */
  alreadyImported: boolean;
  /** Earlier imports this file would replace (same source, same period). */
  replaces: store.ImportBatch[];
}

export type PreviewRequest = Pick<ImportRequest, 'file' | 'fileName' | 'source' | 'departments' | 'progress'>;

/** Reads the file without storing anything: what an import would do, and every problem. */
export async function previewImport(db: Db, request: PreviewRequest): Promise<ImportPreview> {
  const { file, fileName, source } = request;
  const hash = fileHash(file);
  const totalsByChannel: Partial<Record<Channel, number>> = {};
  let firstDay: Day | undefined;
  let lastDay: Day | undefined;
  let total = 0;
  const lines = isXlsx(file) ? 0 : countLines(file);
  let checked = 0;
  const result = await readFigures(file, await readOptions(db, request.departments), (row) => {
    if (++checked % PROGRESS_EVERY === 0) request.progress?.(row.line, Math.max(lines, row.line), 'Kontrollerer linjer');
    if (firstDay === undefined || row.day < firstDay) firstDay = row.day;
    if (lastDay === undefined || row.day > lastDay) lastDay = row.day;
    total += row.count;
    totalsByChannel[row.channel] = (totalsByChannel[row.channel] ?? 0) + row.count;
  });
  const alreadyImported = (await store.findBatchByHash(db, source, hash)) !== undefined;
  let replaces: store.ImportBatch[] = [];
  const problems = [...result.problems];
  let problemCount = result.problemCount;
  if (problemCount === 0 && firstDay && lastDay && !alreadyImported) {
    replaces = await store.overlappingBatches(db, source, firstDay, lastDay);
    const overlap = overlapProblem(replaces, firstDay, lastDay);
    if (overlap) {
      problems.push(overlap);
      problemCount++;
      replaces = [];
    }
  }
  return { fileName, hash, problems, problemCount, lines: result.lines, rows: result.rows, total, firstDay, lastDay, totalsByChannel, alreadyImported, replaces };
}
