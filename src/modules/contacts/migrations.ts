import { sql, type Migration } from 'kysely';
import { columnTypes, dialectOf, notifyConfigChanges, now } from '../../platform/db/index.ts';
import { seedTopics } from './topics.ts';

/** The roll-up tables as contacts-20261127-rollups made them: name and key columns besides month. */
const rollUps20261127 = {
  contact_month_channel: ['department', 'channel', 'direction'],
  contact_month_kind: ['department', 'channel', 'direction', 'kind'],
  contact_month_resolution: ['department', 'channel', 'direction', 'resolved', 'failure_demand'],
  contact_month_topic: ['department', 'channel', 'direction', 'kind', 'topic', 'service'],
} as const;

const aggregateKey = ['day', 'channel', 'direction', 'kind', 'topic', 'department', 'service', 'resolved', 'failure_demand', 'assisted', 'source'];

export const migrations: Record<string, Migration> = {
  'contacts-20261127-registry': {
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('contact_topic')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kle', 'text', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('handled_by', 'text')
        .addColumn('frequent', t.boolean, (c) => c.notNull().defaultTo(false))
        .addColumn('active', t.boolean, (c) => c.notNull().defaultTo(true))
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();

      // One row per import of aggregated figures; a corrected file replaces an earlier batch.
      await db.schema
        .createTable('contact_import')
        .addColumn('id', t.identity)
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('file_hash', 'text', (c) => c.notNull())
        .addColumn('first_day', t.day, (c) => c.notNull())
        .addColumn('last_day', t.day, (c) => c.notNull())
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('total', t.bigint, (c) => c.notNull())
        .addColumn('imported_at', t.timestamp, (c) => c.notNull())
        .addColumn('imported_by', 'text')
        .addColumn('replaced_at', t.timestamp)
        .execute();
      await db.schema.createIndex('contact_import_source_hash').on('contact_import').columns(['source', 'file_hash']).execute();

      await db.schema
        .createTable('contact')
        .addColumn('id', t.identity)
        .addColumn('occurred_at', t.timestamp, (c) => c.notNull())
        .addColumn('day', t.day, (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull().references('contact_topic.code'))
        .addColumn('service', 'text')
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('resolved', 'text', (c) => c.notNull())
        .addColumn('failure_demand', t.boolean, (c) => c.notNull())
        .addColumn('assisted', t.boolean, (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('batch_id', t.bigint, (c) => c.references('contact_import.id'))
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('person', 'text')
        .addColumn('recorded_by', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('contact_day').on('contact').column('day').execute();
      await db.schema.createIndex('contact_batch').on('contact').column('batch_id').execute();
      await db.schema.createIndex('contact_recorded_by').on('contact').columns(['recorded_by', 'created_at']).execute();
      await db.schema.createIndex('contact_person').on('contact').column('person').execute();

      // Daily aggregates per dimension combination: what dashboards read, never the raw rows.
      await db.schema
        .createTable('contact_daily')
        .addColumn('day', t.day, (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('service', 'text', (c) => c.notNull())
        .addColumn('resolved', 'text', (c) => c.notNull())
        .addColumn('failure_demand', t.boolean, (c) => c.notNull())
        .addColumn('assisted', t.boolean, (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('count', t.bigint, (c) => c.notNull())
        .addPrimaryKeyConstraint('contact_daily_key', aggregateKey as never)
        .execute();
    },
    async down(db) {
      await db.schema.dropTable('contact_daily').execute();
      await db.schema.dropTable('contact').execute();
      await db.schema.dropTable('contact_import').execute();
      await db.schema.dropTable('contact_topic').execute();
    },
  },
  // Monthly roll-ups of the daily aggregates on the few dimensions dashboards group by, filled
  // from the daily aggregates an installation already has. Written out here, not taken from
  // store.ts rollUps: what this migration made stays the same when that list changes.
  'contacts-20261127-rollups': {
    async up(db) {
      const t = columnTypes(db);
      const postgres = dialectOf(db) === 'postgres';
      const month = postgres ? sql`date` : sql`text`;
      const monthOfDay = postgres ? sql`(day - (extract(day from day)::int - 1))` : sql`(substr(day, 1, 8) || '01')`;
      for (const [name, columns] of Object.entries(rollUps20261127)) {
        let table = db.schema.createTable(name).addColumn('month', month, (c) => c.notNull());
        for (const column of columns) table = table.addColumn(column, column === 'failure_demand' ? t.boolean : sql`text`, (c) => c.notNull());
        await table
          .addColumn('count', t.bigint, (c) => c.notNull())
          .addPrimaryKeyConstraint(`${name}_key`, ['month', ...columns] as never)
          .execute();
        const keys = sql.join(columns.map((c) => sql.ref(c)));
        await sql`insert into ${sql.table(name)} (month, ${keys}, count)
          select ${monthOfDay}, ${keys}, sum(count) from contact_daily group by ${monthOfDay}, ${keys}`.execute(db);
      }
    },
    async down(db) {
      for (const name of Object.keys(rollUps20261127)) await db.schema.dropTable(name).execute();
    },
  },
  // Every installation starts with a topic list, so record() works from the first request.
  'contacts-20261127-seed-topics': {
    async up(db) {
      const at = now();
      await db
        .insertInto('contact_topic')
        .values(seedTopics.map((t) => ({ code: t.code, name: t.name, kle: t.kle, department: t.department, handled_by: t.handledBy, frequent: t.frequent, active: t.active, updated_at: at })))
        .execute();
    },
  },
  // The web import's runs and their progress (import/runs.ts).
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
  // PostgreSQL: every node keeps active topics in memory (store.activeTopicsInKleGroup) until this tells it of a change.
  'contacts-20261127-topic-notify': {
    up: (db) => notifyConfigChanges(db, 'contact_topic'),
  },
};
