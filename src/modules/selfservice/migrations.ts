// The self-service module's tables. Funnel tables hold no personal data: attempts are
// anonymous rows linked to nothing but a service.
import type { Migration } from 'kysely';
import { columnTypes } from '../../platform/db/index.ts';

export const migrations: Record<string, Migration> = {
  'selfservice-20261127-create': {
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('selfservice_draft')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('service_id', 'text', (c) => c.notNull())
        .addColumn('service_version', 'integer', (c) => c.notNull())
        .addColumn('owner_subject', 'text')
        // Who the service is for (from the login or, when assisted, the person register): the case's party.
        .addColumn('applicant', t.json, (c) => c.notNull())
        .addColumn('assisted', t.boolean, (c) => c.notNull())
        .addColumn('answers', t.json, (c) => c.notNull())
        .addColumn('current_step', 'text', (c) => c.notNull())
        .addColumn('attempt_id', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('submission_reference', 'text')
        .execute();
      await db.schema.createIndex('selfservice_draft_owner').on('selfservice_draft').columns(['owner_subject', 'service_id']).execute();
      await db.schema.createIndex('selfservice_draft_expires').on('selfservice_draft').column('expires_at').execute();

      await db.schema
        .createTable('selfservice_attachment')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('draft_id', 'text', (c) => c.notNull())
        .addColumn('field_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('submission_reference', 'text')
        .execute();
      await db.schema.createIndex('selfservice_attachment_draft').on('selfservice_attachment').column('draft_id').execute();

      await db.schema
        .createTable('selfservice_submission')
        .addColumn('reference', 'text', (c) => c.primaryKey())
        // One submission per draft (web) or per Idempotency-Key (API): the database says no to a second.
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('service_id', 'text', (c) => c.notNull())
        .addColumn('service_version', 'integer', (c) => c.notNull())
        .addColumn('answers', t.json, (c) => c.notNull())
        .addColumn('summary', t.json, (c) => c.notNull())
        .addColumn('owner_subject', 'text')
        .addColumn('assisted', t.boolean, (c) => c.notNull())
        .addColumn('case_reference', 'text', (c) => c.notNull())
        .addColumn('waiting_list', t.boolean, (c) => c.notNull())
        .addColumn('submitted_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('selfservice_submission_service').on('selfservice_submission').columns(['service_id', 'submitted_at']).execute();

      await db.schema
        .createTable('selfservice_attempt')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('service_id', 'text', (c) => c.notNull())
        .addColumn('assisted', t.boolean, (c) => c.notNull())
        .addColumn('started_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_active_at', t.timestamp, (c) => c.notNull())
        .addColumn('completed_at', t.timestamp)
        .addColumn('exit_id', 'text')
        .execute();
      await db.schema.createIndex('selfservice_attempt_service').on('selfservice_attempt').columns(['service_id', 'started_at']).execute();
      await db.schema
        .createTable('selfservice_attempt_step')
        .addColumn('attempt_id', 'text', (c) => c.notNull())
        .addColumn('step_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('selfservice_attempt_step_pk', ['attempt_id', 'step_id'])
        .execute();
      await db.schema
        .createTable('selfservice_view')
        .addColumn('service_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('views', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('selfservice_view_pk', ['service_id', 'day'])
        .execute();
      await db.schema
        .createTable('selfservice_feedback')
        .addColumn('id', t.identity)
        .addColumn('service_id', 'text', (c) => c.notNull())
        .addColumn('rating', 'integer', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
    },
  },
};
