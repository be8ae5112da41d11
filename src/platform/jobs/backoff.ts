// When a failed job runs again: exponential backoff with "equal jitter", so that
// many jobs failing together (a mail server down) do not all retry in the same second.

export interface Backoff {
  /** Delay before the second attempt, before jitter. */
  baseMs: number;
  /** Longest delay. */
  maxMs: number;
}

export const defaultBackoff: Backoff = { baseMs: 10_000, maxMs: 3_600_000 };

/** Delay after failed attempt number `attempt` (from 1): between half and all of base·2^(attempt−1), capped. */
export function retryDelayMs(attempt: number, backoff: Backoff = defaultBackoff, random: () => number = Math.random): number {
  const full = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + random() * (full / 2));
}
