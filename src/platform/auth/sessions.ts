// Server-side sessions: created at login under a new id, kept alive by activity,
// ended by logout, by the idle timeout or by the absolute timeout.
import type { Config } from '../../config.ts';
import { toTimestamp, type Db, type Trx, type Timestamp } from '../db/index.ts';
import { fromStored, toStored, type Identity, type LoginKind } from './identity.ts';
import { hashId, newSecretId } from './secrets.ts';
import { deleteExpired, deleteSession, findSession, insertSession, touchSession, type CleanupCounts } from './store.ts';

export interface ActiveSession {
  /** The cookie's value; also what the CSRF token is derived from. */
  id: string;
  identity: Identity;
  /** When the session ends if nothing more happens: the idle or the absolute timeout, whichever is first. */
  endsAt: Timestamp;
}

const MINUTE = 60_000;
/** Activity within this long of the last recorded one does not write to the database again. */
const TOUCH_INTERVAL = 30_000;

export function idleMinutes(config: Config, kind: LoginKind): number {
  return kind === 'staff' ? config.auth.session.idleMinutesStaff : config.auth.session.idleMinutesCitizen;
}

function earliest(a: Timestamp, b: Timestamp): Timestamp {
  return a < b ? a : b;
}

/** A new session, under a new id: an id seen before login never becomes a logged-in one. */
export async function startSession(trx: Trx | Db, config: Config, identity: Identity): Promise<ActiveSession> {
  const id = newSecretId();
  const at = Date.now();
  const idleExpiresAt = toTimestamp(new Date(at + idleMinutes(config, identity.kind) * MINUTE));
  const expiresAt = toTimestamp(new Date(at + config.auth.session.maxHours * 60 * MINUTE));
  await insertSession(trx, {
    id_hash: hashId(id),
    kind: identity.kind,
    identity: JSON.stringify(toStored(identity)),
    created_at: toTimestamp(new Date(at)),
    last_seen_at: toTimestamp(new Date(at)),
    idle_expires_at: idleExpiresAt,
    expires_at: expiresAt,
  });
  return { id, identity, endsAt: earliest(idleExpiresAt, expiresAt) };
}

/**
 * The live session for a cookie's id, its idle timeout pushed forward; 'expired' when
 * it has timed out (the row is deleted there and then); undefined when unknown.
 */
export async function resumeSession(db: Db, config: Config, id: string): Promise<ActiveSession | 'expired' | undefined> {
  const idHash = hashId(id);
  const row = await findSession(db, idHash);
  if (!row) return undefined;
  const at = Date.now();
  const nowTs = toTimestamp(new Date(at));
  const identity = fromStored(config, row.identity);
  if (row.idle_expires_at <= nowTs || row.expires_at <= nowTs || !identity) {
    await deleteSession(db, idHash);
    return 'expired';
  }
  let idleExpiresAt = row.idle_expires_at;
  if (at - Date.parse(row.last_seen_at) >= TOUCH_INTERVAL) {
    idleExpiresAt = toTimestamp(new Date(at + idleMinutes(config, identity.kind) * MINUTE));
    await touchSession(db, idHash, nowTs, idleExpiresAt);
  }
  return { id, identity, endsAt: earliest(idleExpiresAt, row.expires_at) };
}

export async function endSession(db: Db | Trx, id: string): Promise<void> {
  await deleteSession(db, hashId(id));
}

/**
 * Deletes timed-out sessions, unfinished logins and old rate-limit counters.
 * Expired sessions are also deleted when someone presents one; this catches the rest.
 * For the job scheduler: run it every few minutes.
 */
export async function cleanupExpiredSessions(db: Db): Promise<CleanupCounts> {
  const at = Date.now();
  return deleteExpired(db, toTimestamp(new Date(at)), toTimestamp(new Date(at - 24 * 60 * MINUTE)));
}

/** "Stay logged in": pushes the idle timeout forward now (never past the absolute one). */
export async function renewSession(db: Db, config: Config, session: ActiveSession): Promise<ActiveSession> {
  const at = Date.now();
  const idleExpiresAt = toTimestamp(new Date(at + idleMinutes(config, session.identity.kind) * MINUTE));
  await touchSession(db, hashId(session.id), toTimestamp(new Date(at)), idleExpiresAt);
  const row = await findSession(db, hashId(session.id));
  return { ...session, endsAt: row ? earliest(idleExpiresAt, row.expires_at) : idleExpiresAt };
}
