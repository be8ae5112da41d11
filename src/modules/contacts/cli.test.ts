// `kanal import contacts FILE`, `kanal contacts rebuild-aggregates` and the demo data, as real processes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../platform/db/index.ts';
import * as store from './store.ts';
import { kanal as kanalCommand } from '../../../test/helpers/cli.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-contacts-cli-'));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// The commands run on an embedded database of their own, so this file is no database test: a
// PostgreSQL run would only repeat it.
const kanal = (...args: string[]) => kanalCommand(args, { KANAL_DATA_DIR: dataDir });

async function aggregates() {
  const database = openDatabase({ dataDir });
  try {
    return { daily: await store.allAggregates(database.db), recount: await store.recount(database.db) };
  } finally {
    await database.close();
  }
}

test('kanal import contacts imports a file once, and reports a bad file line by line', async () => {
  const file = path.join(dataDir, 'telefoni.csv');
  fs.writeFileSync(file, 'dato;kanal;retning;art;emne;forvaltning;antal\n2026-11-02;telefon;ind;information;affald;;412\n2026-11-02;telefon;ind;egen sag;byggeri;;38\n');
  const first = kanal('import', 'contacts', file, '--source', 'telefoni');
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /Imported 2 lines, 450 contacts, 2026-11-02 – 2026-11-02\./);
  const again = kanal('import', 'contacts', file, '--source', 'telefoni');
  assert.match(again.stdout, /nothing changed/);
  assert.equal((await aggregates()).daily.reduce((s, a) => s + a.count, 0), 450);

  const bad = path.join(dataDir, 'bad.csv');
  fs.writeFileSync(bad, 'dato;kanal;retning;art;emne;forvaltning;antal\n2026-11-02;fax;ind;information;affald;;4\n');
  const refused = kanal('import', 'contacts', bad);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /linje 2, kolonne kanal: Ukendt kanal »fax«/);
  // A wrong source is a usage error, before anything is opened.
  assert.equal(kanal('import', 'contacts', file, '--source', 'fax').status, 2);
});

test('kanal import contacts prints progress lines to stderr for a large file', async () => {
  const file = path.join(dataDir, 'stor.csv');
  const lines = ['dato;kanal;retning;art;emne;forvaltning;antal'];
  for (let i = 0; i < 40_000; i++) lines.push(`${new Date(Date.UTC(2022, 0, 1) + Math.floor(i / 40) * 86_400_000).toISOString().slice(0, 10)};web;ind;information;affald;;1`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const imported = kanal('import', 'contacts', file, '--source', 'webstatistik');
  assert.equal(imported.status, 0, imported.stderr);
  const progress = imported.stderr.split('\n').filter((l) => l.startsWith('Importerer linjer: '));
  assert.ok(progress.length >= 3, imported.stderr);
  assert.match(progress.at(-1)!, /^Importerer linjer: 40001\/40001 \(100 %\)$/);
  assert.match(imported.stdout, /Imported 40000 lines, 40000 contacts/);
  // A small file stays quiet.
  const small = path.join(dataDir, 'lille.csv');
  fs.writeFileSync(small, 'dato;kanal;retning;art;emne;forvaltning;antal\n2026-11-03;telefon;ind;information;affald;;2\n');
  assert.equal(kanal('import', 'contacts', small, '--source', 'post').stderr, '');
});

test('kanal contacts rebuild-aggregates recomputes the aggregates; seed --demo records demo contacts', async () => {
  const seeded = kanal('seed', '--demo');
  assert.equal(seeded.status, 0, seeded.stderr);
  const { daily } = await aggregates();
  const demo = daily.filter((a) => a.source !== 'import').reduce((s, a) => s + a.count, 0);
  assert.ok(demo > 300, `demo contacts: ${demo}`);

  const rebuilt = kanal('contacts', 'rebuild-aggregates');
  assert.equal(rebuilt.status, 0, rebuilt.stderr);
  assert.match(rebuilt.stdout, /Rebuilt the contact aggregates: \d+ rows\./);
  const after = await aggregates();
  assert.equal(after.daily.length, after.recount.length);
});
