// The department inbox and the citizen overview with 1,000,000 cases, on SQLite and, when
// DATABASE_URL is set, on PostgreSQL (a fresh schema, dropped afterwards). Prints p50/p95
// per query against the goal (p95 ≤ 20 ms) and each query's plan.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { CompiledQuery, sql, type Compilable, type Kysely } from 'kysely';
import { openDatabase, migrateToLatest, type Database } from '../src/platform/db/index.ts';
import { casesMigrations } from '../src/modules/cases/migrations.ts';
import { departmentInbox, inboxQuery, type InboxFilter } from '../src/modules/cases/inbox.ts';
import * as store from '../src/modules/cases/store.ts';
import { nameKey } from '../src/modules/cases/service.ts';

const TOTAL = Number(process.env.KANAL_BENCH_CASES ?? 1_000_000);
const GOAL_MS = 20;
const RUNS = 300;
const TODAY = '2026-11-27';

const departments: [string, number][] = [
  ['miljoe-teknik', 0.3],
  ['social-sundhed', 0.25],
  ['boern-unge', 0.2],
  ['borgerservice', 0.1],
  ['kultur-fritid', 0.1],
  ['administration', 0.05],
];
const firstNames = ['Anne', 'Bo', 'Camilla', 'Dennis', 'Emma', 'Frederik', 'Gitte', 'Hans', 'Ida', 'Jens', 'Karen', 'Lars', 'Mette', 'Niels', 'Ole', 'Pia', 'Rasmus', 'Sofie', 'Torben', 'Ulla'];
const lastNames = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen'];

// A small deterministic generator, so both databases get the same cases.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = 300_000;
// Distinct, well-formed CPR numbers: day, month, year, then a sequence number.
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const cprOf = (i: number) => `${pad(1 + (i % 28), 2)}${pad(1 + (Math.floor(i / 28) % 12), 2)}${pad(40 + (Math.floor(i / 336) % 60), 2)}${pad(Math.floor(i / 20160), 4)}`;
const nameOf = (i: number) => `${firstNames[i % firstNames.length]} ${lastNames[Math.floor(i / firstNames.length) % lastNames.length]}`;

function pick<T>(rnd: () => number, weighted: [T, number][]): T {
  let r = rnd();
  for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
  return weighted[weighted.length - 1]![0];
}

const DAY_MS = 86_400_000;
const end = Date.parse(`${TODAY}T12:00:00Z`);
const start = end - 10 * 365 * DAY_MS;

function makeRow(i: number, rnd: () => number) {
  const received = start + Math.floor(rnd() * (end - start));
  const recent = end - received < 180 * DAY_MS;
  const status = recent
    ? pick(rnd, [['received', 0.3], ['in_progress', 0.4], ['waiting_for_citizen', 0.15], ['decided', 0.1], ['closed', 0.05]])
    : pick(rnd, [['closed', 0.98], ['decided', 0.02]]);
  const department = pick(rnd, departments);
  const person = Math.floor(rnd() * PEOPLE);
  const receivedAt = new Date(received);
  const deadline = new Date(received + (10 + Math.floor(rnd() * 40)) * DAY_MS).toISOString().slice(0, 10);
  const assigned = rnd() < 0.7;
  const worker = Math.floor(rnd() * 20);
  const isoReceived = receivedAt.toISOString();
  return {
    reference: `${receivedAt.getUTCFullYear()}-${String(i).padStart(7, '0')}`,
    title: 'Ansøgning',
    service: `${department}-service-${Math.floor(rnd() * 10)}`,
    kle: '02.34.02',
    kle_action: null,
    department,
    party_kind: 'person',
    party_cpr: cprOf(person),
    party_cvr: null,
    party_name: nameOf(person),
    party_name_key: nameKey(nameOf(person)),
    contact_email: null,
    contact_phone: null,
    status,
    assignee: assigned ? `${department}-worker-${worker}` : null,
    assignee_name: assigned ? `Medarbejder ${worker}` : null,
    priority: 'normal',
    deadline,
    deadline_paused_at: status === 'waiting_for_citizen' ? isoReceived : null,
    submission: '{"sections":[]}',
    received_at: isoReceived,
    updated_at: isoReceived,
    closed_at: status === 'closed' ? new Date(received + 30 * DAY_MS).toISOString() : null,
    transfer_count: 0,
    handoff_confirmed_at: null,
    handoff_reference: null,
  };
}

async function fill(database: Database): Promise<void> {
  const rnd = random(42);
  const batch = 1000;
  const perTransaction = 50;
  const started = Date.now();
  // Loading only: no fsync per batch and a large page cache; both are reset before measuring.
  if (database.dialect === 'sqlite') {
    await sql`pragma synchronous = off`.execute(database.db);
    await sql`pragma cache_size = -1000000`.execute(database.db);
  }
  for (let i = 0; i < TOTAL; i += batch * perTransaction) {
    await database.db.transaction().execute(async (trx) => {
      const any = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
      for (let k = i; k < Math.min(TOTAL, i + batch * perTransaction); k += batch) {
        const rows = Array.from({ length: Math.min(batch, TOTAL - k) }, (_, j) => makeRow(k + j + 1, rnd));
        await any.insertInto('cases').values(rows).execute();
      }
    });
    process.stderr.write(`\r  inserting cases: ${Math.min(TOTAL, i + batch * perTransaction).toLocaleString('en')} / ${TOTAL.toLocaleString('en')}`);
  }
  if (database.dialect === 'sqlite') {
    await sql`pragma synchronous = full`.execute(database.db);
    await sql`pragma cache_size = -2000`.execute(database.db);
  }
  process.stderr.write(`\r  inserted ${TOTAL.toLocaleString('en')} cases in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(name: string, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(`${name.padEnd(58)} p50 ${percentile(times, 50).toFixed(2).padStart(6)} ms  p95 ${p95.toFixed(2).padStart(6)} ms  ${p95 <= GOAL_MS ? `(goal ≤ ${GOAL_MS} ms: met)` : `(goal ≤ ${GOAL_MS} ms: MISSED)`}`);
  return p95;
}

async function plan(database: Database, name: string, query: Compilable): Promise<void> {
  const compiled = query.compile();
  const explain = database.dialect === 'postgres' ? 'explain (analyze, costs off, timing off, summary off)' : 'explain query plan';
  const { rows } = await database.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`${explain} ${compiled.sql}`, [...compiled.parameters]));
  console.log(`  plan: ${name}`);
  const lines = database.dialect === 'postgres' ? rows.map((r) => String(r['QUERY PLAN'])) : rows.map((r) => `${'  '.repeat(depthOf(rows, r))}${String(r.detail)}`);
  for (const line of lines) console.log(`    ${line}`);
}

function depthOf(rows: Record<string, unknown>[], row: Record<string, unknown>): number {
  let depth = 0;
  let parent = Number(row.parent);
  while (parent !== 0) {
    depth++;
    parent = Number(rows.find((r) => Number(r.id) === parent)?.parent ?? 0);
  }
  return depth;
}

async function benchDatabase(label: string, database: Database, filled = false): Promise<void> {
  console.log(`\n## Cases on ${label}: ${TOTAL.toLocaleString('en')} cases`);
  if (!filled) {
    await migrateToLatest(database.db, casesMigrations);
    await fill(database);
    // After a bulk load; in production autovacuum does this as cases come in.
    await sql.raw(database.dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(database.db);
  }

  const department = 'miljoe-teknik';
  const viewer = `${department}-worker-3`;
  // The overview as Miljø og Teknik sees it: Social og Sundhed's cases left out.
  const closed = ['social-sundhed'];
  const inboxes: [string, InboxFilter][] = [
    ['open cases by deadline (the default)', {}],
    ['received only, by deadline', { status: 'received' }],
    ['mine, open, by deadline', { mine: true }],
    ['unassigned, open, by deadline', { unassigned: true }],
    ['overdue', { overdue: true }],
    ['all statuses, newest first', { status: 'all', sort: 'received_newest' }],
    ['closed, received in October, newest first', { status: 'closed', receivedFrom: '2026-10-01', receivedTo: '2026-10-31', sort: 'received_newest' }],
    ['one service, open, by deadline', { service: `${department}-service-3` }],
    ['open cases by deadline, page 10', { page: 10 }],
  ];
  for (const [name, filter] of inboxes) {
    await measure(`inbox: ${name} (page, total, counts)`, () => departmentInbox(database.db, department, viewer, filter, TODAY));
  }
  const sample = makeRow(123_456, random(7));
  await measure('citizen overview: cases of one person (CPR)', () => store.findCasesForParty(database.db, { cpr: sample.party_cpr }, 200, closed));
  await measure('citizen overview: people by name ("mette ha")', () => store.findPartiesByName(database.db, 'mette ha', 20, closed));
  await measure('case by reference', () => store.findCaseByReference(database.db, sample.reference));

  console.log('\nQuery plans');
  const query = inboxQuery(department, viewer, {}, TODAY);
  await plan(database, 'inbox page: open cases by deadline', store.inboxPageQuery(database.db, query));
  await plan(database, 'inbox total: open cases', store.inboxTotalQuery(database.db, query));
  await plan(database, 'inbox page: all statuses, newest first', store.inboxPageQuery(database.db, inboxQuery(department, viewer, { status: 'all', sort: 'received_newest' }, TODAY)));
  await plan(database, 'inbox page: overdue', store.inboxPageQuery(database.db, inboxQuery(department, viewer, { overdue: true }, TODAY)));
  await plan(database, 'counts per status', store.statusCountsQuery(database.db, department));
  await plan(database, 'cases of one person', store.casesForPartyQuery(database.db, { cpr: sample.party_cpr }, 200, closed));
  await plan(database, 'people by name', store.partiesByNameQuery(database.db, 'mette ha', 20, closed));
}

export async function run(): Promise<void> {
  // KANAL_BENCH_KEEP=<dir>: keep the filled SQLite database there and reuse it next time.
  const keep = process.env.KANAL_BENCH_KEEP;
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-bench-cases-'));
  const filled = keep !== undefined && fs.existsSync(path.join(dir, 'kanal.sqlite'));
  // KANAL_BENCH_ONLY=sqlite or postgres runs one of them.
  const only = process.env.KANAL_BENCH_ONLY;
  if (only !== 'postgres') {
    const sqlite = openDatabase({ dataDir: dir });
    try {
      await benchDatabase('SQLite', sqlite, filled);
    } finally {
      await sqlite.close();
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const url = only === 'sqlite' ? undefined : process.env.DATABASE_URL;
  if (!url) {
    console.log('\n(PostgreSQL skipped: set DATABASE_URL to run it.)');
    return;
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const postgres = openDatabase({ databaseUrl: url, dataDir: dir, searchPath: schema });
  try {
    await benchDatabase('PostgreSQL', postgres);
  } finally {
    await postgres.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
