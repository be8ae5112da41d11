// Rate limits kept in the database, so they hold across all app nodes.
import { dialectOf, inGroupCommit, toTimestamp, type Db } from '../db/index.ts';
import { countHit } from './store.ts';

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the current window ends. */
  retryAfter: number;
}

/** Counts a hit on `bucket` in a fixed window of `windowMs` and says whether it is within `limit`. */
export async function hitRateLimit(db: Db, bucket: string, limit: number, windowMs: number): Promise<RateLimitResult> {
  const at = Date.now();
  const windowStart = Math.floor(at / windowMs) * windowMs;
  // Every POST counts a hit. SQLite: through group commit, hits arriving together share one
  // fsync. PostgreSQL: the one upsert commits on its own — no BEGIN and COMMIT round trips.
  const windowStarted = toTimestamp(new Date(windowStart));
  const hits = dialectOf(db) === 'postgres' ? await countHit(db, bucket, windowStarted) : await inGroupCommit(db, (trx) => countHit(trx, bucket, windowStarted));
  return { allowed: hits <= limit, retryAfter: Math.max(1, Math.ceil((windowStart + windowMs - at) / 1000)) };
}
