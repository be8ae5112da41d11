// The config cache: on PostgreSQL, reads served from memory and dropped when the table changes,
// on any node; on SQLite, every read from the database.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from './testing.ts';
import { ConfigCache } from './config-cache.ts';
import { openPostgresClient } from './postgres.ts';
import { configCacheOf, configChanged, notifyConfigChanges, openDatabase, readConfig, type ConfigCacheLog, type Db } from './index.ts';
import { captureLogs } from '../../../test/helpers/app.ts';

const postgresOnly = process.env.DATABASE_URL ? false : 'PostgreSQL only';
let database: TestDatabase;

before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

type Setting = { name: string; value: string };

/** A settings table; `notify` gives it the trigger a module's migration adds. */
async function settingsTable(table: string, { notify = true } = {}): Promise<void> {
  await sql`create table ${sql.table(table)} (name text primary key, value text not null)`.execute(database.db);
  await sql`insert into ${sql.table(table)} (name, value) values ('colour', 'blue')`.execute(database.db);
  if (notify) await notifyConfigChanges(database.db, table);
}

/** A load of the table that counts how often it ran, i.e. how often the database was asked. */
function counted(table: string) {
  const loader = {
    loads: 0,
    load: async (db: Db) => {
      loader.loads += 1;
      return (await sql<Setting>`select name, value from ${sql.table(table)} order by name`.execute(db)).rows;
    },
  };
  return loader;
}

const colour = async (db: Db, table: string, loader: ReturnType<typeof counted>, key = 'all') => (await readConfig(db, table, key, loader.load))[0]!.value;

async function setColour(db: Db, table: string, value: string): Promise<void> {
  await sql`update ${sql.table(table)} set value = ${value} where name = 'colour'`.execute(db);
}

/** Polls until `check` holds: notifications take a few milliseconds. */
async function until(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * A settings table without the trigger (so only the cache's own rules can drop what it keeps),
 * read once through the listening cache of the test database: its colour is kept.
 */
async function keptWithoutTrigger(table: string): Promise<ReturnType<typeof counted>> {
  await settingsTable(table, { notify: false });
  const loader = counted(table);
  await listening(database.db);
  assert.equal(await colour(database.db, table, loader), 'blue');
  return loader;
}

/** The cache of this handle, listening. */
async function listening(db: Db): Promise<ConfigCache> {
  const cache = configCacheOf(db)!;
  await cache.listen();
  assert.ok(cache.listening);
  return cache;
}

/** Another app node on the same database. */
const otherNode = (log?: ConfigCacheLog) => openDatabase({ ...database.options, poolSize: 1, ...(log ? { log } : {}) });

/** The messages of the log's warnings and infos, in order. */
const said = (lines: Record<string, unknown>[]) => lines.filter((l) => l.level === 40 || l.level === 30).map((l) => `${l.level === 40 ? 'warn' : 'info'}: ${String(l.msg)}`);

test('on SQLite every read goes to the database', { skip: process.env.DATABASE_URL ? 'SQLite only' : false }, async () => {
  await settingsTable('embedded_settings');
  const loader = counted('embedded_settings');
  assert.equal(configCacheOf(database.db), undefined);
  assert.equal(await colour(database.db, 'embedded_settings', loader), 'blue');
  await setColour(database.db, 'embedded_settings', 'red');
  assert.equal(await colour(database.db, 'embedded_settings', loader), 'red');
  assert.equal(loader.loads, 2);
  assert.ok(Object.isFrozen(await readConfig(database.db, 'embedded_settings', 'all', loader.load)), 'frozen on SQLite too, so a caller that changes it fails on both');
});

test('a second read comes from memory; a change by another node is seen once its notification arrives', { skip: postgresOnly }, async () => {
  await settingsTable('shared_settings');
  const loader = counted('shared_settings');
  await listening(database.db);
  assert.equal(await colour(database.db, 'shared_settings', loader), 'blue');
  assert.equal(await colour(database.db, 'shared_settings', loader), 'blue');
  assert.equal(loader.loads, 1, 'the second read did not ask the database');
  const rows = await readConfig(database.db, 'shared_settings', 'all', loader.load);
  assert.ok(Object.isFrozen(rows) && Object.isFrozen(rows[0]), 'one copy for every caller: frozen');
  assert.throws(() => ((rows[0] as Setting).value = 'mine'));

  const other = otherNode();
  try {
    await setColour(other.db, 'shared_settings', 'red');
    await until('the change is seen', async () => (await colour(database.db, 'shared_settings', loader)) === 'red');
    assert.equal(loader.loads, 2, 'loaded once more, after the notification');
    assert.equal(await colour(database.db, 'shared_settings', loader), 'red');
    assert.equal(loader.loads, 2);
  } finally {
    await other.close();
  }
});

test('rule 1: reads go to the database until the LISTEN connection is up, and again once it is lost; back, the cache starts empty', { skip: postgresOnly }, async () => {
  await settingsTable('lost_settings');
  const loader = counted('lost_settings');
  const { logger, lines } = captureLogs('info');
  const node = otherNode(logger);
  try {
    const cache = configCacheOf(node.db)!;
    // Both start before the connection (opened by the first read) can be up.
    assert.deepEqual(await Promise.all([colour(node.db, 'lost_settings', loader), colour(node.db, 'lost_settings', loader)]), ['blue', 'blue']);
    assert.equal(loader.loads, 2);
    await listening(node.db);
    // Cached reads run on the LISTEN connection itself: this one tells its backend.
    const pid = (await readConfig(node.db, 'lost_settings', 'pid', async (db) => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid));
    assert.equal(await colour(node.db, 'lost_settings', loader), 'blue');
    assert.equal(loader.loads, 3);

    await sql`select pg_terminate_backend(${pid})`.execute(database.db);
    await until('the lost connection is noticed', () => !cache.listening);
    assert.equal(said(lines).length, 1);
    assert.match(said(lines)[0]!, /^warn: configuration cache: lost the connection .* every read goes to the database/);
    // Changed while nobody listens: no notification will ever say so.
    await setColour(database.db, 'lost_settings', 'red');
    assert.equal(await colour(node.db, 'lost_settings', loader), 'red');
    assert.equal(await colour(node.db, 'lost_settings', loader), 'red');
    assert.equal(loader.loads, 5, 'every read went to the database');

    await setColour(database.db, 'lost_settings', 'green');
    await listening(node.db);
    assert.equal(await colour(node.db, 'lost_settings', loader), 'green', 'nothing from before the loss is served');
    assert.equal(await colour(node.db, 'lost_settings', loader), 'green');
    assert.equal(loader.loads, 6);
    assert.match(said(lines)[1]!, /^info: configuration cache: listening again/);
    assert.equal(said(lines).length, 2);
  } finally {
    await node.close();
  }
});

test('a LISTEN connection that cannot be opened is reported once, not on every try, and reads still work', { skip: postgresOnly }, async () => {
  await settingsTable('unreachable_settings');
  const loader = counted('unreachable_settings');
  const { logger, lines } = captureLogs('info');
  // Port 1: nothing listens there, so every try fails at once.
  const cache = new ConfigCache(() => openPostgresClient({ url: 'postgres://postgres@127.0.0.1:1/test' }), { log: logger });
  try {
    await cache.listen();
    await cache.listen();
    assert.equal(cache.listening, false);
    assert.equal(await cache.read(database.db, 'unreachable_settings', 'all', loader.load).then((rows) => rows[0]!.value), 'blue');
    assert.equal(said(lines).length, 1, 'one warning for two failed tries');
    assert.match(said(lines)[0]!, /^warn: configuration cache: cannot listen for configuration changes; every read goes to the database/);
    assert.match(String(lines[0]!.error), /ECONNREFUSED/);
  } finally {
    await cache.close();
  }
});

test('rule 3: a read that was running when a notification arrived does not keep its result', { skip: postgresOnly }, async () => {
  await settingsTable('racing_settings');
  const probe = counted('racing_settings');
  const other = otherNode();
  try {
    await listening(database.db);
    await colour(database.db, 'racing_settings', probe, 'probe');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let read!: () => void;
    const hasRead = new Promise<void>((resolve) => (read = resolve));
    const slow = readConfig(database.db, 'racing_settings', 'slow', async (db) => {
      const { rows } = await sql<Setting>`select name, value from racing_settings order by name`.execute(db);
      read();
      await gate;
      return rows;
    });
    await hasRead;
    await setColour(other.db, 'racing_settings', 'red');
    // The probe's entry goes when the notification arrives.
    await until('the notification has arrived', async () => (await colour(database.db, 'racing_settings', probe, 'probe')) === 'red');
    release();
    assert.equal((await slow)[0]!.value, 'blue', 'the slow read returns what it read…');
    const loader = counted('racing_settings');
    assert.equal(await colour(database.db, 'racing_settings', loader, 'slow'), 'red', '…but did not keep it');
    assert.equal(loader.loads, 1);
  } finally {
    await other.close();
  }
});

test('rule 5: the node that changes a table reads the change as soon as its transaction ends, without a notification', { skip: postgresOnly }, async () => {
  // No trigger: only configChanged can tell the cache.
  const loader = await keptWithoutTrigger('local_settings');

  await database.db.transaction().execute(async (trx) => {
    await setColour(trx, 'local_settings', 'red');
    await configChanged(trx, 'local_settings');
    assert.equal(await colour(trx, 'local_settings', loader), 'red', 'the writing transaction reads its own change');
    assert.equal(await colour(database.db, 'local_settings', loader), 'blue', 'others read what is committed…');
  });
  assert.equal(await colour(database.db, 'local_settings', loader), 'red', '…and the change once it is');
  const loads = loader.loads;
  assert.equal(await colour(database.db, 'local_settings', loader), 'red');
  assert.equal(loader.loads, loads, 'cached again');

  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      await setColour(trx, 'local_settings', 'green');
      await configChanged(trx, 'local_settings');
      throw new Error('rolled back');
    }),
    /rolled back/,
  );
  assert.equal(await colour(database.db, 'local_settings', loader), 'red');
  assert.equal(await colour(database.db, 'local_settings', loader), 'red');
  assert.equal(loader.loads, loads + 1, 'a rolled-back change leaves the table cached again');
});

test('rule 4: an entry is loaded again once it is older than the longest it may be served, notification or not', { skip: postgresOnly }, async () => {
  // No trigger: as if the LISTEN connection had died without a word and missed the change.
  await settingsTable('aging_settings', { notify: false });
  const loader = counted('aging_settings');
  const { databaseUrl, searchPath } = database.options;
  const cache = new ConfigCache(() => openPostgresClient({ url: databaseUrl!, searchPath }), { maxAgeMs: 300 });
  try {
    await cache.listen();
    const read = async () => (await cache.read(database.db, 'aging_settings', 'all', loader.load))[0]!.value;
    assert.equal(await read(), 'blue');
    await setColour(database.db, 'aging_settings', 'red');
    assert.equal(await read(), 'blue', 'served from memory: no notification came');
    assert.equal(loader.loads, 1);
    await until('the entry has aged out', async () => (await read()) === 'red');
    assert.equal(loader.loads, 2);
  } finally {
    await cache.close();
  }
});

test('rule 6: a fresh read goes to the database through the caller and drops what was kept', { skip: postgresOnly }, async () => {
  const loader = await keptWithoutTrigger('fresh_settings');
  // Without a trigger nothing tells the cache: the kept copy is out of date.
  await setColour(database.db, 'fresh_settings', 'red');
  assert.equal(await colour(database.db, 'fresh_settings', loader), 'blue');
  assert.equal((await readConfig(database.db, 'fresh_settings', 'all', loader.load, { fresh: true }))[0]!.value, 'red');
  assert.equal(await colour(database.db, 'fresh_settings', loader), 'red', 'the next read loads again');
  assert.equal(loader.loads, 3);
  assert.equal(await colour(database.db, 'fresh_settings', loader), 'red');
  assert.equal(loader.loads, 3, 'and keeps that');
});

test("another schema's changes (another test database) leave this one's entries alone", { skip: postgresOnly }, async () => {
  await settingsTable('tidy_settings');
  await settingsTable('tidy_other');
  const elsewhere = await createTestDatabase();
  try {
    await sql`create table tidy_settings (name text primary key, value text not null)`.execute(elsewhere.db);
    await notifyConfigChanges(elsewhere.db, 'tidy_settings');
    const loader = counted('tidy_settings');
    const probe = counted('tidy_other');
    await listening(database.db);
    await colour(database.db, 'tidy_settings', loader);
    await colour(database.db, 'tidy_other', probe);
    await sql`insert into tidy_settings (name, value) values ('colour', 'red')`.execute(elsewhere.db);
    // Notifications arrive in commit order: once this one is here, the other schema's has come too.
    await setColour(database.db, 'tidy_other', 'red');
    await until('the later notification has arrived', async () => (await colour(database.db, 'tidy_other', probe)) === 'red');
    assert.equal(await colour(database.db, 'tidy_settings', loader), 'blue');
    assert.equal(loader.loads, 1);
  } finally {
    await elsewhere.close();
  }
});

test('closing the Db closes its LISTEN connection', { skip: postgresOnly }, async () => {
  const node = otherNode();
  await listening(node.db);
  const pid = await readConfig(node.db, 'none', 'pid', async (db) => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid);
  const alive = async () => Number((await sql<{ n: number }>`select count(*) as n from pg_stat_activity where pid = ${pid}`.execute(database.db)).rows[0]!.n) > 0;
  assert.ok(await alive());
  await node.close();
  await until('the connection is gone', async () => !(await alive()));
});
