import { sql, type Migration } from 'kysely';
import { columnTypes, dialectOf } from '../db/index.ts';

export const auditMigrations: Record<string, Migration> = {
  'audit-20261127-create-log': {
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('audit_log')
        .addColumn('id', t.identity)
        .addColumn('at', t.timestamp, (c) => c.notNull())
        .addColumn('request_id', 'text')
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('actor_role', 'text', (c) => c.notNull())
        .addColumn('actor_department', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_cpr', 'text')
        .addColumn('subject_cvr', 'text')
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('details', t.json)
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      await db.schema.createIndex('audit_log_subject_cpr').on('audit_log').columns(['subject_cpr', 'at']).execute();
      await db.schema.createIndex('audit_log_subject_cvr').on('audit_log').columns(['subject_cvr', 'at']).execute();
      await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'at']).execute();

      // Append-only in the database itself, not only in the application: no UPDATE, DELETE or TRUNCATE.
      if (dialectOf(db) === 'postgres') {
        await sql`
          create function audit_log_append_only() returns trigger language plpgsql as $$
          begin
            raise exception 'audit_log is append-only: % refused', tg_op;
          end $$`.execute(db);
        await sql`create trigger audit_log_no_change before update or delete on audit_log for each row execute function audit_log_append_only()`.execute(db);
        await sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()`.execute(db);
      } else {
        await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only: UPDATE refused'); end`.execute(db);
        await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only: DELETE refused'); end`.execute(db);
      }
    },
  },
};
