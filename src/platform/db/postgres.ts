// PostgreSQL through pg, with type parsers that give the same JavaScript types as SQLite.
import pg from 'pg';

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

export function openPostgresPool(options: PostgresOptions): pg.Pool {
  return new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    types: conventionalTypes,
    options: options.searchPath ? `-c search_path=${options.searchPath}` : undefined,
  });
}
