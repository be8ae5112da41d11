// A server process for benchmarks, so the load generator never shares its event loop.
//   bare — a bare Fastify handler (the baseline every HTTP figure is divided by)
//   app  — Kanal with every production middleware, on a fresh database in a temporary directory
//          (with $KANAL_BENCH_PAGE, also GET /page: that file's HTML with Kanal's security headers —
//          what sending a page costs without making it)
// Prints the port on stdout when it listens.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, migrateToLatest } from '../src/platform/db/index.ts';
import { createLogger } from '../src/platform/ops/logger.ts';
import { collectMigrations } from '../src/platform/module.ts';
import { modules } from '../src/modules.ts';
import { securityHeaders } from '../src/platform/http/security.ts';
import { productionBenchEnv } from './env.ts';

const kind = process.argv[2];

if (kind === 'bare') {
  const app = Fastify();
  app.get('/', async () => 'ok');
  const pageFile = process.env.KANAL_BENCH_PAGE;
  if (pageFile) {
    const html = fs.readFileSync(pageFile, 'utf8');
    const headers = securityHeaders({ https: true });
    app.get('/page', async (_request, reply) => reply.headers(headers).type('text/html; charset=utf-8').send(html));
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${(app.server.address() as { port: number }).port}\n`);
} else if (kind === 'app') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-bench-'));
  const config = loadConfig({ ...process.env, ...productionBenchEnv(dataDir) });
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir, poolSize: config.dbPoolSize });
  await migrateToLatest(database.db, collectMigrations(modules));
  // The knowledge benchmark searches a full knowledge base.
  const articles = Number(process.env.KANAL_BENCH_KNOWLEDGE_ARTICLES ?? 0);
  if (articles > 0) await (await import('./knowledge-data.ts')).insertBenchArticles(database.db, articles);
  const app = await buildApp({ config, database, logger: createLogger(config.logLevel) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`${(app.server.address() as { port: number }).port}\n`);
  process.on('SIGTERM', () => {
    void app.close().then(() => database.close()).then(() => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
} else {
  process.stderr.write('usage: server.ts bare|app\n');
  process.exit(2);
}
