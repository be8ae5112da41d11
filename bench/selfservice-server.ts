// Server process for the self-service benchmark: Kanal with every production middleware
// on a fresh database (SQLite with synchronous=FULL, or PostgreSQL with DATABASE_URL), and
// N ready-to-send drafts of "Anmeld rotter" (each submission makes a real case and contact through
// the cases and contacts modules, as in production). Prints one JSON line when it listens:
// { port, file } (the file holds { drafts: [{ id, cookie, body }], stepPage: { path, cookie } }); on
// SIGTERM it writes its group-commit figures to $KANAL_BENCH_STATS.
//   raw — instead of serving, sends the drafts in-process (the same statements, no HTTP)
//         for `seconds` with `connections` at a time and prints { perSecond, commitsPerSubmission }.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { groupCommitOf, openDatabase, migrateToLatest, json, type Db } from '../src/platform/db/index.ts';
import { createLogger } from '../src/platform/ops/logger.ts';
import { collectMigrations } from '../src/platform/module.ts';
import { csrfTokenFor } from '../src/platform/auth/secrets.ts';
import { cookieNames } from '../src/platform/auth/plugin.ts';
import { startSession } from '../src/platform/auth/sessions.ts';
import { selfServiceOf } from '../src/modules/selfservice/index.ts';
import { modules } from '../src/modules.ts';
import { productionBenchEnv } from './env.ts';
import { planAnswers } from '../src/modules/selfservice/testing.ts';

const [mode = 'serve', count = '12000', seconds = '5', connections = '10'] = process.argv.slice(2);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-bench-ss-'));
const config = loadConfig({
  ...process.env,
  ...productionBenchEnv(dataDir),
  // One load generator is one IP address: the per-IP limit would be all we measured.
  KANAL_POST_RATE_LIMIT_IP: '100000000',
});
const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir, poolSize: config.dbPoolSize });
// A fresh schema per run on PostgreSQL, dropped by finish().
const schema = config.databaseUrl ? `bench_${randomBytes(4).toString('hex')}` : undefined;
if (schema) {
  await sql.raw(`create schema ${schema}`).execute(database.db);
  await database.close();
  Object.assign(database, openDatabase({ databaseUrl: config.databaseUrl, dataDir, poolSize: config.dbPoolSize, searchPath: schema }));
}

/**
 * Stops the app and leaves nothing behind: the data directory, and on PostgreSQL the run's schema.
 * Once, however often it is asked: the benchmark stops every mode with SIGTERM as soon as it has
 * read the answer, which in the raw and fsync modes is while they are finishing on their own.
 */
let finishing: Promise<never> | undefined;
const finish = (): Promise<never> => (finishing ??= cleanUp());
async function cleanUp(): Promise<never> {
  await app.close();
  await database.close();
  if (schema) {
    const admin = openDatabase({ databaseUrl: config.databaseUrl, dataDir });
    await sql.raw(`drop schema ${schema} cascade`).execute(admin.db);
    await admin.close();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
await migrateToLatest(database.db, collectMigrations(modules));
const app = await buildApp({ config, database, logger: createLogger(config.logLevel), modules });
await app.ready();
process.on('SIGTERM', () => {
  // How many shared COMMITs the submissions (and rate-limit hits) needed, for the bench to print.
  if (process.env.KANAL_BENCH_STATS) fs.writeFileSync(process.env.KANAL_BENCH_STATS, JSON.stringify(groupCommitOf(database.db).stats()));
  void finish();
});
// The running service, for making the drafts.
const service = selfServiceOf(app)!;

/** N drafts with every step answered, written in one transaction (the setup is not measured). */
async function makeDrafts(db: Db, n: number, owner?: string) {
  const def = service.catalogue.get('anmeld-rotter')!;
  // One real draft through the real steps gives the answers every copy gets.
  let { draft } = await service.startDraft(def);
  for (const { stepId, form } of planAnswers(def)) {
    const raw: Record<string, string> = {};
    form.forEach((v, k) => typeof v === 'string' && (raw[k] = v));
    draft = { ...draft, answers: (await service.saveStep(def, draft, def.steps.find((s) => s.id === stepId)!, { raw, uploads: {}, remove: [], lang: 'da' })).answers };
  }
  const now = new Date().toISOString();
  const expires = new Date(Date.now() + 86_400_000).toISOString();
  const out: { id: string; secret: string }[] = [];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i++) {
      const id = randomBytes(9).toString('base64url');
      const secret = randomBytes(24).toString('base64url');
      const attempt = randomUUID();
      await sql`insert into selfservice_attempt (id, service_id, assisted, started_at, last_active_at) values (${attempt}, ${def.id}, ${false}, ${now}, ${now})`.execute(trx);
      await sql`insert into selfservice_draft (id, secret_hash, service_id, service_version, owner_subject, applicant, assisted, answers, current_step, attempt_id, created_at, updated_at, expires_at)
        values (${id}, ${createHash('sha256').update(secret).digest('hex')}, ${def.id}, ${def.version}, ${owner ?? null}, ${json({})}, ${false}, ${json(draft.answers)}, 'kontakt', ${attempt}, ${now}, ${now}, ${expires})`.execute(trx);
      out.push({ id, secret });
    }
  });
  return out;
}

if (mode === 'fsync') {
  // The ceiling the disk sets: the smallest transaction that commits one row.
  await sql`create table bench_floor (a text)`.execute(database.db);
  let done = 0;
  const until = Date.now() + Number(seconds) * 1000;
  const started = Date.now();
  while (Date.now() < until) {
    await database.db.transaction().execute((trx) => sql`insert into bench_floor values ('x')`.execute(trx));
    done++;
  }
  process.stdout.write(`${JSON.stringify({ perSecond: done / ((Date.now() - started) / 1000) })}\n`);
  await finish();
}

if (mode === 'raw') {
  const drafts = await makeDrafts(database.db, Number(count));
  const def = service.catalogue.get('anmeld-rotter')!;
  let next = 0;
  let done = 0;
  const until = Date.now() + Number(seconds) * 1000;
  const worker = async () => {
    while (Date.now() < until && next < drafts.length) {
      const draft = await service.openDraft(drafts[next++]!.id, { secret: drafts[next - 1]!.secret });
      if (typeof draft !== 'object') throw new Error('draft missing');
      const result = await service.submitDraft(def, draft, 'da');
      if (!('submission' in result)) throw new Error('not sent');
      done++;
    }
  };
  const started = Date.now();
  const before = groupCommitOf(database.db).stats();
  await Promise.all(Array.from({ length: Number(connections) }, worker));
  const commits = groupCommitOf(database.db).stats().commits - before.commits;
  process.stdout.write(`${JSON.stringify({ perSecond: done / ((Date.now() - started) / 1000), commitsPerSubmission: commits / done })}\n`);
  await finish();
}

const names = cookieNames(config);
const csrfBinding = 'bench-anonymous-csrf-binding';
const token = csrfTokenFor(config.sessionSecret, csrfBinding);
const drafts = (await makeDrafts(database.db, Number(count))).map(({ id, secret }) => ({
  id,
  cookie: `${names.csrf}=${csrfBinding}; kanal_kladde_${id}=${secret}`,
  body: `_csrf=${encodeURIComponent(token)}&declaration=yes`,
}));
// A logged-in citizen on a step of their own draft.
const citizen = { kind: 'citizen' as const, subject: 'bench-citizen', name: 'Bente Bench', loa: 'substantial' as const, roles: ['citizen' as const], cpr: '0101071237' };
const session = await startSession(database.db, config, citizen);
const [own] = await makeDrafts(database.db, 1, citizen.subject);
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as { port: number }).port;
fs.writeFileSync(path.join(dataDir, 'drafts.json'), JSON.stringify({ drafts, stepPage: { path: `/selvbetjening/anmeld-rotter/${own!.id}/kontakt`, cookie: `${names.session}=${session.id}` } }));
process.stdout.write(`${JSON.stringify({ port, file: path.join(dataDir, 'drafts.json') })}\n`);
