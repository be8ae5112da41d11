// Group commit on the database under test (SQLite, or PostgreSQL when DATABASE_URL is set):
// units share commits, fail alone, fail together when the COMMIT fails, and are never
// reported saved before the COMMIT.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from './testing.ts';
import { GroupCommit, openDatabase, type Db, type Trx } from './index.ts';

let database: TestDatabase;

before(async () => {
  database = await createTestDatabase();
  await sql`create table gc_item (id text primary key, note text)`.execute(database.db);
  await sql`create table gc_parent (id text primary key)`.execute(database.db);
  // Checked only at COMMIT: the way to make a COMMIT fail on both databases.
  await sql`create table gc_child (id text primary key, parent text references gc_parent (id) deferrable initially deferred)`.execute(database.db);
});
after(() => database.close());

const insert = (id: string) => (trx: Trx) => sql`insert into gc_item (id) values (${id})`.execute(trx).then(() => id);

async function count(db: Db, prefix: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from gc_item where id like ${`${prefix}%`}`.execute(db);
  return Number(rows[0]!.n);
}

const postgres = Boolean(process.env.DATABASE_URL);

test('many concurrent units are all committed, in fewer transactions than units', async () => {
  const group = new GroupCommit(database.db, { maxBatch: 16 });
  const ids = Array.from({ length: 100 }, (_, i) => `many-${i}`);
  const txids = new Set<string>();
  const results = await Promise.all(
    ids.map((id) =>
      group.run(async (trx) => {
        if (postgres) txids.add(String((await sql<{ id: string }>`select txid_current()::text as id`.execute(trx)).rows[0]!.id));
        return insert(id)(trx);
      }),
    ),
  );
  assert.deepEqual(results, ids);
  assert.equal(await count(database.db, 'many-'), 100);
  const { commits, units } = group.stats();
  assert.equal(units, 100);
  assert.ok(commits < 100, `${commits} commits for 100 units`);
  // The batch size is bounded.
  assert.ok(commits >= Math.ceil(100 / 16), `${commits} commits, but at most 16 units fit in one`);
  // The database agrees on how many transactions there were.
  if (postgres) assert.equal(txids.size, commits);
});

test('a unit that throws rolls back only itself and gets its own error; the others are committed', async () => {
  const group = new GroupCommit(database.db);
  await group.run(insert('alone-taken'));
  const outcomes = await Promise.allSettled(
    Array.from({ length: 8 }, (_, i) =>
      group.run(async (trx) => {
        await insert(`alone-${i}`)(trx);
        if (i === 3) throw new Error('unit 3 failed');
        // A database error (a duplicate key) aborts a PostgreSQL transaction: only this unit may go.
        if (i === 5) await insert('alone-taken')(trx);
        return i;
      }),
    ),
  );
  assert.deepEqual(
    outcomes.map((o) => o.status),
    ['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
  );
  assert.match(String((outcomes[3] as PromiseRejectedResult).reason), /unit 3 failed/);
  assert.match(String((outcomes[5] as PromiseRejectedResult).reason), /unique|duplicate/i);
  const { rows } = await sql<{ id: string }>`select id from gc_item where id like 'alone-%' order by id`.execute(database.db);
  assert.deepEqual(
    rows.map((r) => r.id),
    ['alone-0', 'alone-1', 'alone-2', 'alone-4', 'alone-6', 'alone-7', 'alone-taken'],
  );
});

test('a unit sees the units before it in its batch: the same request twice is stored once', async () => {
  const group = new GroupCommit(database.db);
  const { commits } = group.stats();
  // An idempotent write: look for the key inside the transaction, insert only when absent.
  const once = (key: string) => (trx: Trx) =>
    sql<{ id: string }>`select id from gc_item where id = ${key}`.execute(trx).then(async ({ rows }) => {
      if (rows.length > 0) return 'found';
      await insert(key)(trx);
      return 'stored';
    });
  const outcomes = await Promise.all([group.run(once('twice-1')), group.run(once('twice-1'))]);
  assert.deepEqual(outcomes, ['stored', 'found']);
  assert.equal(group.stats().commits, commits + 1, 'both units were in one batch');
  assert.equal(await count(database.db, 'twice-'), 1);
});

test('a failed COMMIT rejects every unit of the batch and stores nothing; the next batch works', async () => {
  const group = new GroupCommit(database.db);
  const outcomes = await Promise.allSettled([
    group.run(insert('commit-a')),
    group.run(insert('commit-b')),
    // Fine until COMMIT checks the deferred foreign key.
    group.run((trx) => sql`insert into gc_child (id, parent) values ('orphan', 'no-such-parent')`.execute(trx)),
    group.run(insert('commit-c')),
  ]);
  for (const o of outcomes) {
    assert.equal(o.status, 'rejected');
    assert.match(String(o.reason), /foreign key/i);
  }
  assert.equal(await count(database.db, 'commit-'), 0);
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from gc_child`.execute(database.db);
  assert.equal(Number(rows[0]!.n), 0);
  assert.equal(await group.run(insert('commit-after')), 'commit-after');
  assert.equal(await count(database.db, 'commit-'), 1);
});

test('no caller is told "saved" before the shared COMMIT', async () => {
  const group = new GroupCommit(database.db);
  // Another app node on the same database sees only committed rows.
  const other = openDatabase({ ...database.options, poolSize: 1 });
  try {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let visibleWhenSaid: number | undefined;
    const first = group.run(insert('early-first')).then(async () => {
      visibleWhenSaid = await count(other.db, 'early-first');
    });
    let firstSettled = false;
    void first.then(() => (firstSettled = true));
    // The second unit of the same batch holds the transaction open.
    const second = group.run(async (trx) => {
      await gate;
      return insert('early-second')(trx);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(firstSettled, false, 'the first unit was reported before its batch committed');
    assert.equal(await count(other.db, 'early-'), 0);
    release();
    await Promise.all([first, second]);
    assert.equal(visibleWhenSaid, 1);
  } finally {
    await other.close();
  }
});

test('two app nodes each group their own units; all are committed', async () => {
  const other = openDatabase({ ...database.options, poolSize: 2 });
  try {
    const a = new GroupCommit(database.db);
    const b = new GroupCommit(other.db);
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).run(insert(`nodes-${i}`))));
    assert.equal(await count(database.db, 'nodes-'), 40);
    assert.equal(a.stats().units + b.stats().units, 40);
  } finally {
    await other.close();
  }
});
