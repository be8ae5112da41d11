// The demo cases: every department's inbox and the test login's citizens get cases, and
// seeding twice (every `npm start`) adds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, migrateToLatest } from '../../platform/db/testing.ts';
import type { AppContext } from '../../platform/module.ts';
import { loadConfig } from '../../config.ts';
import { testPeople } from '../../platform/auth/index.ts';
import { casesTestMigrations } from './testing.ts';
import { listCasesForParty } from './service.ts';
import { seedDemoCases } from './demo.ts';

test('demo cases fill the inboxes in several statuses, once', async () => {
  const database = await createTestDatabase();
  try {
    await migrateToLatest(database.db, casesTestMigrations());
    const ctx: AppContext = { config: loadConfig({}), db: database.db, dialect: database.dialect, log: undefined as never, metrics: undefined as never };
    const progress: number[] = [];
    await seedDemoCases(ctx, (done) => progress.push(done));
    await seedDemoCases(ctx, (done) => progress.push(done));
    assert.deepEqual(progress, [7], 'the second run finds cases and does nothing');

    const { rows } = await sql<{ department: string; status: string }>`select department, status from cases order by department, status`.execute(database.db);
    assert.equal(rows.length, 7);
    assert.deepEqual([...new Set(rows.map((r) => r.department))], ['boern-unge', 'borgerservice', 'kultur-fritid', 'miljoe-teknik', 'social-sundhed']);
    assert.deepEqual([...new Set(rows.map((r) => r.status))].sort(), ['closed', 'in_progress', 'received', 'waiting_for_citizen']);

    const anna = await listCasesForParty(database.db, { cpr: testPeople[0]!.cpr });
    assert.deepEqual(anna.map((c) => c.title), ['Rotter i gården']);
    const transferred = await sql<{ department: string; transfer_count: number }>`select department, transfer_count from cases where title = 'Spørgsmål om betaling for SFO'`.execute(database.db);
    assert.deepEqual(transferred.rows.map((r) => [r.department, Number(r.transfer_count)]), [['boern-unge', 1]]);
  } finally {
    await database.close();
  }
});
