// The contact registry's tables and every query against them.
import { CompiledQuery, sql, type Generated, type Insertable, type RawBuilder, type Selectable } from 'kysely';
import { configChanged, dialectOf, json, lockInTransaction, lockingRows, now, readConfig, type Db, type Frozen, type JsonColumn, type Timestamp, type Trx } from '../../platform/db/index.ts';
import { addDays, type Day } from '../../platform/calendar/days.ts';
import type { AggregateKey, Channel, Contact, DailyAggregate, Direction, Kind, Resolution, Source, Topic } from './schema.ts';
import type { ImportProblem } from './import/parse.ts';
import type { ImportRun, RunPhase, RunPreview, RunResult } from './import/runs.ts';

type ContactTable = {
  id: Generated<number>;
  occurred_at: Timestamp;
  day: Day;
  channel: Channel;
  direction: Direction;
  kind: Kind;
  topic: string;
  service: string | null;
  department: string;
  resolved: Resolution;
  failure_demand: boolean;
  assisted: boolean;
  source: Source;
  batch_id: number | null;
  count: number;
  person: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
};

/** contact_daily's row: a DailyAggregate (schema.ts) under its columns' names. */
type DailyTable = Omit<DailyAggregate, 'failureDemand'> & { failure_demand: boolean };

type ImportTable = {
  id: Generated<number>;
  source: string;
  file_name: string;
  file_hash: string;
  first_day: Day;
  last_day: Day;
  rows: number;
  total: number;
  imported_at: Timestamp;
  imported_by: string | null;
  replaced_at: Timestamp | null;
};

type TopicTable = {
  code: string;
  name: string;
  kle: string;
  department: string;
  handled_by: string | null;
  frequent: boolean;
  active: boolean;
  updated_at: Timestamp;
};

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

type Tables = {
  contact: ContactTable;
  contact_daily: DailyTable;
  contact_import: ImportTable;
  contact_topic: TopicTable;
  contact_import_run: RunTable;
  contact_import_progress: ProgressTable;
};
const q = (db: Db) => db.withTables<Tables>();

export type ContactRow = Insertable<ContactTable>;
export type ImportBatch = Selectable<ImportTable>;

// ---------------------------------------------------------------------------
// Topics

const toTopic = (r: Selectable<TopicTable>): Topic => ({
  code: r.code,
  name: r.name,
  kle: r.kle,
  department: r.department,
  handledBy: r.handled_by,
  frequent: r.frequent,
  active: r.active,
});

const topicRow = (t: Topic, at: Timestamp): TopicTable => ({
  code: t.code,
  name: t.name,
  kle: t.kle,
  department: t.department,
  handled_by: t.handledBy,
  frequent: t.frequent,
  active: t.active,
  updated_at: at,
});

export async function findTopic(db: Db, code: string): Promise<Topic | undefined> {
  const row = await q(db).selectFrom('contact_topic').selectAll().where('code', '=', code).executeTakeFirst();
  return row && toTopic(row);
}

export async function listTopics(db: Db): Promise<Topic[]> {
  const rows = await q(db).selectFrom('contact_topic').selectAll().orderBy('name').execute();
  return rows.map(toTopic);
}

/**
 * The active topics whose KLE number starts with the main group given ('02' finds '02', '02.34',
 * '02.34.02'). Every recorded case contact reads them: kept in memory on PostgreSQL (readConfig).
 */
export function activeTopicsInKleGroup(db: Db, mainGroup: string, options: { fresh?: boolean } = {}): Promise<Frozen<Topic[]>> {
  return readConfig(db, 'contact_topic', mainGroup, async (db) => {
    const rows = await q(db)
      .selectFrom('contact_topic')
      .selectAll()
      .where('active', '=', true)
      .where((eb) => eb.or([eb('kle', '=', mainGroup), eb('kle', 'like', `${mainGroup}.%`)]))
      .orderBy('name')
      .execute();
    return rows.map(toTopic);
  }, options);
}

export async function insertTopic(trx: Trx, topic: Topic, at: Timestamp): Promise<void> {
  await q(trx).insertInto('contact_topic').values(topicRow(topic, at)).execute();
  await configChanged(trx, 'contact_topic');
}

export async function updateTopic(trx: Trx, topic: Topic, at: Timestamp): Promise<boolean> {
  const { code, ...rest } = topicRow(topic, at);
  const result = await q(trx).updateTable('contact_topic').set(rest).where('code', '=', code).executeTakeFirst();
  await configChanged(trx, 'contact_topic');
  return result.numUpdatedRows > 0n;
}

// ---------------------------------------------------------------------------
// Contacts and their daily aggregates

const toContact = (r: Selectable<ContactTable>): Contact => ({
  id: r.id,
  occurredAt: r.occurred_at,
  day: r.day,
  channel: r.channel,
  direction: r.direction,
  kind: r.kind,
  topic: r.topic,
  service: r.service,
  department: r.department,
  resolved: r.resolved,
  failureDemand: r.failure_demand,
  assisted: r.assisted,
  source: r.source,
  batchId: r.batch_id,
  count: r.count,
  person: r.person,
  recordedBy: r.recorded_by,
  createdAt: r.created_at,
});

export async function insertContact(trx: Trx, row: ContactRow): Promise<number> {
  const { id } = await q(trx).insertInto('contact').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function anyRecordedBy(db: Db, recordedBy: string): Promise<boolean> {
  const row = await q(db).selectFrom('contact').select('id').where('recorded_by', '=', recordedBy).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** `lock`: held until the transaction ends (PostgreSQL; SQLite's write transaction is exclusive already). */
export async function findContact(db: Db, id: number, options: { lock?: boolean } = {}): Promise<Contact | undefined> {
  const row = await q(db)
    .selectFrom('contact')
    .selectAll()
    .where('id', '=', id)
    .$call((s) => (options.lock === true ? lockingRows(db, s) : s))
    .executeTakeFirst();
  return row && toContact(row);
}

type Dimensions = Pick<ContactRow, 'channel' | 'direction' | 'kind' | 'topic' | 'department' | 'resolved' | 'failure_demand' | 'assisted'>;

export async function updateContactDimensions(trx: Trx, id: number, dims: Dimensions): Promise<void> {
  await q(trx).updateTable('contact').set(dims).where('id', '=', id).execute();
}

export async function deleteContact(trx: Trx, id: number): Promise<void> {
  await q(trx).deleteFrom('contact').where('id', '=', id).execute();
}

/** A member of staff's own registrations since a moment, newest first. */
export async function contactsRecordedBy(db: Db, recordedBy: string, since: Timestamp, limit: number): Promise<Contact[]> {
  const rows = await q(db)
    .selectFrom('contact')
    .selectAll()
    .where('recorded_by', '=', recordedBy)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toContact);
}

const isPostgres = (db: Db) => dialectOf(db) === 'postgres';

// ---------------------------------------------------------------------------
// Aggregates. contact_daily keys on every dimension and the source, per Copenhagen day;
// the monthly roll-ups key on the few dimensions the dashboards group by, so a year's
// figure reads hundreds of rows, not a million. Every change to the contacts moves all of
// them in the caller's transaction, and always from the contact rows themselves, so no
// table can drift from the others.

/** An aggregate table: counts summed per period (day or month start) and key columns. */
export interface AggregateTable {
  name: string;
  period: 'day' | 'month';
  columns: readonly string[];
}

const keyNames = ['day', 'channel', 'direction', 'kind', 'topic', 'department', 'service', 'resolved', 'failure_demand', 'assisted', 'source'] as const;

const dailyTable: AggregateTable = { name: 'contact_daily', period: 'day', columns: keyNames.slice(1) };

/** The monthly roll-ups, smallest first: aggregateTotals takes the first that has every column a query needs. */
export const rollUps: readonly AggregateTable[] = [
  { name: 'contact_month_channel', period: 'month', columns: ['department', 'channel', 'direction'] },
  { name: 'contact_month_kind', period: 'month', columns: ['department', 'channel', 'direction', 'kind'] },
  { name: 'contact_month_resolution', period: 'month', columns: ['department', 'channel', 'direction', 'resolved', 'failure_demand'] },
  { name: 'contact_month_topic', period: 'month', columns: ['department', 'channel', 'direction', 'kind', 'topic', 'service'] },
];

const aggregateTables = [dailyTable, ...rollUps];

/** The first day of a day's month, in SQL: a date on PostgreSQL, 'YYYY-MM-01' text on SQLite. */
const monthStart = (db: Db, day: RawBuilder<unknown>) => (isPostgres(db) ? sql`(${day} - (extract(day from ${day})::int - 1))` : sql`(substr(${day}, 1, 8) || '01')`);
const monthOf = (day: Day): Day => `${day.slice(0, 8)}01`;

// service is '' in the aggregates when a contact concerned no particular service (so keys stay unique).
const sourceColumn = (c: string) => (c === 'service' ? sql`coalesce(service, '')` : sql.ref(c));
const periodOf = (db: Db, table: AggregateTable) => (table.period === 'day' ? sql.ref('day') : monthStart(db, sql.ref('day')));

/**
 * The upsert that adds (sign 1) or takes away (sign -1) the rows of `from` (contact rows, or
 * daily aggregates, with their where clause) to one aggregate table, grouped to its key.
 */
function addTo(db: Db, table: AggregateTable, from: RawBuilder<unknown>, sign: 1 | -1): RawBuilder<unknown> {
  const names = sql.join([table.period, ...table.columns].map((c) => sql.ref(c)));
  const key = sql.join([periodOf(db, table), ...table.columns.map(sourceColumn)]);
  return sql`insert into ${sql.table(table.name)} (${names}, count)
    select ${key}, ${sql.lit(sign)} * sum(count) from ${from} group by ${key}
    on conflict (${names}) do update set count = ${sql.table(table.name)}.count + excluded.count`;
}

/** Upserts into every aggregate table from one CTE named `changed` (PostgreSQL: one statement, one pass over the rows). */
const upsertAllFromChanged = (db: Db, sign: 1 | -1) =>
  sql.join(aggregateTables.map((table, i) => sql`${sql.raw(`a${i}`)} as (${addTo(db, table, sql`changed where true`, sign)})`));

/**
 * Adds (or takes away) the contacts matching `where` to every aggregate table: on PostgreSQL
 * in one statement reading the rows once, on SQLite one statement per table.
 */
export async function aggregateContacts(trx: Trx, where: RawBuilder<unknown>, sign: 1 | -1): Promise<void> {
  if (isPostgres(trx)) {
    await sql`with changed as (select * from contact where ${where}), ${upsertAllFromChanged(trx, sign)} select 1`.execute(trx);
    return;
  }
  for (const table of aggregateTables) await addTo(trx, table, sql`contact where ${where}`, sign).execute(trx);
}

/**
 * aggregateContacts for many rows (an import batch, a rebuild). SQLite reads the rows twice,
 * not once per table: into the daily aggregates, and into a temporary table summed per month
 * on every roll-up column, from which each (small) roll-up is then filled.
 */
async function aggregateMany(trx: Trx, where: RawBuilder<unknown>, sign: 1 | -1): Promise<void> {
  if (isPostgres(trx)) return aggregateContacts(trx, where, sign);
  await addTo(trx, dailyTable, sql`contact where ${where}`, sign).execute(trx);
  const columns = [...new Set(rollUps.flatMap((r) => r.columns))];
  const key = [monthStart(trx, sql.ref('day')), ...columns.map(sourceColumn)];
  // Named "day" (holding the month's first day) so the roll-ups read it like contact rows.
  await sql`create temp table contact_changed_month as
    select ${sql.join([sql`${key[0]} as day`, ...columns.map((c, i) => sql`${key[i + 1]} as ${sql.ref(c)}`)])}, sum(count) as count
    from contact where ${where} group by ${sql.join(key)}`.execute(trx);
  try {
    for (const table of rollUps) await addTo(trx, table, sql`temp.contact_changed_month where true`, sign).execute(trx);
  } finally {
    await sql`drop table temp.contact_changed_month`.execute(trx);
  }
}

/** Adds (sign 1) or takes away (sign -1) a whole import batch's rows from every aggregate, set-based. */
export function aggregateBatch(trx: Trx, batchId: number, sign: 1 | -1): Promise<void> {
  return aggregateMany(trx, sql`batch_id = ${batchId}`, sign);
}

/** Removes aggregate rows that reached 0 between two days: a recount would not have them. */
export async function deleteEmptyAggregates(trx: Trx, firstDay: Day, lastDay: Day): Promise<void> {
  for (const table of aggregateTables) {
    const [first, last] = table.period === 'day' ? [firstDay, lastDay] : [monthOf(firstDay), monthOf(lastDay)];
    await sql`delete from ${sql.table(table.name)} where ${sql.ref(table.period)} >= ${first} and ${sql.ref(table.period)} <= ${last} and count <= 0`.execute(trx);
  }
}

const recordedColumns = ['occurred_at', 'day', 'channel', 'direction', 'kind', 'topic', 'service', 'resolved', 'failure_demand', 'assisted', 'source', 'count', 'person', 'recorded_by', 'created_at'] as const;
export type RecordedRow = Pick<ContactRow, (typeof recordedColumns)[number]> & { department: string | null };
const pgTypes: Partial<Record<(typeof recordedColumns)[number], string>> = { occurred_at: 'timestamptz', created_at: 'timestamptz', day: 'date', failure_demand: 'boolean', assisted: 'boolean', count: 'integer' };

/**
 * Inserts one contact only if its topic exists and is active, in one statement; the
 * department is the topic's unless the row names one. Returns the inserted row.
 */
function insertIfTopicActive(db: Db, row: RecordedRow): RawBuilder<unknown> {
  // PostgreSQL needs each parameter's type in a select list; SQLite takes them as they are.
  const param = (c: (typeof recordedColumns)[number]) => (isPostgres(db) ? sql`${row[c] ?? null}::${sql.raw(pgTypes[c] ?? 'text')}` : sql`${row[c] ?? null}`);
  const department = isPostgres(db) ? sql`${row.department}::text` : sql`${row.department}`;
  return sql`insert into contact (${sql.join(recordedColumns.map((c) => sql.ref(c)))}, department)
    select ${sql.join(recordedColumns.map(param))}, coalesce(${department}, topic.department)
    from contact_topic topic where topic.code = ${row.topic} and topic.active
    returning *`;
}

/**
 * Records one contact and adds it to every aggregate; undefined (and nothing written) when
 * its topic is unknown or retired. PostgreSQL does it all in one statement (data-modifying
 * CTEs: one round trip); SQLite, in-process, inserts and then upserts each aggregate's row.
 */
export async function recordContact(trx: Trx, row: RecordedRow): Promise<number | undefined> {
  // Building a query costs more than running it here: each statement's text is built once
  // (the first time) and then run with this contact's values, in the same order.
  const parameters = [...recordedColumns.map((c) => row[c] ?? null), row.department, row.topic];
  if (isPostgres(trx)) {
    const text = (recordTexts.postgres ??= sql`with changed as (${insertIfTopicActive(trx, row)}), ${upsertAllFromChanged(trx, 1)} select id from changed`.compile(trx).sql);
    const { rows } = await trx.executeQuery<{ id: number }>(CompiledQuery.raw(text, parameters));
    return rows[0]?.id;
  }
  const text = (recordTexts.sqlite ??= insertIfTopicActive(trx, row).compile(trx).sql);
  const { rows } = await trx.executeQuery<Selectable<ContactTable>>(CompiledQuery.raw(text, parameters));
  const inserted = rows[0];
  if (!inserted) return undefined;
  for (const table of aggregateTables) {
    const values = [table.period === 'day' ? row.day : monthOf(row.day), ...table.columns.map((c) => (c === 'service' ? (inserted.service ?? '') : inserted[c as keyof ContactTable]))];
    await trx.executeQuery(CompiledQuery.raw(upsertRowText(table), [...values, row.count]));
  }
  return inserted.id;
}

const recordTexts: { postgres?: string; sqlite?: string } = {};

// The text of each table's one-row upsert, built once: it is the same for every contact.
const upsertRowTexts = new Map<string, string>();
function upsertRowText(table: AggregateTable): string {
  let text = upsertRowTexts.get(table.name);
  if (text === undefined) {
    const names = [table.period, ...table.columns].map((c) => `"${c}"`).join(', ');
    text = `insert into "${table.name}" (${names}, count) values (${[table.period, ...table.columns, 'count'].map(() => '?').join(', ')})
      on conflict (${names}) do update set count = "${table.name}".count + excluded.count`;
    upsertRowTexts.set(table.name, text);
  }
  return text;
}

/** Recomputes every aggregate and roll-up from the raw rows; the number of daily rows. */
export async function rebuildAggregates(trx: Trx): Promise<number> {
  for (const table of aggregateTables) await sql`delete from ${sql.table(table.name)}`.execute(trx);
  await aggregateMany(trx, sql`true`, 1);
  const { n } = await q(trx).selectFrom('contact_daily').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return n;
}

/** What a recount of the raw rows gives for one aggregate table, without changing anything (for checks and tests). */
async function recountTable(db: Db, table: AggregateTable): Promise<Record<string, unknown>[]> {
  const key = [periodOf(db, table), ...table.columns.map(sourceColumn)];
  const selection = sql.join([...key.map((k, i) => sql`${k} as ${sql.ref([table.period, ...table.columns][i]!)}`), sql`sum(count) as count`]);
  const { rows } = await sql<Record<string, unknown>>`select ${selection} from contact group by ${sql.join(key)}`.execute(db);
  return rows;
}

const toAggregate = ({ failure_demand, ...r }: Selectable<DailyTable>): DailyAggregate => ({ ...r, failureDemand: Boolean(failure_demand), assisted: Boolean(r.assisted), count: Number(r.count) });

export async function recount(db: Db): Promise<DailyAggregate[]> {
  return (await recountTable(db, dailyTable)).map((r) => toAggregate(r as Selectable<DailyTable>));
}

/** A roll-up's rows as comparable text ('month|column values|count'), stored or recounted. */
export async function rollUpRows(db: Db, table: AggregateTable, from: 'stored' | 'recount'): Promise<string[]> {
  const rows = from === 'recount' ? await recountTable(db, table) : (await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db)).rows;
  const text = (v: unknown) => (typeof v === 'boolean' || typeof v === 'number' ? String(Number(v)) : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
  return rows.map((r) => [r.month, ...table.columns.map((c) => r[c]), r.count].map(text).join('|')).sort();
}

export async function allAggregates(db: Db): Promise<DailyAggregate[]> {
  const rows = await q(db).selectFrom('contact_daily').selectAll().execute();
  return rows.map(toAggregate);
}

export interface TallyTotal {
  channel: Channel;
  kind: Kind;
  topic: string;
  count: number;
}

/** Totals by channel, kind and topic over a span of days, from the aggregates. */
export async function totalsByChannelKindTopic(db: Db, firstDay: Day, lastDay: Day, source: Source): Promise<TallyTotal[]> {
  const rows = await q(db)
    .selectFrom('contact_daily')
    .select(['channel', 'kind', 'topic', (eb) => eb.fn.sum<number>('count').as('count')])
    .where('day', '>=', firstDay)
    .where('day', '<=', lastDay)
    .where('source', '=', source)
    .groupBy(['channel', 'kind', 'topic'])
    .execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

// ---------------------------------------------------------------------------
// Import batches

/** Holds the imports of one source to one at a time until the transaction ends, across app nodes. */
export function lockImportSource(trx: Trx, source: string): Promise<void> {
  return lockInTransaction(trx, 'contacts.import', source);
}

export async function findBatchByHash(db: Db, source: string, hash: string): Promise<ImportBatch | undefined> {
  return q(db).selectFrom('contact_import').selectAll().where('source', '=', source).where('file_hash', '=', hash).where('replaced_at', 'is', null).executeTakeFirst();
}

/** Batches of the same source still counted whose period overlaps the given one. */
export async function overlappingBatches(db: Db, source: string, firstDay: Day, lastDay: Day): Promise<ImportBatch[]> {
  return q(db)
    .selectFrom('contact_import')
    .selectAll()
    .where('source', '=', source)
    .where('replaced_at', 'is', null)
    .where('first_day', '<=', lastDay)
    .where('last_day', '>=', firstDay)
    .orderBy('id')
    .execute();
}

export async function insertBatch(trx: Trx, batch: Insertable<ImportTable>): Promise<number> {
  const { id } = await q(trx).insertInto('contact_import').values(batch).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function finishBatch(trx: Trx, id: number, figures: Pick<ImportTable, 'first_day' | 'last_day' | 'rows' | 'total'>): Promise<void> {
  await q(trx).updateTable('contact_import').set(figures).where('id', '=', id).execute();
}

export async function markBatchReplaced(trx: Trx, id: number, at: Timestamp): Promise<void> {
  await q(trx).updateTable('contact_import').set({ replaced_at: at }).where('id', '=', id).execute();
}

export async function deleteBatchContacts(trx: Trx, batchId: number): Promise<void> {
  await q(trx).deleteFrom('contact').where('batch_id', '=', batchId).execute();
}

export async function listBatches(db: Db, limit: number): Promise<ImportBatch[]> {
  return q(db).selectFrom('contact_import').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

const importColumns = ['occurred_at', 'day', 'channel', 'direction', 'kind', 'topic', 'service', 'department', 'resolved', 'failure_demand', 'assisted', 'source', 'batch_id', 'count', 'created_at'] as const;
export type ImportedRow = Pick<ContactRow, (typeof importColumns)[number]>;

/** Rows per insert statement for imports. */
export const importChunkSize = (db: Db) => (isPostgres(db) ? 5000 : 1000);

/**
 * Inserts many rows fast. PostgreSQL takes a chunk as one array per column (unnest),
 * SQLite a multi-row insert; both avoid building a query object per row.
 */
export async function insertImportedRows(trx: Trx, rows: readonly ImportedRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (isPostgres(trx)) {
    const col = <K extends (typeof importColumns)[number]>(k: K) => rows.map((r) => r[k]);
    await sql`insert into contact (${sql.join(importColumns.map((c) => sql.ref(c)))})
      select * from unnest(
        ${col('occurred_at')}::timestamptz[], ${col('day')}::date[], ${col('channel')}::text[], ${col('direction')}::text[],
        ${col('kind')}::text[], ${col('topic')}::text[], ${col('service')}::text[], ${col('department')}::text[],
        ${col('resolved')}::text[], ${col('failure_demand')}::boolean[], ${col('assisted')}::boolean[], ${col('source')}::text[],
        ${col('batch_id')}::bigint[], ${col('count')}::integer[], ${col('created_at')}::timestamptz[])`.execute(trx);
    return;
  }
  const values = sql.join(rows.map((r) => sql`(${sql.join(importColumns.map((c) => r[c]))})`));
  await sql`insert into contact (${sql.join(importColumns.map((c) => sql.ref(c)))}) values ${values}`.execute(trx);
}

// ---------------------------------------------------------------------------
// Import runs (import/runs.ts)

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

/**
 * Progress of a run in `phase`; written beside the import's transaction while it runs (see
 * ProgressTable), and in it at the end. Written only while the run is in that phase: a worker
 * still checking a run another one has finished (a job retried after its lease ran out) must not
 * overwrite the count of the import the admin has confirmed since.
 */
export async function setProgress(db: Db | Trx, id: number, phase: RunPhase, done: number, total: number | null): Promise<void> {
  await q(db)
    .updateTable('contact_import_progress')
    .set({ done, total, updated_at: now() })
    .where('run_id', '=', id)
    .where((eb) => eb.exists(eb.selectFrom('contact_import_run').select('id').where('id', '=', id).where('phase', '=', phase)))
    .execute();
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
    .$call((s) => lockingRows(trx, s))
    .execute();
  if (runs.length === 0) return [];
  const ids = runs.map((r) => r.id);
  await q(trx).deleteFrom('contact_import_progress').where('run_id', 'in', ids).execute();
  await q(trx).deleteFrom('contact_import_run').where('id', 'in', ids).execute();
  return runs.map((r) => r.file_key);
}

// ---------------------------------------------------------------------------
// Totals for channel insights

/** The dimensions totals can be grouped by (the aggregate key without its source, and the month). */
export const totalDimensions = ['day', 'month', 'channel', 'direction', 'kind', 'topic', 'department', 'service', 'resolved', 'failureDemand', 'assisted'] as const;
export type TotalDimension = (typeof totalDimensions)[number];

export interface TotalsQuery {
  firstDay: Day;
  lastDay: Day;
  /** Group by these dimensions; the rows carry them and the summed count. */
  by: readonly TotalDimension[];
  /** Only this department's contacts. */
  department?: string;
  direction?: Direction;
}

/** One group's total: the grouped dimensions are set, the others are absent. `month` is 'YYYY-MM'. */
export type TotalRow = Partial<Omit<AggregateKey, 'source'>> & { month?: string; count: number };

const dimensionColumn: Record<Exclude<TotalDimension, 'month'>, string> = {
  day: 'day',
  channel: 'channel',
  direction: 'direction',
  kind: 'kind',
  topic: 'topic',
  department: 'department',
  service: 'service',
  resolved: 'resolved',
  failureDemand: 'failure_demand',
  assisted: 'assisted',
};

const rawTable: AggregateTable = { name: 'contact', period: 'day', columns: dailyTable.columns };

/** Totals from one table over days firstDay–lastDay (whole months of them for a roll-up). */
async function totalsFrom(db: Db, table: AggregateTable, query: TotalsQuery): Promise<TotalRow[]> {
  const column = (d: TotalDimension) => (d !== 'month' ? sourceColumn(dimensionColumn[d]) : table.period === 'month' ? sql.ref('month') : monthStart(db, sql.ref('day')));
  const selection = query.by.map((d) => sql`${column(d)} as ${sql.ref(d)}`);
  const [first, last] = table.period === 'day' ? [query.firstDay, query.lastDay] : [monthOf(query.firstDay), monthOf(query.lastDay)];
  const filters = [sql`${sql.ref(table.period)} >= ${first}`, sql`${sql.ref(table.period)} <= ${last}`];
  if (query.department !== undefined) filters.push(sql`department = ${query.department}`);
  if (query.direction !== undefined) filters.push(sql`direction = ${query.direction}`);
  const grouping = query.by.length > 0 ? sql`group by ${sql.join(query.by.map(column))}` : sql``;
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join([...selection, sql`sum(count) as count`])}
    from ${sql.table(table.name)} where ${sql.join(filters, sql` and `)} ${grouping}`.execute(db);
  const result: TotalRow[] = [];
  for (const r of rows) {
    if (r.count === null) continue; // sum over no rows
    const row: Record<string, unknown> = {};
    for (const d of query.by) row[d] = d === 'failureDemand' || d === 'assisted' ? Boolean(r[d]) : d === 'day' ? dayText(r[d]) : d === 'month' ? dayText(r[d]).slice(0, 7) : r[d];
    row.count = Number(r.count);
    result.push(row as TotalRow);
  }
  return result;
}

// pg hands a date column back as text through the platform's type parser, but be sure.
const dayText = (v: unknown): Day => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** The whole months inside a span of days (first day of the first, last day of the last), if any. */
function wholeMonths(firstDay: Day, lastDay: Day): { firstDay: Day; lastDay: Day } | undefined {
  const first = firstDay.endsWith('-01') ? firstDay : monthOf(addDays(monthOf(firstDay), 31));
  const last = addDays(lastDay, 1).endsWith('-01') ? lastDay : addDays(monthOf(lastDay), -1);
  return first <= last ? { firstDay: first, lastDay: last } : undefined;
}

/** Sums rows of several parts that have the same grouped dimensions. */
function mergeTotals(parts: TotalRow[][], by: readonly TotalDimension[]): TotalRow[] {
  if (parts.length === 1) return parts[0]!;
  const merged = new Map<string, TotalRow>();
  for (const row of parts.flat()) {
    const key = JSON.stringify(by.map((d) => row[d]));
    const seen = merged.get(key);
    if (seen) seen.count += row.count;
    else merged.set(key, { ...row });
  }
  return [...merged.values()];
}

/**
 * Summed counts over a span of Copenhagen days, grouped as asked, from the smallest table
 * that answers: whole months from the first roll-up that has every column the query
 * groups or filters by, the days before and after them from the daily aggregates.
 */
export async function aggregateTotals(db: Db, query: TotalsQuery): Promise<TotalRow[]> {
  const needed = query.by.filter((d) => d !== 'month').map((d) => dimensionColumn[d]);
  if (query.department !== undefined) needed.push('department');
  if (query.direction !== undefined) needed.push('direction');
  const rollUp = rollUps.find((r) => needed.every((c) => r.columns.includes(c)));
  const months = rollUp && wholeMonths(query.firstDay, query.lastDay);
  if (!rollUp || !months) return totalsFrom(db, dailyTable, query);
  const parts = [await totalsFrom(db, rollUp, { ...query, ...months })];
  if (query.firstDay < months.firstDay) parts.push(await totalsFrom(db, dailyTable, { ...query, lastDay: addDays(months.firstDay, -1) }));
  if (months.lastDay < query.lastDay) parts.push(await totalsFrom(db, dailyTable, { ...query, firstDay: addDays(months.lastDay, 1) }));
  return mergeTotals(parts, query.by);
}

/** The same totals summed from the raw contacts: slow, for checks and benchmarks only. */
export function rawContactTotals(db: Db, query: TotalsQuery): Promise<TotalRow[]> {
  return totalsFrom(db, rawTable, query);
}
