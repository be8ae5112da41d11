import type { Migration } from 'kysely';
import { columnTypes, now } from '../../platform/db/index.ts';
import { DEFAULT_PRICE_YEAR, KL_2011_PRICES, KL_2011_SOURCE } from './prices.ts';
import { goalKey, STRATEGY_SOURCE, strategyGoals } from './goals.ts';

export const migrations: Record<string, Migration> = {
  'insights-20261127-cost-model-goals-reports': {
    async up(db) {
      const t = columnTypes(db);
      // Append-only: every price ever set, so the history stays and old figures can be explained.
      await db.schema
        .createTable('insights_price_version')
        .addColumn('id', t.identity)
        .addColumn('item', 'text', (c) => c.notNull())
        .addColumn('from_year', 'integer', (c) => c.notNull())
        .addColumn('ore', 'integer') // null: deliberately no price ("—")
        .addColumn('changed_at', t.timestamp, (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('insights_goal_version')
        .addColumn('id', t.identity)
        .addColumn('goal_key', 'text', (c) => c.notNull())
        .addColumn('metric', 'text', (c) => c.notNull())
        .addColumn('department', 'text')
        .addColumn('topic', 'text')
        .addColumn('kind', 'text')
        .addColumn('target', 'double precision', (c) => c.notNull())
        .addColumn('target_year', 'integer', (c) => c.notNull())
        .addColumn('active', t.boolean, (c) => c.notNull())
        .addColumn('changed_at', t.timestamp, (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .execute();
      // The archive of status reports: the figures as they were when generated, and the department's comment.
      await db.schema
        .createTable('insights_report')
        .addColumn('id', t.identity)
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('department', 'text', (c) => c.notNull()) // '' for the municipality as a whole
        .addColumn('generated_at', t.timestamp, (c) => c.notNull())
        .addColumn('generated_by', 'text', (c) => c.notNull())
        .addColumn('figures', t.json, (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('comment_by', 'text')
        .addColumn('comment_at', t.timestamp)
        .addUniqueConstraint('insights_report_period_department', ['period', 'department'])
        .execute();
      // Set when demo data is loaded, so every figure built on it says so.
      await db.schema
        .createTable('insights_demo')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('loaded_at', t.timestamp, (c) => c.notNull())
        .addColumn('first_year', 'integer', (c) => c.notNull())
        .addColumn('last_year', 'integer', (c) => c.notNull())
        .execute();

      const at = now();
      await db
        .insertInto('insights_price_version')
        .values(KL_2011_PRICES.map((p) => ({ item: p.item, from_year: DEFAULT_PRICE_YEAR, ore: p.ore, changed_at: at, changed_by: KL_2011_SOURCE })))
        .execute();
      await db
        .insertInto('insights_goal_version')
        .values(
          strategyGoals.map((g) => ({
            goal_key: goalKey(g),
            metric: g.metric,
            department: g.department,
            topic: g.topic,
            kind: g.kind,
            target: g.target,
            target_year: g.targetYear,
            active: true,
            changed_at: at,
            changed_by: STRATEGY_SOURCE,
          })),
        )
        .execute();
    },
    async down(db) {
      for (const table of ['insights_demo', 'insights_report', 'insights_goal_version', 'insights_price_version']) await db.schema.dropTable(table).execute();
    },
  },
};
