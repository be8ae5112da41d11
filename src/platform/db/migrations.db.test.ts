import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Migration } from 'kysely';
import { createTestDatabase } from './testing.ts';
import { isValidMigrationName, migrateToLatest, pendingMigrations } from './index.ts';
import { collectMigrations, type KanalModule } from '../module.ts';
import { modules } from '../../modules.ts';

const created: string[] = [];
const table = (name: string): Migration => ({
  async up(db) {
    created.push(name);
    await db.schema.createTable(name).addColumn('id', 'integer', (c) => c.primaryKey()).execute();
  },
});

test('migrations run on an empty database, then again change nothing', async () => {
  const database = await createTestDatabase();
  try {
    const migrations = { 'alpha-20260102-second': table('alpha_two'), 'alpha-20260101-first': table('alpha_one') };
    assert.deepEqual(await pendingMigrations(database.db, migrations), ['alpha-20260101-first', 'alpha-20260102-second']);
    const first = await migrateToLatest(database.db, migrations);
    assert.deepEqual(first.applied, ['alpha-20260101-first', 'alpha-20260102-second']);
    const second = await migrateToLatest(database.db, migrations);
    assert.deepEqual(second.applied, []);
    assert.deepEqual(await pendingMigrations(database.db, migrations), []);
  } finally {
    await database.close();
  }
});

test('migrations run by module then date, and one that sorts before applied ones still runs', async () => {
  const database = await createTestDatabase();
  created.length = 0;
  try {
    await migrateToLatest(database.db, { 'zeta-20260101-a': table('zeta_a'), 'alpha-20260105-b': table('alpha_b') });
    assert.deepEqual(created, ['alpha_b', 'zeta_a']);
    // A module developed in parallel lands a migration dated before one already applied.
    const { applied } = await migrateToLatest(database.db, {
      'zeta-20260101-a': table('zeta_a'),
      'alpha-20260105-b': table('alpha_b'),
      'beta-20260103-c': table('beta_c'),
    });
    assert.deepEqual(applied, ['beta-20260103-c']);
  } finally {
    await database.close();
  }
});

test('a failing migration names itself and leaves the database usable', async () => {
  const database = await createTestDatabase();
  try {
    const broken: Migration = { up: async (db) => void (await sql`this is not sql`.execute(db)) };
    await assert.rejects(migrateToLatest(database.db, { 'alpha-20260101-broken': broken }), /Migration alpha-20260101-broken failed/);
    const ok = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    assert.equal(ok.rows[0]?.one, 1);
  } finally {
    await database.close();
  }
});

test('every module names its migrations <module>-<yyyymmdd>-<what>', () => {
  const all = collectMigrations(modules);
  for (const name of Object.keys(all)) assert.ok(isValidMigrationName(name), `${name} is not <module>-<yyyymmdd>-<what>`);
});

test('a migration with another module\'s prefix is refused', () => {
  const rogue: KanalModule = { name: 'cases', migrations: { 'contacts-20260101-x': table('x') } };
  assert.throws(() => collectMigrations([rogue]), /must be named cases-<yyyymmdd>-<what>/);
});

test('all modules\' migrations apply on an empty database and again on a migrated one', async () => {
  const database = await createTestDatabase();
  try {
    const all = collectMigrations(modules);
    await migrateToLatest(database.db, all);
    assert.deepEqual((await migrateToLatest(database.db, all)).applied, []);
  } finally {
    await database.close();
  }
});
