import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, migrateToLatest, type TestDatabase } from '../../platform/db/testing.ts';
import type { Db } from '../../platform/db/index.ts';
import { migrations } from './migrations.ts';
import { record } from './registry.ts';
import { aggregateTotals, rawContactTotals, type TotalRow } from './store.ts';

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
