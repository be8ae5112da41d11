import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, holdLocks, migrateToLatest } from '../../platform/db/testing.ts';
import type { Db, Dialect, Trx } from '../../platform/db/index.ts';
import { caseworker, makeCase, casesTestMigrations } from './testing.ts';
import * as service from './service.ts';
import type { CaseStatus } from './status.ts';
import type { CaseRecord } from './schema.ts';
import { findCaseByReference, findTimeline } from './store.ts';
import { applyRetention, topicRetention } from './retention.ts';

const rules = { handoffGraceDays: 30, topics: { '02': 100, '02.34': 3650 } };
const days = (n: number) => new Date(Date.now() + n * 86_400_000);

/** A fresh database with the cases tables for one test, closed afterwards. */
async function withCasesDatabase(run: (db: Db, dialect: Dialect) => Promise<void>): Promise<void> {
  const database = await createTestDatabase();
  try {
    await migrateToLatest(database.db, casesTestMigrations());
    await run(database.db, database.dialect);
  } finally {
    await database.close();
  }
}

/** Moves a case to another status in a transaction of its own (or in `trx`). */
async function moveCase(db: Db, dialect: Dialect, reference: string, to: CaseStatus, trx?: Trx): Promise<CaseRecord> {
  if (!trx) return db.transaction().execute((trx) => moveCase(db, dialect, reference, to, trx));
  return service.changeStatus(trx, await service.caseForChange(trx, dialect, reference), { to, reason: to === 'closed' ? 'Færdig' : 'Klage' }, caseworker);
}

/** A case closed and handed off to the ESDH: due for deletion after the grace period. */
async function handedOffCase(db: Db, dialect: Dialect) {
  const created = await makeCase(db, { kle: '02.34.02' });
  await moveCase(db, dialect, created.reference, 'closed');
  await db.transaction().execute(async (trx) => service.confirmHandoff(trx, await service.caseForChange(trx, dialect, created.reference), 'ESDH-77', caseworker));
  return created;
}

/** The database, with `step` run (and committed) before the first transaction: after retention read its candidates, before it deletes one. */
function withStepBeforeFirstTransaction(db: Db, step: () => Promise<unknown>): Db {
  let stepped: Promise<unknown> | undefined;
  return new Proxy(db, {
    get(target, name) {
      if (name === 'transaction') {
        return () => ({
          execute: async (work: (trx: Trx) => Promise<unknown>): Promise<unknown> => {
            await (stepped ??= step());
            return target.transaction().execute(work);
          },
        });
      }
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

test('the longest KLE prefix decides the retention', () => {
  const rules = { handoffGraceDays: 30, topics: { '02': 100, '02.34': 3650 } };
  assert.equal(topicRetention(rules, '02.34.02'), 3650);
  assert.equal(topicRetention(rules, '02.00.05'), 100);
  assert.equal(topicRetention(rules, '27.24.00'), undefined);
  assert.equal(topicRetention(rules, '023.1'), undefined);
});

test('retention deletes a closed case only after a confirmed hand-off or its topic retention', () =>
  withCasesDatabase(async (db, dialect) => {
    const close = (reference: string) => moveCase(db, dialect, reference, 'closed');
    const handedOff = await makeCase(db, { kle: '02.34.02' });
    const notHandedOff = await makeCase(db, { kle: '02.34.02' });
    const open = await makeCase(db, { kle: '02.34.02' });
    const shortTopic = await makeCase(db, { kle: '02.00.05' });
    for (const c of [handedOff, notHandedOff, shortTopic]) await close(c.reference);
    await db.transaction().execute(async (trx) => service.confirmHandoff(trx, await service.caseForChange(trx, dialect, handedOff.reference), 'ESDH-77', caseworker));
    // An open case cannot be handed off.
    await assert.rejects(db.transaction().execute(async (trx) => service.confirmHandoff(trx, await service.caseForChange(trx, dialect, open.reference), null, caseworker)), /Only a closed case/);

    assert.deepEqual(await applyRetention(db, rules, days(29)), [], 'within the grace period nothing goes');
    assert.deepEqual(await applyRetention(db, rules, days(31)), [{ reference: handedOff.reference, why: 'handoff' }]);
    assert.equal(await findCaseByReference(db, handedOff.reference), undefined);
    const left = await sql<{ n: number }>`select count(*) as n from case_timeline where case_id = ${handedOff.id}`.execute(db);
    assert.equal(Number(left.rows[0]!.n), 0, 'its timeline went with it');

    assert.deepEqual(await applyRetention(db, rules, days(101)), [{ reference: shortTopic.reference, why: 'retention' }]);
    assert.deepEqual(await applyRetention(db, rules, days(3000)), [], 'a closed case without hand-off waits for its topic retention');
    assert.ok(await findCaseByReference(db, notHandedOff.reference));
    assert.deepEqual(await applyRetention(db, rules, days(3651)), [{ reference: notHandedOff.reference, why: 'retention' }]);
    assert.ok(await findCaseByReference(db, open.reference), 'an open case is never deleted');
    // Every deletion is in the audit log, with why.
    const audited = await sql<{ action: string; subject_cpr: string; purpose: string; details: unknown }>`select action, subject_cpr, purpose, details from audit_log where action = 'case.delete' order by id`.execute(db);
    assert.equal(audited.rows.length, 3);
    assert.equal(audited.rows[0]!.subject_cpr, '0101901234');
    assert.match(audited.rows[0]!.purpose, /overdragelse/);
    assert.match(audited.rows[1]!.purpose, /opbevaringsfristen for KLE 02\.00\.05/);
  }));

test('cases kept by a longer retention never hold up the due cases after them, however many there are', () =>
  withCasesDatabase(async (db, dialect) => {
    // A page of cases under '02' that '02.34' keeps for ten years, then one whose 100 days are over.
    const kept = [await makeCase(db, { kle: '02.34.02' }), await makeCase(db, { kle: '02.34.02' })];
    const due = await makeCase(db, { kle: '02.00.05' });
    for (const c of [...kept, due]) await moveCase(db, dialect, c.reference, 'closed');
    assert.deepEqual(await applyRetention(db, rules, days(101), kept.length), [{ reference: due.reference, why: 'retention' }]);
    for (const c of kept) assert.ok(await findCaseByReference(db, c.reference));
  }));

test('retention keeps a case reopened after it read its candidates', () =>
  withCasesDatabase(async (db, dialect) => {
    const reopened = await handedOffCase(db, dialect);
    const stillClosed = await handedOffCase(db, dialect);
    const reopen = () => moveCase(db, dialect, reopened.reference, 'in_progress');

    assert.deepEqual(await applyRetention(withStepBeforeFirstTransaction(db, reopen), rules, days(31)), [{ reference: stillClosed.reference, why: 'handoff' }]);
    assert.equal((await findCaseByReference(db, reopened.reference))?.status, 'in_progress', 'an open case is never deleted');
    assert.ok((await findTimeline(db, reopened.id, false)).some((e) => e.kind === 'status_changed' && e.details.to === 'in_progress'));
  }));

test('PostgreSQL: retention waits for a reopen that holds the case, and keeps it', { skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: SQLite has one writer at a time' }, () =>
  withCasesDatabase(async (db, dialect) => {
    const handedOff = await handedOffCase(db, dialect);

    // Another caseworker reopens the case; the transaction holds the case's row until released.
    const reopen = await holdLocks(db, (trx) => moveCase(db, dialect, handedOff.reference, 'in_progress', trx));
    const retention = applyRetention(db, rules, days(31));
    // Retention has read the case as closed and now waits for the reopen's lock.
    await reopen.waiters(1);
    await reopen.release();

    assert.deepEqual(await retention, []);
    assert.equal((await findCaseByReference(db, handedOff.reference))?.status, 'in_progress', 'an open case is never deleted');
    assert.ok((await findTimeline(db, handedOff.id, false)).some((e) => e.kind === 'status_changed' && e.details.to === 'in_progress'), 'with the reopen on its timeline');
  }));
