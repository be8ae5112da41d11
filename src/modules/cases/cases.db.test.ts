import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, migrateToLatest, type TestDatabase } from '../../platform/db/testing.ts';
import { openDatabase } from '../../platform/db/index.ts';
import { KanalError } from '../../platform/http/errors.ts';
import type { CaseRecord } from './schema.ts';
import { makeCase, newCaseInput, caseworker, casesTestMigrations } from './testing.ts';
import * as service from './service.ts';
import { departmentInbox } from './inbox.ts';
import { countByStatus, findLetters, findTimeline, transfersBetween } from './store.ts';
import { formatReference, normaliseReference } from './reference.ts';

async function withDb(fn: (database: TestDatabase) => Promise<void>): Promise<void> {
  const database = await createTestDatabase();
  try {
    await migrateToLatest(database.db, casesTestMigrations());
    await fn(database);
  } finally {
    await database.close();
  }
}

test('references are year-numbered, readable and continue per year', () =>
  withDb(async ({ db }) => {
    const a = await makeCase(db, { receivedAt: new Date('2026-12-31T22:59:00Z') }); // 23:59 in Copenhagen
    const b = await makeCase(db, { receivedAt: new Date('2026-12-31T23:01:00Z') }); // 00:01 on New Year's Day
    const c = await makeCase(db, { receivedAt: new Date('2026-06-01T10:00:00Z') });
    assert.equal(a.reference, '2026-000001');
    assert.equal(b.reference, '2027-000001');
    assert.equal(c.reference, '2026-000002');
    assert.equal(normaliseReference(' 2026 - 4211 '), '2026-004211');
    assert.equal(normaliseReference('2026-004211'), '2026-004211');
    assert.equal(normaliseReference('abc'), undefined);
    assert.equal(formatReference(2026, 1234567), '2026-1234567');
  }));

test('a reference taken beforehand is the case\'s; the next case gets the one after; a malformed one is refused', () =>
  withDb(async ({ db }) => {
    const taken = await db.transaction().execute(async (trx) => {
      const reference = await service.takeCaseReference(trx);
      const created = await service.createCase(trx, newCaseInput({ reference }));
      assert.equal(created.reference, reference);
      return reference;
    });
    const year = new Date().getUTCFullYear();
    assert.match(taken, new RegExp(`^(${year}|${year + 1})-\\d{6}$`));
    const next = await makeCase(db);
    assert.equal(next.reference, formatReference(Number(taken.slice(0, 4)), Number(taken.slice(5)) + 1));
    await assert.rejects(makeCase(db, { reference: '26-1' }), (e: unknown) => e instanceof KanalError && e.details?.[0]?.field === 'reference');
  }));

test('two app nodes creating cases at once never get the same reference', () =>
  withDb(async (database) => {
    const second = openDatabase({ ...database.options, poolSize: 5, sqliteFile: undefined });
    try {
      const make = (i: number) => makeCase(i % 2 ? database.db : second.db, { receivedAt: new Date('2026-03-02T10:00:00Z') });
      // PostgreSQL: all at once. SQLite: a second node in this process would block the event loop
      // on the file lock (better-sqlite3 is synchronous), so the two handles take turns.
      const created = database.dialect === 'postgres' ? await Promise.all(Array.from({ length: 40 }, (_, i) => make(i))) : [];
      if (database.dialect === 'sqlite') for (let i = 0; i < 40; i++) created.push(await make(i));
      const references = created.map((c) => c.reference).sort();
      assert.equal(new Set(references).size, 40);
      assert.equal(references[0], '2026-000001');
      assert.equal(references[39], '2026-000040');
    } finally {
      await second.close();
    }
  }));

test('PostgreSQL: a year counted before the sequences continues in its sequence; a rolled-back number is skipped', { skip: process.env.DATABASE_URL ? false : 'PostgreSQL only' }, async () => {
  const database = await createTestDatabase();
  try {
    const all = casesTestMigrations();
    // A database from before the sequences: 41 cases in 2025.
    await migrateToLatest(database.db, Object.fromEntries(Object.entries(all).filter(([name]) => name !== 'cases-20261127-year-sequences')));
    await sql`insert into case_reference_counters (year, last_number) values (2025, 41)`.execute(database.db);
    await migrateToLatest(database.db, all);
    const receivedAt = new Date('2025-05-05T10:00:00Z');
    assert.equal((await makeCase(database.db, { receivedAt })).reference, '2025-000042');
    // A case whose transaction rolls back takes its number with it; the next case does not wait for it.
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await service.createCase(trx, newCaseInput({ receivedAt }));
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    assert.equal((await makeCase(database.db, { receivedAt })).reference, '2025-000044');
  } finally {
    await database.close();
  }
});

test('a case starts received with a deadline and a public "submitted" entry; bad input changes nothing', () =>
  withDb(async ({ db }) => {
    const created = await makeCase(db, { receivedAt: new Date('2026-12-21T09:00:00Z'), deadline: { workingDays: 5 } });
    assert.equal(created.status, 'received');
    assert.equal(created.deadline, '2026-12-30'); // 22, 23, 28, 29, 30
    assert.deepEqual(created.party, { kind: 'person', cpr: '0101901234', name: 'Anne Jensen', email: 'anne@example.dk', phone: null });
    const timeline = await findTimeline(db, created.id, true);
    assert.deepEqual(timeline.map((e) => e.kind), ['submitted']);

    await assert.rejects(makeCase(db, { kle: '2.34', party: { kind: 'person', cpr: '12', name: ' ' } }), (e: unknown) => {
      assert.ok(e instanceof KanalError && e.code === 'validation_failed');
      assert.deepEqual(e.details?.map((d) => d.field), ['kle', 'party.cpr', 'party.name']);
      return true;
    });
    const count = await sql<{ n: number }>`select count(*) as n from cases`.execute(db);
    assert.equal(Number(count.rows[0]!.n), 1);
  }));

test('the timeline is append-only: the database refuses to change an entry', () =>
  withDb(async ({ db }) => {
    const created = await makeCase(db);
    await assert.rejects(sql`update case_timeline set kind = 'note' where case_id = ${created.id}`.execute(db), /append-only/);
  }));

test('status changes pause and resume the deadline, tell the citizen when the machine says so, refuse illegal moves', () =>
  withDb(async ({ db, dialect }) => {
    const created = await makeCase(db);
    const change = (to: 'in_progress' | 'waiting_for_citizen' | 'closed' | 'decided', reason?: string) =>
      db.transaction().execute(async (trx) => service.changeStatus(trx, await service.caseForChange(trx, dialect, created.reference), { to, reason }, caseworker));
    await change('in_progress');
    const waiting = await change('waiting_for_citizen', 'Mangler tegning');
    assert.notEqual(waiting.deadlinePausedAt, null);
    const resumed = await change('in_progress');
    assert.equal(resumed.deadlinePausedAt, null);
    await assert.rejects(change('decided'), /only by sending a decision/);
    const closed = await change('closed', 'Ansøgningen er trukket tilbage');
    assert.notEqual(closed.closedAt, null);
    await assert.rejects(change('waiting_for_citizen'), (e: unknown) => e instanceof KanalError && e.code === 'conflict');
    const reopened = await change('in_progress');
    assert.equal(reopened.closedAt, null);

    const all = await findTimeline(db, created.id, false);
    const statusEntries = all.filter((e) => e.kind === 'status_changed');
    assert.deepEqual(statusEntries.map((e) => [e.details.from, e.details.to, e.public]), [
      ['received', 'in_progress', true],
      ['in_progress', 'waiting_for_citizen', true],
      ['waiting_for_citizen', 'in_progress', false],
      ['in_progress', 'closed', true],
      ['closed', 'in_progress', true],
    ]);
    // The citizen sees the public entries only.
    const publicEntries = await findTimeline(db, created.id, true);
    assert.equal(publicEntries.filter((e) => e.kind === 'status_changed').length, 4);
  }));

test('message, reply and decision: the round trip between case worker and citizen', () =>
  withDb(async ({ db, dialect }) => {
    const created = await makeCase(db);
    const { updated: waiting } = await db.transaction().execute(async (trx) =>
      service.sendMessage(trx, await service.caseForChange(trx, dialect, created.reference), { subject: 'Vi mangler en tegning', body: 'Send os en tegning af carporten.', askForReply: true }, caseworker),
    );
    assert.equal(waiting.status, 'waiting_for_citizen');
    const citizen = { kind: 'citizen', id: 'sub-anne', name: 'Anne Jensen' } as const;
    const { updated: back } = await db.transaction().execute(async (trx) =>
      service.recordCitizenReply(trx, await service.caseForChange(trx, dialect, created.reference), 'Her er tegningen.', [{ fileKey: 'k1', filename: 'tegning.pdf', contentType: 'application/pdf', size: 1234 }], citizen),
    );
    assert.equal(back.status, 'in_progress');
    await assert.rejects(
      db.transaction().execute(async (trx) =>
        service.sendDecision(trx, await service.caseForChange(trx, dialect, created.reference), { subject: 'Afgørelse', body: 'Du får afslag.', decision: { result: 'refused', reasons: '', appealGuidance: '' } }, caseworker),
      ),
      (e: unknown) => e instanceof KanalError && e.code === 'validation_failed' && e.details?.map((d) => d.field).join() === 'reasons,appealGuidance',
    );
    const { updated: decided } = await db.transaction().execute(async (trx) =>
      service.sendDecision(
        trx,
        await service.caseForChange(trx, dialect, created.reference),
        { subject: 'Afgørelse om carport', body: 'Du får tilladelse.', decision: { result: 'granted', reasons: 'Carporten overholder lokalplanen.', appealGuidance: 'Du kan klage til Planklagenævnet inden 4 uger.' } },
        caseworker,
      ),
    );
    assert.equal(decided.status, 'decided');
    const letters = await findLetters(db, [created.id]);
    assert.deepEqual(letters.map((l) => [l.kind, l.subject]), [
      ['decision', 'Afgørelse om carport'],
      ['message', 'Vi mangler en tegning'],
    ]);
    assert.equal(letters[0]!.decision?.appealGuidance, 'Du kan klage til Planklagenævnet inden 4 uger.');
    const kinds = (await findTimeline(db, created.id, true)).map((e) => e.kind);
    // Back to "in progress" after the reply is internal: the citizen is not told of it.
    assert.deepEqual(kinds, ['submitted', 'message_to_citizen', 'status_changed', 'message_from_citizen', 'attachment_added', 'decision_sent', 'status_changed']);
  }));

test('transfers move the case to the other inbox as received, keep the deadline and are counted', () =>
  withDb(async ({ db, dialect }) => {
    const created = await makeCase(db);
    await assert.rejects(
      db.transaction().execute(async (trx) => service.transferCase(trx, await service.caseForChange(trx, dialect, created.reference), { id: 'kultur-fritid', name: { da: 'Kultur og Fritid', en: 'Culture and Leisure' } }, ' ', caseworker)),
      (e: unknown) => e instanceof KanalError && e.code === 'validation_failed' && e.details?.[0]?.field === 'reason',
    );
    const moved = await db.transaction().execute(async (trx) =>
      service.transferCase(trx, await service.caseForChange(trx, dialect, created.reference), { id: 'kultur-fritid', name: { da: 'Kultur og Fritid', en: 'Culture and Leisure' } }, 'Handler om en sportshal', caseworker),
    );
    assert.equal(moved.department, 'kultur-fritid');
    assert.equal(moved.transferCount, 1);
    assert.equal(moved.deadline, created.deadline);
    // The old department can no longer reach it.
    await assert.rejects(db.transaction().execute((trx) => service.caseForChange(trx, dialect, created.reference, 'miljoe-teknik')), /No such case/);
    const counts = await transfersBetween(db, '2000-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z');
    assert.deepEqual(counts, [{ from: 'miljoe-teknik', to: 'kultur-fritid', count: 1 }]);
    // The kept counts per department and status follow the move.
    assert.deepEqual(Object.fromEntries(await countByStatus(db, 'kultur-fritid')), { received: 1 });
    assert.deepEqual(Object.fromEntries(await countByStatus(db, 'miljoe-teknik')), { received: 0 });
  }));

test('transfers are counted per pair of departments in the period, most first, then by name', () =>
  withDb(async ({ db }) => {
    const created = await makeCase(db);
    const moves: [string, string, string][] = [
      ['2026-03-01T10:00:00.000Z', 'miljoe-teknik', 'kultur-fritid'],
      ['2026-03-02T10:00:00.000Z', 'borgerservice', 'miljoe-teknik'],
      ['2026-03-03T10:00:00.000Z', 'miljoe-teknik', 'kultur-fritid'],
      ['2026-03-04T10:00:00.000Z', 'kultur-fritid', 'miljoe-teknik'],
      ['2026-03-05T10:00:00.000Z', 'borgerservice', 'kultur-fritid'],
      ['2026-03-31T22:00:00.000Z', 'miljoe-teknik', 'kultur-fritid'], // the end of the period: not counted
      ['2026-02-28T23:59:59.999Z', 'borgerservice', 'kultur-fritid'], // before it
    ];
    await db.transaction().execute(async (trx) => {
      for (const [at, from, to] of moves) await service.addTimelineEntry(trx, created.id, caseworker, { kind: 'transferred', public: true, details: { from, to, reason: 'Test', citizenText: { da: '', en: '' } } }, at);
      // Other entries in the period are not transfers.
      await service.addTimelineEntry(trx, created.id, caseworker, { kind: 'note', public: false, details: { text: 'Ikke en flytning' } }, '2026-03-10T10:00:00.000Z');
    });
    assert.deepEqual(await transfersBetween(db, '2026-03-01T00:00:00.000Z', '2026-03-31T22:00:00.000Z'), [
      { from: 'miljoe-teknik', to: 'kultur-fritid', count: 2 },
      { from: 'borgerservice', to: 'kultur-fritid', count: 1 },
      { from: 'borgerservice', to: 'miljoe-teknik', count: 1 },
      { from: 'kultur-fritid', to: 'miljoe-teknik', count: 1 },
    ]);
    assert.deepEqual(await transfersBetween(db, '2027-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z'), []);
  }));

test('inbox: filters, sorting by deadline across statuses, pages, counts per status', () =>
  withDb(async ({ db, dialect }) => {
    const base = new Date('2026-11-02T09:00:00Z');
    const made: CaseRecord[] = [];
    for (let i = 0; i < 7; i++) {
      made.push(await makeCase(db, { receivedAt: new Date(base.getTime() + i * 86400000), deadline: { workingDays: 10 - i }, service: i % 2 ? 'carport' : 'byggetilladelse' }));
    }
    await makeCase(db, { department: 'kultur-fritid' });
    const set = async (reference: string, to: 'in_progress' | 'waiting_for_citizen' | 'closed') =>
      db.transaction().execute(async (trx) => service.changeStatus(trx, await service.caseForChange(trx, dialect, reference), { to }, caseworker));
    await set(made[0]!.reference, 'in_progress');
    await set(made[1]!.reference, 'waiting_for_citizen');
    await set(made[2]!.reference, 'closed');
    await db.transaction().execute(async (trx) => service.assignCase(trx, await service.caseForChange(trx, dialect, made[3]!.reference), { id: 'sub-cw', name: 'Karin' }, caseworker));

    const inbox = await departmentInbox(db, 'miljoe-teknik', 'sub-cw', {}, '2026-11-20');
    assert.deepEqual(inbox.counts, { received: 4, in_progress: 1, waiting_for_citizen: 1, decided: 0, closed: 1 });
    assert.equal(inbox.total, 6);
    const deadlines = inbox.items.map((i) => i.deadline);
    assert.deepEqual(deadlines, [...deadlines].sort());
    assert.ok(!inbox.items.some((i) => i.reference === made[2]!.reference), 'closed cases are not in the open inbox');

    const mine = await departmentInbox(db, 'miljoe-teknik', 'sub-cw', { mine: true }, '2026-11-20');
    assert.deepEqual(mine.items.map((i) => i.reference), [made[3]!.reference]);
    const unassigned = await departmentInbox(db, 'miljoe-teknik', 'sub-cw', { unassigned: true }, '2026-11-20');
    assert.equal(unassigned.total, 5);
    const carport = await departmentInbox(db, 'miljoe-teknik', 'sub-cw', { service: 'carport', status: 'all' }, '2026-11-20');
    assert.equal(carport.total, 3);
    const between = await departmentInbox(db, 'miljoe-teknik', 'sub-cw', { receivedFrom: '2026-11-03', receivedTo: '2026-11-04', sort: 'received_newest' }, '2026-11-20');
    assert.deepEqual(between.items.map((i) => i.reference), [made[2], made[1]].filter((c) => c!.reference !== made[2]!.reference).map((c) => c!.reference));
    // On 2026-11-16 every case received from the 2nd with ≤ 10 working days is overdue or due.
    const overdue = await departmentInbox(db, 'miljoe-teknik', 'sub-cw', { overdue: true }, '2026-11-16');
    assert.ok(overdue.items.length > 0);
    for (const item of overdue.items) {
      assert.ok(item.deadline < '2026-11-16');
      assert.equal(item.deadlineState, 'overdue');
      assert.notEqual(item.status, 'waiting_for_citizen', 'a paused case is not overdue');
    }
    await assert.rejects(departmentInbox(db, 'miljoe-teknik', 'sub-cw', { mine: true, unassigned: true }, '2026-11-20'), /not valid/);
    const other = await departmentInbox(db, 'kultur-fritid', 'sub-cw', {}, '2026-11-20');
    assert.equal(other.total, 1);
  }));

test('pages of 50 in deadline order across statuses', () =>
  withDb(async ({ db, dialect }) => {
    const made: CaseRecord[] = [];
    for (let i = 0; i < 60; i++) made.push(await makeCase(db, { deadline: { workingDays: 1 + (i % 30) }, receivedAt: new Date('2026-11-02T09:00:00Z') }));
    for (const c of made.slice(0, 20)) {
      await db.transaction().execute(async (trx) => service.changeStatus(trx, await service.caseForChange(trx, dialect, c.reference), { to: 'in_progress' }, caseworker));
    }
    const page1 = await departmentInbox(db, 'miljoe-teknik', 'x', {}, '2026-11-02');
    const page2 = await departmentInbox(db, 'miljoe-teknik', 'x', { page: 2 }, '2026-11-02');
    assert.equal(page1.items.length, 50);
    assert.equal(page2.items.length, 10);
    assert.equal(page1.pages, 2);
    const all = [...page1.items, ...page2.items].map((i) => `${i.deadline}#${String(i.id).padStart(4, '0')}`);
    assert.deepEqual(all, [...all].sort());
    assert.equal(new Set(all).size, 60);
  }));
