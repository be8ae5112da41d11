import type { Migration } from 'kysely';
import { columnTypes } from '../db/index.ts';

export const authMigrations: Record<string, Migration> = {
  'auth-20261127-sessions': {
    async up(db) {
      const t = columnTypes(db);
      // Sessions live in the database, so every app node knows every session.
      // The cookie holds the session id; the table holds only its SHA-256.
      await db.schema
        .createTable('auth_sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('identity', t.json, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
        .addColumn('idle_expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('auth_sessions_idle_expires_at').on('auth_sessions').column('idle_expires_at').execute();
      await db.schema.createIndex('auth_sessions_expires_at').on('auth_sessions').column('expires_at').execute();

      // A login under way: what the callback must check (state, nonce, PKCE verifier).
      await db.schema
        .createTable('auth_login_attempts')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('code_verifier', 'text', (c) => c.notNull())
        .addColumn('return_to', 'text', (c) => c.notNull())
        .addColumn('loa', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('auth_login_attempts_expires_at').on('auth_login_attempts').column('expires_at').execute();

      // Fixed-window counters shared by all app nodes.
      await db.schema
        .createTable('auth_rate_limits')
        .addColumn('bucket', 'text', (c) => c.notNull())
        .addColumn('window_start', t.timestamp, (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('auth_rate_limits_pk', ['bucket', 'window_start'])
        .execute();
      await db.schema.createIndex('auth_rate_limits_window_start').on('auth_rate_limits').column('window_start').execute();
    },
  },
};
