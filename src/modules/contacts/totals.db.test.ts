import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, migrateToLatest, type TestDatabase } from '../../platform/db/testing.ts';
import type { Db } from '../../platform/db/index.ts';
import { migrations } from './migrations.ts';
import { record } from './registry.ts';
import { aggregateTotals, rawContactTotals, type TotalDimension, type TotalRow } from './store.ts';
import { channels, kinds } from './schema.ts';

let database: TestDatabase;
let db: Db;
before(async () => {
  database = await createTestDatabase();
  db = database.db;
  await migrateToLatest(db, migrations);
  await db.transaction().execute(async (trx) => {
    // 23:30 UTC on 31 December is already 1 January in Copenhagen.
    await record(trx, { at: '2025-12-31T23:30:00.000Z', channel: 'phone', kind: 'information', topic: 'affald', count: 3, resolved: 'yes' });
    await record(trx, { at: '2026-01-05T10:00:00.000Z', channel: 'self_service', kind: 'transaction', topic: 'flytning', service: 'flytning', count: 8 });
    await record(trx, { at: '2026-01-05T11:00:00.000Z', channel: 'in_person', kind: 'transaction', topic: 'flytning', service: 'flytning', count: 2, assisted: true });
    await record(trx, { at: '2026-01-06T11:00:00.000Z', channel: 'letter', direction: 'out', kind: 'own_case', topic: 'byggeri', count: 4 });
    await record(trx, { at: '2026-02-01T11:00:00.000Z', channel: 'phone', kind: 'information', topic: 'affald', count: 100 });
  });
});
after(() => database.close());

const byKey = (rows: TotalRow[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

test('aggregateTotals sums the days asked for, grouped as asked, on Copenhagen days', async () => {
  const january = { firstDay: '2026-01-01', lastDay: '2026-01-31' };
  assert.deepEqual(byKey(await aggregateTotals(db, { ...january, by: ['channel', 'direction'] })), [
    { channel: 'in_person', direction: 'in', count: 2 },
    { channel: 'letter', direction: 'out', count: 4 },
    { channel: 'phone', direction: 'in', count: 3 },
    { channel: 'self_service', direction: 'in', count: 8 },
  ]);
  assert.deepEqual(await aggregateTotals(db, { ...january, by: [], direction: 'in', department: 'borgerservice' }), [{ count: 10 }]);
  assert.deepEqual(byKey(await aggregateTotals(db, { ...january, by: ['service', 'assisted'], direction: 'in' })), [
    { service: '', assisted: false, count: 3 },
    { service: 'flytning', assisted: false, count: 8 },
    { service: 'flytning', assisted: true, count: 2 },
  ]);
  assert.deepEqual(await aggregateTotals(db, { firstDay: '2025-12-31', lastDay: '2025-12-31', by: ['channel'] }), []);
  assert.deepEqual(await aggregateTotals(db, { firstDay: '2025-01-01', lastDay: '2025-12-31', by: [] }), []);
});

test('rawContactTotals gives the same figures from the raw contacts', async () => {
  for (const by of [['channel', 'direction'], ['day', 'kind', 'topic', 'department'], ['service', 'resolved', 'failureDemand', 'assisted'], []] as const) {
    const query = { firstDay: '2026-01-01', lastDay: '2026-12-31', by };
    assert.deepEqual(byKey(await rawContactTotals(db, query)), byKey(await aggregateTotals(db, query)));
  }
  const days = await aggregateTotals(db, { firstDay: '2026-01-01', lastDay: '2026-12-31', by: ['day'], direction: 'in' });
  assert.deepEqual(byKey(days), [{ day: '2026-01-01', count: 3 }, { day: '2026-01-05', count: 10 }, { day: '2026-02-01', count: 100 }]);
});

// Periods that start and end inside months are answered from the monthly roll-ups for their
// whole months and from the daily aggregates for the days around them.
test('aggregateTotals = rawContactTotals for periods with partial months, on Copenhagen days', async () => {
  const other = await createTestDatabase();
  try {
    await migrateToLatest(other.db, migrations);
    const topics = ['affald', 'pas', 'flytning', 'byggeri'];
    await other.db.transaction().execute(async (trx) => {
      // Every 7 hours from mid-December 2025 to early April 2026: month and year edges in both time zones' terms.
      for (let t = Date.parse('2025-12-15T00:00:00Z'), i = 0; t < Date.parse('2026-04-03T00:00:00Z'); t += 7 * 3_600_000, i++) {
        await record(trx, {
          at: new Date(t),
          channel: channels[i % channels.length]!,
          direction: i % 4 === 0 ? 'out' : 'in',
          kind: kinds[i % kinds.length]!,
          topic: topics[i % topics.length]!,
          service: i % 3 === 0 ? 'flytning' : null,
          resolved: (['yes', 'no', 'unknown'] as const)[i % 3],
          failureDemand: i % 5 === 0,
          assisted: i % 7 === 0,
          ...(i % 11 === 0 ? { department: 'administration' } : {}),
          count: (i % 4) + 1,
        });
      }
    });
    const periods = [
      ['2026-01-01', '2026-01-31'], // one whole month
      ['2025-12-31', '2026-03-01'], // a day either side of whole months
      ['2025-12-20', '2026-02-10'], // across the new year, partial at both ends
      ['2026-01-10', '2026-01-20'], // inside one month
      ['2026-02-28', '2026-03-01'], // two edge days, no whole month
      ['2026-03-31', '2026-03-31'], // the night clocks go forward is 29 March; its month's last day
      ['2025-01-01', '2026-12-31'], // whole years, partly empty
    ] as const;
    const groupings: TotalDimension[][] = [[], ['channel', 'direction'], ['month'], ['month', 'channel'], ['kind', 'service'], ['topic', 'kind', 'service'], ['resolved', 'failureDemand'], ['department'], ['assisted'], ['day', 'channel']];
    for (const [firstDay, lastDay] of periods) {
      for (const by of groupings) {
        for (const filter of [{}, { direction: 'in' as const }, { department: 'borgerservice', direction: 'in' as const }, { department: 'administration' }]) {
          const query = { firstDay, lastDay, by: ['channel' as const, ...by], ...filter };
          assert.deepEqual(byKey(await aggregateTotals(other.db, query)), byKey(await rawContactTotals(other.db, query)), JSON.stringify(query));
        }
      }
    }
    // The whole months come from the roll-ups: without the daily rows, only the edge days go missing.
    await other.db.deleteFrom('contact_daily' as never).execute();
    const whole = { firstDay: '2026-01-01', lastDay: '2026-02-28', by: ['channel', 'direction'] as const };
    assert.deepEqual(byKey(await aggregateTotals(other.db, whole)), byKey(await rawContactTotals(other.db, whole)));
    assert.deepEqual(await aggregateTotals(other.db, { firstDay: '2026-01-10', lastDay: '2026-01-20', by: [] }), []);
  } finally {
    await other.close();
  }
});
