import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestDatabase, migrateToLatest, whileHeld, type TestDatabase } from '../../platform/db/testing.ts';
import type { Db, Trx } from '../../platform/db/index.ts';
import { migrations } from './migrations.ts';
import { record, correct, remove, recentRegistrations, rebuildAggregates, InvalidContact, CORRECTION_MINUTES } from './registry.ts';
import { importFigures } from './import/importer.ts';
import { channels, kinds, type ContactInput, type DailyAggregate } from './schema.ts';
import * as store from './store.ts';

let database: TestDatabase;
let db: Db;
before(async () => {
  database = await createTestDatabase();
  db = database.db;
  await migrateToLatest(db, migrations);
});
after(() => database.close());

const write = <T>(fn: (trx: Trx) => Promise<T>) => db.transaction().execute(fn);

const sortKey = (a: DailyAggregate) =>
  [a.day, a.channel, a.direction, a.kind, a.topic, a.department, a.service, a.resolved, a.failureDemand, a.assisted, a.source].join('|');
const sorted = (rows: DailyAggregate[]) => [...rows].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));

async function clear(): Promise<void> {
  await db.deleteFrom('contact' as never).execute();
  await db.deleteFrom('contact_daily' as never).execute();
  for (const rollUp of store.rollUps) await db.deleteFrom(rollUp.name as never).execute();
  await db.deleteFrom('contact_import' as never).execute();
}

async function assertAggregatesMatchRecount(): Promise<void> {
  assert.deepEqual(sorted(await store.allAggregates(db)), sorted(await store.recount(db)));
  for (const rollUp of store.rollUps) assert.deepEqual(await store.rollUpRows(db, rollUp, 'stored'), await store.rollUpRows(db, rollUp, 'recount'), rollUp.name);
}

const allRollUps = async () => Promise.all(store.rollUps.map((r) => store.rollUpRows(db, r, 'stored')));

test('record stores the contact with defaults and adds it to the day\'s aggregate', async () => {
  await clear();
  const { id, day } = await write((trx) => record(trx, { at: '2026-11-02T09:15:00.000Z', channel: 'phone', kind: 'information', topic: 'affald' }));
  const contact = await store.findContact(db, id);
  assert.ok(contact);
  assert.equal(day, '2026-11-02');
  assert.deepEqual(
    { ...contact, id: 0, createdAt: '' },
    {
      id: 0,
      occurredAt: '2026-11-02T09:15:00.000Z',
      day: '2026-11-02',
      channel: 'phone',
      direction: 'in',
      kind: 'information',
      topic: 'affald',
      service: null,
      department: 'miljoe-teknik',
      resolved: 'unknown',
      failureDemand: false,
      assisted: false,
      source: 'automatic',
      batchId: null,
      count: 1,
      person: null,
      recordedBy: null,
      createdAt: '',
    },
  );
  await write((trx) => record(trx, { at: '2026-11-02T14:00:00.000Z', channel: 'phone', kind: 'information', topic: 'affald', count: 4 }));
  const aggregates = await store.allAggregates(db);
  assert.equal(aggregates.length, 1);
  assert.equal(aggregates[0]!.count, 5);
  assert.equal(aggregates[0]!.service, '');
});

test('every dimension is validated, and nothing is stored when one is wrong', async () => {
  await clear();
  const good: ContactInput = { at: '2026-11-02T09:00:00.000Z', channel: 'email', kind: 'transaction', topic: 'pas' };
  const wrong: [keyof ContactInput, unknown][] = [
    ['at', 'yesterday'],
    ['at', '2026-13-45T99:00:00Z'],
    ['channel', 'fax'],
    ['direction', 'sideways'],
    ['kind', 'complaint'],
    ['topic', 'no-such-topic'],
    ['topic', ''],
    ['department', 'Miljø og Teknik'], // a name, not an id
    ['department', ''],
    ['resolved', 'maybe'],
    ['failureDemand', 'no'],
    ['assisted', 1],
    ['source', 'import'],
    ['count', 0],
    ['count', -3],
    ['count', 1.5],
    ['service', ''],
  ];
  for (const [field, value] of wrong) {
    await assert.rejects(
      write((trx) => record(trx, { ...good, [field]: value })),
      (error: unknown) => error instanceof InvalidContact && error.code === 'validation_failed' && error.details?.some((d) => d.field === field) === true,
      `${field} = ${JSON.stringify(value)} must be refused`,
    );
  }
  assert.equal((await store.allAggregates(db)).length, 0);
  assert.equal((await store.recount(db)).length, 0);
  // The good one is fine, with each optional dimension given.
  await write((trx) => record(trx, { ...good, direction: 'out', department: 'borgerservice', resolved: 'yes', failureDemand: true, assisted: true, source: 'manual', count: 2, service: 'flytning', person: 'p-1', recordedBy: 'emp-1' }));
  const [aggregate] = await store.allAggregates(db);
  assert.deepEqual(aggregate, { day: '2026-11-02', channel: 'email', direction: 'out', kind: 'transaction', topic: 'pas', department: 'borgerservice', service: 'flytning', resolved: 'yes', failureDemand: true, assisted: true, source: 'manual', count: 2 });
});

test('a retired topic is refused like an unknown one', async () => {
  await write((trx) => store.updateTopic(trx, { code: 'andet', name: 'Andet', kle: '00.00.00', department: 'borgerservice', handledBy: null, frequent: false, active: false }, new Date().toISOString()));
  await assert.rejects(write((trx) => record(trx, { channel: 'phone', kind: 'information', topic: 'andet' })), InvalidContact);
  await write((trx) => store.updateTopic(trx, { code: 'andet', name: 'Andet', kle: '00.00.00', department: 'borgerservice', handledBy: null, frequent: false, active: true }, new Date().toISOString()));
});

test('the day is the Copenhagen day: 23:30 UTC in summer is the next Danish day', async () => {
  const cases = [
    ['2026-07-01T23:30:00.000Z', '2026-07-02'], // CEST: 01:30 on 2 July
    ['2026-07-01T21:59:59.000Z', '2026-07-01'], // 23:59:59 on 1 July
    ['2026-07-01T22:00:00.000Z', '2026-07-02'], // midnight
    ['2026-01-15T22:30:00.000Z', '2026-01-15'], // CET: 23:30 on 15 January
    ['2026-01-15T23:30:00.000Z', '2026-01-16'], // 00:30 on 16 January
    ['2026-03-29T00:30:00.000Z', '2026-03-29'], // the night clocks go forward
    ['2026-10-24T22:30:00.000Z', '2026-10-25'], // the night clocks go back
  ] as const;
  for (const [at, day] of cases) {
    const recorded = await write((trx) => record(trx, { at, channel: 'web', kind: 'information', topic: 'affald' }));
    assert.equal(recorded.day, day, at);
    assert.equal((await store.findContact(db, recorded.id))?.day, day);
  }
});

test('staff correct and remove their own registrations within the correction window, and the aggregates follow', async () => {
  await clear();
  const at = new Date();
  const { id } = await write((trx) => record(trx, { at, channel: 'phone', kind: 'information', topic: 'affald', source: 'manual', resolved: 'yes', recordedBy: 'emp-1' }));
  assert.deepEqual((await recentRegistrations(db, 'emp-1')).map((c) => c.id), [id]);
  assert.deepEqual(await recentRegistrations(db, 'emp-2'), []);

  await write((trx) => correct(trx, id, 'emp-1', { channel: 'in_person', kind: 'own_case', topic: 'pas', resolved: 'no', failureDemand: true, assisted: false }));
  const corrected = await store.findContact(db, id);
  assert.equal(corrected?.channel, 'in_person');
  assert.equal(corrected?.department, 'borgerservice'); // the new topic's department
  const aggregates = await store.allAggregates(db);
  assert.deepEqual(aggregates.map((a) => [a.channel, a.topic, a.kind, a.resolved, a.failureDemand, a.count]), [['in_person', 'pas', 'own_case', 'no', true, 1]]);

  await assert.rejects(write((trx) => correct(trx, id, 'emp-2', { channel: 'phone', kind: 'information', topic: 'pas', resolved: 'yes', failureDemand: false, assisted: false })), { code: 'not_found' });
  await assert.rejects(write((trx) => correct(trx, id, 'emp-1', { channel: 'fax' as never, kind: 'information', topic: 'pas', resolved: 'yes', failureDemand: false, assisted: false })), InvalidContact);
  const later = new Date(Date.now() + (CORRECTION_MINUTES + 1) * 60_000);
  await assert.rejects(write((trx) => remove(trx, id, 'emp-1', later)), { code: 'conflict' });

  assert.equal(await write((trx) => remove(trx, id, 'emp-1')), true);
  assert.equal(await store.findContact(db, id), undefined);
  assert.deepEqual(await store.allAggregates(db), []);
  assert.equal(await write((trx) => remove(trx, id, 'emp-1')), false, 'removed already');
  await assert.rejects(write((trx) => correct(trx, id, 'emp-1', { channel: 'phone', kind: 'information', topic: 'pas', resolved: 'yes', failureDemand: false, assisted: false })), { code: 'not_found' });
});

test('a double click on Fjern or Ret changes the aggregates once', async () => {
  const registration = { at: new Date(), channel: 'phone', kind: 'information', topic: 'affald', source: 'manual', resolved: 'yes', recordedBy: 'emp-1' } as const;
  const change = { channel: 'in_person', kind: 'own_case', topic: 'pas', resolved: 'no', failureDemand: true, assisted: false } as const;
  for (const click of ['remove', 'correct'] as const) {
    await clear();
    // Two identical registrations: one counted twice too many would leave the aggregate at 0.
    const { id } = await write((trx) => record(trx, registration));
    await write((trx) => record(trx, registration));
    const request = (trx: Trx): Promise<boolean | void> => (click === 'remove' ? remove(trx, id, 'emp-1') : correct(trx, id, 'emp-1', change));
    // The second request starts while the first is still open.
    const [first, second] = await whileHeld(db, request, request);
    await assertAggregatesMatchRecount();
    assert.deepEqual(sorted(await store.allAggregates(db)).map((a) => [a.channel, a.count]), click === 'remove' ? [['phone', 1]] : [['in_person', 1], ['phone', 1]], click);
    assert.deepEqual([first, second], click === 'remove' ? [true, false] : [undefined, undefined], `${click}: the second finds it removed, or corrects it again to the same`);
  }
});

test('an automatic contact cannot be "corrected" by staff', async () => {
  const { id } = await write((trx) => record(trx, { channel: 'self_service', kind: 'transaction', topic: 'flytning', recordedBy: 'emp-1' }));
  await assert.rejects(write((trx) => remove(trx, id, 'emp-1')), { code: 'not_found' });
});

// ---------------------------------------------------------------------------
// Property: after any mix of records, corrections, removals, imports and corrected
// imports, the aggregates equal a recount of the raw rows — and a rebuild changes nothing.

const topicCodes = ['affald', 'pas', 'flytning', 'byggeri', 'boligstoette'];
const days = ['2026-10-31', '2026-11-01', '2026-11-02'];

const contactArb = fc.record({
  at: fc.integer({ min: Date.parse('2026-10-30T20:00:00Z'), max: Date.parse('2026-11-02T23:59:00Z') }).map((t) => new Date(t).toISOString()),
  channel: fc.constantFrom(...channels),
  direction: fc.constantFrom('in' as const, 'out' as const),
  kind: fc.constantFrom(...kinds),
  topic: fc.constantFrom(...topicCodes),
  service: fc.option(fc.constantFrom('flytning', 'pas'), { nil: null }),
  resolved: fc.constantFrom('yes' as const, 'no' as const, 'unknown' as const),
  failureDemand: fc.boolean(),
  assisted: fc.boolean(),
  source: fc.constantFrom('automatic' as const, 'manual' as const),
  count: fc.integer({ min: 1, max: 5 }),
});

const importArb = fc.record({
  source: fc.constantFrom('telefoni' as const, 'webstatistik' as const),
  version: fc.integer({ min: 0, max: 2 }),
  rows: fc.array(fc.record({ channel: fc.constantFrom('telefon', 'web', 'personlig'), topic: fc.constantFrom(...topicCodes), count: fc.integer({ min: 0, max: 9 }) }), { minLength: 1, maxLength: 6 }),
});

const stepArb = fc.oneof(
  { weight: 5, arbitrary: contactArb.map((c) => ({ type: 'record' as const, c })) },
  { weight: 1, arbitrary: fc.nat().map((n) => ({ type: 'remove' as const, n })) },
  { weight: 1, arbitrary: fc.tuple(fc.nat(), contactArb).map(([n, c]) => ({ type: 'correct' as const, n, c })) },
  { weight: 2, arbitrary: importArb.map((i) => ({ type: 'import' as const, i })) },
);

test('property: aggregates and every monthly roll-up = recount after random records, corrections, imports and corrected imports', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 25 }), async (steps) => {
      await clear();
      const manual: number[] = [];
      for (const step of steps) {
        if (step.type === 'record') {
          const { id } = await write((trx) => record(trx, { ...step.c, recordedBy: 'emp-1' }));
          if (step.c.source === 'manual') manual.push(id);
        } else if (step.type === 'remove' && manual.length > 0) {
          const [id] = manual.splice(step.n % manual.length, 1);
          await write((trx) => remove(trx, id!, 'emp-1'));
        } else if (step.type === 'correct' && manual.length > 0) {
          const id = manual[step.n % manual.length]!;
          const { channel, kind, topic, resolved, failureDemand, assisted } = step.c;
          await write((trx) => correct(trx, id, 'emp-1', { channel, kind, topic, resolved, failureDemand, assisted }));
        } else if (step.type === 'import') {
          // One period per source; the version makes a corrected file for the same period.
          const lines = step.i.rows.map((r, n) => `${days[n % days.length]};${r.channel};ind;information;${r.topic};;${r.count + step.i.version}`);
          const file = Buffer.from(['dato;kanal;retning;art;emne;forvaltning;antal', `${days[0]};telefon;ind;information;affald;;1`, `${days[2]};telefon;ind;information;affald;;1`, ...lines].join('\n'));
          await write((trx) => importFigures(trx, { file, fileName: 'tal.csv', source: step.i.source }));
        }
      }
      await assertAggregatesMatchRecount();
      const before = sorted(await store.allAggregates(db));
      const rollUpsBefore = await allRollUps();
      await write((trx) => rebuildAggregates(trx));
      assert.deepEqual(sorted(await store.allAggregates(db)), before);
      assert.deepEqual(await allRollUps(), rollUpsBefore);
    }),
    { numRuns: process.env.DATABASE_URL ? 15 : 40 },
  );
});

test('rebuild-aggregates repairs aggregates that were damaged', async () => {
  await clear();
  await write((trx) => record(trx, { channel: 'phone', kind: 'information', topic: 'affald', count: 3 }));
  await db.deleteFrom('contact_daily' as never).execute();
  await db.deleteFrom(store.rollUps[0]!.name as never).execute();
  assert.deepEqual(await store.allAggregates(db), []);
  const rows = await write((trx) => rebuildAggregates(trx));
  assert.equal(rows, 1);
  await assertAggregatesMatchRecount();
});

test('the roll-up migration fills the roll-ups from the daily aggregates an installation already has', async () => {
  await clear();
  const contacts: ContactInput[] = [
    { at: '2026-01-31T12:00:00.000Z', channel: 'phone', kind: 'information', topic: 'affald', count: 2 },
    { at: '2026-02-01T12:00:00.000Z', channel: 'phone', kind: 'transaction', topic: 'pas', service: 'flytning', resolved: 'no', failureDemand: true },
    { at: '2026-02-14T12:00:00.000Z', channel: 'email', direction: 'out', kind: 'own_case', topic: 'affald', resolved: 'yes', assisted: true, count: 3 },
  ];
  for (const c of contacts) await write((trx) => record(trx, c));
  // As before the migration: the daily aggregates only.
  const rollUps = migrations['contacts-20261127-rollups']!;
  await rollUps.down!(db);
  await rollUps.up(db);
  assert.deepEqual((await allRollUps()).map((rows) => rows.length), [3, 3, 3, 3], 'one row per contact in each roll-up');
  await assertAggregatesMatchRecount();
});
