// What a module is to the app: its migrations, its routes, its demo data.
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Migration } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db, Dialect } from './db/index.ts';
import type { Metrics } from './ops/metrics.ts';
import type { AnyJobHandler } from './jobs/handler.ts';

/** The app as modules see it: route schemas are TypeBox schemas and type the handlers. */
export type KanalApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** What the app hands every module when it starts. */
export interface AppContext {
  config: Config;
  db: Db;
  dialect: Dialect;
  log: Logger;
  metrics: Metrics;
}

/** Reports progress of a long task (seeding, imports) to a terminal or a log. */
export type Progress = (done: number, total: number, what: string) => void;

export interface KanalModule {
  /** Also the prefix of its migrations' names: `<name>-<yyyymmdd>-<what>`. */
  name: string;
  migrations?: Record<string, Migration>;
  /** Registers the module's routes. Runs inside the app's encapsulation context. */
  register?(app: KanalApp, ctx: AppContext): Promise<void> | void;
  /** The module's job handlers (and recurring jobs), run by the job worker. */
  jobs?(ctx: AppContext): readonly AnyJobHandler[];
  /** Loads demo data into an empty database (`kanal seed --demo`). Must be idempotent. */
  seedDemo?(ctx: AppContext, progress: Progress): Promise<void>;
}

/** All modules' migrations as one set for the migrator. */
export function collectMigrations(modules: readonly KanalModule[]): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const module of modules) {
    for (const [name, migration] of Object.entries(module.migrations ?? {})) {
      if (!name.startsWith(`${module.name}-`)) throw new Error(`Migration ${name} of module ${module.name} must be named ${module.name}-<yyyymmdd>-<what>.`);
      if (all[name]) throw new Error(`Two migrations are named ${name}.`);
      all[name] = migration;
    }
  }
  return all;
}
