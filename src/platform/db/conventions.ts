// Storage conventions shared by SQLite and PostgreSQL, decided once here.
//
// | value      | PostgreSQL column | SQLite column            | in TypeScript                    |
// | timestamp  | timestamptz       | text (ISO-8601 UTC)      | string '2026-11-27T09:02:15.123Z' |
// | boolean    | boolean           | boolean (stored 0/1)     | boolean                          |
// | JSON       | jsonb             | "json text"              | parsed value; write with json()  |
// | integer    | integer / bigint  | integer                  | number (int8 and count(*) too)   |
// | decimal    | numeric           | real                     | number                           |
//
// Migrations take their column types from columnTypes(); stores write JSON with json().
import { sql, type ColumnType, type Kysely, type RawBuilder, PostgresAdapter } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** An ISO-8601 UTC timestamp with milliseconds, as both databases read it back. */
export type Timestamp = string;

/** A JSON column: read as T, written as the text json() makes (or null, if T allows it). */
export type JsonColumn<T> = ColumnType<T, string | Extract<T, null>, string | Extract<T, null>>;

/** Declared type of JSON columns in SQLite. It contains "text", so SQLite stores the text as is. */
export const SQLITE_JSON_TYPE = 'json text';

/** Any Kysely handle, whatever tables it knows. */
type AnyKysely = Pick<Kysely<unknown>, 'getExecutor'>;

export function dialectOf(db: AnyKysely): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The column types migrations use, so one migration fits both databases. */
export function columnTypes(db: AnyKysely) {
  const pg = dialectOf(db) === 'postgres';
  return {
    timestamp: pg ? sql`timestamptz` : sql`text`,
    /** A calendar day (Day): PostgreSQL's date reads back as 'YYYY-MM-DD', like SQLite's text. */
    day: pg ? sql`date` : sql`text`,
    boolean: sql`boolean`,
    json: pg ? sql`jsonb` : sql.raw(SQLITE_JSON_TYPE),
    bigint: sql`bigint`,
    decimal: pg ? sql`numeric` : sql`real`,
    /** An auto-numbered primary key. */
    identity: pg ? sql`bigint generated always as identity primary key` : sql`integer primary key autoincrement`,
  } satisfies Record<string, RawBuilder<unknown>>;
}

/** Serialises a value for a JSON column (the same text on both databases). */
export function json(value: unknown): string {
  return JSON.stringify(value);
}

/** The current time as a Timestamp. */
export function now(): Timestamp {
  return new Date().toISOString();
}

export function toTimestamp(date: Date): Timestamp {
  return date.toISOString();
}

/**
 * Makes the transactions that take this lock run their part one at a time, across app nodes, until
 * each ends: a check and the write that depends on it (the last place of a course, the first import
 * of a file). PostgreSQL: an advisory lock on `scope` and `key`, with the schema in the key, since
 * installations (and test runs) may share a database. SQLite: nothing to do, its write transactions
 * run one at a time already.
 */
export async function lockInTransaction(trx: AnyKysely, scope: string, key: string): Promise<void> {
  if (dialectOf(trx) !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${scope}), hashtext(current_schema() || ':' || ${key}))`.execute(trx);
}

/**
 * A select whose rows stay locked until the transaction ends, so a second writer waits and then
 * reads what the first left: `for update` on PostgreSQL. SQLite has no row locks and needs none,
 * its write transaction holds the whole database.
 */
export function lockingRows<Q extends { forUpdate(): Q }>(db: AnyKysely, query: Q): Q {
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
}
