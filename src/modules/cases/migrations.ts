// The cases module's tables. The timeline is append-only: the database itself refuses an
// UPDATE of a timeline row (rows go only when retention deletes the whole case).
import { sql, type Kysely, type Migration } from 'kysely';
import { columnTypes, dialectOf, notifyConfigChanges } from '../../platform/db/index.ts';

async function createTables(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const pg = dialectOf(db) === 'postgres';

  // One row per year; the next reference number is taken by updating it inside the
  // transaction that creates the case, so numbers are unique across app nodes. (SQLite; on
  // PostgreSQL a sequence per year since cases-20261127-year-sequences.)
  await db.schema
    .createTable('case_reference_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', t.identity)
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('kle', 'text', (c) => c.notNull())
    .addColumn('kle_action', 'text')
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('party_kind', 'text', (c) => c.notNull())
    .addColumn('party_cpr', 'text')
    .addColumn('party_cvr', 'text')
    .addColumn('party_name', 'text', (c) => c.notNull())
    // The name in lower case without accents, for "starts with" search in the citizen overview.
    .addColumn('party_name_key', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text')
    .addColumn('assignee_name', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('deadline', t.day, (c) => c.notNull())
    .addColumn('deadline_paused_at', t.timestamp)
    .addColumn('submission', t.json, (c) => c.notNull())
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.timestamp)
    .addColumn('transfer_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('handoff_confirmed_at', t.timestamp)
    .addColumn('handoff_reference', 'text')
    .addCheckConstraint('cases_party', sql`(party_kind = 'person' and party_cpr is not null) or (party_kind = 'business' and party_cvr is not null) or (party_kind = 'anonymous' and party_cpr is null and party_cvr is null)`)
    .execute();
  // The inbox reads one department's cases of one status at a time in the order shown
  // (several statuses are merged), so each filter has an index that starts with its equalities.
  await db.schema.createIndex('cases_inbox_deadline').on('cases').columns(['department', 'status', 'deadline', 'id']).execute();
  await db.schema.createIndex('cases_inbox_received').on('cases').columns(['department', 'status', 'received_at', 'id']).execute();
  await db.schema.createIndex('cases_inbox_all_received').on('cases').columns(['department', 'received_at', 'id']).execute();
  await db.schema.createIndex('cases_inbox_assignee').on('cases').columns(['department', 'assignee', 'status', 'deadline', 'id']).execute();
  await db.schema.createIndex('cases_inbox_service').on('cases').columns(['department', 'service', 'status', 'deadline', 'id']).execute();
  // "Mit overblik" and the citizen overview.
  await db.schema.createIndex('cases_party_cpr').on('cases').columns(['party_cpr', 'received_at']).execute();
  await db.schema.createIndex('cases_party_cvr').on('cases').columns(['party_cvr', 'received_at']).execute();
  // Covering, in the order the name search groups and sorts: it stops after the first 20 people.
  await db.schema.createIndex('cases_party_name').on('cases').columns(['party_name_key', 'party_cpr', 'party_name']).execute();
  await createStatusCounts(db, pg);
  // Retention looks for closed cases.
  await db.schema.createIndex('cases_closed').on('cases').columns(['closed_at']).execute();

  await db.schema
    .createTable('case_timeline')
    .addColumn('id', t.identity)
    .addColumn('case_id', 'bigint', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // Shown to the citizen in "Mit overblik"? Internal notes are not.
    .addColumn('public', t.boolean, (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('details', t.json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_timeline_case').on('case_timeline').columns(['case_id', 'id']).execute();
  await db.schema.createIndex('case_timeline_kind').on('case_timeline').columns(['kind', 'at']).execute();
  if (pg) {
    await sql`create function case_timeline_append_only() returns trigger language plpgsql as $$
      begin raise exception 'case_timeline is append-only'; end $$`.execute(db);
    await sql`create trigger case_timeline_no_update before update on case_timeline
      for each row execute function case_timeline_append_only()`.execute(db);
  } else {
    await sql`create trigger case_timeline_no_update before update on case_timeline
      begin select raise(abort, 'case_timeline is append-only'); end`.execute(db);
  }

  await db.schema
    .createTable('case_attachments')
    .addColumn('id', t.identity)
    .addColumn('case_id', 'bigint', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('timeline_id', 'bigint', (c) => c.notNull().references('case_timeline.id').onDelete('cascade'))
    .addColumn('file_key', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('public', t.boolean, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_attachments_case').on('case_attachments').columns(['case_id']).execute();

  // Letters to the citizen: messages and decisions, as sent through the letters interface.
  await db.schema
    .createTable('case_letters')
    .addColumn('id', t.identity)
    .addColumn('case_id', 'bigint', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('timeline_id', 'bigint', (c) => c.notNull().references('case_timeline.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('decision', t.json)
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('sent_at', t.timestamp, (c) => c.notNull())
    .addColumn('read_at', t.timestamp)
    .execute();
  await db.schema.createIndex('case_letters_case').on('case_letters').columns(['case_id', 'id']).execute();

  await db.schema
    .createTable('case_api_keys')
    .addColumn('id', t.identity)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('departments', t.json, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', t.timestamp)
    .addColumn('last_used_at', t.timestamp)
    .execute();

  await db.schema
    .createTable('case_webhooks')
    .addColumn('id', t.identity)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('departments', t.json, (c) => c.notNull())
    .addColumn('active', t.boolean, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_webhook_deliveries')
    .addColumn('id', t.identity)
    .addColumn('webhook_id', 'bigint', (c) => c.notNull().references('case_webhooks.id').onDelete('cascade'))
    // The receiver's idempotency key: the same event is delivered with the same id on every attempt.
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('case_id', 'bigint', (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('delivered_at', t.timestamp)
    .addUniqueConstraint('case_webhook_deliveries_event', ['webhook_id', 'event_id'])
    .execute();
  await db.schema.createIndex('case_webhook_deliveries_case').on('case_webhook_deliveries').columns(['case_id']).execute();
}

/**
 * Cases per department and status, kept by triggers in the same transaction as every insert,
 * status or department change and delete — so the inbox shows its counts without counting
 * a department's hundreds of thousands of closed cases on every page view.
 */
async function createStatusCounts(db: Kysely<unknown>, pg: boolean): Promise<void> {
  await db.schema
    .createTable('case_status_counts')
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_status_counts_pk', ['department', 'status'])
    .execute();
  const add = (row: 'new' | 'old', delta: 1 | -1) =>
    `insert into case_status_counts (department, status, n) values (${row}.department, ${row}.status, ${delta})
       on conflict (department, status) do update set n = case_status_counts.n + ${delta};`;
  if (pg) {
    await sql.raw(`create function cases_count_statuses() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then ${add('old', -1)} end if;
        if tg_op in ('UPDATE', 'INSERT') then ${add('new', 1)} end if;
        return null;
      end $$`).execute(db);
    await sql`create trigger cases_count_insert_delete after insert or delete on cases for each row execute function cases_count_statuses()`.execute(db);
    await sql`create trigger cases_count_update after update of status, department on cases for each row
      when (old.status is distinct from new.status or old.department is distinct from new.department) execute function cases_count_statuses()`.execute(db);
    return;
  }
  await sql.raw(`create trigger cases_count_insert after insert on cases begin ${add('new', 1)} end`).execute(db);
  await sql.raw(`create trigger cases_count_delete after delete on cases begin ${add('old', -1)} end`).execute(db);
  await sql.raw(`create trigger cases_count_update after update of status, department on cases
    when old.status <> new.status or old.department <> new.department begin ${add('old', -1)} ${add('new', 1)} end`).execute(db);
}

/** PostgreSQL: the years counted so far continue in a sequence each (see store.takeReferenceNumber). */
async function referenceSequences(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  const { rows } = await sql<{ year: number; last_number: number }>`select year, last_number from case_reference_counters`.execute(db);
  for (const { year, last_number } of rows) {
    await sql`create sequence ${sql.id(`case_reference_${year}`)} start with ${sql.lit(Number(last_number) + 1)}`.execute(db);
  }
}

/** The name search leaves out the departments a viewer may not see: its covering index holds the department too. */
async function partyNameWithDepartment(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('cases_party_name_department').on('cases').columns(['party_name_key', 'party_cpr', 'party_name', 'department']).execute();
  await db.schema.dropIndex('cases_party_name').execute();
}

export const casesMigrations: Record<string, Migration> = {
  'cases-20261127-tables': { up: createTables },
  // Named to sort after the tables it reads (migrations of a day run in name order).
  'cases-20261127-year-sequences': { up: referenceSequences },
  // PostgreSQL: every node keeps the active webhooks in memory (store.activeWebhooks) until this tells it of a change.
  'cases-20261127-webhooks-notify': { up: (db) => notifyConfigChanges(db, 'case_webhooks') },
  'cases-20261128-party-name-department': { up: partyNameWithDepartment },
};
