import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, migrateToLatest } from '../../platform/db/testing.ts';
import { caseworker, makeCase, casesTestMigrations } from './testing.ts';
import * as service from './service.ts';
import { findCaseByReference } from './store.ts';
import { applyRetention, topicRetention } from './retention.ts';

test('the longest KLE prefix decides the retention', () => {
  const rules = { handoffGraceDays: 30, topics: { '02': 100, '02.34': 3650 } };
  assert.equal(topicRetention(rules, '02.34.02'), 3650);
  assert.equal(topicRetention(rules, '02.00.05'), 100);
  assert.equal(topicRetention(rules, '27.24.00'), undefined);
  assert.equal(topicRetention(rules, '023.1'), undefined);
});

test('retention deletes a closed case only after a confirmed hand-off or its topic retention', async () => {
  const database = await createTestDatabase();
  try {
    const { db, dialect } = database;
    await migrateToLatest(db, casesTestMigrations());
    const close = async (reference: string) =>
      db.transaction().execute(async (trx) => service.changeStatus(trx, await service.caseForChange(trx, dialect, reference), { to: 'closed', reason: 'Færdig' }, caseworker));
    const handedOff = await makeCase(db, { kle: '02.34.02' });
    const notHandedOff = await makeCase(db, { kle: '02.34.02' });
    const open = await makeCase(db, { kle: '02.34.02' });
    const shortTopic = await makeCase(db, { kle: '02.00.05' });
    for (const c of [handedOff, notHandedOff, shortTopic]) await close(c.reference);
    await db.transaction().execute(async (trx) => service.confirmHandoff(trx, await service.caseForChange(trx, dialect, handedOff.reference), 'ESDH-77', caseworker));
    // An open case cannot be handed off.
    await assert.rejects(db.transaction().execute(async (trx) => service.confirmHandoff(trx, await service.caseForChange(trx, dialect, open.reference), null, caseworker)), /Only a closed case/);

    const rules = { handoffGraceDays: 30, topics: { '02': 100, '02.34': 3650 } };
    const days = (n: number) => new Date(Date.now() + n * 86_400_000);
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
  } finally {
    await database.close();
  }
});
