// A fresh, empty database for each test: a temporary SQLite file, or — when
// DATABASE_URL is set — a new schema in that PostgreSQL database, dropped afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { sql, type RawBuilder } from 'kysely';
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

/** What holdLocks holds: `work`'s result, and the means to wait behind it and to let it commit. */
export interface HeldLocks<T> {
  result: T;
  /**
   * Returns once n connections wait behind the held locks (on them, or on one that waits on them).
   * SQLite: at once; a second transaction there waits for the one connection, as in the app.
   */
  waiters: (n: number) => Promise<void>;
  /** Commits the holding transaction. */
  release: () => Promise<void>;
}

/**
 * Runs `work` (or a statement) in a transaction on another connection, as a busy database or a
 * slow request would, and keeps what it locked until `release`: a test forces an interleaving
 * with `waiters` (PostgreSQL: pg_blocking_pids) instead of timing one.
 */
export async function holdLocks<T = void>(db: Db, work: RawBuilder<unknown> | ((trx: Trx) => Promise<T>)): Promise<HeldLocks<T>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: (holding: { result: T; pid: number | undefined }) => void;
  const holder = new Promise<{ result: T; pid: number | undefined }>((resolve) => (held = resolve));
  const transaction = db.transaction().execute(async (trx) => {
    const result = typeof work === 'function' ? await work(trx) : await work.execute(trx).then(() => undefined as T);
    const pid = dialectOf(db) === 'postgres' ? Number((await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!.pid) : undefined;
    held({ result, pid });
    await released;
  });
  // `transaction` settles only after the release, unless `work` throws.
  const { result, pid } = await Promise.race([holder, transaction.then(() => never)]);
  const behind = async () => {
    const { rows } = await sql<{ n: number }>`
      with recursive behind(pid) as (
        select pid from pg_stat_activity where ${pid}::int = any(pg_blocking_pids(pid))
        union
        select a.pid from pg_stat_activity a join behind b on b.pid = any(pg_blocking_pids(a.pid))
      )
      select count(*) as n from behind`.execute(db);
    return Number(rows[0]!.n);
  };
  return {
    result,
    waiters: async (n) => {
      if (pid === undefined) return;
      for (const until = Date.now() + 10_000; (await behind()) < n; await sleep(20)) {
        if (Date.now() > until) throw new Error(`Fewer than ${n} connections came to wait on the held locks.`);
      }
    },
    release: async () => {
      release();
      await transaction;
    },
  };
}

const never = new Promise<never>(() => {});

/**
 * Orders a race of two transactions: `second` starts while `first` is done but not committed, and
 * `first` commits once `second` waits behind its locks. Returns both results.
 */
export async function whileHeld<A, B>(db: Db, first: (trx: Trx) => Promise<A>, second: (trx: Trx) => Promise<B>): Promise<[A, B]> {
  const held = await holdLocks(db, first);
  const other = db.transaction().execute(second);
  try {
    await held.waiters(1);
  } finally {
    await held.release();
  }
  return [held.result, await other];
}
