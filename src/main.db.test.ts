// `kanal migrate` as a real process on the database under test (SQLite, or PostgreSQL when DATABASE_URL is set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase } from './platform/db/testing.ts';
import { pendingMigrations } from './platform/db/index.ts';
import { collectMigrations } from './platform/module.ts';
import { modules } from './modules.ts';
import { kanal } from '../test/helpers/cli.ts';

test('migrate creates the database and is safe to run twice', async () => {
  // A fresh, empty database (on PostgreSQL: a schema of its own, named in the URL).
  const database = await createTestDatabase();
  try {
    const env: Record<string, string> = { KANAL_DATA_DIR: database.dataDir };
    const { databaseUrl, searchPath } = database.options;
    if (databaseUrl) env.DATABASE_URL = `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${searchPath}`)}`;
    const first = kanal(['migrate'], env);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(kanal(['migrate'], env).status, 0);
    assert.deepEqual(await pendingMigrations(database.db, collectMigrations(modules)), []);
  } finally {
    await database.close();
  }
});
