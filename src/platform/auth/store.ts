// The only file with queries on the identity layer's tables.
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db, JsonColumn, Timestamp, Trx } from '../db/index.ts';
import type { StoredIdentity } from './identity.ts';

type AuthTables = {
  auth_sessions: {
    id_hash: string;
    kind: string;
    identity: JsonColumn<StoredIdentity>;
    created_at: Timestamp;
    last_seen_at: Timestamp;
    idle_expires_at: Timestamp;
    expires_at: Timestamp;
  };
  auth_login_attempts: {
    id_hash: string;
    kind: string;
    state: string;
    nonce: string;
    code_verifier: string;
    return_to: string;
    loa: string | null;
    created_at: Timestamp;
    expires_at: Timestamp;
  };
  auth_rate_limits: {
    bucket: string;
    window_start: Timestamp;
    hits: number;
  };
};

export type SessionRow = Selectable<AuthTables['auth_sessions']>;
export type LoginAttemptRow = Selectable<AuthTables['auth_login_attempts']>;

const q = (db: Db | Trx) => db.withTables<AuthTables>();

export async function insertSession(trx: Db | Trx, row: Insertable<AuthTables['auth_sessions']>): Promise<void> {
  await q(trx).insertInto('auth_sessions').values(row).execute();
}

export async function findSession(db: Db | Trx, idHash: string): Promise<SessionRow | undefined> {
  // On every request with a session cookie: a plain statement. Building and compiling the
  // query with Kysely was about a third of this lookup's CPU in the step-page profile.
  const { rows } = await sql<SessionRow>`select * from auth_sessions where id_hash = ${idHash}`.execute(db);
  return rows[0];
}

export async function touchSession(db: Db | Trx, idHash: string, lastSeenAt: Timestamp, idleExpiresAt: Timestamp): Promise<void> {
  await q(db).updateTable('auth_sessions').set({ last_seen_at: lastSeenAt, idle_expires_at: idleExpiresAt }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Db | Trx, idHash: string): Promise<void> {
  await q(db).deleteFrom('auth_sessions').where('id_hash', '=', idHash).execute();
}

export async function insertLoginAttempt(db: Db | Trx, row: Insertable<AuthTables['auth_login_attempts']>): Promise<void> {
  await q(db).insertInto('auth_login_attempts').values(row).execute();
}

/** Reads and deletes in one go: an attempt can be completed once only. */
export async function takeLoginAttempt(trx: Trx, idHash: string): Promise<LoginAttemptRow | undefined> {
  const row = await q(trx).selectFrom('auth_login_attempts').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  if (row) await q(trx).deleteFrom('auth_login_attempts').where('id_hash', '=', idHash).execute();
  return row;
}

/** Counts one hit in the bucket's current window and returns the window's total, atomically. */
export async function countHit(db: Db | Trx, bucket: string, windowStart: Timestamp): Promise<number> {
  const row = await q(db)
    .insertInto('auth_rate_limits')
    .values({ bucket, window_start: windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet((eb) => ({ hits: eb('auth_rate_limits.hits', '+', 1) })))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return row.hits;
}

export interface CleanupCounts {
  sessions: number;
  loginAttempts: number;
  rateLimitWindows: number;
}

export async function deleteExpired(db: Db | Trx, at: Timestamp, rateWindowsBefore: Timestamp): Promise<CleanupCounts> {
  const sessions = await q(db).deleteFrom('auth_sessions').where((eb) => eb.or([eb('idle_expires_at', '<=', at), eb('expires_at', '<=', at)])).executeTakeFirst();
  const attempts = await q(db).deleteFrom('auth_login_attempts').where('expires_at', '<=', at).executeTakeFirst();
  const windows = await q(db).deleteFrom('auth_rate_limits').where('window_start', '<', rateWindowsBefore).executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    loginAttempts: Number(attempts.numDeletedRows),
    rateLimitWindows: Number(windows.numDeletedRows),
  };
}
