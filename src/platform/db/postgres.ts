// PostgreSQL through pg, with type parsers that give the same JavaScript types as SQLite.
import pg from 'pg';
import {
  PostgresDialect,
  PostgresDriver,
  PostgresIntrospector,
  sql,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type Kysely,
  type PostgresCursor,
  type PostgresDialectConfig,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';

const { types } = pg;
type Parser = (value: string) => unknown;

const parseTimestamp = types.getTypeParser(types.builtins.TIMESTAMPTZ) as (value: string) => Date;

const conventionalParsers = new Map<number, Parser>([
  [types.builtins.INT8, Number],
  [types.builtins.NUMERIC, Number],
  [types.builtins.TIMESTAMPTZ, (v) => parseTimestamp(v).toISOString()],
  // A calendar day stays 'YYYY-MM-DD', never a local midnight.
  [types.builtins.DATE, (v) => v],
]);

/** Per-pool parsers (not pg's global ones), so nothing else in the process is affected. */
const conventionalTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): Parser {
    return conventionalParsers.get(oid) ?? (types.getTypeParser(oid, format ?? 'text') as Parser);
  },
};

export interface PostgresOptions {
  url: string;
  poolSize: number;
  /** A schema to use instead of public (tests get one each). */
  searchPath?: string | undefined;
}

/** What every connection of a Db gets: the same types, the same schema. */
const connectionConfig = (options: Pick<PostgresOptions, 'url' | 'searchPath'>): pg.ClientConfig => ({
  connectionString: options.url,
  types: conventionalTypes,
  options: options.searchPath ? `-c search_path=${options.searchPath}` : undefined,
});

export function openPostgresPool(options: PostgresOptions): PostgresPool {
  const pool = new pg.Pool({ ...connectionConfig(options), max: options.poolSize });
  // One wrapper per pooled connection, made when it is first checked out (not on every checkout).
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient) => wrapped.get(client) ?? wrapped.set(client, preparing(client, (destroy) => client.release(destroy))).get(client)!;
  return { connect: async () => wrap(await pool.connect()), end: () => pool.end() };
}

/**
 * A connection of its own, outside the pool, configured like the pool's (the config cache's
 * LISTEN connection). TCP keepalives probe it: quiet is its normal state, so a connection cut
 * without a word (a network failure) would otherwise never be noticed.
 */
export function openPostgresClient(options: Pick<PostgresOptions, 'url' | 'searchPath'>): pg.Client {
  return new pg.Client({ ...connectionConfig(options), keepAlive: true, keepAliveInitialDelayMillis: 10_000, connectionTimeoutMillis: 10_000 });
}

/** A "pool" that is one connected client, for a Kysely handle over it; pg queues its queries. */
export function singleClientPool(client: pg.Client): PostgresPool {
  const wrapped = preparing(client, () => undefined);
  return { connect: async () => wrapped, end: async () => undefined };
}

/**
 * For Kanal's short statements PostgreSQL spends more time parsing and planning than running
 * them (a contact's record() CTE: most of its time). So every distinct parameterised statement
 * text gets a name and runs as a prepared statement: pg parses it once per connection, and
 * PostgreSQL reuses its plan. Texts are Kysely's, built from code, so there are few of them;
 * past the cap (IN lists of many lengths, say) statements run unnamed as before.
 */
const maxNamedStatements = 2000;
const statementNames = new Map<string, string>();
let lastName = 0;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < maxNamedStatements) {
    name = `kanal_${++lastName}`;
    statementNames.set(text, name);
  }
  return name;
}

/** PostgreSQL's answer when a table a prepared statement selects from changed its columns (a migration by another node). */
const isStalePlan = (error: unknown) => (error as { code?: string }).code === '0A000' && /cached plan must not change result type/.test(String((error as Error).message));

function preparing(client: pg.ClientBase, release: (destroy?: boolean) => void): PostgresPoolClient {
  async function run<R>(text: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    const name = parameters.length > 0 ? statementName(text) : undefined;
    try {
      return (await client.query({ name, text, values: [...parameters] })) as unknown as PostgresQueryResult<R>;
    } catch (error) {
      // The next use gets a new name, so each connection parses the statement afresh.
      if (name !== undefined && isStalePlan(error) && statementNames.get(text) === name) statementNames.delete(text);
      throw error;
    }
  }
  function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query<R>(textOrCursor: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // Cursors (streamed results) pass through unnamed.
    return typeof textOrCursor === 'string' ? run<R>(textOrCursor, parameters ?? []) : (client.query(textOrCursor as unknown as pg.Submittable) as unknown as PostgresCursor<R>);
  }
  return { query, release };
}

/**
 * Kysely's PostgreSQL introspection (the migrator asks it whether its tables exist) reads every
 * schema in the database and calls has_schema_privilege on each, which fails when another
 * schema is dropped meanwhile — as test schemas are, and other tenants' may be. Kanal lives in
 * one schema, so it looks only there.
 */
class CurrentSchemaIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;
  readonly #all: PostgresIntrospector;

  constructor(db: Kysely<unknown>) {
    this.#db = db;
    this.#all = new PostgresIntrospector(db);
  }

  getSchemas(): Promise<SchemaMetadata[]> {
    return this.#all.getSchemas();
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; is_view: boolean }>`
      select c.relname as name, ns.nspname as schema, c.relkind = 'v' as is_view
      from pg_catalog.pg_class c join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
      where ns.nspname = current_schema() and c.relkind in ('r', 'v', 'p')`.execute(this.#db);
    // Names only: the migrator needs no column details, and nothing else in Kanal introspects.
    return rows.map((r) => ({ name: r.name, schema: r.schema, isView: r.is_view, columns: [] }));
  }

  async getMetadata(): Promise<DatabaseMetadata> {
    return { tables: await this.getTables() };
  }
}

/** Work to do when a connection's transaction has ended (see whenTransactionEnds). */
const transactionEnds = new WeakMap<DatabaseConnection, (() => void)[]>();

/**
 * Calls `done` once the transaction `trx` has ended, committed or rolled back: right after its
 * COMMIT or ROLLBACK returned, before `db.transaction().execute()` resolves. For handles opened
 * by openDatabase on PostgreSQL only (their driver keeps the hooks).
 */
export async function whenTransactionEnds(trx: Pick<Kysely<unknown>, 'getExecutor'>, done: () => void): Promise<void> {
  // Inside a transaction the executor provides the transaction's one connection.
  await trx.getExecutor().provideConnection(async (connection) => {
    transactionEnds.set(connection, [...(transactionEnds.get(connection) ?? []), done]);
  });
}

function transactionEnded(connection: DatabaseConnection): void {
  const hooks = transactionEnds.get(connection);
  transactionEnds.delete(connection);
  for (const done of hooks ?? []) done();
}

class KanalPostgresDriver extends PostgresDriver {
  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.commitTransaction(connection);
    } finally {
      transactionEnded(connection);
    }
  }

  override async rollbackTransaction(connection: Parameters<PostgresDriver['rollbackTransaction']>[0]): Promise<void> {
    try {
      await super.rollbackTransaction(connection);
    } finally {
      transactionEnded(connection);
    }
  }
}

export class KanalPostgresDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;

  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): PostgresDriver {
    return new KanalPostgresDriver(this.#config);
  }

  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}
