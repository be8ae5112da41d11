// Starts a real Kanal app on a fresh database (SQLite, or PostgreSQL when
// DATABASE_URL is set) for integration tests through HTTP.
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { buildApp, type KanalApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createTestDatabase, migrateToLatest, type TestDatabase } from '../../src/platform/db/testing.ts';
import { collectMigrations, type KanalModule } from '../../src/platform/module.ts';
import { createLogger } from '../../src/platform/ops/logger.ts';
import { modules as allModules } from '../../src/modules.ts';

export interface TestApp {
  app: KanalApp;
  config: Config;
  database: TestDatabase;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  modules?: readonly KanalModule[];
  /** Reuse a database (e.g. a second app node on the same database). */
  database?: TestDatabase;
  /** Apply the modules' migrations first (default true). */
  migrate?: boolean;
}

export function captureLogs(level = 'info'): { logger: Logger; lines: Record<string, unknown>[]; raw: string[] } {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: createLogger(level, sink), lines, raw };
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  try {
    return await startOn(database, options);
  } catch (error) {
    // An app that fails to start (a test of start-up errors) must not leave its database behind.
    if (!options.database) await database.close();
    throw error;
  }
}

async function startOn(database: TestDatabase, options: TestAppOptions): Promise<TestApp> {
  const modules = options.modules ?? allModules;
  if (options.migrate !== false) await migrateToLatest(database.db, collectMigrations(modules));
  const config = loadConfig({ NODE_ENV: 'test', KANAL_DATA_DIR: database.dataDir, KANAL_LOG_LEVEL: 'info', ...options.env });
  const { logger, lines } = captureLogs(config.logLevel);
  const app = await buildApp({ config, database, logger, modules });
  await app.ready();
  return {
    app,
    config,
    database,
    logs: lines,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}
