import { sql, type Migration } from 'kysely';
import { columnTypes } from '../db/index.ts';

export const notifyMigrations: Record<string, Migration> = {
  'notify-20260601-messages': {
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('notify_messages')
        .addColumn('id', t.identity)
        .addColumn('key', 'text', (c) => c.unique())
        .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'sms')`))
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('template', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'sent', 'failed')`))
        .addColumn('transport', 'text')
        .addColumn('subject', 'text')
        .addColumn('body', 'text')
        .addColumn('provider_id', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('sent_at', t.timestamp)
        .execute();
      await db.schema.createIndex('notify_messages_created').on('notify_messages').column('created_at').execute();
    },
  },
};
