// The storage conventions, written and read back on the database under test
// (SQLite, or PostgreSQL when DATABASE_URL is set).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Generated, type Insertable, type Migration } from 'kysely';
import { createTestDatabase, holdLocks, type TestDatabase } from './testing.ts';
import { columnTypes, json, lockInTransaction, migrateToLatest, type Db, type JsonColumn, type Timestamp } from './index.ts';

type Tables = {
  sample: {
    id: Generated<number>;
    at: Timestamp | null;
    flag: boolean | null;
    doc: JsonColumn<string | number | boolean | object | null>;
    big: number | null;
    amount: number | null;
    day: string | null;
  };
};

const migrations: Record<string, Migration> = {
  'sample-20260101-create': {
    async up(db) {
      const t = columnTypes(db);
      await db.schema
        .createTable('sample')
        .addColumn('id', t.identity)
        .addColumn('at', t.timestamp)
        .addColumn('flag', t.boolean)
        .addColumn('doc', t.json)
        .addColumn('big', t.bigint)
        .addColumn('amount', t.decimal)
        .addColumn('day', t.day)
        .execute();
    },
  },
};

let database: TestDatabase;
const q = () => database.db.withTables<Tables>();

before(async () => {
  database = await createTestDatabase();
  await migrateToLatest(database.db, migrations);
});
after(() => database.close());

async function roundTrip(values: Insertable<Tables['sample']>) {
  const { id } = await q().insertInto('sample').values(values).returning('id').executeTakeFirstOrThrow();
  return q().selectFrom('sample').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

test('ids are numbers that count up', async () => {
  const a = await roundTrip({ day: null });
  const b = await roundTrip({ day: null });
  assert.equal(typeof a.id, 'number');
  assert.ok(b.id > a.id);
});

test('a timestamp reads back as the same ISO-8601 UTC string', async () => {
  const at = '2026-03-29T00:59:59.123Z';
  const row = await roundTrip({ at });
  assert.equal(row.at, at);
});

test('timestamps compare and sort as instants', async () => {
  await roundTrip({ at: '2030-01-01T00:00:00.000Z' });
  const rows = await q().selectFrom('sample').select('at').where('at', '>', '2029-12-31T23:59:59.999Z').execute();
  assert.deepEqual(rows.map((r) => r.at), ['2030-01-01T00:00:00.000Z']);
});

test('booleans read back as booleans, null stays null', async () => {
  assert.equal((await roundTrip({ flag: true })).flag, true);
  assert.equal((await roundTrip({ flag: false })).flag, false);
  assert.equal((await roundTrip({ flag: null })).flag, null);
});

test('booleans can be used in where clauses', async () => {
  await roundTrip({ flag: true, day: '2001-01-01' });
  const rows = await q().selectFrom('sample').select('day').where('flag', '=', true).where('day', '=', '2001-01-01').execute();
  assert.equal(rows.length, 1);
});

test('JSON values read back parsed, whatever their shape', async () => {
  for (const value of [{ a: 1, b: ['x', { c: null }] }, [1, 2, 3], 'text', 42, true, { danish: 'æøå ÆØÅ' }]) {
    const row = await roundTrip({ doc: json(value) });
    assert.deepEqual(row.doc, value);
  }
});

test('64-bit integers and count(*) are numbers', async () => {
  const big = 2 ** 40 + 7;
  const row = await roundTrip({ big });
  assert.equal(row.big, big);
  const { n } = await q().selectFrom('sample').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(typeof n, 'number');
  assert.ok(n > 0);
  const { total } = await q().selectFrom('sample').select((eb) => eb.fn.sum<number>('big').as('total')).executeTakeFirstOrThrow();
  assert.equal(typeof total, 'number');
});

test('decimals are numbers', async () => {
  const row = await roundTrip({ amount: 6.25 });
  assert.equal(row.amount, 6.25);
});

test('a calendar day stays a YYYY-MM-DD string', async () => {
  const row = await roundTrip({ day: '2026-12-24' });
  assert.equal(row.day, '2026-12-24');
});

test('a failed transaction leaves nothing behind', async () => {
  const before = await q().selectFrom('sample').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      await trx.withTables<Tables>().insertInto('sample').values({ day: '2026-01-01' }).execute();
      throw new Error('boom');
    }),
    /boom/,
  );
  const afterCount = await q().selectFrom('sample').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(afterCount.n, before.n);
});

test('SQLite runs with WAL, synchronous=FULL and foreign keys', { skip: process.env.DATABASE_URL ? 'SQLite only' : false }, async () => {
  const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
  assert.equal(mode.rows[0]?.journal_mode, 'wal');
  const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(database.db);
  assert.equal(sync.rows[0]?.synchronous, 2); // 2 = FULL
  const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(database.db);
  assert.equal(fk.rows[0]?.foreign_keys, 1);
});

test('PostgreSQL: lockInTransaction holds the same scope and key to one transaction at a time, in this schema only', { skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: SQLite write transactions are serial already' }, async () => {
  const other = await createTestDatabase();
  const held = await holdLocks(database.db, (trx) => lockInTransaction(trx, 'test.scope', 'k'));
  try {
    // Another key, or the same key in another schema (another installation), does not wait (a wait fails after 2 s).
    const withoutWaiting = (db: Db, key: string) =>
      db.transaction().execute(async (trx) => {
        await sql`set local lock_timeout = '2s'`.execute(trx);
        await lockInTransaction(trx, 'test.scope', key);
      });
    await withoutWaiting(database.db, 'other-key');
    await withoutWaiting(other.db, 'k');
    // The same key waits for the holder's COMMIT.
    const order: string[] = [];
    const second = database.db.transaction().execute(async (trx) => {
      await lockInTransaction(trx, 'test.scope', 'k');
      order.push('second');
    });
    await held.waiters(1);
    order.push('first commits');
    await held.release();
    await second;
    assert.deepEqual(order, ['first commits', 'second']);
  } finally {
    await held.release();
    await other.close();
  }
});
