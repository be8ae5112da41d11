// A fresh, empty database for each test: a temporary SQLite file, or — when
// DATABASE_URL is set — a new schema in that PostgreSQL database, dropped afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { sql } from 'kysely';
import { dialectOf, openDatabase, type Database, type Db, type Trx } from './index.ts';

export { migrateToLatest } from './index.ts';

export interface TestDatabase extends Database {
  /** The data directory (SQLite file and local storage live here). */
  dataDir: string;
  /** The options to open the same database again, e.g. from a second app node. */
  options: { databaseUrl?: string; dataDir: string; searchPath?: string };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-test-'));
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = openDatabase({ dataDir });
    return {
      ...database,
      dataDir,
      options: { dataDir },
      close: async () => {
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create schema ${schema}`);
  const database = openDatabase({ databaseUrl: url, dataDir, searchPath: schema, poolSize: 5 });
  return {
    ...database,
    dataDir,
    options: { databaseUrl: url, dataDir, searchPath: schema },
    close: async () => {
      await database.close();
      await adminQuery(url, `drop schema ${schema} cascade`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Orders a race in a test: runs `first` in a transaction and, before it commits, starts `second`
 * in another; `first` commits only once `second` waits for a lock it holds (PostgreSQL: seen in
 * pg_stat_activity, not guessed with a sleep). On SQLite the second transaction waits for the
 * one connection, as it would in the app. Returns how each ended.
 */
export async function whileHeld<A, B>(db: Db, first: (trx: Trx) => Promise<A>, second: (trx: Trx) => Promise<B>): Promise<[PromiseSettledResult<A>, PromiseSettledResult<B>]> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding!: (pid: number | undefined) => void;
  const held = new Promise<number | undefined>((resolve) => (holding = resolve));
  const one = db.transaction().execute(async (trx) => {
    const result = await first(trx);
    holding(dialectOf(db) === 'postgres' ? (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!.pid : undefined);
    await released;
    return result;
  });
  // `one` settles only after the release, unless `first` throws.
  const pid = await Promise.race([held, one.then(() => undefined)]);
  const two = db.transaction().execute(second);
  try {
    if (pid !== undefined) await waitedFor(db, pid);
  } finally {
    release();
  }
  return Promise.allSettled([one, two]);
}

/** Resolves once another connection waits for a lock held by the PostgreSQL backend `pid`. */
async function waitedFor(db: Db, pid: number, timeoutMs = 10_000): Promise<void> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(10)) {
    const { rows } = await sql`select 1 from pg_stat_activity where ${pid} = any(pg_blocking_pids(pid))`.execute(db);
    if (rows.length > 0) return;
  }
  throw new Error(`No connection waited for a lock of backend ${pid} within ${timeoutMs} ms.`);
}
