// The only file that queries the cases module's tables.
import { sql, type ExpressionBuilder, type Generated, type Insertable, type Kysely, type Selectable } from 'kysely';
import { configChanged, dialectOf, lockingRows, readConfig, type Db, type Frozen, type JsonColumn, type Timestamp, type Trx } from '../../platform/db/index.ts';
import type { Day } from '../../platform/calendar/index.ts';
import { caseStatuses, type CaseStatus } from './status.ts';
import type { Actor, Attachment, CaseRecord, Decision, Letter, Party, Priority, Submission, TimelineEntry, TimelineKind } from './schema.ts';

type CasesTable = {
  id: Generated<number>;
  reference: string;
  title: string;
  service: string;
  kle: string;
  kle_action: string | null;
  department: string;
  party_kind: 'person' | 'business' | 'anonymous';
  party_cpr: string | null;
  party_cvr: string | null;
  party_name: string;
  party_name_key: string;
  contact_email: string | null;
  contact_phone: string | null;
  status: CaseStatus;
  assignee: string | null;
  assignee_name: string | null;
  priority: Priority;
  deadline: Day;
  deadline_paused_at: Timestamp | null;
  submission: JsonColumn<Submission>;
  received_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
  transfer_count: Generated<number>;
  handoff_confirmed_at: Timestamp | null;
  handoff_reference: string | null;
};

type TimelineTable = {
  id: Generated<number>;
  case_id: number;
  at: Timestamp;
  kind: TimelineKind;
  public: boolean;
  actor_kind: Actor['kind'];
  actor_id: string | null;
  actor_name: string | null;
  details: JsonColumn<unknown>;
};

type AttachmentsTable = {
  id: Generated<number>;
  case_id: number;
  timeline_id: number;
  file_key: string;
  filename: string;
  content_type: string;
  size: number;
  public: boolean;
  created_at: Timestamp;
};

type LettersTable = {
  id: Generated<number>;
  case_id: number;
  timeline_id: number;
  kind: 'message' | 'decision';
  subject: string;
  body: string;
  decision: JsonColumn<Decision | null>;
  channel: 'overview';
  sender_name: string;
  sent_at: Timestamp;
  read_at: Timestamp | null;
};

type ApiKeysTable = {
  id: Generated<number>;
  name: string;
  key_prefix: string;
  key_hash: string;
  departments: JsonColumn<string[]>;
  created_by: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
};

type WebhooksTable = {
  id: Generated<number>;
  name: string;
  url: string;
  secret: string;
  departments: JsonColumn<string[]>;
  active: boolean;
  created_at: Timestamp;
};

type DeliveriesTable = {
  id: Generated<number>;
  webhook_id: number;
  event_id: string;
  event: string;
  case_id: number;
  payload: JsonColumn<unknown>;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
};

type CasesTables = {
  case_status_counts: { department: string; status: CaseStatus; n: number };
  case_reference_counters: { year: number; last_number: number };
  cases: CasesTable;
  case_timeline: TimelineTable;
  case_attachments: AttachmentsTable;
  case_letters: LettersTable;
  case_api_keys: ApiKeysTable;
  case_webhooks: WebhooksTable;
  case_webhook_deliveries: DeliveriesTable;
};

const q = (db: Db | Trx): Kysely<CasesTables> => db.withTables<CasesTables>();

export type CaseRow = Selectable<CasesTable>;
export type NewCaseRow = Omit<Insertable<CasesTable>, 'reference'>;

// ---- references ----

/**
 * Takes the next number of the year. On SQLite from a counter row, updated in the case's own
 * transaction (SQLite has one writer at a time anyway). On PostgreSQL from a sequence per year:
 * a counter row would stay locked until the case's transaction commits, so cases created at the
 * same moment — a morning's self-service submissions — would each wait for the one before. A
 * sequence never waits; the price is that a number taken by a transaction that rolls back is
 * skipped, so a year's numbers may have gaps.
 */
export async function takeReferenceNumber(trx: Trx, year: number): Promise<number> {
  if (dialectOf(trx) === 'postgres') return takeFromSequence(trx, year);
  const row = await q(trx)
    .insertInto('case_reference_counters')
    .values({ year, last_number: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last_number: sql<number>`case_reference_counters.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

/** The sequence of a year's case numbers on PostgreSQL (created by the year's first case). */
const referenceSequence = (year: number) => `case_reference_${Math.trunc(year)}`;

async function takeFromSequence(trx: Trx, year: number): Promise<number> {
  const name = referenceSequence(year);
  // nextval(null) is null: no error (which would end the transaction) when the sequence is missing.
  const taken = await sql<{ n: number | null }>`select nextval(to_regclass(${name})) as n`.execute(trx);
  if (taken.rows[0]?.n != null) return taken.rows[0].n;
  // The year's first case. Another node making the same sequence at once holds its name until
  // it commits; then this one fails on the name, and uses that sequence instead.
  await sql`savepoint case_reference_sequence`.execute(trx);
  try {
    await sql`create sequence if not exists ${sql.id(name)}`.execute(trx);
    await sql`release savepoint case_reference_sequence`.execute(trx);
  } catch (error) {
    if (!['23505', '42P07'].includes((error as { code?: string }).code ?? '')) throw error;
    await sql`rollback to savepoint case_reference_sequence`.execute(trx);
  }
  const { rows } = await sql<{ n: number }>`select nextval(${name}::regclass) as n`.execute(trx);
  return rows[0]!.n;
}

// ---- cases ----

export function toCase(row: CaseRow): CaseRecord {
  const contact = { email: row.contact_email, phone: row.contact_phone };
  const party: Party =
    row.party_kind === 'person'
      ? { kind: 'person', cpr: row.party_cpr!, name: row.party_name, ...contact }
      : row.party_kind === 'business'
        ? { kind: 'business', cvr: row.party_cvr!, name: row.party_name, ...contact }
        : { kind: 'anonymous', name: row.party_name, ...contact };
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    service: row.service,
    kle: row.kle,
    kleAction: row.kle_action,
    department: row.department,
    party,
    status: row.status,
    assignee: row.assignee === null ? null : { id: row.assignee, name: row.assignee_name ?? row.assignee },
    priority: row.priority,
    deadline: row.deadline,
    deadlinePausedAt: row.deadline_paused_at,
    submission: row.submission,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    transferCount: row.transfer_count,
    handoffConfirmedAt: row.handoff_confirmed_at,
    handoffReference: row.handoff_reference,
  };
}

export async function anyCase(db: Db): Promise<boolean> {
  return (await q(db).selectFrom('cases').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * A new case with the first entry of its timeline. On PostgreSQL both are one statement (a round
 * trip less in every self-service submission): the entry takes the case's id from the insert's CTE.
 */
export async function insertCase(trx: Trx, row: Insertable<CasesTable>, first: NewEntry): Promise<CaseRecord> {
  if (dialectOf(trx) === 'postgres') {
    const created = await q(trx)
      .with('created', (db) => db.insertInto('cases').values(row).returningAll())
      .with('first_entry', (db) => db.insertInto('case_timeline').values((eb) => ({ case_id: eb.selectFrom('created').select('id'), ...entryValues(first) })))
      .selectFrom('created')
      .selectAll()
      .executeTakeFirstOrThrow();
    return toCase(created);
  }
  const created = toCase(await q(trx).insertInto('cases').values(row).returningAll().executeTakeFirstOrThrow());
  await insertTimelineEntry(trx, { ...first, caseId: created.id });
  return created;
}

export async function findCaseById(db: Db | Trx, id: number): Promise<CaseRecord | undefined> {
  const row = await q(db).selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toCase(row);
}

export async function findCaseByReference(db: Db | Trx, reference: string): Promise<CaseRecord | undefined> {
  const row = await q(db).selectFrom('cases').selectAll().where('reference', '=', reference).executeTakeFirst();
  return row && toCase(row);
}

/** Reads a case for a change; on PostgreSQL the row stays locked until the transaction ends. */
export async function lockCase(trx: Trx, reference: string, pg: boolean): Promise<CaseRecord | undefined> {
  let query = q(trx).selectFrom('cases').selectAll().where('reference', '=', reference);
  if (pg) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toCase(row);
}

export type CaseChange = Partial<
  Pick<
    CasesTable,
    'status' | 'assignee' | 'assignee_name' | 'department' | 'deadline' | 'deadline_paused_at' | 'closed_at' | 'handoff_confirmed_at' | 'handoff_reference' | 'priority'
  >
> & { transfer_count?: number };

export async function updateCase(trx: Trx, id: number, change: CaseChange, at: Timestamp): Promise<CaseRecord> {
  return toCase(await q(trx).updateTable('cases').set({ ...change, updated_at: at }).where('id', '=', id).returningAll().executeTakeFirstOrThrow());
}

export type PartyKey = { cpr: string } | { cvr: string };

export function casesForPartyQuery(db: Db | Trx, party: PartyKey, limit: number, exceptDepartments: readonly string[]) {
  let query = q(db).selectFrom('cases').selectAll();
  query = 'cpr' in party ? query.where('party_cpr', '=', party.cpr) : query.where('party_cvr', '=', party.cvr);
  if (exceptDepartments.length > 0) query = query.where('department', 'not in', exceptDepartments);
  return query.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit);
}

export async function findCasesForParty(db: Db | Trx, party: PartyKey, limit: number, exceptDepartments: readonly string[]): Promise<CaseRecord[]> {
  return (await casesForPartyQuery(db, party, limit, exceptDepartments).execute()).map(toCase);
}

/** Distinct people whose name starts with `prefix` (a name key) on a case outside `exceptDepartments`, for the citizen overview. */
export function partiesByNameQuery(db: Db, prefix: string, limit: number, exceptDepartments: readonly string[]) {
  let query = q(db)
    .selectFrom('cases')
    .select(['party_cpr', 'party_name'])
    .where('party_name_key', '>=', prefix)
    .where('party_name_key', '<', `${prefix}\uffff`)
    .where('party_cpr', 'is not', null);
  if (exceptDepartments.length > 0) query = query.where('department', 'not in', exceptDepartments);
  return query
    .groupBy(['party_name_key', 'party_cpr', 'party_name'])
    .orderBy('party_name_key')
    .orderBy('party_cpr')
    .limit(limit);
}

export async function findPartiesByName(db: Db, prefix: string, limit: number, exceptDepartments: readonly string[]): Promise<{ cpr: string; name: string }[]> {
  const rows = await partiesByNameQuery(db, prefix, limit, exceptDepartments).execute();
  return rows.map((r) => ({ cpr: r.party_cpr!, name: r.party_name }));
}

// ---- inbox ----

export type InboxSort = 'deadline' | 'received_newest' | 'received_oldest';

export type InboxQuery = {
  department: string;
  statuses: readonly CaseStatus[];
  assignee?: string | undefined;
  unassigned?: boolean | undefined;
  /** Only cases whose deadline is before this day. */
  deadlineBefore?: Day | undefined;
  service?: string | undefined;
  receivedFrom?: Timestamp | undefined;
  receivedBefore?: Timestamp | undefined;
  sort: InboxSort;
  offset: number;
  limit: number;
};

export type InboxRow = Pick<
  CaseRow,
  'id' | 'reference' | 'title' | 'service' | 'party_kind' | 'party_name' | 'status' | 'assignee' | 'assignee_name' | 'priority' | 'deadline' | 'deadline_paused_at' | 'received_at' | 'transfer_count'
>;

const inboxColumns = [
  'id',
  'reference',
  'title',
  'service',
  'party_kind',
  'party_name',
  'status',
  'assignee',
  'assignee_name',
  'priority',
  'deadline',
  'deadline_paused_at',
  'received_at',
  'transfer_count',
] as const;

const everyStatus = (statuses: readonly CaseStatus[]) => caseStatuses.every((s) => statuses.includes(s));

function inboxWhere(db: Db, query: InboxQuery, statuses: readonly CaseStatus[]) {
  let select = q(db).selectFrom('cases').where('department', '=', query.department);
  if (statuses.length === 1) select = select.where('status', '=', statuses[0]!);
  else if (!everyStatus(statuses)) select = select.where('status', 'in', statuses);
  if (query.assignee !== undefined) select = select.where('assignee', '=', query.assignee);
  if (query.unassigned) select = select.where('assignee', 'is', null);
  if (query.deadlineBefore !== undefined) select = select.where('deadline', '<', query.deadlineBefore);
  if (query.service !== undefined) select = select.where('service', '=', query.service);
  if (query.receivedFrom !== undefined) select = select.where('received_at', '>=', query.receivedFrom);
  if (query.receivedBefore !== undefined) select = select.where('received_at', '<', query.receivedBefore);
  return select;
}

function sortKeys(sort: InboxSort): [column: 'deadline' | 'received_at' | 'id', direction: 'asc' | 'desc'][] {
  if (sort === 'deadline') return [['deadline', 'asc'], ['id', 'asc']];
  const direction = sort === 'received_newest' ? 'desc' : 'asc';
  return [['received_at', direction], ['id', direction]];
}

/**
 * The ids of one page of a department's inbox, read from the indexes alone (each inbox index
 * ends with the sort column and id). Over several (not all) statuses, each status is read in
 * index order up to the page's end and the parts are merged: a few hundred index entries
 * instead of sorting every open case of the department.
 */
export function inboxPageQuery(db: Db, query: InboxQuery) {
  const keys = sortKeys(query.sort);
  const sortColumn = keys[0]![0];
  if (query.statuses.length > 1 && !everyStatus(query.statuses)) {
    const end = query.offset + query.limit;
    const part = (status: CaseStatus) => {
      let select = inboxWhere(db, query, [status]).select(['id', sortColumn]);
      for (const [column, direction] of keys) select = select.orderBy(column, direction);
      return select.limit(end);
    };
    const [first, ...rest] = query.statuses.map(part);
    // SQLite wants each ordered, limited part of a union as a subquery of its own.
    let union = q(db).selectFrom(first!.as('p0')).selectAll();
    rest.forEach((p, i) => {
      union = union.unionAll(q(db).selectFrom(p.as(`p${i + 1}`)).selectAll());
    });
    let merged = q(db).selectFrom(union.as('parts')).selectAll();
    for (const [column, direction] of keys) merged = merged.orderBy(column, direction);
    return merged.limit(query.limit).offset(query.offset);
  }
  let select = inboxWhere(db, query, query.statuses).select(['id', sortColumn]);
  for (const [column, direction] of keys) select = select.orderBy(column, direction);
  return select.limit(query.limit).offset(query.offset);
}

/** One page of the inbox: the page's ids from the indexes, then those 50 rows. */
export async function findInboxPage(db: Db, query: InboxQuery): Promise<InboxRow[]> {
  const ids = (await inboxPageQuery(db, query).execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await q(db).selectFrom('cases').select(inboxColumns).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

export function inboxTotalQuery(db: Db, query: InboxQuery) {
  return inboxWhere(db, query, query.statuses).select((eb) => eb.fn.countAll<number>().as('n'));
}

/** A filter on department and statuses only: its total comes from the kept counts. */
function onlyStatuses(query: InboxQuery): boolean {
  return query.assignee === undefined && !query.unassigned && query.deadlineBefore === undefined && query.service === undefined && query.receivedFrom === undefined && query.receivedBefore === undefined;
}

/** The number of cases the filter matches; `counts` (from countByStatus) saves a query. */
export async function countInbox(db: Db, query: InboxQuery, counts?: Map<CaseStatus, number>): Promise<number> {
  if (onlyStatuses(query)) {
    const kept = counts ?? (await countByStatus(db, query.department));
    return query.statuses.reduce((sum, status) => sum + (kept.get(status) ?? 0), 0);
  }
  const row = await inboxTotalQuery(db, query).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function statusCountsQuery(db: Db, department: string) {
  return q(db).selectFrom('case_status_counts').select(['status', 'n']).where('department', '=', department);
}

export async function countByStatus(db: Db, department: string): Promise<Map<CaseStatus, number>> {
  const rows = await statusCountsQuery(db, department).execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

// ---- timeline ----

export type NewEntry = { at: Timestamp; kind: TimelineKind; public: boolean; actor: Actor; details: string };

/** A timeline entry's columns, all but its case. */
const entryValues = (entry: NewEntry) => ({
  at: entry.at,
  kind: entry.kind,
  public: entry.public,
  actor_kind: entry.actor.kind,
  actor_id: entry.actor.kind === 'system' ? null : entry.actor.id,
  actor_name: entry.actor.name,
  details: entry.details,
});

export async function insertTimelineEntry(trx: Trx, entry: NewEntry & { caseId: number }): Promise<number> {
  const row = await q(trx)
    .insertInto('case_timeline')
    .values({ case_id: entry.caseId, ...entryValues(entry) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Cases moved between departments in [from, to), counted per (from, to) pair. */
export async function transfersBetween(db: Db, from: Timestamp, to: Timestamp): Promise<{ from: string; to: string; count: number }[]> {
  // The transfer's departments are in its details (JSON); ->> reads them on both databases.
  const fromDepartment = sql<string>`details->>'from'`;
  const toDepartment = sql<string>`details->>'to'`;
  const rows = await q(db)
    .selectFrom('case_timeline')
    .select([fromDepartment.as('from'), toDepartment.as('to'), (eb) => eb.fn.countAll<number>().as('count')])
    .where('kind', '=', 'transferred')
    .where('at', '>=', from)
    .where('at', '<', to)
    .groupBy([fromDepartment, toDepartment])
    .execute();
  // At most one row per pair of departments: sorted here, in the same order on both databases.
  return rows.map((r) => ({ from: r.from, to: r.to, count: Number(r.count) })).sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

export async function findTimeline(db: Db | Trx, caseId: number, publicOnly: boolean): Promise<TimelineEntry[]> {
  let query = q(db).selectFrom('case_timeline').selectAll().where('case_id', '=', caseId);
  if (publicOnly) query = query.where('public', '=', true);
  const rows = await query.orderBy('id', 'asc').execute();
  return rows.map(
    (r) =>
      ({
        id: r.id,
        caseId: r.case_id,
        at: r.at,
        kind: r.kind,
        public: r.public,
        actor: r.actor_kind === 'system' ? { kind: 'system', name: r.actor_name ?? 'Kanal' } : { kind: r.actor_kind, id: r.actor_id ?? '', name: r.actor_name ?? '' },
        details: r.details,
      }) as TimelineEntry,
  );
}

// ---- attachments ----

export async function insertAttachment(trx: Trx, row: Insertable<AttachmentsTable>): Promise<number> {
  return (await q(trx).insertInto('case_attachments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

function toAttachment(r: Selectable<AttachmentsTable>): Attachment {
  return { id: r.id, caseId: r.case_id, timelineId: r.timeline_id, fileKey: r.file_key, filename: r.filename, contentType: r.content_type, size: r.size, public: r.public, createdAt: r.created_at };
}

export async function findAttachments(db: Db | Trx, caseId: number): Promise<Attachment[]> {
  return (await q(db).selectFrom('case_attachments').selectAll().where('case_id', '=', caseId).orderBy('id').execute()).map(toAttachment);
}

export async function findAttachment(db: Db | Trx, caseId: number, id: number): Promise<Attachment | undefined> {
  const row = await q(db).selectFrom('case_attachments').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  return row && toAttachment(row);
}

export async function findAttachmentKeysOfCase(trx: Trx, caseId: number): Promise<string[]> {
  return (await q(trx).selectFrom('case_attachments').select('file_key').where('case_id', '=', caseId).execute()).map((r) => r.file_key);
}

// ---- letters ----

export async function insertLetter(trx: Trx, row: Insertable<LettersTable>): Promise<number> {
  return (await q(trx).insertInto('case_letters').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

function toLetter(r: Selectable<LettersTable>): Letter {
  return { id: r.id, caseId: r.case_id, timelineId: r.timeline_id, kind: r.kind, subject: r.subject, body: r.body, decision: r.decision, channel: r.channel, senderName: r.sender_name, sentAt: r.sent_at, readAt: r.read_at };
}

export async function findLetters(db: Db | Trx, caseIds: readonly number[]): Promise<Letter[]> {
  if (caseIds.length === 0) return [];
  return (await q(db).selectFrom('case_letters').selectAll().where('case_id', 'in', caseIds).orderBy('id', 'desc').execute()).map(toLetter);
}

export async function findLetter(db: Db | Trx, caseId: number, id: number): Promise<Letter | undefined> {
  const row = await q(db).selectFrom('case_letters').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
  return row && toLetter(row);
}

export async function markLetterRead(trx: Trx, id: number, at: Timestamp): Promise<void> {
  await q(trx).updateTable('case_letters').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
}

// ---- API keys ----

export type ApiKeyRow = Selectable<ApiKeysTable>;

export async function insertApiKey(trx: Trx, row: Insertable<ApiKeysTable>): Promise<number> {
  return (await q(trx).insertInto('case_api_keys').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findApiKeyByHash(db: Db, hash: string): Promise<ApiKeyRow | undefined> {
  return q(db).selectFrom('case_api_keys').selectAll().where('key_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function touchApiKey(db: Db, id: number, at: Timestamp): Promise<void> {
  await q(db).updateTable('case_api_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function listApiKeys(db: Db): Promise<ApiKeyRow[]> {
  return q(db).selectFrom('case_api_keys').selectAll().orderBy('id').execute();
}

export async function revokeApiKey(trx: Trx, id: number, at: Timestamp): Promise<boolean> {
  const result = await q(trx).updateTable('case_api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// ---- webhooks ----

export type WebhookRow = Selectable<WebhooksTable>;
export type DeliveryRow = Selectable<DeliveriesTable>;

export async function insertWebhook(trx: Trx, row: Insertable<WebhooksTable>): Promise<number> {
  const { id } = await q(trx).insertInto('case_webhooks').values(row).returning('id').executeTakeFirstOrThrow();
  await configChanged(trx, 'case_webhooks');
  return id;
}

export async function listWebhooks(db: Db | Trx, activeOnly: boolean): Promise<WebhookRow[]> {
  let query = q(db).selectFrom('case_webhooks').selectAll();
  if (activeOnly) query = query.where('active', '=', true);
  return query.orderBy('id').execute();
}

/** The active webhooks, which every case change reads: kept in memory on PostgreSQL (readConfig). */
export function activeWebhooks(db: Db | Trx): Promise<Frozen<WebhookRow[]>> {
  return readConfig(db, 'case_webhooks', 'active', (db) => listWebhooks(db, true));
}

export async function insertDelivery(trx: Trx, row: Insertable<DeliveriesTable>): Promise<number> {
  return (await q(trx).insertInto('case_webhook_deliveries').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findDelivery(db: Db, id: number): Promise<(DeliveryRow & { url: string; secret: string }) | undefined> {
  return q(db)
    .selectFrom('case_webhook_deliveries as d')
    .innerJoin('case_webhooks as w', 'w.id', 'd.webhook_id')
    .selectAll('d')
    .select(['w.url', 'w.secret'])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export async function recordDeliveryAttempt(db: Db | Trx, id: number, outcome: { state: DeliveryRow['state']; status: number | null; error: string | null; at: Timestamp }): Promise<void> {
  await q(db)
    .updateTable('case_webhook_deliveries')
    .set((eb) => ({
      state: outcome.state,
      attempts: eb('attempts', '+', 1),
      last_status: outcome.status,
      last_error: outcome.error,
      delivered_at: outcome.state === 'delivered' ? outcome.at : null,
    }))
    .where('id', '=', id)
    .execute();
}

export async function listDeliveries(db: Db, limit: number): Promise<(DeliveryRow & { webhook_name: string })[]> {
  return q(db)
    .selectFrom('case_webhook_deliveries as d')
    .innerJoin('case_webhooks as w', 'w.id', 'd.webhook_id')
    .selectAll('d')
    .select('w.name as webhook_name')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Marks the hand-off of the closing at `closedAt` confirmed unless it already was; false if the
 * case is gone, was confirmed, or is no longer closed by that closing (reopened since).
 */
export async function setHandoffConfirmed(trx: Trx, id: number, closedAt: Timestamp, at: Timestamp, reference: string | null): Promise<boolean> {
  const result = await q(trx)
    .updateTable('cases')
    .set({ handoff_confirmed_at: at, handoff_reference: reference, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'closed')
    .where('closed_at', '=', closedAt)
    .where('handoff_confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// ---- retention ----

export type RetentionCandidate = Pick<CaseRow, 'id' | 'reference' | 'kle' | 'department' | 'closed_at' | 'handoff_confirmed_at' | 'party_cpr' | 'party_cvr'>;
const candidateColumns = ['id', 'reference', 'kle', 'department', 'closed_at', 'handoff_confirmed_at', 'party_cpr', 'party_cvr'] as const;

/** What makes a closed case due for deletion: a hand-off confirmed, or a closing, before a time. */
export type Due = { handedOffBefore: Timestamp } | { closedBefore: Timestamp };

const isDue = (due: Due) => (eb: ExpressionBuilder<CasesTables, 'cases'>) =>
  eb.and([eb('status', '=', 'closed'), 'handedOffBefore' in due ? eb('handoff_confirmed_at', '<', due.handedOffBefore) : eb('closed_at', '<', due.closedBefore)]);

/** Closed cases whose hand-off to the ESDH was confirmed before `before`: `limit` of them, by id, after `afterId`. */
export async function findHandedOffBefore(db: Db, before: Timestamp, afterId: number, limit: number): Promise<RetentionCandidate[]> {
  return q(db).selectFrom('cases').select(candidateColumns).where(isDue({ handedOffBefore: before })).where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

/** Closed cases of a KLE topic (prefix) closed before `before`: `limit` of them, by id, after `afterId`. */
export async function findClosedOfTopicBefore(db: Db, klePrefix: string, before: Timestamp, afterId: number, limit: number): Promise<RetentionCandidate[]> {
  return q(db)
    .selectFrom('cases')
    .select(candidateColumns)
    .where(isDue({ closedBefore: before }))
    .where('id', '>', afterId)
    .where((eb) => eb.or([eb('kle', '=', klePrefix), eb('kle', 'like', `${klePrefix}.%`)]))
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Locks a case found due for deletion if it still is; false if not. The candidates were read
 * before: the case may have been reopened since. On PostgreSQL a reopen still running holds the
 * row; this waits for it and then reads the row as it left it.
 */
export async function lockIfStillDue(trx: Trx, id: number, due: Due): Promise<boolean> {
  const query = q(trx).selectFrom('cases').select('id').where('id', '=', id).where(isDue(due));
  return (await lockingRows(trx, query).executeTakeFirst()) !== undefined;
}

/** Deletes a case with its timeline, letters, attachments rows and webhook log. */
export async function deleteCase(trx: Trx, id: number): Promise<void> {
  await q(trx).deleteFrom('case_webhook_deliveries').where('case_id', '=', id).execute();
  await q(trx).deleteFrom('case_letters').where('case_id', '=', id).execute();
  await q(trx).deleteFrom('case_attachments').where('case_id', '=', id).execute();
  await q(trx).deleteFrom('case_timeline').where('case_id', '=', id).execute();
  await q(trx).deleteFrom('cases').where('id', '=', id).execute();
}
