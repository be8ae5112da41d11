// The embedded database: SQLite through better-sqlite3, wrapped so that it
// follows the same storage conventions as PostgreSQL (see conventions.ts).
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { SQLITE_JSON_TYPE } from './conventions.ts';

/** Opens (creating if needed) the database file with the durability settings Kanal relies on. */
export function openSqlite(file: string): BetterSqlite3.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before we answer — a receipt is never lost on power failure.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Other processes (the CLI, a second node on the same file) may hold the write lock briefly.
  db.pragma('busy_timeout = 5000');
  return db;
}

function toSqliteParameter(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}

/**
 * Gives Kysely a better-sqlite3 database whose parameters and results follow
 * the shared conventions: booleans bind as 0/1 and read back as booleans,
 * JSON columns read back parsed — decided by each result column's declared type.
 */
export function conventionalSqlite(db: BetterSqlite3.Database): SqliteDatabase {
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      // Kysely opens transactions with a plain BEGIN. A deferred transaction that later
      // writes can fail with SQLITE_BUSY when another process writes; IMMEDIATE takes the
      // write lock up front, so busy_timeout applies and the transaction waits instead.
      const statement = db.prepare(sql.trim().toLowerCase() === 'begin' ? 'begin immediate' : sql);
      const convert = statement.reader ? resultConverter(statement) : undefined;
      const bind = (parameters: ReadonlyArray<unknown>) => parameters.map(toSqliteParameter);
      return {
        reader: statement.reader,
        all: (parameters) => {
          const rows = statement.all(bind(parameters)) as Record<string, unknown>[];
          return convert ? rows.map(convert) : rows;
        },
        run: (parameters) => statement.run(bind(parameters)),
        iterate: (parameters) => {
          const rows = statement.iterate(bind(parameters)) as IterableIterator<Record<string, unknown>>;
          return convert ? mapIterator(rows, convert) : rows;
        },
      };
    },
  };
}

function resultConverter(statement: BetterSqlite3.Statement): ((row: Record<string, unknown>) => Record<string, unknown>) | undefined {
  const conversions: [string, (v: unknown) => unknown][] = [];
  for (const column of statement.columns()) {
    const type = column.type?.toLowerCase();
    if (type === 'boolean') conversions.push([column.name, (v) => (v === null ? null : v === 1 || v === '1' || v === true)]);
    else if (type === SQLITE_JSON_TYPE) conversions.push([column.name, (v) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v)]);
  }
  if (conversions.length === 0) return undefined;
  return (row) => {
    for (const [name, fn] of conversions) row[name] = fn(row[name]);
    return row;
  };
}

function* mapIterator<T, U>(it: IterableIterator<T>, fn: (v: T) => U): IterableIterator<U> {
  for (const v of it) yield fn(v);
}
