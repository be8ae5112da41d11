import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestDatabase, migrateToLatest, whileHeld, type TestDatabase } from '../../../platform/db/testing.ts';
import type { Db, Trx } from '../../../platform/db/index.ts';
import { migrations } from '../migrations.ts';
import * as store from '../store.ts';
import { importFigures, previewImport, ImportRejected, type ImportRequest } from './importer.ts';

let database: TestDatabase;
let db: Db;
before(async () => {
  database = await createTestDatabase();
  db = database.db;
  await migrateToLatest(db, migrations);
});
after(() => database.close());
beforeEach(async () => {
  await db.deleteFrom('contact' as never).execute();
  await db.deleteFrom('contact_daily' as never).execute();
  await db.deleteFrom('contact_import' as never).execute();
});

const write = <T>(fn: (trx: Trx) => Promise<T>) => db.transaction().execute(fn);
const header = 'dato;kanal;retning;art;emne;forvaltning;antal';
const csv = (...lines: string[]) => Buffer.from([header, ...lines].join('\r\n') + '\r\n');
const run = (file: Buffer, source: ImportRequest['source'] = 'telefoni', fileName = 'telefoni-nov.csv') =>
  write((trx) => importFigures(trx, { file, fileName, source, importedBy: 'admin-1' }));

async function total(): Promise<number> {
  return (await store.allAggregates(db)).reduce((sum, a) => sum + a.count, 0);
}

async function nothingStored(): Promise<void> {
  assert.deepEqual(await store.allAggregates(db), []);
  assert.deepEqual(await store.recount(db), []);
  assert.deepEqual(await store.listBatches(db, 10), []);
}

test('a good file is imported: rows, period, totals and aggregates', async () => {
  const outcome = await run(
    csv('2026-11-02;telefon;ind;information;affald;;412', '02-11-2026;Telefon;Ind;egen sag;byggeri;;37', '2026-11-03;personlig;;transaktion;pas;borgerservice;1.204', '2026-11-03;web;ind;information;Affald og genbrug;;0'),
  );
  assert.equal(outcome.status, 'imported');
  assert.ok(outcome.status === 'imported');
  assert.deepEqual({ rows: outcome.rows, total: outcome.total, firstDay: outcome.firstDay, lastDay: outcome.lastDay }, { rows: 3, total: 1653, firstDay: '2026-11-02', lastDay: '2026-11-03' });
  const aggregates = await store.allAggregates(db);
  assert.equal(await total(), 1653);
  assert.ok(aggregates.every((a) => a.source === 'import' && a.resolved === 'unknown'));
  assert.equal(aggregates.find((a) => a.topic === 'byggeri')?.kind, 'own_case');
  assert.equal(aggregates.find((a) => a.topic === 'affald')?.department, 'miljoe-teknik');
  assert.equal(aggregates.find((a) => a.topic === 'pas')?.channel, 'in_person');
});

test('bad dates, unknown channel or topic and negative counts are refused line by line, and nothing is stored', async () => {
  const file = csv(
    '2026-11-02;telefon;ind;information;affald;;10',
    '2026-02-30;telefon;ind;information;affald;;10',
    'i går;telefon;ind;information;affald;;10',
    '2026-11-02;fax;ind;information;affald;;10',
    '2026-11-02;telefon;ind;information;hundeskat;;10',
    '2026-11-02;telefon;ind;information;affald;;-5',
    '2026-11-02;telefon;ind;information;affald;;3,5',
    '2026-11-02;telefon;sidelæns;klage;affald;nasa;7',
  );
  await assert.rejects(run(file), (error: unknown) => {
    assert.ok(error instanceof ImportRejected);
    assert.deepEqual(
      error.problems.map((p) => [p.line, p.column]),
      [
        [3, 'dato'],
        [4, 'dato'],
        [5, 'kanal'],
        [6, 'emne'],
        [7, 'antal'],
        [8, 'antal'],
        [9, 'retning'],
        [9, 'art'],
        [9, 'forvaltning'],
      ],
    );
    assert.match(error.problems[0]!.problem, /»2026-02-30« er ikke en dato/);
    assert.match(error.problems[2]!.problem, /Ukendt kanal »fax«/);
    assert.match(error.problems[3]!.problem, /Ukendt emne »hundeskat«/);
    assert.match(error.problems[4]!.problem, /negativt/);
    return true;
  });
  await nothingStored();
});

test('a file in the wrong encoding, an empty file and a file without headers are refused', async () => {
  const latin1 = Buffer.concat([Buffer.from(`${header}\n2026-11-02;telefon;ind;information;affald;;1\n2026-11-02;personlig;ind;information;`), Buffer.from([0xc6, 0x62, 0x6c, 0x65]), Buffer.from(';;2\n')]);
  const cases: [string, Buffer, RegExp, number][] = [
    ['wrong encoding', latin1, /UTF-8/, 3],
    ['empty', Buffer.alloc(0), /tom/, 1],
    ['only headers', Buffer.from(`${header}\n`), /ingen linjer med tal/, 1],
    ['no headers', Buffer.from('2026-11-02;telefon;ind;information;affald;;1\n'), /overskrifterne/, 1],
    ['not a spreadsheet', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /Excel/, 0],
  ];
  for (const [name, file, message, line] of cases) {
    await assert.rejects(run(file), (error: unknown) => {
      assert.ok(error instanceof ImportRejected, name);
      assert.match(error.problems[0]!.problem, message, name);
      assert.equal(error.problems[0]!.line, line, name);
      return true;
    });
  }
  await nothingStored();
});

test('importing the same file again changes nothing', async () => {
  const file = csv('2026-11-02;telefon;ind;information;affald;;412');
  const first = await run(file);
  const before = await store.allAggregates(db);
  const second = await run(file);
  assert.deepEqual(second, { status: 'unchanged', batchId: first.batchId });
  assert.deepEqual(await store.allAggregates(db), before);
  assert.equal((await store.listBatches(db, 10)).length, 1);
  const preview = await previewImport(db, { file, fileName: 'x.csv', source: 'telefoni' });
  assert.equal(preview.alreadyImported, true);
});

test('a corrected file for the same source and period replaces the earlier one', async () => {
  await run(csv('2026-11-02;telefon;ind;information;affald;;412', '2026-11-08;telefon;ind;information;pas;;20'));
  // Another source for the same period is kept.
  await run(csv('2026-11-02;web;ind;information;affald;;1000', '2026-11-08;web;ind;information;affald;;1'), 'webstatistik', 'web.csv');
  const corrected = csv('2026-11-02;telefon;ind;information;affald;;400', '2026-11-05;telefon;ind;information;rotter;;3', '2026-11-08;telefon;ind;information;pas;;20');
  const preview = await previewImport(db, { file: corrected, fileName: 'telefoni-nov-rettet.csv', source: 'telefoni' });
  assert.equal(preview.replaces.length, 1);
  const outcome = await run(corrected, 'telefoni', 'telefoni-nov-rettet.csv');
  assert.ok(outcome.status === 'imported');
  assert.equal(outcome.replaced.length, 1);
  assert.equal(await total(), 400 + 3 + 20 + 1001);
  assert.deepEqual(sortedCounts(await store.allAggregates(db)), sortedCounts(await store.recount(db)));
  const batches = await store.listBatches(db, 10);
  assert.deepEqual(batches.map((b) => [b.file_name, b.replaced_at === null]), [
    ['telefoni-nov-rettet.csv', true],
    ['web.csv', true],
    ['telefoni-nov.csv', false],
  ]);
});

test('the same file imported twice at once counts once, and a corrected file imported twice at once replaces the earlier once', async () => {
  const file = csv('2026-11-02;telefon;ind;information;affald;;412', '2026-11-08;telefon;ind;information;pas;;20');
  const request: ImportRequest = { file, fileName: 'telefoni-nov.csv', source: 'telefoni', importedBy: 'admin-1' };
  // The second import starts while the first is still open (an import takes up to a minute).
  const [first, second] = await whileHeld(db, (trx) => importFigures(trx, request), (trx) => importFigures(trx, request));
  assert.equal(first.status, 'imported');
  assert.deepEqual(second, { status: 'unchanged', batchId: first.batchId });
  assert.equal(await total(), 432);

  const corrected: ImportRequest = { ...request, file: csv('2026-11-02;telefon;ind;information;affald;;400', '2026-11-08;telefon;ind;information;pas;;20'), fileName: 'telefoni-nov-rettet.csv' };
  const [again, twice] = await whileHeld(db, (trx) => importFigures(trx, corrected), (trx) => importFigures(trx, corrected));
  assert.ok(again.status === 'imported');
  assert.deepEqual(again.replaced, [first.batchId]);
  assert.deepEqual(twice, { status: 'unchanged', batchId: again.batchId });
  assert.equal(await total(), 420);
  assert.deepEqual(sortedCounts(await store.allAggregates(db)), sortedCounts(await store.recount(db)));
  assert.deepEqual((await store.listBatches(db, 10)).map((b) => [b.file_name, b.replaced_at === null]), [
    ['telefoni-nov-rettet.csv', true],
    ['telefoni-nov.csv', false],
  ]);
});

const sortedCounts = (rows: { day: string; channel: string; topic: string; count: number }[]) => rows.map((r) => `${r.day} ${r.channel} ${r.topic} ${r.count}`).sort();

test('a file from the same source for an overlapping but different period is refused (it would count twice)', async () => {
  await run(csv('2026-11-02;telefon;ind;information;affald;;412', '2026-11-08;telefon;ind;information;pas;;20'));
  await assert.rejects(run(csv('2026-11-05;telefon;ind;information;affald;;5', '2026-11-12;telefon;ind;information;affald;;5')), (error: unknown) => {
    assert.ok(error instanceof ImportRejected);
    assert.match(error.problems[0]!.problem, /overlapper/);
    return true;
  });
  assert.equal(await total(), 432);
});

test('XLSX files are read the same way, with date cells and number cells', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tal');
  sheet.addRow(['Dato', 'Kanal', 'Retning', 'Art', 'Emne', 'Forvaltning', 'Antal']);
  sheet.addRow([new Date(Date.UTC(2026, 10, 2)), 'brev', 'ud', 'egen sag', 'ejendomsskat', '', 240]);
  sheet.addRow(['2026-11-03', 'brev', 'ind', 'information', 'affald', null, 70]);
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  const outcome = await run(file, 'post', 'breve.xlsx');
  assert.ok(outcome.status === 'imported');
  assert.deepEqual([outcome.rows, outcome.total, outcome.firstDay, outcome.lastDay], [2, 310, '2026-11-02', '2026-11-03']);
  const out = (await store.allAggregates(db)).find((a) => a.direction === 'out');
  assert.deepEqual([out?.channel, out?.kind, out?.count], ['letter', 'own_case', 240]);

  sheet.addRow(['2026-11-04', 'brev', 'ind', 'information', 'affald', null, -1]);
  const bad = Buffer.from(await workbook.xlsx.writeBuffer());
  await assert.rejects(run(bad, 'post', 'breve2.xlsx'), (error: unknown) => error instanceof ImportRejected && error.problems[0]!.line === 4 && error.problems[0]!.column === 'Antal');
});

test('the preview stores nothing and reports the same problems as the import', async () => {
  const file = csv('2026-11-02;telefon;ind;information;affald;;4', '2026-11-02;telefon;ind;information;affald;;x');
  const preview = await previewImport(db, { file, fileName: 'tal.csv', source: 'telefoni' });
  assert.deepEqual(preview.problems.map((p) => [p.line, p.column]), [[3, 'antal']]);
  assert.equal(preview.rows, 1);
  await nothingStored();
});

test('the example file in docs/contacts.md imports as documented', async () => {
  const file = await import('node:fs/promises').then((fs) => fs.readFile(new URL('../../../../docs/examples/contacts-import.csv', import.meta.url)));
  const outcome = await run(file, 'andet', 'contacts-import.csv');
  assert.ok(outcome.status === 'imported');
  assert.deepEqual([outcome.rows, outcome.total, outcome.firstDay, outcome.lastDay], [8, 412 + 38 + 21 + 57 + 33 + 1804 + 240 + 12, '2026-11-02', '2026-11-02']);
});
