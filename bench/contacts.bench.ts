// The contact registry: record() with its aggregate upkeep, and a 1,000,000-row import,
// each against a baseline measured in the same run on the same database (a plain insert
// of the same row). Runs on SQLite, or on PostgreSQL when DATABASE_URL is set.
import { createTestDatabase, migrateToLatest } from '../src/platform/db/testing.ts';
import type { Trx } from '../src/platform/db/index.ts';
import { migrations } from '../src/modules/contacts/migrations.ts';
import { record } from '../src/modules/contacts/registry.ts';
import { importFigures } from '../src/modules/contacts/import/importer.ts';
import { insertContact, insertImportedRows, importChunkSize, type ImportedRow } from '../src/modules/contacts/store.ts';
import { channels, kinds } from '../src/modules/contacts/schema.ts';
import { seedTopics } from '../src/modules/contacts/topics.ts';

function line(name: string, perSecond: number, unit: string, extra = ''): void {
  console.log(`${name.padEnd(62)} ${perSecond.toFixed(0).padStart(9)} ${unit}${extra}`);
}

const goalText = (value: number, goal: number, better: 'higher' | 'lower') =>
  (better === 'higher' ? value >= goal : value <= goal) ? `  (goal ${better === 'higher' ? '≥' : '≤'} ${goal}: met)` : `  (goal ${better === 'higher' ? '≥' : '≤'} ${goal}: MISSED)`;

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function run(): Promise<void> {
  const database = await createTestDatabase();
  const pg = database.dialect === 'postgres';
  console.log(`\n## Contacts on ${pg ? 'PostgreSQL' : 'SQLite'}: record() one per transaction, and a 1,000,000-row import`);
  try {
    const db = database.db;
    await migrateToLatest(db, migrations);
    const topics = seedTopics.map((t) => t.code);
    const n = pg ? 6000 : 10000;
    const input = (i: number) => ({
      at: new Date(Date.UTC(2026, 10, 1 + (i % 28), 8 + (i % 9), i % 60)),
      channel: channels[i % channels.length]!,
      kind: kinds[i % kinds.length]!,
      topic: topics[i % topics.length]!,
      resolved: 'yes' as const,
      source: 'manual' as const,
      recordedBy: `emp-${i % 40}`,
    });
    const write = <T>(fn: (trx: Trx) => Promise<T>) => db.transaction().execute(fn);

    // Baseline: the same row inserted as-is, no validation, no aggregate.
    const plainRow = (i: number) => {
      const c = input(i);
      return {
        occurred_at: c.at.toISOString(), day: '2026-11-01', channel: c.channel, direction: 'in' as const, kind: c.kind, topic: c.topic, service: null,
        department: 'borgerservice', resolved: 'yes' as const, failure_demand: false, assisted: false, source: 'manual' as const, batch_id: null, count: 1,
        person: null, recorded_by: c.recordedBy, created_at: new Date().toISOString(),
      };
    };
    for (let i = 0; i < 500; i++) await write((trx) => record(trx, input(i))); // warm-up: JIT, statement caches
    // record() runs inside the caller's transaction; what a commit costs (an fsync) is the
    // caller's. So: 100 contacts per transaction for the function's own rate, and one per
    // transaction for the rate a stream of single requests gets.
    for (const perTransaction of [100, 1]) {
      const count = perTransaction === 1 ? Math.floor(n / 5) : n;
      const batches = async (fn: (trx: Trx, i: number) => Promise<unknown>) => {
        for (let i = 0; i < count; i += perTransaction) {
          await write(async (trx) => {
            for (let j = i; j < Math.min(count, i + perTransaction); j++) await fn(trx, j);
          });
        }
      };
      const raw = count / (await timed(() => batches((trx, i) => insertContact(trx, plainRow(i)))));
      const rec = count / (await timed(() => batches((trx, i) => record(trx, input(i)))));
      const label = perTransaction === 1 ? 'one per transaction' : `${perTransaction} per transaction`;
      line(`plain insert of a contact row, ${label} (baseline)`, raw, 'rows/s');
      line(`record() incl. validation + aggregate, ${label}`, rec, 'contacts/s', `  ratio ${(rec / raw).toFixed(2)}${perTransaction === 1 ? '' : goalText(rec, pg ? 1500 : 3000, 'higher')}`);
    }

    // Import: 1,000,000 aggregated rows (a year of 137 topic × channel × kind figures a day, and more).
    const rows = 1_000_000;
    const names = ['telefon', 'personlig', 'e-mail', 'brev', 'web', 'selvbetjening'];
    const arts = ['information', 'transaktion', 'egen sag'];
    const lines: string[] = ['dato;kanal;retning;art;emne;forvaltning;antal'];
    for (let i = 0; i < rows; i++) {
      const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 500) * 86_400_000).toISOString().slice(0, 10);
      lines.push(`${day};${names[i % names.length]};ind;${arts[Math.floor(i / 6) % 3]};${topics[Math.floor(i / 18) % topics.length]};;${(i % 97) + 1}`);
    }
    const file = Buffer.from(lines.join('\n') + '\n');

    // Baseline: the same number of rows through the same bulk insert, no parsing, checks or aggregates.
    const baselineRows: ImportedRow[] = [];
    const size = importChunkSize(db);
    const rawImportSeconds = await timed(() =>
      write(async (trx) => {
        for (let i = 0; i < rows; i++) {
          baselineRows.push({
            occurred_at: '2020-01-01T00:00:00.000Z', day: '2020-01-01', channel: 'phone', direction: 'in', kind: 'information', topic: 'affald', service: null,
            department: 'miljoe-teknik', resolved: 'unknown', failure_demand: false, assisted: false, source: 'import', batch_id: null, count: 1, created_at: '2020-01-01T00:00:00.000Z',
          });
          if (baselineRows.length === size) await insertImportedRows(trx, baselineRows.splice(0));
        }
        await insertImportedRows(trx, baselineRows.splice(0));
        throw new Rollback();
      }).catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      }),
    );
    const importSeconds = await timed(async () => {
      const outcome = await write((trx) => importFigures(trx, { file, fileName: 'bench.csv', source: 'andet' }));
      if (outcome.status !== 'imported' || outcome.rows !== rows) throw new Error(`import went wrong: ${JSON.stringify(outcome)}`);
    });
    line(`bulk insert of ${rows.toLocaleString('en')} rows (baseline)`, rows / rawImportSeconds, 'rows/s', `  ${rawImportSeconds.toFixed(1)} s`);
    line(`import of ${rows.toLocaleString('en')} rows (${(file.length / 1e6).toFixed(0)} MB CSV)`, rows / importSeconds, 'rows/s', `  ${importSeconds.toFixed(1)} s  ratio ${(rawImportSeconds / importSeconds).toFixed(2)}${goalText(importSeconds, 60, 'lower')} s`);
  } finally {
    await database.close();
  }
}

class Rollback extends Error {}
