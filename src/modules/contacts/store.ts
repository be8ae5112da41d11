// The contact registry's tables and every query against them.
import { sql, type Generated, type Insertable, type Selectable } from 'kysely';
import { dialectOf, type Db, type Timestamp, type Trx } from '../../platform/db/index.ts';
import type { Day } from '../../platform/calendar/index.ts';
import type { AggregateKey, Channel, Contact, DailyAggregate, Direction, Kind, Resolution, Source, Topic } from './schema.ts';

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

type DailyTable = {
  day: Day;
  channel: Channel;
  direction: Direction;
  kind: Kind;
  topic: string;
  department: string;
  service: string;
  resolved: Resolution;
  failure_demand: boolean;
  assisted: boolean;
  source: Source;
  count: number;
};

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

type Tables = { contact: ContactTable; contact_daily: DailyTable; contact_import: ImportTable; contact_topic: TopicTable };
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

export async function insertTopic(trx: Trx, topic: Topic, at: Timestamp): Promise<void> {
  await q(trx).insertInto('contact_topic').values(topicRow(topic, at)).execute();
}

export async function updateTopic(trx: Trx, topic: Topic, at: Timestamp): Promise<boolean> {
  const { code, ...rest } = topicRow(topic, at);
  const result = await q(trx).updateTable('contact_topic').set(rest).where('code', '=', code).executeTakeFirst();
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

export async function findContact(db: Db, id: number): Promise<Contact | undefined> {
  const row = await q(db).selectFrom('contact').selectAll().where('id', '=', id).executeTakeFirst();
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

const keyColumns = (k: AggregateKey) => ({
  day: k.day,
  channel: k.channel,
  direction: k.direction,
  kind: k.kind,
  topic: k.topic,
  department: k.department,
  service: k.service,
  resolved: k.resolved,
  failure_demand: k.failureDemand,
  assisted: k.assisted,
  source: k.source,
});

const keyNames = ['day', 'channel', 'direction', 'kind', 'topic', 'department', 'service', 'resolved', 'failure_demand', 'assisted', 'source'] as const;

/** Adds delta to one aggregate row (creating it); a row that reaches 0 is removed, as a recount would not have it. */
export async function addToAggregate(trx: Trx, key: AggregateKey, delta: number): Promise<void> {
  const columns = keyColumns(key);
  await q(trx)
    .insertInto('contact_daily')
    .values({ ...columns, count: delta })
    .onConflict((oc) => oc.columns(keyNames).doUpdateSet({ count: sql<number>`contact_daily.count + excluded.count` }))
    .execute();
  if (delta < 0) {
    let del = q(trx).deleteFrom('contact_daily').where('count', '<=', 0);
    for (const name of keyNames) del = del.where(name, '=', columns[name]);
    await del.execute();
  }
}

// service is '' in the aggregates when a contact concerned no particular service.
const aggregateGrouping = sql.join(keyNames.map((n) => (n === 'service' ? sql`coalesce(service, '')` : sql.ref(n))));
const aggregateSelection = sql.join(keyNames.map((n) => (n === 'service' ? sql`coalesce(service, '') as service` : sql.ref(n))));

/** Adds (sign 1) or takes away (sign -1) a whole import batch's rows from the aggregates in one statement. */
export async function aggregateBatch(trx: Trx, batchId: number, sign: 1 | -1): Promise<void> {
  await sql`insert into contact_daily (${sql.join(keyNames.map((n) => sql.ref(n)))}, count)
    select ${aggregateSelection}, ${sql.lit(sign)} * sum(count) from contact where batch_id = ${batchId}
    group by ${aggregateGrouping}
    on conflict (${sql.join(keyNames.map((n) => sql.ref(n)))}) do update set count = contact_daily.count + excluded.count`.execute(trx);
}

export async function deleteEmptyAggregates(trx: Trx, firstDay: Day, lastDay: Day): Promise<void> {
  await q(trx).deleteFrom('contact_daily').where('day', '>=', firstDay).where('day', '<=', lastDay).where('count', '<=', 0).execute();
}

/** Recomputes every aggregate from the raw rows. */
export async function rebuildAggregates(trx: Trx): Promise<number> {
  await q(trx).deleteFrom('contact_daily').execute();
  await sql`insert into contact_daily (${sql.join(keyNames.map((n) => sql.ref(n)))}, count)
    select ${aggregateSelection}, sum(count) from contact group by ${aggregateGrouping}`.execute(trx);
  const { n } = await q(trx).selectFrom('contact_daily').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return n;
}

/** What a recount of the raw rows gives, without changing anything (for checks and tests). */
export async function recount(db: Db): Promise<DailyAggregate[]> {
  const { rows } = await sql<Selectable<DailyTable>>`select ${aggregateSelection}, sum(count) as count from contact group by ${aggregateGrouping}`.execute(db);
  return rows.map(toAggregate);
}

const toAggregate = (r: Selectable<DailyTable>): DailyAggregate => ({
  day: r.day,
  channel: r.channel,
  direction: r.direction,
  kind: r.kind,
  topic: r.topic,
  department: r.department,
  service: r.service,
  resolved: r.resolved,
  failureDemand: Boolean(r.failure_demand),
  assisted: Boolean(r.assisted),
  source: r.source,
  count: Number(r.count),
});

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

const isPostgres = (db: Db) => dialectOf(db) === 'postgres';

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
// Totals for channel insights

/** The dimensions totals can be grouped by (the aggregate key without its source). */
export const totalDimensions = ['day', 'channel', 'direction', 'kind', 'topic', 'department', 'service', 'resolved', 'failureDemand', 'assisted'] as const;
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

/** One group's total: the grouped dimensions are set, the others are absent. */
export type TotalRow = Partial<Omit<AggregateKey, 'source'>> & { count: number };

const dimensionColumn: Record<TotalDimension, string> = {
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

async function totalsFrom(db: Db, table: 'contact_daily' | 'contact', query: TotalsQuery): Promise<TotalRow[]> {
  // The raw table keeps "no service" as null, the aggregates as ''.
  const column = (d: TotalDimension) => (table === 'contact' && d === 'service' ? sql`coalesce(service, '')` : sql.ref(dimensionColumn[d]));
  const selection = query.by.map((d) => sql`${column(d)} as ${sql.ref(d)}`);
  const filters = [sql`day >= ${query.firstDay}`, sql`day <= ${query.lastDay}`];
  if (query.department !== undefined) filters.push(sql`department = ${query.department}`);
  if (query.direction !== undefined) filters.push(sql`direction = ${query.direction}`);
  const grouping = query.by.length > 0 ? sql`group by ${sql.join(query.by.map(column))}` : sql``;
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join([...selection, sql`sum(count) as count`])}
    from ${sql.table(table)} where ${sql.join(filters, sql` and `)} ${grouping}`.execute(db);
  const result: TotalRow[] = [];
  for (const r of rows) {
    if (r.count === null) continue; // sum over no rows
    const row: Record<string, unknown> = {};
    for (const d of query.by) row[d] = d === 'failureDemand' || d === 'assisted' ? Boolean(r[d]) : d === 'day' ? dayText(r[d]) : r[d];
    row.count = Number(r.count);
    result.push(row as TotalRow);
  }
  return result;
}

// pg hands a date column back as text through the platform's type parser, but be sure.
const dayText = (v: unknown): Day => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** Summed counts over a span of Copenhagen days, grouped as asked, from the daily aggregates. */
export function aggregateTotals(db: Db, query: TotalsQuery): Promise<TotalRow[]> {
  return totalsFrom(db, 'contact_daily', query);
}

/** The same totals summed from the raw contacts: slow, for checks and benchmarks only. */
export function rawContactTotals(db: Db, query: TotalsQuery): Promise<TotalRow[]> {
  return totalsFrom(db, 'contact', query);
}
