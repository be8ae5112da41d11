// Channel insights: every dashboard figure for one year, over 10 million contacts' worth of
// data (ten years at Albertslund's size as imported daily figures, plus 1,000,000 single
// contacts recorded over the same ten years), from the registry's daily aggregates — and the same
// figure computed naively from the raw contacts, with the ratio. Goal: ≤ 50 ms a figure,
// ratio ≥ 20×. Runs on SQLite, or on PostgreSQL when DATABASE_URL is set.
import { sql } from 'kysely';
import { createTestDatabase, migrateToLatest } from '../src/platform/db/testing.ts';
import { loadConfig } from '../src/config.ts';
import { collectMigrations } from '../src/platform/module.ts';
import { modules } from '../src/modules.ts';
import { importFigures, rawContactTotals, rebuildAggregates, aggregateTotals, channels, kinds } from '../src/modules/contacts/index.ts';
import { insertImportedRows, importChunkSize, type ImportedRow } from '../src/modules/contacts/store.ts';
import { figureFunctions, type FigureContext } from '../src/modules/insights/figures.ts';
import { figureContext } from '../src/modules/insights/service.ts';
import { parsePeriod } from '../src/modules/insights/period.ts';
import { demoServices, yearFile } from '../src/modules/insights/demo.ts';

const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const MEASURED = 2025;
const SINGLES = 1_000_000;

async function ms(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The median of a few runs after one warm-up: one slow run (a GC pause) does not decide. */
async function median(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await ms(fn));
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export async function run(): Promise<void> {
  const database = await createTestDatabase();
  const pg = database.dialect === 'postgres';
  console.log(`\n## Insights on ${pg ? 'PostgreSQL' : 'SQLite'}: every dashboard figure for ${MEASURED}, aggregates vs raw contacts`);
  try {
    const db = database.db;
    await migrateToLatest(db, collectMigrations(modules)); // the figures also read self-service's funnel and cases' transfers
    const loadStart = Date.now();
    // Ten years of daily figures per channel, direction, kind and topic at 2015's level.
    let worth = 0;
    for (const year of YEARS) {
      const { csv } = yearFile(4, year);
      const outcome = await db.transaction().execute((trx) => importFigures(trx, { file: Buffer.from(csv), fileName: `bench-${year}.csv`, source: 'komhen' }));
      if (outcome.status === 'imported') worth += outcome.total;
    }
    // A million single contacts over the ten years, with every dimension varied.
    const topics = ['affald', 'byggeri', 'flytning', 'sundhedskort', 'pas', 'skole', 'dagtilbud', 'hjemmehjaelp', 'kontanthjaelp', 'andet'];
    const departmentOf: Record<string, string> = { affald: 'miljoe-teknik', byggeri: 'miljoe-teknik', flytning: 'borgerservice', sundhedskort: 'borgerservice', pas: 'borgerservice', skole: 'boern-unge', dagtilbud: 'boern-unge', hjemmehjaelp: 'social-sundhed', kontanthjaelp: 'social-sundhed', andet: 'borgerservice' };
    const services = demoServices.map((s) => s.service);
    const size = importChunkSize(db);
    await db.transaction().execute(async (trx) => {
      let chunk: ImportedRow[] = [];
      for (let i = 0; i < SINGLES; i++) {
        const at = new Date(Date.UTC(YEARS[0]!, 0, 1, 7) + Math.floor((i / SINGLES) * (YEARS.length * 365 - 1) * 86_400_000));
        const topic = topics[i % topics.length]!;
        const kind = kinds[(i >> 3) % kinds.length]!;
        chunk.push({
          occurred_at: at.toISOString(),
          day: at.toISOString().slice(0, 10),
          channel: channels[(i * 7) % channels.length]!,
          direction: i % 5 === 0 ? 'out' : 'in',
          kind,
          topic,
          service: kind === 'transaction' ? services[i % services.length]! : null,
          department: departmentOf[topic]!,
          resolved: (['yes', 'no', 'unknown'] as const)[i % 3]!,
          failure_demand: i % 11 === 0,
          assisted: i % 13 === 0,
          source: 'automatic',
          batch_id: null,
          count: 1,
          created_at: at.toISOString(),
        });
        if (chunk.length === size) {
          await insertImportedRows(trx, chunk);
          chunk = [];
        }
      }
      await insertImportedRows(trx, chunk);
      await rebuildAggregates(trx);
    });
    worth += SINGLES;
    await sql`analyze`.execute(db); // fresh planner statistics, as a running installation has
    const aggregateRows = (await aggregateTotals(db, { firstDay: '2000-01-01', lastDay: '2100-01-01', by: ['day', 'channel', 'direction', 'kind', 'topic', 'department', 'service', 'resolved', 'failureDemand', 'assisted'] })).length;
    console.log(`data: ${(worth / 1e6).toFixed(1)} million contacts' worth over ${YEARS.length} years, ${aggregateRows.toLocaleString('en')} daily aggregate rows (loaded in ${((Date.now() - loadStart) / 1000).toFixed(0)} s)`);

    const config = loadConfig({});
    const period = parsePeriod(String(MEASURED))!;
    let worst = 0;
    let worstRatio = Infinity;
    for (const department of [null, 'miljoe-teknik']) {
      const ctx: FigureContext = await figureContext(db, config, period, department);
      // Counts the naive run's registry reads: a figure with none (transfers come from cases) has no ratio.
      let registryReads = 0;
      const naive: FigureContext = { ...ctx, totals: (db, query) => (registryReads++, rawContactTotals(db, query)) };
      console.log(`${department ?? 'municipality'}:`);
      console.log(`${'  figure'.padEnd(28)} ${'aggregates'.padStart(11)} ${'raw contacts'.padStart(13)} ${'ratio'.padStart(8)}`);
      for (const [name, fn] of Object.entries(figureFunctions)) {
        const fast = await median(() => fn(ctx));
        registryReads = 0;
        const slow = await median(() => fn(naive), 1);
        worst = Math.max(worst, fast);
        const ratio = registryReads > 0 ? `${(slow / fast).toFixed(1).padStart(7)}×` : '      — (not from the registry)';
        if (registryReads > 0) worstRatio = Math.min(worstRatio, slow / fast);
        console.log(`  ${name.padEnd(26)} ${fast.toFixed(1).padStart(8)} ms ${slow.toFixed(1).padStart(10)} ms ${ratio}${fast <= 50 ? '' : '  (goal ≤ 50 ms: MISSED)'}`);
      }
    }
    console.log(`slowest figure ${worst.toFixed(1)} ms (goal ≤ 50 ms: ${worst <= 50 ? 'met' : 'MISSED'}); smallest ratio ${worstRatio.toFixed(1)}× (goal ≥ 20×: ${worstRatio >= 20 ? 'met' : 'MISSED'})`);
  } finally {
    await database.close();
  }
}
