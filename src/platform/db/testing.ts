// A fresh, empty database for each test: a temporary SQLite file, or — when
// DATABASE_URL is set — a new schema in that PostgreSQL database, dropped afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from './index.ts';

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
