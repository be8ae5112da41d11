// PostgreSQL only: parameterised statements run as named prepared statements, parsed once per
// connection, and a statement whose table changed under it recovers on the next use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from './testing.ts';

const skip = process.env.DATABASE_URL ? false : 'PostgreSQL only';
let database: TestDatabase;

before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

test('a parameterised statement is prepared once per connection and reused', { skip }, async () => {
  await sql`create table sample (id integer primary key, name text not null)`.execute(database.db);
  await database.db.connection().execute(async (conn) => {
    for (let i = 1; i <= 20; i++) await sql`insert into sample (id, name) values (${i}, ${`n${i}`})`.execute(conn);
    const { rows } = await sql<{ name: string; statement: string; calls: number }>`
      select name, statement, generic_plans + custom_plans as calls from pg_prepared_statements where statement like 'insert into sample%'`.execute(conn);
    // One statement, named by Kanal, run 20 times.
    assert.equal(rows.length, 1, JSON.stringify(rows));
    assert.match(rows[0]!.name, /^kanal_\d+$/);
    assert.equal(Number(rows[0]!.calls), 20);
    // A statement without parameters (DDL, say) is not kept.
    const unnamed = await sql<{ n: number }>`select count(*) as n from pg_prepared_statements where statement like 'create table%'`.execute(conn);
    assert.equal(Number(unnamed.rows[0]!.n), 0);
  });
  const { rows } = await sql<{ n: number }>`select count(*) as n from sample`.execute(database.db);
  assert.equal(Number(rows[0]!.n), 20);
});

test('a statement whose table gained a column fails once, then runs on a fresh name', { skip }, async () => {
  await sql`create table changing (id integer primary key)`.execute(database.db);
  await sql`insert into changing (id) values (1)`.execute(database.db);
  await database.db.connection().execute(async (conn) => {
    const select = () => sql<Record<string, unknown>>`select * from changing where id = ${1}`.execute(conn);
    assert.deepEqual((await select()).rows, [{ id: 1 }]);
    // Another node's migration adds a column while this connection holds the prepared statement.
    await sql`alter table changing add column note text`.execute(database.db);
    await assert.rejects(select(), /cached plan must not change result type/);
    assert.deepEqual((await select()).rows, [{ id: 1, note: null }]);
  });
});
