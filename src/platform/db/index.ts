// The database handle every module gets, and the one migrator for all modules' migrations.
import path from 'node:path';
import { Kysely, Migrator, sql, SqliteDialect, type Migration, type Transaction } from 'kysely';
import { openSqlite, conventionalSqlite } from './sqlite.ts';
import { KanalPostgresDialect, openPostgresClient, openPostgresPool } from './postgres.ts';
import { dialectOf, type Dialect } from './conventions.ts';
import { attachConfigCache, type ConfigCacheLog } from './config-cache.ts';

export * from './conventions.ts';
export { configCacheOf, configChanged, notifyConfigChanges, readConfig, type ConfigCache, type ConfigCacheLog, type Frozen } from './config-cache.ts';
export { GroupCommit, groupCommitOf, inGroupCommit, DEFAULT_MAX_BATCH, type GroupCommitOptions, type GroupCommitStats } from './group-commit.ts';

/**
 * The app's database handle. It knows no tables: each module's store narrows it
 * to its own tables with `db.withTables<ModuleTables>()`, so a module cannot
 * query another module's tables by accident.
 */
export type Db = Kysely<NoTables>;
/** A transaction, passed as the first argument to every public function that writes. */
export type Trx = Transaction<NoTables>;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- exactly "no tables": stores add theirs with withTables()
type NoTables = {};

export interface Database {
  db: Db;
  dialect: Dialect;
  /** SQLite file or PostgreSQL URL without password, for logs. */
  description: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** PostgreSQL schema to use instead of public (test databases). */
  searchPath?: string;
  /** SQLite file name inside dataDir. */
  sqliteFile?: string;
  /** Where the PostgreSQL configuration cache says when it stops and starts caching. */
  log?: ConfigCacheLog;
}

export function openDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    const connection = { url: options.databaseUrl, searchPath: options.searchPath };
    const pool = openPostgresPool({ ...connection, poolSize: options.poolSize ?? 10 });
    const db = new Kysely<NoTables>({ dialect: new KanalPostgresDialect({ pool }) });
    const configCache = attachConfigCache(db, () => openPostgresClient(connection), options.log);
    const close = async () => {
      await configCache.close();
      await db.destroy();
    };
    return { db, dialect: 'postgres', description: redactUrl(options.databaseUrl), close };
  }
  const file = path.resolve(options.dataDir, options.sqliteFile ?? 'kanal.sqlite');
  const sqlite = openSqlite(file);
  const db = new Kysely<NoTables>({ dialect: new SqliteDialect({ database: conventionalSqlite(sqlite) }) });
  return { db, dialect: 'sqlite', description: file, close: () => db.destroy() };
}

function redactUrl(url: string): string {
  const u = new URL(url);
  u.password = '';
  return u.toString();
}

const MIGRATION_NAME = /^([a-z][a-z0-9-]*)-(\d{8})-([a-z0-9-]+)$/;

/** `<module>-<yyyymmdd>-<what>`, as DESIGN.md names migrations. */
export function isValidMigrationName(name: string): boolean {
  return MIGRATION_NAME.test(name);
}

async function migrator(db: Db, migrations: Record<string, Migration>): Promise<Migrator> {
  return new Migrator({
    db,
    // Kysely looks for its migration tables in every schema it can see; on PostgreSQL, tie
    // it to the schema in use, or another schema's tables (a test database's) count as ours.
    migrationTableSchema: dialectOf(db) === 'postgres' ? await currentSchema(db) : undefined,
    provider: { getMigrations: async () => migrations },
    // Migrations run in name order: by module, then date. Modules never depend on each
    // other's tables, so only the order within a module matters — and a module's new
    // migration may sort before another module's that is already applied.
    allowUnorderedMigrations: true,
  });
}

async function currentSchema(db: Db): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? 'public';
}

export interface MigrationOutcome {
  applied: string[];
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db, migrations: Record<string, Migration>): Promise<MigrationOutcome> {
  const { error, results } = await (await migrator(db, migrations)).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Migration ${failed ?? '(unknown)'} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Names of migrations not yet applied (for /readyz). */
export async function pendingMigrations(db: Db, migrations: Record<string, Migration>): Promise<string[]> {
  const all = await (await migrator(db, migrations)).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
