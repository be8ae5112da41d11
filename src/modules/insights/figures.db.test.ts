import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, migrateToLatest, type TestDatabase } from '../../platform/db/testing.ts';
import type { Db } from '../../platform/db/index.ts';
import { loadConfig } from '../../config.ts';
import { collectMigrations } from '../../platform/module.ts';
import { modules } from '../../modules.ts';
import { makeCase, caseworker } from '../cases/testing.ts';
import { caseForChange, transferCase } from '../cases/service.ts';
import { importFigures, rebuildAggregates, record } from '../contacts/index.ts';
import { computeDashboard } from './figures.ts';
import { dashboardScope, figureContext, mayComment, setGoal, setPrice } from './service.ts';
import { apportion } from './demo.ts';
import { parsePeriod, customPeriod } from './period.ts';
import { addDays, copenhagenDay } from '../../platform/calendar/days.ts';
import { generateStatusReport, reportArchive, statusReport, writeComment } from './report.ts';

let database: TestDatabase;
let db: Db;
const config = loadConfig({});
before(async () => {
  database = await createTestDatabase();
  db = database.db;
  await migrateToLatest(db, collectMigrations(modules));
});
after(() => database.close());
beforeEach(async () => {
  for (const t of ['contact', 'contact_import', 'insights_report', 'selfservice_attempt', 'cases']) await db.deleteFrom(t as never).execute();
  await db.transaction().execute((trx) => rebuildAggregates(trx)); // from no contacts: empties every aggregate
  await db.deleteFrom('insights_price_version' as never).where('changed_by' as never, '=', 'test' as never).execute();
  await db.deleteFrom('insights_goal_version' as never).where('changed_by' as never, '=', 'test' as never).execute();
});

/** Albertslund's 2011 yearly figures (DESIGN.md), spread over the months as an import file. */
const yearly2011: [channel: string, direction: string, kind: string, topic: string, count: number][] = [
  ['phone', 'in', 'information', 'andet', 600_000],
  ['phone', 'out', 'own_case', 'andet', 500_000],
  ['in_person', 'in', 'information', 'andet', 40_000],
  ['web', 'in', 'information', 'andet', 325_000],
  ['letter', 'out', 'own_case', 'andet', 240_000],
  ['letter', 'in', 'own_case', 'andet', 70_000],
  ['email', 'in', 'information', 'andet', 10_000],
  ['email', 'out', 'own_case', 'andet', 4_800],
];

async function import2011(): Promise<void> {
  const lines = ['dato;kanal;retning;art;emne;antal'];
  for (const [channel, direction, kind, topic, count] of yearly2011) {
    apportion(count, Array(12).fill(1)).forEach((n, m) => lines.push(`2011-${String(m + 1).padStart(2, '0')}-15;${channel};${direction};${kind};${topic};${n}`));
  }
  await db.transaction().execute((trx) => importFigures(trx, { file: Buffer.from(lines.join('\n')), fileName: 'albertslund-2011.csv', source: 'komhen' }));
}

const dashboard = async (key: string, department: string | null = null, detail = true) => computeDashboard(await figureContext(db, config, parsePeriod(key)!, department), detail);

test('acceptance: Albertslund 2011 — costs per channel at KL 2011 prices, web visits unpriced, the digital share by the definition', async () => {
  await import2011();
  const d = await dashboard('2011');
  const channel = (c: string) => d.channels.find((x) => x.channel === c)!;
  assert.equal(channel('phone').inbound, 600_000);
  assert.equal(channel('phone').costOre, 24_000_000_00, '600,000 × 40 kr. = 24,000,000 kr.');
  assert.equal(channel('in_person').costOre, 3_000_000_00, '40,000 × 75 kr. = 3,000,000 kr.');
  assert.equal(channel('letter').costOre, 4_200_000_00, '70,000 × 60 kr. = 4,200,000 kr. (letters received)');
  assert.equal(channel('letter').outbound, 240_000, 'letters sent are not in the inbound cost');
  assert.equal(channel('email').costOre, 550_000_00, '10,000 × 55 kr. = 550,000 kr.');
  assert.equal(channel('web').inbound, 325_000);
  assert.equal(channel('web').costOre, null, 'web visits have no price: "—"');
  assert.equal(channel('web').unitOre, null);
  assert.equal(d.totalCostOre, (24_000_000 + 3_000_000 + 4_200_000 + 550_000) * 100);
  assert.equal(d.inbound, 1_045_000);
  assert.equal(d.digitalShare, 335_000 / 1_045_000, 'digital share = (web visits + e-mails) ÷ inbound ≈ 32 %');
  assert.equal(Math.round(d.digitalShare * 100), 32);
  assert.equal(d.digitalPostShare, 0);
  assert.equal(d.savingOre, 0, 'the baseline year saves nothing against itself');

  const withoutWeb = computeDashboard({ ...(await figureContext(db, config, parsePeriod('2011')!, null)), countWebVisits: false }, false);
  assert.equal((await withoutWeb).digitalShare, 10_000 / 720_000);
});

test('empty periods give null ("—") for every ratio and cost, never 0', async () => {
  const d = await dashboard('2030');
  assert.equal(d.inbound, 0);
  for (const value of [d.digitalShare, d.totalCostOre, d.costPerTransactionOre, d.savingOre, d.digitalPostShare, d.digitalLetterSavingOre, d.services!.takeUp, d.resolution!.firstContact.share, d.resolution!.failureDemand.share]) {
    assert.equal(value, null);
  }
  assert.ok(d.channels.every((c) => c.costOre === null));
  assert.ok(d.months.every((m) => m.digitalShare === null));
  assert.ok(d.goals.every((g) => g.status === 'no_data'));
});

test('a period crossing years prices each year with its own price; contacts fall on Copenhagen days', async () => {
  await db.transaction().execute(async (trx) => {
    await setPrice(trx, { item: 'phone', fromYear: '2012', kroner: '50' }, 'test');
    // 23:30 UTC on 31 December 2011 is 00:30 on 1 January 2012 in Copenhagen: a 2012 call.
    await record(trx, { at: '2011-12-31T23:30:00.000Z', channel: 'phone', kind: 'information', topic: 'affald', count: 10 });
    await record(trx, { at: '2011-12-31T22:30:00.000Z', channel: 'phone', kind: 'information', topic: 'affald', count: 1 });
    await record(trx, { at: '2012-06-30T22:30:00.000Z', channel: 'phone', kind: 'information', topic: 'affald', count: 100 }); // 1 July, summer time
  });
  const d = computeDashboard(await figureContext(db, config, customPeriod('2011-12-01', '2012-01-31')!, null), true);
  const phone = (await d).channels.find((c) => c.channel === 'phone')!;
  assert.equal(phone.inbound, 11);
  assert.equal(phone.costOre, 1 * 4000 + 10 * 5000);
  assert.equal(phone.unitOre, null, 'two different unit prices in the period');
  assert.deepEqual((await dashboard('2012H1')).channels.find((c) => c.channel === 'phone')!.inbound, 10);
  assert.deepEqual((await dashboard('2012Q3')).channels.find((c) => c.channel === 'phone')!.inbound, 100);
  const months = (await d).months;
  assert.deepEqual(months.map((m) => [m.month, m.inbound]), [['2011-12', 1], ['2012-01', 10]]);
});

test('take-up, first-contact resolution, failure demand, goals and the department scope', async () => {
  await db.transaction().execute(async (trx) => {
    const t = { kind: 'transaction' as const, at: '2015-03-02T10:00:00.000Z' };
    await record(trx, { ...t, channel: 'self_service', topic: 'byggeri', service: 'byggetilladelse', count: 72 });
    await record(trx, { ...t, channel: 'letter', topic: 'byggeri', service: 'byggetilladelse', count: 28 });
    await record(trx, { ...t, channel: 'self_service', topic: 'flytning', service: 'flytning', count: 9 });
    await record(trx, { ...t, channel: 'in_person', topic: 'flytning', service: 'flytning', count: 1, resolved: 'yes' });
    await record(trx, { at: t.at, channel: 'phone', kind: 'information', topic: 'affald', count: 3, resolved: 'no', failureDemand: true });
  });
  // Self-service attempts at "flytning" (judged now, long after): two submitted, one eligibility exit (completed), one idle
  // for days and then completed (completed only), one abandoned; one started in 2014 by Danish time is outside the period.
  const attempt = (id: string, startedAt: string, completedAt: string | null, exit: string | null = null) =>
    db.insertInto('selfservice_attempt' as never).values({ id, service_id: 'flytning', assisted: false, started_at: startedAt, last_active_at: completedAt ?? startedAt, completed_at: completedAt, exit_id: exit }).execute();
  await attempt('a1', '2015-02-01T10:00:00.000Z', '2015-02-01T10:09:00.000Z');
  await attempt('a2', '2015-02-02T10:00:00.000Z', '2015-02-02T10:12:00.000Z');
  await attempt('a3', '2015-02-03T10:00:00.000Z', '2015-02-03T10:01:00.000Z', 'flyttet-udland');
  await attempt('a4', '2015-02-04T10:00:00.000Z', '2015-02-09T10:00:00.000Z');
  await attempt('a5', '2014-12-31T22:59:00.000Z', null); // 23:59 on 31 December in Copenhagen: 2014
  await attempt('a6', '2014-12-31T23:00:00.000Z', null); // 00:00 on 1 January in Copenhagen: 2015
  const all = await dashboard('2015');
  assert.deepEqual(all.services!.services.map((s) => [s.service, s.takeUp]), [['byggetilladelse', 0.72], ['flytning', 0.9]]);
  assert.equal(all.services!.takeUp, 81 / 110);
  const flytning = all.services!.services.find((s) => s.service === 'flytning')!;
  assert.deepEqual([flytning.completionRate, flytning.abandonmentRatio], [4 / 5, 1 / 4], 'from the self-service funnel');
  assert.deepEqual([all.services!.services[0]!.completionRate, all.services!.services[0]!.abandonmentRatio], [null, null], 'no attempts: "—"');
  assert.equal(all.services!.abandonmentRatio, 1 / 4);
  assert.deepEqual(all.resolution!.firstContact, { resolved: 1, registered: 4, share: 0.25 });
  assert.deepEqual(all.resolution!.failureDemand, { count: 3, of: 113, share: 3 / 113 });
  const goal = (metric: string, department: string | null = null) => all.goals.find((g) => g.goal.metric === metric && g.goal.department === department)!;
  assert.equal(goal('take_up').status, 'not_met');
  assert.deepEqual([goal('digital_share', 'miljoe-teknik').value, goal('digital_share', 'miljoe-teknik').status], [0.72, 'met']);
  assert.equal(goal('callbacks').missing, 'callbacks_module');
  assert.deepEqual([goal('abandonment').value, goal('abandonment').status], [1 / 4, 'met']);

  // Miljø og Teknik's own dashboard holds its own service only.
  const mt = await dashboard('2015', 'miljoe-teknik');
  assert.deepEqual(mt.services!.services.map((s) => s.service), ['byggetilladelse']);
  assert.ok(mt.goals.every((g) => g.goal.department === null || g.goal.department === 'miljoe-teknik'));
  assert.deepEqual(mt.departments.map((x) => x.department).sort(), ['borgerservice', 'miljoe-teknik'], 'the department table is the municipality\'s');

  // A goal edited: a new version, the old one kept.
  await db.transaction().execute((trx) => setGoal(trx, config, { metric: 'take_up', department: '', topic: '', kind: '', target: '70', targetYear: '2016', active: true }, 'test'));
  assert.equal((await dashboard('2015')).goals.find((g) => g.goal.metric === 'take_up' && g.goal.department === null)!.status, 'met');
  await assert.rejects(
    db.transaction().execute((trx) => setGoal(trx, config, { metric: 'take_up', department: 'nowhere', topic: 'nope', kind: 'x', target: '170', targetYear: '15', active: true }, 'test')),
    (e: { code: string; details: { field: string }[] }) => e.code === 'validation_failed' && e.details.map((d) => d.field).sort().join() === 'department,kind,target,targetYear,topic',
  );
});

test('a department manager sees their own department in detail and the municipality in aggregate only', () => {
  const manager = { id: 'm', roles: ['manager'] as const, department: 'miljoe-teknik' };
  assert.deepEqual(dashboardScope(manager, 'miljoe-teknik'), { department: 'miljoe-teknik', detail: true });
  assert.deepEqual(dashboardScope(manager, null), { department: null, detail: false });
  assert.throws(() => dashboardScope(manager, 'borgerservice'), { code: 'forbidden' });
  assert.throws(() => dashboardScope({ id: 'c', roles: ['caseworker'], department: 'miljoe-teknik' }, 'miljoe-teknik'), { code: 'forbidden' });
  assert.deepEqual(dashboardScope({ id: 'a', roles: ['admin'], department: null }, 'borgerservice'), { department: 'borgerservice', detail: true });
  assert.equal(mayComment(manager, 'miljoe-teknik'), true);
  assert.equal(mayComment(manager, 'borgerservice'), false);
  assert.equal(mayComment(manager, null), false);
});

test('prices are validated and kept with their history', async () => {
  await assert.rejects(db.transaction().execute((trx) => setPrice(trx, { item: 'fax', fromYear: '20x', kroner: '-1' }, 'test')), (e: { details: { field: string }[] }) => e.details.length === 3);
  await db.transaction().execute((trx) => setPrice(trx, { item: 'web', fromYear: '2014', kroner: '0,50' }, 'test'));
  await import2011();
  const d2011 = await dashboard('2011');
  assert.equal(d2011.channels.find((c) => c.channel === 'web')!.costOre, null, 'the 2014 price does not reach back');
});

test('a status report keeps the figures as generated and the department\'s comment; the archive lists it', async () => {
  await import2011();
  const period = parsePeriod('2011H1')!;
  await db.transaction().execute((trx) => generateStatusReport(trx, config, period, 'borgerservice', 'test'));
  await db.transaction().execute((trx) => writeComment(trx, '2011H1', 'borgerservice', 'Vi er godt på vej.', 'test'));
  await db.transaction().execute((trx) => generateStatusReport(trx, config, period, 'borgerservice', 'test'));
  const report = await statusReport(db, '2011H1', 'borgerservice');
  assert.equal(report.comment, 'Vi er godt på vej.');
  assert.equal(report.figures.period.key, '2011H1');
  const firstHalf = yearly2011.filter((r) => r[1] === 'in').reduce((n, r) => n + apportion(r[4], Array(12).fill(1)).slice(0, 6).reduce((a, b) => a + b, 0), 0);
  assert.equal(report.figures.inbound, firstHalf);
  assert.equal(report.figures.municipality, 'Albertslund Kommune');
  assert.deepEqual((await reportArchive(db)).map((r) => [r.period, r.department, r.hasComment]), [['2011H1', 'borgerservice', true]]);
  await assert.rejects(statusReport(db, '2011H2', 'borgerservice'), { code: 'not_found' });
  await assert.rejects(db.transaction().execute((trx) => writeComment(trx, '2011H2', null, 'x', 'test')), { code: 'not_found' });
});

test('transfers between departments come from the cases module, scoped to the department', async () => {
  const [first, second] = [await makeCase(db), await makeCase(db)];
  const kultur = { id: 'kultur-fritid', name: { da: 'Kultur og Fritid', en: 'Culture and Leisure' } };
  const borgerservice = { id: 'borgerservice', name: { da: 'Borgerservice', en: 'Citizen Service' } };
  await db.transaction().execute(async (trx) => transferCase(trx, await caseForChange(trx, database.dialect, first.reference), kultur, 'Handler om en sportshal', caseworker));
  await db.transaction().execute(async (trx) => transferCase(trx, await caseForChange(trx, database.dialect, second.reference), kultur, 'Handler om en forening', caseworker));
  await db.transaction().execute(async (trx) => transferCase(trx, await caseForChange(trx, database.dialect, second.reference), borgerservice, 'Handler om et pas', caseworker));
  const today = copenhagenDay(new Date());
  const around = customPeriod(addDays(today, -1), addDays(today, 1))!;
  const of = async (department: string | null) => (await computeDashboard(await figureContext(db, config, around, department), true)).transfers;
  assert.deepEqual(await of(null), {
    total: 3,
    pairs: [
      { from: 'miljoe-teknik', to: 'kultur-fritid', count: 2 },
      { from: 'kultur-fritid', to: 'borgerservice', count: 1 },
    ],
  });
  assert.deepEqual((await of('borgerservice')).pairs, [{ from: 'kultur-fritid', to: 'borgerservice', count: 1 }]);
  assert.equal((await of('social-sundhed')).total, 0);
  // The day before the transfers: none.
  assert.equal((await computeDashboard(await figureContext(db, config, customPeriod(addDays(today, -3), addDays(today, -2))!, null), true)).transfers.total, 0);
});
