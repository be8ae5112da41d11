// Rate limits kept in the database, so they hold across all app nodes.
import { inGroupCommit, toTimestamp, type Db } from '../db/index.ts';
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
  // Every POST counts a hit: through group commit, hits arriving together share one fsync.
  const hits = await inGroupCommit(db, (trx) => countHit(trx, bucket, toTimestamp(new Date(windowStart))));
  return { allowed: hits <= limit, retryAfter: Math.max(1, Math.ceil((windowStart + windowMs - at) / 1000)) };
}
