// Session storage directly: the cleanup the job scheduler runs, and what it keeps.
import { test, after, before, mock } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { loadConfig } from '../../config.ts';
import { createTestDatabase, migrateToLatest, type TestDatabase } from '../db/testing.ts';
import { authMigrations } from './migrations.ts';
import type { CitizenIdentity } from './identity.ts';
import { cleanupExpiredSessions, resumeSession, startSession } from './sessions.ts';
import { hitRateLimit } from './rate-limit.ts';
import { startLogin } from './login.ts';
import type { OidcClients } from './oidc.ts';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
  await migrateToLatest(database.db, authMigrations);
});
after(() => database.close());

const config = loadConfig({ KANAL_SESSION_MAX_HOURS: '12' });
const anna: CitizenIdentity = { kind: 'citizen', subject: 'anna', name: 'Anna Sørensen', loa: 'substantial', roles: ['citizen'], cpr: '1203881234' };
const count = async (table: string) => (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(database.db)).rows[0]!.n;
const noProvider: OidcClients = {
  startLogin: async () => ({ url: new URL('https://broker.example.dk/authorize'), checks: { state: 's', nonce: 'n', codeVerifier: 'v' } }),
  finishLogin: async () => ({}),
  endSessionUrl: async () => undefined,
};

test('cleanup deletes timed-out sessions, stale login attempts and old rate-limit windows, and keeps live ones', async (ctx) => {
  mock.timers.enable({ apis: ['Date'], now: Date.parse('2026-11-27T08:00:00Z') });
  ctx.after(() => mock.timers.reset());
  const idle = await startSession(database.db, config, anna);
  await startLogin(database.db, noProvider, 'citizen', '/min-side', undefined);
  await hitRateLimit(database.db, 'post:ip:127.0.0.1', 10, 60_000);
  mock.timers.tick(20 * 60_000);
  const active = await startSession(database.db, config, anna);
  mock.timers.tick(15 * 60_000); // idle 35 min: the first is past its idle timeout; the second 15 min in

  assert.deepEqual(await cleanupExpiredSessions(database.db), { sessions: 1, loginAttempts: 1, rateLimitWindows: 0 });
  assert.equal(await resumeSession(database.db, config, idle.id), undefined, 'gone');
  assert.ok(typeof (await resumeSession(database.db, config, active.id)) === 'object', 'the active one lives');

  mock.timers.tick(25 * 60 * 60_000);
  assert.deepEqual(await cleanupExpiredSessions(database.db), { sessions: 1, loginAttempts: 0, rateLimitWindows: 1 });
  assert.equal(await count('auth_sessions'), 0);
  assert.equal(await count('auth_rate_limits'), 0);
});

test('the database keeps a hash of the session id, never the id itself', async () => {
  const session = await startSession(database.db, config, anna);
  const rows = await sql<{ id_hash: string }>`select id_hash from auth_sessions`.execute(database.db);
  assert.ok(rows.rows.length > 0);
  assert.ok(rows.rows.every((r) => r.id_hash !== session.id && /^[0-9a-f]{64}$/.test(r.id_hash)));
});

test('the job worker runs the cleanup every five minutes', async (ctx) => {
  const { authModule } = await import('./index.ts');
  const { captureLogs } = await import('../../../test/helpers/app.ts');
  const { logger, lines } = captureLogs();
  const cleanup = authModule.jobs?.({ config, db: database.db, dialect: database.dialect, log: logger, metrics: undefined as never })[0];
  assert.ok(cleanup);
  assert.equal(cleanup.type, 'auth.cleanup');
  assert.equal(cleanup.schedule, '*/5 * * * *');
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
  ctx.after(() => mock.timers.reset());
  await startSession(database.db, config, anna);
  mock.timers.tick(13 * 60 * 60_000);
  await cleanup.run({} as never, { id: 1, attempt: 1, key: null, signal: new AbortController().signal, log: logger });
  assert.equal(await count('auth_sessions'), 0);
  assert.ok(lines.some((l) => typeof l.sessions === 'number' && l.sessions >= 1), 'the run logs what it deleted');
});
