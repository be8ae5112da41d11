import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, migrateToLatest, type TestDatabase } from '../../platform/db/testing.ts';
import type { AppContext } from '../../platform/module.ts';
import { loadConfig } from '../../config.ts';
import { collectMigrations } from '../../platform/module.ts';
import { modules } from '../../modules.ts';
import { aggregateTotals } from '../contacts/index.ts';
import { seedDemoInsights, serviceTransactions, apportion } from './demo.ts';
import { computeDashboard } from './figures.ts';
import { figureContext } from './service.ts';
import { parsePeriod } from './period.ts';

let database: TestDatabase;
let ctx: AppContext;
before(async () => {
  database = await createTestDatabase();
  await migrateToLatest(database.db, collectMigrations(modules));
  ctx = { config: loadConfig({}), db: database.db, dialect: database.dialect, log: undefined as never, metrics: undefined as never };
});
after(() => database.close());

test('apportion splits whole numbers exactly', () => {
  assert.deepEqual(apportion(10, [1, 1, 1]), [4, 3, 3]);
  assert.deepEqual(apportion(0, [1, 2]), [0, 0]);
  assert.equal(apportion(600_000, Array.from({ length: 365 }, (_, i) => 1 + (i % 7))).reduce((a, b) => a + b, 0), 600_000);
});

test('the demo loads the 2011 baseline exactly as DESIGN.md gives it, in under a minute, once', async () => {
  const started = Date.now();
  const steps: number[] = [];
  await seedDemoInsights(ctx, (done) => steps.push(done));
  const seconds = (Date.now() - started) / 1000;
  assert.ok(seconds < 60, `took ${seconds} s`);
  assert.equal(steps.at(-1), 10);

  const rows = await aggregateTotals(ctx.db, { firstDay: '2011-01-01', lastDay: '2011-12-31', by: ['channel', 'direction'] });
  const get = (channel: string, direction: string) => rows.find((r) => r.channel === channel && r.direction === direction)?.count;
  assert.equal(get('phone', 'in'), 600_000);
  assert.equal(get('phone', 'out'), 500_000);
  assert.equal(get('in_person', 'in'), 40_000);
  assert.equal(get('web', 'in'), 325_000);
  assert.equal(get('letter', 'in'), 70_000);
  assert.equal(get('email', 'in'), 10_000);
  assert.equal((get('letter', 'out') ?? 0) + (get('digital_post', 'out') ?? 0), 240_000);
  const selfService = serviceTransactions(0).filter((t) => t.channel === 'self_service').reduce((n, t) => n + t.count, 0);
  assert.equal(get('self_service', 'in'), selfService);
  const inbound = rows.filter((r) => r.direction === 'in').reduce((n, r) => n + r.count, 0);
  assert.ok(Math.abs(inbound - 1_045_000) / 1_045_000 < 0.02, `inbound ${inbound} ≈ 1.045 million`);

  // Spread: no phone calls on a Sunday, more on a Monday than a Friday.
  const days = await aggregateTotals(ctx.db, { firstDay: '2011-03-06', lastDay: '2011-03-11', by: ['day'], direction: 'in' });
  const on = (day: string) => days.find((d) => d.day === day)?.count ?? 0;
  assert.ok(on('2011-03-07') > on('2011-03-11'), 'Monday > Friday');
  assert.ok(on('2011-03-06') < on('2011-03-11') / 5, 'Sunday is quiet');

  const d2011 = await computeDashboard(await figureContext(ctx.db, ctx.config, parsePeriod('2011')!, null), true);
  assert.ok(d2011.digitalShare! > 0.31 && d2011.digitalShare! < 0.34, `2011 digital share ${d2011.digitalShare}`);
  const d2015 = await computeDashboard(await figureContext(ctx.db, ctx.config, parsePeriod('2015')!, null), true);
  assert.ok(d2015.digitalShare! >= 0.5, `2015 digital share ${d2015.digitalShare}`);
  assert.ok(d2015.digitalPostShare! >= 0.8);
  assert.ok(d2015.savingOre! > 0);
  assert.ok(d2015.services!.takeUp! >= 0.8);

  await seedDemoInsights(ctx, () => {});
  const again = await aggregateTotals(ctx.db, { firstDay: '2011-01-01', lastDay: '2011-12-31', by: ['channel', 'direction'] });
  assert.equal(again.find((r) => r.channel === 'phone' && r.direction === 'in')?.count, 600_000, 'seeding again adds nothing');
});
