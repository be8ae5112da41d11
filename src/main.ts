// The `kanal` command: serve, worker, migrate, seed, report, check-config, and the modules' own commands.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { openDatabase, migrateToLatest, type Database } from './platform/db/index.ts';
import { createLogger } from './platform/ops/logger.ts';
import { createMetrics } from './platform/ops/metrics.ts';
import { collectMigrations, type AppContext, type Progress } from './platform/module.ts';
import { modules } from './modules.ts';
import { buildApp } from './app.ts';
import { importFigures, ImportRejected, importSources, isImportSource, rebuildAggregates, SMALL_FILE_BYTES } from './modules/contacts/index.ts';
import { departments } from './platform/auth/index.ts';
import { startWorker, type Worker } from './platform/jobs/index.ts';
import { generateAllStatusReports, parsePeriod, renderReportPdf, statusReport } from './modules/insights/index.ts';

const usage = `Usage: kanal <command> [options]

Commands:
  serve [--demo]   migrate the database and serve Kanal (--demo: load demo data on first start);
                   runs the job worker too unless KANAL_WORKER=off
  worker           run the job worker only (more nodes: run it beside serve with KANAL_WORKER=off)
  migrate          apply pending database migrations and exit
  seed --demo      load the demo data (safe to run again)
  report status --period 2026H1 [--out DIR]
                   make the half-yearly status reports (municipality and every department),
                   keep them in the archive and write them as PDF files to DIR (default: $KANAL_DATA_DIR/reports)
  check-config     validate the configuration from the environment and exit
  contacts rebuild-aggregates
                   recompute the contact registry's daily aggregates from the recorded contacts
  import contacts FILE [--source SOURCE] [--by NAME]
                   import aggregated contact figures from a CSV or XLSX file (see docs/contacts.md);
                   SOURCE is one of ${importSources.join(', ')} (default andet)
  help             show this text

Configuration is read from environment variables; see README.md.`;

class UsageError extends Error {}

interface Command {
  options: Record<string, { type: 'boolean' | 'string' }>;
  /** How many words follow the command (e.g. `contacts rebuild-aggregates`); default none. */
  positionals?: number;
  run(flags: Record<string, unknown>, positionals: string[]): Promise<number>;
}

/** A progress line on a terminal; nothing when output goes to a file or CI log. */
const terminalProgress: Progress = (done, total, what) => {
  if (!process.stdout.isTTY) return;
  const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
  process.stdout.write(`\r${what}: ${done}/${total} (${pct} %)${done >= total ? '\n' : ''}`);
};

/** Progress lines on stderr (every tenth), so a long import shows it is alive also in a log. */
const stderrProgress = (): Progress => {
  let shown = -1;
  return (done, total, what) => {
    const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
    if (tenth === shown) return;
    shown = tenth;
    process.stderr.write(`${what}: ${done}/${total} (${tenth * 10} %)\n`);
  };
};

function startup(): { config: Config; database: Database; ctx: AppContext } {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize, log });
  return { config, database, ctx: { config, db: database.db, dialect: database.dialect, log, metrics: createMetrics() } };
}

/** Stops gracefully on SIGTERM/SIGINT; a stuck request or job must not keep the process alive for ever. */
function stopOnSignal(ctx: AppContext, what: string, close: () => Promise<void>): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.log.info({ signal }, `shutting down: ${what}`);
    const timer = setTimeout(() => {
      ctx.log.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    await close();
    ctx.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function migrate(ctx: AppContext): Promise<void> {
  const { applied } = await migrateToLatest(ctx.db, collectMigrations(modules));
  if (applied.length > 0) ctx.log.info({ applied }, `applied ${applied.length} migrations`);
}

async function seedDemo(ctx: AppContext): Promise<void> {
  for (const module of modules) {
    if (module.seedDemo) await module.seedDemo(ctx, terminalProgress);
  }
}

const commands: Record<string, Command> = {
  serve: {
    options: { demo: { type: 'boolean' } },
    async run(flags) {
      const { config, database, ctx } = startup();
      await migrate(ctx);
      if (flags.demo) await seedDemo(ctx);
      const app = await buildApp({ config, database, logger: ctx.log, metrics: ctx.metrics });
      let worker: Worker | undefined;
      stopOnSignal(ctx, 'finishing requests and jobs in flight', async () => {
        await Promise.all([app.close(), worker?.stop()]);
        await database.close();
      });
      await app.listen({ port: config.port, host: config.host });
      if (config.jobs.workerInServe) worker = await startWorker(ctx, modules);
      process.stdout.write(
        `\nKanal is running for ${config.municipality.name}\n` +
          `  Citizen portal:  ${config.publicUrl}/\n` +
          `  Health:          ${config.publicUrl}/healthz\n` +
          `  API description: ${config.publicUrl}/openapi.json\n` +
          `  Database:        ${database.dialect} (${database.description})\n` +
          `  Job worker:      ${worker ? `on (${config.jobs.concurrency} at a time)` : 'off (KANAL_WORKER=off)'}\n` +
          `  E-mail:          ${config.mail.smtp ? `SMTP ${config.mail.smtp.host}:${config.mail.smtp.port}` : `local outbox (${config.publicUrl}/admin/notifications)`}\n\n`,
      );
      return new Promise<number>(() => {}); // runs until a signal stops it
    },
  },
  worker: {
    options: {},
    async run() {
      const { database, ctx } = startup();
      await migrate(ctx);
      const worker = await startWorker(ctx, modules);
      stopOnSignal(ctx, 'finishing jobs in flight', async () => {
        await worker.stop();
        await database.close();
      });
      process.stdout.write(`Kanal job worker ${worker.id} is running (${database.dialect}).\n`);
      return new Promise<number>(() => {}); // runs until a signal stops it
    },
  },
  migrate: {
    options: {},
    async run() {
      const { database, ctx } = startup();
      await migrate(ctx);
      await database.close();
      return 0;
    },
  },
  seed: {
    options: { demo: { type: 'boolean' } },
    async run(flags) {
      if (!flags.demo) throw new UsageError('seed needs --demo (the only data set there is).');
      const { database, ctx } = startup();
      await migrate(ctx);
      await seedDemo(ctx);
      await database.close();
      return 0;
    },
  },
  report: {
    positionals: 1,
    options: { period: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' } },
    async run(flags, positionals) {
      if (positionals[0] !== 'status') throw new UsageError('report needs a kind of report: report status --period 2026H1');
      const key = typeof flags.period === 'string' ? flags.period.trim().toUpperCase() : '';
      const period = /^\d{4}H[12]$/.test(key) ? parsePeriod(key) : undefined;
      if (!period) throw new UsageError('report status needs --period as a half-year, e.g. --period 2026H1.');
      const lang = flags.lang === 'en' ? 'en' : 'da';
      const { config, database, ctx } = startup();
      await migrate(ctx);
      const dir = typeof flags.out === 'string' ? flags.out : path.join(config.dataDir, 'reports');
      await mkdir(dir, { recursive: true });
      const scopes = await ctx.db.transaction().execute((trx) => generateAllStatusReports(trx, config, period, 'kanal report status'));
      for (const department of scopes) {
        const file = path.join(dir, `kanalstrategi-status-${department ?? 'kommune'}-${period.key}.pdf`);
        await writeFile(file, await renderReportPdf(await statusReport(ctx.db, period.key, department), lang));
        process.stdout.write(`${file}\n`);
      }
      await database.close();
      return 0;
    },
  },
  'check-config': {
    options: {},
    async run() {
      const config = loadConfig();
      process.stdout.write(`Configuration is valid (${config.nodeEnv}, ${config.databaseUrl ? 'PostgreSQL' : 'SQLite'}).\n`);
      return 0;
    },
  },
  contacts: {
    options: {},
    positionals: 1,
    async run(_flags, [what]) {
      if (what !== 'rebuild-aggregates') throw new UsageError('contacts needs: rebuild-aggregates');
      const { database, ctx } = startup();
      await migrate(ctx);
      const rows = await ctx.db.transaction().execute((trx) => rebuildAggregates(trx));
      process.stdout.write(`Rebuilt the contact aggregates: ${rows} rows.\n`);
      await database.close();
      return 0;
    },
  },
  import: {
    options: { source: { type: 'string' }, by: { type: 'string' } },
    positionals: 2,
    async run(flags, [what, file]) {
      if (what !== 'contacts' || !file) throw new UsageError('import needs: contacts FILE');
      const source = (flags.source as string | undefined) ?? 'andet';
      if (!isImportSource(source)) throw new UsageError(`--source must be one of ${importSources.join(', ')}`);
      const data = await readFile(file).catch(() => {
        throw new UsageError(`Cannot read ${file}.`);
      });
      const { database, ctx } = startup();
      try {
        await migrate(ctx);
        const outcome = await ctx.db.transaction().execute((trx) =>
          importFigures(trx, {
            file: data,
            fileName: path.basename(file),
            source,
            importedBy: (flags.by as string | undefined) ?? 'kanal import',
            departments: departments(ctx.config).map((d) => d.id),
            ...(data.length > SMALL_FILE_BYTES && { progress: stderrProgress() }),
          }),
        );
        process.stdout.write(
          outcome.status === 'unchanged'
            ? 'The file was imported before; nothing changed.\n'
            : `Imported ${outcome.rows} lines, ${outcome.total} contacts, ${outcome.firstDay} – ${outcome.lastDay}${outcome.replaced.length ? ` (replacing import ${outcome.replaced.join(', ')})` : ''}.\n`,
        );
        return 0;
      } catch (error) {
        if (!(error instanceof ImportRejected)) throw error;
        process.stderr.write(`The file was not imported (${error.problemCount} problems; nothing was stored):\n`);
        for (const p of error.problems) process.stderr.write(`  linje ${p.line}${p.column ? `, kolonne ${p.column}` : ''}: ${p.problem}\n`);
        return 1;
      } finally {
        await database.close();
      }
    },
  },
  help: {
    options: {},
    async run() {
      process.stdout.write(`${usage}\n`);
      return 0;
    },
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  try {
    const command = name ? commands[name] : undefined;
    if (!command) throw new UsageError(name ? `Unknown command: ${name}` : 'No command given.');
    let flags: Record<string, unknown>;
    let positionals: string[];
    try {
      const parsed = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: (command.positionals ?? 0) > 0 });
      flags = parsed.values;
      positionals = parsed.positionals;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (positionals.length > (command.positionals ?? 0)) throw new UsageError(`Too many arguments: ${positionals.join(' ')}`);
    return await command.run(flags, positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`kanal: ${error.message}\n\n${usage}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`kanal: the configuration is not valid:\n${error.problems.map((p) => `  ${p}`).join('\n')}\n`);
      return 78; // EX_CONFIG
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`kanal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
