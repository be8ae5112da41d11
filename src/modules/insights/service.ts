// The insights module's logic between HTTP and the figures: who may see what, the cost
// model and goals as admins edit them, and the context every figure is computed in.
import type { Config } from '../../config.ts';
import { now, type Db, type Trx } from '../../platform/db/index.ts';
import { KanalError, forbidden, validationFailed } from '../../platform/http/errors.ts';
import type { Role } from '../../platform/policy/index.ts';
import { departmentById } from '../../platform/auth/index.ts';
import { listTopics, type Kind } from '../contacts/index.ts';
import type { FigureContext } from './figures.ts';
import { currentGoals, goalKey, goalProblems, isGoalMetric, type Goal } from './goals.ts';
import { parsePeriod, previousYear, type Period } from './period.ts';
import { isPriceItem, parseKroner, priceBook, type PriceBook } from './prices.ts';
import * as store from './store.ts';

/** Who is looking, as far as insights cares. */
export interface InsightsViewer {
  id: string;
  roles: readonly Role[];
  /** The employee's department id; null for roles that have none. */
  department: string | null;
}

/** A department the municipality has configured (KANAL_DEPARTMENTS). */
export const isDepartmentId = (config: Config, v: unknown): v is string => typeof v === 'string' && departmentById(config, v) !== undefined;

/**
 * What a viewer may see of a department (null: the municipality). Admins see everything in
 * detail; a manager sees their own department in detail and the municipality in aggregate,
 * never another department's detail.
 */
export function dashboardScope(viewer: InsightsViewer, requested: string | null): { department: string | null; detail: boolean } {
  if (viewer.roles.includes('admin')) return { department: requested, detail: true };
  if (!viewer.roles.includes('manager')) throw forbidden();
  if (requested === null) return { department: null, detail: false };
  if (requested !== viewer.department) throw forbidden('A manager sees the figures of their own department only.');
  return { department: requested, detail: true };
}

/** Whether the viewer may write the comment on a department's (or the municipality's) report. */
export function mayComment(viewer: InsightsViewer, department: string | null): boolean {
  if (viewer.roles.includes('admin')) return true;
  return viewer.roles.includes('manager') && department !== null && department === viewer.department;
}

export async function loadPrices(db: Db): Promise<PriceBook> {
  return priceBook(await store.priceVersions(db));
}

export async function loadGoals(db: Db): Promise<Goal[]> {
  return currentGoals(await store.goalVersions(db));
}

export async function figureContext(db: Db, config: Config, period: Period, department: string | null): Promise<FigureContext> {
  return { db, period, department, prices: await loadPrices(db), goals: await loadGoals(db), countWebVisits: config.insights.countWebVisits };
}

/** The period a page asked for, or the default: the last demo year when demo data is loaded, else last year. */
export async function choosePeriod(db: Db, key: string | undefined, at = new Date()): Promise<Period> {
  if (key !== undefined && key !== '') {
    const period = parsePeriod(key);
    if (!period) throw validationFailed([{ field: 'period', message: 'periodFormat' }]);
    return period;
  }
  const demo = await store.demoData(db);
  return demo ? parsePeriod(String(demo.lastYear))! : previousYear(at);
}

export const demoData = (db: Db) => store.demoData(db);

// ---------------------------------------------------------------------------
// Editing the cost model and goals (admins)

export interface PriceChange {
  item: string;
  fromYear: string;
  kroner: string;
}

/** Sets a price from a year on; "—" or empty sets "no price". Throws validation_failed naming the field. */
export async function setPrice(trx: Trx, change: PriceChange, by: string): Promise<void> {
  const problems = [];
  const year = /^\d{4}$/.test(change.fromYear.trim()) ? Number(change.fromYear.trim()) : NaN;
  const amount = parseKroner(change.kroner);
  if (!isPriceItem(change.item)) problems.push({ field: 'item', message: 'priceItem' });
  if (!(year >= 2000 && year <= 2100)) problems.push({ field: 'fromYear', message: 'priceYear' });
  if (!amount.ok) problems.push({ field: 'kroner', message: 'priceAmount' });
  if (problems.length > 0 || !amount.ok || !isPriceItem(change.item)) throw validationFailed(problems);
  await store.insertPriceVersion(trx, { item: change.item, fromYear: year, ore: amount.ore, changedAt: now(), changedBy: by });
}

export interface GoalChange {
  metric: string;
  department: string;
  topic: string;
  kind: string;
  /** Percent for shares ("50"), the ratio itself for abandonment ("3,75"). */
  target: string;
  targetYear: string;
  active: boolean;
}

const number = (text: string): number | null => (/^\d{1,3}([.,]\d{1,2})?$/.test(text.trim()) ? Number(text.trim().replace(',', '.')) : null);

/** Adds a version of a goal (new or changed). Throws validation_failed naming each field. */
export async function setGoal(trx: Trx, config: Config, change: GoalChange, by: string): Promise<void> {
  const raw = number(change.target);
  const target = raw === null ? null : change.metric === 'abandonment' ? raw : raw / 100;
  const year = /^\d{4}$/.test(change.targetYear.trim()) ? Number(change.targetYear.trim()) : null;
  const department = change.department.trim() || null;
  const topic = change.topic.trim() || null;
  const kind = change.kind.trim() || null;
  const problems: { field: string; message: string }[] = goalProblems({ metric: change.metric, target, targetYear: year, kind }).map((p) => ({ field: p, message: `goal_${p}` }));
  if (department !== null && !isDepartmentId(config, department)) problems.push({ field: 'department', message: 'goal_department' });
  if (topic !== null && !(await listTopics(trx)).some((t) => t.code === topic)) problems.push({ field: 'topic', message: 'goal_topic' });
  if (problems.length > 0 || !isGoalMetric(change.metric) || target === null || year === null) throw validationFailed(problems);
  const scope = { metric: change.metric, department, topic, kind: kind as Kind | null };
  await store.insertGoalVersion(trx, { ...scope, key: goalKey(scope), target, targetYear: year, active: change.active, changedAt: now(), changedBy: by });
}

export const priceHistory = (db: Db) => store.priceVersions(db);
export const goalHistory = (db: Db) => store.goalVersions(db);

export class NoSuchReport extends KanalError {
  constructor() {
    super('not_found', 'There is no status report for that period and department yet.');
  }
}
