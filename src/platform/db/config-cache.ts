// Configuration that hot paths read on every request (the active webhooks, the topics), kept in
// memory on PostgreSQL, where each statement is a network round trip.
//
// A module reads a table it owns with readConfig(); the result is kept per Db (per app node)
// until the table changes. A statement trigger on the table (notifyConfigChanges, called from
// the owning module's migration) sends NOTIFY kanal_config '<schema>.<table>' when a change
// commits, and each Db has one LISTEN connection, opened on its first read. The rules:
//  1. While that connection is not listening (connecting, lost, waiting to reconnect), nothing
//     is cached: every read goes to the database. Once it listens again, the cache starts empty.
//  2. A notification for a table drops that table's entries.
//  3. Each table has a generation, bumped by every notification; a read stores what it loaded
//     only if the generation did not change while it ran (else it may predate the change).
//  4. An entry is served for at most a minute (maxAgeMs), then loaded again: a LISTEN connection
//     cut without a word (a network failure) is noticed only by TCP keepalive, after minutes, and
//     a node must not serve another node's old configuration for that long.
//  5. The node that changes a table reads its change at once, without waiting for the
//     notification: the store function that writes calls configChanged(trx, table), which drops
//     the table's entries like a notification, and until that transaction has ended, reads of
//     the table go to the database through the caller's handle (so the writing transaction sees
//     its own change) and keep nothing.
//  6. A caller that finds a kept copy out of date (a row it relied on has changed, and the
//     notification is not here yet) reads with { fresh: true }: from the database through its own
//     handle, and the table's entries are dropped as if the notification had come.
// Cached reads run on the LISTEN connection, outside the caller's transaction. That is fine for
// configuration, which no transaction both changes and reads, and it never waits for a pool
// connection: a transaction that holds one and waits for another can wait for ever on a busy pool.
//
// On SQLite nothing is cached: a statement costs microseconds there, and the processes that
// share the file (serve, worker, the CLI) have no channel to tell each other of a change.
import { Kysely, sql } from 'kysely';
import type pg from 'pg';
import { dialectOf } from './conventions.ts';
import { KanalPostgresDialect, singleClientPool, whenTransactionEnds } from './postgres.ts';
import type { Db, Trx } from './index.ts';

// pg's Client has them (they ref and unref its socket); @types/pg leaves them out.
declare module 'pg' {
  interface Client {
    ref(): void;
    unref(): void;
  }
}

const CHANNEL = 'kanal_config';
/** How long reads go to the database before they try the LISTEN connection again after it failed. */
const RETRY_MS = 5000;
/** The longest an entry is served without a reload (rule 4). */
const MAX_AGE_MS = 60_000;

/** Where the cache tells the operator that it stopped or started caching (the app's logger fits). */
export interface ConfigCacheLog {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

/** A value served from the cache: deeply read-only, since every caller gets the same copy. */
export type Frozen<T> = T extends readonly (infer U)[] ? readonly Frozen<U>[] : T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;

interface TableState {
  generation: number;
  /** Transactions of this node that changed the table and have not ended yet. */
  openWrites: number;
  entries: Map<string, { value: unknown; loadedAt: number }>;
}

interface Listening {
  client: pg.Client;
  /** A handle on that same connection, for the loads. */
  reader: Db;
  /** Loads running on it: while there are some, the connection keeps the process alive. */
  loads: number;
}

export class ConfigCache {
  readonly #open: () => pg.Client;
  readonly #maxAgeMs: number;
  readonly #tables = new Map<string, TableState>();
  #listening: Listening | undefined;
  #connecting: Promise<void> | undefined;
  readonly #log: ConfigCacheLog | undefined;
  #retryAt = 0;
  #closed = false;
  /** Since the LISTEN connection failed or was lost, until it listens again: said once each way. */
  #failing = false;

  /** `open` makes the (unconnected) client for the LISTEN connection. */
  constructor(open: () => pg.Client, { maxAgeMs = MAX_AGE_MS, log }: { maxAgeMs?: number; log?: ConfigCacheLog | undefined } = {}) {
    this.#open = open;
    this.#maxAgeMs = maxAgeMs;
    this.#log = log;
  }

  /** Whether reads are cached now. */
  get listening(): boolean {
    return this.#listening !== undefined;
  }

  /**
   * What `load` gives for `table` and `key`: from the cache, or loaded and kept. `load` reads
   * only `table`, and a key always stands for the same load.
   */
  async read<T>(handle: Db | Trx, table: string, key: string, load: (db: Db) => Promise<T>, { fresh = false } = {}): Promise<Frozen<T>> {
    const state = this.#table(table);
    if (fresh) this.#forget(state);
    const listening = this.#listening;
    if (!listening) this.#listenSoon();
    if (!listening || fresh || state.openWrites > 0) return deepFreeze(await load(handle));
    const kept = state.entries.get(key);
    if (kept && Date.now() - kept.loadedAt < this.#maxAgeMs) return kept.value as Frozen<T>;
    const generation = state.generation;
    const loadedAt = Date.now();
    let value: Frozen<T>;
    try {
      value = deepFreeze(await this.#loadOn(listening, load));
    } catch {
      // The LISTEN connection failed under the load (if the load itself is wrong, it fails again here).
      return deepFreeze(await load(handle));
    }
    if (state.generation === generation) state.entries.set(key, { value, loadedAt });
    return value;
  }

  /** `handle` has just changed `table`: see rule 5 above. */
  async changed(handle: Db | Trx, table: string): Promise<void> {
    const state = this.#table(table);
    this.#forget(state);
    if (!handle.isTransaction) return;
    state.openWrites += 1;
    await whenTransactionEnds(handle, () => (state.openWrites -= 1));
  }

  /** Opens the LISTEN connection unless it is open or opening; resolves once it listens or has failed. */
  listen(): Promise<void> {
    if (this.#closed || this.#listening) return Promise.resolve();
    return (this.#connecting ??= this.#connect().finally(() => (this.#connecting = undefined)));
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#connecting;
    const listening = this.#listening;
    this.#listening = undefined;
    await listening?.client.end().catch(() => undefined);
  }

  #table(table: string): TableState {
    let state = this.#tables.get(table);
    if (!state) this.#tables.set(table, (state = { generation: 0, openWrites: 0, entries: new Map() }));
    return state;
  }

  #forget(state: TableState): void {
    state.generation += 1;
    state.entries.clear();
  }

  #listenSoon(): void {
    if (!this.#closed && !this.#connecting && Date.now() >= this.#retryAt) void this.listen();
  }

  async #connect(): Promise<void> {
    const client = this.#open();
    // Idle, the connection must not keep the process alive (a CLI command that forgets to close).
    client.unref();
    let lost: unknown;
    const onLost = (error?: unknown) => {
      lost = error ?? new Error('The connection ended.');
      this.#lost(client, lost);
    };
    client.on('error', onLost).on('end', onLost);
    try {
      await client.connect();
      const { rows } = await client.query<{ schema: string }>('select current_schema() as schema');
      // Channels are database-wide: other schemas' (other test databases') changes are not ours.
      const prefix = `${rows[0]!.schema}.`;
      client.on('notification', ({ payload }) => {
        const state = payload?.startsWith(prefix) ? this.#tables.get(payload.slice(prefix.length)) : undefined;
        if (state) this.#forget(state);
      });
      await client.query(`listen ${CHANNEL}`);
    } catch (error) {
      lost = error;
    }
    if (lost || this.#closed) {
      this.#retryAt = Date.now() + RETRY_MS;
      if (lost && !this.#closed) this.#failed(lost, 'cannot listen for configuration changes');
      await client.end().catch(() => undefined);
      return;
    }
    if (this.#failing) this.#log?.info({}, 'configuration cache: listening again; configuration is cached again');
    this.#failing = false;
    for (const state of this.#tables.values()) this.#forget(state);
    this.#listening = { client, reader: new Kysely({ dialect: new KanalPostgresDialect({ pool: singleClientPool(client) }) }), loads: 0 };
  }

  #lost(client: pg.Client, error: unknown): void {
    if (this.#listening?.client !== client) return;
    this.#listening = undefined;
    for (const state of this.#tables.values()) this.#forget(state);
    this.#retryAt = Date.now() + RETRY_MS;
    if (!this.#closed) this.#failed(error, 'lost the connection that listens for configuration changes');
    void client.end().catch(() => undefined);
  }

  /** Said once until it listens again: a database that is down would otherwise log every 5 s. */
  #failed(error: unknown, what: string): void {
    if (this.#failing) return;
    this.#failing = true;
    this.#log?.warn({ error: error instanceof Error ? error.message : String(error) }, `configuration cache: ${what}; every read goes to the database until it listens again (next try in ${RETRY_MS / 1000} s)`);
  }

  async #loadOn<T>(listening: Listening, load: (db: Db) => Promise<T>): Promise<T> {
    if (listening.loads++ === 0) listening.client.ref();
    try {
      return await load(listening.reader);
    } finally {
      if (--listening.loads === 0) listening.client.unref();
    }
  }
}

function deepFreeze<T>(value: T): Frozen<T> {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (Array.isArray(value) || proto === Object.prototype || proto === null) {
      Object.freeze(value);
      for (const item of Object.values(value)) deepFreeze(item);
    }
  }
  return value as Frozen<T>;
}

// Keyed by the adapter: the one object a Db shares with its transactions and withTables() views.
const caches = new WeakMap<object, ConfigCache>();

/** Gives a PostgreSQL Db its cache (openDatabase does); `open` makes the LISTEN connection's client. */
export function attachConfigCache(db: Db, open: () => pg.Client, log?: ConfigCacheLog): ConfigCache {
  const cache = new ConfigCache(open, { log });
  caches.set(db.getExecutor().adapter, cache);
  return cache;
}

/** The handle's cache; none on SQLite. */
export function configCacheOf(db: Db | Trx): ConfigCache | undefined {
  return caches.get(db.getExecutor().adapter);
}

/**
 * Reads configuration: `load` (a read of `table` only, the same for the same `key`) through the
 * handle's cache on PostgreSQL, straight from the database on SQLite. Either way the result is
 * frozen. A cached result is read outside the caller's transaction (see the top of this file).
 * `fresh`: read from the database now, through `db`, and drop what is kept of the table (rule 6).
 */
export async function readConfig<T>(db: Db | Trx, table: string, key: string, load: (db: Db) => Promise<T>, options: { fresh?: boolean } = {}): Promise<Frozen<T>> {
  const cache = configCacheOf(db);
  return cache ? cache.read(db, table, key, load, options) : deepFreeze(await load(db));
}

/** Every store function that writes a table read with readConfig calls this right after the write. */
export async function configChanged(trx: Db | Trx, table: string): Promise<void> {
  await configCacheOf(trx)?.changed(trx, table);
}

/**
 * For the owning module's migration: on PostgreSQL, a statement trigger on `table` that tells
 * every node's cache of each committed change. Nothing on SQLite, where nothing is cached.
 */
export async function notifyConfigChanges(db: Pick<Kysely<unknown>, 'getExecutor'>, table: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`create or replace function kanal_config_changed() returns trigger language plpgsql as $$
    begin perform pg_notify(${sql.lit(CHANNEL)}, tg_table_schema || '.' || tg_table_name); return null; end $$`.execute(db);
  await sql`create trigger ${sql.id(`${table}_config_changed`)} after insert or update or delete or truncate on ${sql.table(table)}
    for each statement execute function kanal_config_changed()`.execute(db);
}
