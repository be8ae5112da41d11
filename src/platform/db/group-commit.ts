// Group commit: small write transactions that arrive together share one durable COMMIT.
//
// With synchronous=FULL every SQLite commit waits for an fsync (a few hundred a second on
// an ordinary disk), so a hot write path such as self-service submissions is bound by the
// disk, not by its own work. Units handed to the same group while a transaction is running
// (or in the same turn of the event loop) are run one after another in the next shared
// transaction, each inside its own SAVEPOINT:
//   - a unit that throws rolls back only its own writes and gets its own error;
//   - every caller's promise settles only after the shared COMMIT has returned, so no one is
//     told "saved" before it is on disk;
//   - if the COMMIT fails, every unit that had succeeded gets that error, and nothing is stored.
// The database's own locking is unchanged: two app nodes each group their own units.
import { sql } from 'kysely';
import { dialectOf } from './conventions.ts';
import type { Db, Trx } from './index.ts';

export interface GroupCommitOptions {
  /** Most units in one transaction: bounds how long the write lock is held. */
  maxBatch?: number;
}

export interface GroupCommitStats {
  /** Shared transactions committed. */
  commits: number;
  /** Units committed in them. */
  units: number;
}

interface Unit {
  work: (trx: Trx) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export const DEFAULT_MAX_BATCH = 32;

export class GroupCommit {
  readonly #db: Db;
  readonly #maxBatch: number;
  #queue: Unit[] = [];
  #busy = false;
  #stats: GroupCommitStats = { commits: 0, units: 0 };

  constructor(db: Db, options: GroupCommitOptions = {}) {
    this.#db = db;
    this.#maxBatch = Math.max(1, options.maxBatch ?? DEFAULT_MAX_BATCH);
  }

  /**
   * Runs `work` in the next shared transaction; resolves with its result once that
   * transaction is committed. `work` must use only `trx` (on SQLite the one connection
   * is held by the shared transaction) and should be short: the batch waits for it.
   */
  run<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve, reject });
      if (!this.#busy) this.#schedule();
    });
  }

  stats(): GroupCommitStats {
    return { ...this.#stats };
  }

  #schedule(): void {
    this.#busy = true;
    // After the I/O callbacks of this turn: requests that arrived together join one batch.
    setImmediate(() => void this.#flush());
  }

  async #flush(): Promise<void> {
    const batch = this.#queue.splice(0, this.#maxBatch);
    const outcomes: Outcome[] = [];
    let failure: { error: unknown } | undefined;
    try {
      await this.#db.transaction().execute(async (trx) => {
        for (const unit of batch) outcomes.push(await runInSavepoint(trx, unit.work));
      });
      this.#stats.commits += 1;
      this.#stats.units += outcomes.filter((o) => o.ok).length;
    } catch (error) {
      // The COMMIT (or a savepoint statement) failed: the whole transaction is rolled back.
      failure = { error };
    }
    batch.forEach((unit, i) => {
      const outcome = outcomes[i];
      if (outcome && !outcome.ok) unit.reject(outcome.error);
      else if (failure || !outcome) unit.reject(failure?.error);
      else unit.resolve(outcome.value);
    });
    if (this.#queue.length > 0) this.#schedule();
    else this.#busy = false;
  }
}

async function runInSavepoint(trx: Trx, work: (trx: Trx) => Promise<unknown>): Promise<Outcome> {
  // One name, reused: a released savepoint leaves nothing behind.
  await sql`savepoint kanal_unit`.execute(trx);
  try {
    const value = await work(trx);
    await sql`release savepoint kanal_unit`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    await sql`rollback to savepoint kanal_unit`.execute(trx);
    await sql`release savepoint kanal_unit`.execute(trx);
    return { ok: false, error };
  }
}

const groups = new WeakMap<Db, GroupCommit>();

/** The database handle's own group (one per handle, i.e. per app node). */
export function groupCommitOf(db: Db): GroupCommit {
  let group = groups.get(db);
  if (!group) {
    group = new GroupCommit(db);
    groups.set(db, group);
  }
  return group;
}

/**
 * Runs `work` as one unit of the handle's group commit: in a transaction shared with other
 * units, inside its own savepoint, resolved after the shared COMMIT. See GroupCommit.
 *
 * On PostgreSQL each unit gets a transaction of its own instead: there, concurrent
 * transactions on the pool's connections already share WAL flushes, and one shared
 * transaction would run every unit's statements one round trip after another on a single
 * connection (measured: about a third of the submissions per second). The promise means the
 * same on both: settled after the COMMIT that holds the unit's writes.
 */
export function inGroupCommit<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'postgres') return db.transaction().execute(work);
  return groupCommitOf(db).run(work);
}
