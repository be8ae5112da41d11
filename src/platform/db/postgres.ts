// PostgreSQL through pg, with type parsers that give the same JavaScript types as SQLite.
import pg from 'pg';

const { types } = pg;

const parseTimestamp = types.getTypeParser(types.builtins.TIMESTAMPTZ);

/** Per-pool parsers (not pg's global ones), so nothing else in the process is affected. */
const conventionalTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case types.builtins.INT8:
      case types.builtins.NUMERIC:
        return (v: string) => Number(v);
      case types.builtins.TIMESTAMPTZ:
        return (v: string) => (parseTimestamp(v) as Date).toISOString();
      case types.builtins.DATE:
        return (v: string) => v; // a calendar day stays 'YYYY-MM-DD', never a local midnight
      default:
        return types.getTypeParser(oid, format);
    }
  },
};

export interface PostgresOptions {
  url: string;
  poolSize: number;
  /** A schema to use instead of public (tests get one each). */
  searchPath?: string;
}

export function openPostgresPool(options: PostgresOptions): pg.Pool {
  return new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    types: conventionalTypes,
    options: options.searchPath ? `-c search_path=${options.searchPath}` : undefined,
  });
}
