// The insights module's tables (cost model, goals, report archive, demo marker) and every query on them.
import type { Generated, Selectable } from 'kysely';
import { json, type Db, type JsonColumn, type Timestamp, type Trx } from '../../platform/db/index.ts';
import type { Kind } from '../contacts/index.ts';
import type { Goal, GoalMetric } from './goals.ts';
import type { PriceItem, PriceVersion } from './prices.ts';
import type { ReportFigures } from './report.ts';

type PriceTable = {
  id: Generated<number>;
  item: PriceItem;
  from_year: number;
  ore: number | null;
  changed_at: Timestamp;
  changed_by: string;
};

type GoalTable = {
  id: Generated<number>;
  goal_key: string;
  metric: GoalMetric;
  department: string | null;
  topic: string | null;
  kind: Kind | null;
  target: number;
  target_year: number;
  active: boolean;
  changed_at: Timestamp;
  changed_by: string;
};

type ReportTable = {
  id: Generated<number>;
  period: string;
  department: string;
  generated_at: Timestamp;
  generated_by: string;
  figures: JsonColumn<ReportFigures>;
  comment: string | null;
  comment_by: string | null;
  comment_at: Timestamp | null;
};

type DemoTable = { id: number; loaded_at: Timestamp; first_year: number; last_year: number };

type Tables = { insights_price_version: PriceTable; insights_goal_version: GoalTable; insights_report: ReportTable; insights_demo: DemoTable };
const q = (db: Db) => db.withTables<Tables>();

// ---------------------------------------------------------------------------
// Prices

export async function priceVersions(db: Db): Promise<PriceVersion[]> {
  const rows = await q(db).selectFrom('insights_price_version').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ item: r.item, fromYear: r.from_year, ore: r.ore === null ? null : Number(r.ore), changedAt: r.changed_at, changedBy: r.changed_by }));
}

export async function insertPriceVersion(trx: Trx, v: PriceVersion): Promise<void> {
  await q(trx).insertInto('insights_price_version').values({ item: v.item, from_year: v.fromYear, ore: v.ore, changed_at: v.changedAt, changed_by: v.changedBy }).execute();
}

// ---------------------------------------------------------------------------
// Goals

const toGoal = (r: Selectable<GoalTable>): Goal => ({
  key: r.goal_key,
  metric: r.metric,
  department: r.department,
  topic: r.topic,
  kind: r.kind,
  target: Number(r.target),
  targetYear: r.target_year,
  active: r.active,
  changedAt: r.changed_at,
  changedBy: r.changed_by,
});

export async function goalVersions(db: Db): Promise<Goal[]> {
  const rows = await q(db).selectFrom('insights_goal_version').selectAll().orderBy('id').execute();
  return rows.map(toGoal);
}

export async function insertGoalVersion(trx: Trx, g: Goal): Promise<void> {
  await q(trx)
    .insertInto('insights_goal_version')
    .values({
      goal_key: g.key,
      metric: g.metric,
      department: g.department,
      topic: g.topic,
      kind: g.kind,
      target: g.target,
      target_year: g.targetYear,
      active: g.active,
      changed_at: g.changedAt,
      changed_by: g.changedBy,
    })
    .execute();
}

// ---------------------------------------------------------------------------
// Reports

export interface StoredReport {
  id: number;
  period: string;
  /** null: the municipality as a whole. */
  department: string | null;
  generatedAt: Timestamp;
  generatedBy: string;
  figures: ReportFigures;
  comment: string | null;
  commentBy: string | null;
  commentAt: Timestamp | null;
}

const toReport = (r: Selectable<ReportTable>): StoredReport => ({
  id: r.id,
  period: r.period,
  department: r.department === '' ? null : r.department,
  generatedAt: r.generated_at,
  generatedBy: r.generated_by,
  figures: r.figures,
  comment: r.comment,
  commentBy: r.comment_by,
  commentAt: r.comment_at,
});

export async function findReport(db: Db, period: string, department: string | null): Promise<StoredReport | undefined> {
  const row = await q(db).selectFrom('insights_report').selectAll().where('period', '=', period).where('department', '=', department ?? '').executeTakeFirst();
  return row && toReport(row);
}

/** Stores a report's figures; a report generated again keeps its comment. */
export async function saveReport(trx: Trx, r: Pick<StoredReport, 'period' | 'department' | 'generatedAt' | 'generatedBy' | 'figures'>): Promise<void> {
  const figures = json(r.figures);
  await q(trx)
    .insertInto('insights_report')
    .values({ period: r.period, department: r.department ?? '', generated_at: r.generatedAt, generated_by: r.generatedBy, figures })
    .onConflict((oc) => oc.columns(['period', 'department']).doUpdateSet({ generated_at: r.generatedAt, generated_by: r.generatedBy, figures }))
    .execute();
}

export async function setReportComment(trx: Trx, period: string, department: string | null, comment: string, by: string, at: Timestamp): Promise<boolean> {
  const result = await q(trx)
    .updateTable('insights_report')
    .set({ comment, comment_by: by, comment_at: at })
    .where('period', '=', period)
    .where('department', '=', department ?? '')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface ReportListing {
  period: string;
  department: string | null;
  generatedAt: Timestamp;
  hasComment: boolean;
}

export async function listReports(db: Db): Promise<ReportListing[]> {
  const rows = await q(db).selectFrom('insights_report').select(['period', 'department', 'generated_at', 'comment']).orderBy('period', 'desc').orderBy('department').execute();
  return rows.map((r) => ({ period: r.period, department: r.department === '' ? null : r.department, generatedAt: r.generated_at, hasComment: r.comment !== null && r.comment !== '' }));
}

// ---------------------------------------------------------------------------
// Demo marker

export async function demoData(db: Db): Promise<{ firstYear: number; lastYear: number } | undefined> {
  const row = await q(db).selectFrom('insights_demo').selectAll().executeTakeFirst();
  return row && { firstYear: row.first_year, lastYear: row.last_year };
}

export async function markDemoData(trx: Trx, firstYear: number, lastYear: number, at: Timestamp): Promise<void> {
  await q(trx).insertInto('insights_demo').values({ id: 1, loaded_at: at, first_year: firstYear, last_year: lastYear }).execute();
}
