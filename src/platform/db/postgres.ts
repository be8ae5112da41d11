// PostgreSQL through pg, with type parsers that give the same JavaScript types as SQLite.
import pg from 'pg';
import {
  PostgresDialect,
  PostgresIntrospector,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type Kysely,
  type PostgresCursor,
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

export function openPostgresPool(options: PostgresOptions): PostgresPool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    types: conventionalTypes,
    options: options.searchPath ? `-c search_path=${options.searchPath}` : undefined,
  });
  // One wrapper per pooled connection, made when it is first checked out (not on every checkout).
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient) => wrapped.get(client) ?? wrapped.set(client, preparing(client)).get(client)!;
  return { connect: async () => wrap(await pool.connect()), end: () => pool.end() };
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

function preparing(client: pg.PoolClient): PostgresPoolClient {
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
  return { query, release: (destroy) => client.release(destroy) };
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

export class KanalPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}
