// The dashboard's figures for one period and scope, each computed by its own small
// function from the registry's aggregates (never the raw contacts), so each can be timed
// and explained on its own. Whole months come from the registry's monthly roll-ups
// (contacts' aggregateTotals chooses the table). All definitions are in kpi.ts and docs/insights.md.
import { transfersBetween } from '../cases/index.ts';
import { aggregateTotals, channels, type Channel, type Direction, type TotalDimension, type TotalRow } from '../contacts/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { addDays, formatDay, startOfCopenhagenDay } from '../../platform/calendar/days.ts';
import * as kpi from './kpi.ts';
import { selfServiceFunnels, type FunnelSource, type ServiceFunnel } from './funnel.ts';
import { goalStatus, type Goal, type GoalStatus } from './goals.ts';
import { daysIn, monthsOf, yearParts, type Period } from './period.ts';
import type { PriceBook } from './prices.ts';

/** Albertslund's baseline year (DESIGN.md): savings are measured against it. */
export const BASELINE_YEAR = 2011;

export interface FigureContext {
  db: Db;
  period: Period;
  /** null: the municipality as a whole. */
  department: string | null;
  prices: PriceBook;
  goals: readonly Goal[];
  countWebVisits: boolean;
  funnels?: FunnelSource;
  /** Where totals come from: the registry's daily aggregates (default); the benchmark compares raw contacts. */
  totals?: typeof aggregateTotals;
}

type Row = kpi.YearTotal & Omit<TotalRow, 'channel' | 'direction' | 'count'>;

/**
 * Totals for the period, each row with its calendar year (each year is priced with its own
 * prices). One query: a period over several years is also grouped by month, which gives the year.
 */
async function totals(ctx: Pick<FigureContext, 'db' | 'department' | 'totals'>, period: Pick<Period, 'firstDay' | 'lastDay'>, by: TotalDimension[], direction?: Direction): Promise<Row[]> {
  const parts = yearParts(period);
  const found = await (ctx.totals ?? aggregateTotals)(ctx.db, {
    firstDay: period.firstDay,
    lastDay: period.lastDay,
    by: [...new Set<TotalDimension>(['channel', 'direction', ...by, ...(parts.length > 1 ? (['month'] as const) : [])])],
    ...(ctx.department !== null ? { department: ctx.department } : {}),
    ...(direction ? { direction } : {}),
  });
  return found.map((r) => ({ ...r, year: parts.length > 1 ? Number(r.month!.slice(0, 4)) : parts[0]!.year }) as Row);
}

const years = (p: Period) => yearParts(p).map((y) => y.year);

// ---------------------------------------------------------------------------
// The figures

export interface ChannelFigures {
  inbound: number;
  digitalShare: number | null;
  channels: kpi.ChannelCost[];
  totalCostOre: number | null;
  digitalPostShare: number | null;
  digitalLetterSavingOre: number | null;
  /** Outgoing letters, digital and printed. */
  lettersOut: number;
}

export async function channelFigures(ctx: FigureContext): Promise<ChannelFigures> {
  const rows = await totals(ctx, ctx.period, []);
  const costs = kpi.costByChannel(rows, ctx.prices, channels, years(ctx.period));
  return {
    inbound: costs.reduce((n, c) => n + c.inbound, 0),
    digitalShare: kpi.digitalShare(rows, { includeWebVisits: ctx.countWebVisits }),
    channels: costs,
    totalCostOre: kpi.totalCost(costs),
    digitalPostShare: kpi.digitalPostShare(rows),
    digitalLetterSavingOre: kpi.digitalLetterSaving(rows, ctx.prices),
    lettersOut: rows.filter((r) => r.direction === 'out' && (r.channel === 'letter' || r.channel === 'digital_post')).reduce((n, r) => n + r.count, 0),
  };
}

export async function costPerTransaction(ctx: FigureContext): Promise<{ costPerTransactionOre: number | null }> {
  return { costPerTransactionOre: kpi.costPerTransaction(await totals(ctx, ctx.period, ['kind'], 'in'), ctx.prices) };
}

export interface BaselineFigures {
  baselineYear: number;
  /** The baseline year's inbound contacts, scaled to the period's length. */
  baselineInbound: number | null;
  savingOre: number | null;
}

export async function savingAgainstBaseline(ctx: FigureContext): Promise<BaselineFigures> {
  const baselinePeriod = { firstDay: formatDay(BASELINE_YEAR, 1, 1), lastDay: formatDay(BASELINE_YEAR, 12, 31) };
  const [rows, baseline] = [await totals(ctx, ctx.period, [], 'in'), await totals(ctx, baselinePeriod, [], 'in')];
  const scale = daysIn(ctx.period) / daysIn(baselinePeriod);
  const baseIn = baseline.reduce((n, r) => n + r.count, 0);
  return {
    baselineYear: BASELINE_YEAR,
    baselineInbound: baseIn > 0 ? Math.round(baseIn * scale) : null,
    savingOre: kpi.savingAgainstBaseline(rows, baseline, scale, ctx.prices),
  };
}

export interface MonthFigures {
  month: string;
  byChannel: Partial<Record<Channel, number>>;
  inbound: number;
  digitalShare: number | null;
}

/** The channel mix over time: inbound contacts per channel and month. */
export async function channelMix(ctx: FigureContext): Promise<{ months: MonthFigures[] }> {
  const rows = await totals(ctx, ctx.period, ['month'], 'in');
  const months = new Map(monthsOf(ctx.period).map((m) => [m, [] as Row[]]));
  for (const r of rows) months.get(r.month!)?.push(r);
  return {
    months: [...months].map(([month, list]) => {
      const byChannel: Partial<Record<Channel, number>> = {};
      for (const r of list) byChannel[r.channel] = (byChannel[r.channel] ?? 0) + r.count;
      return { month, byChannel, inbound: list.reduce((n, r) => n + r.count, 0), digitalShare: kpi.digitalShare(list, { includeWebVisits: ctx.countWebVisits }) };
    }),
  };
}

export interface DepartmentFigures {
  department: string;
  inbound: number;
  digitalShare: number | null;
  costOre: number | null;
}

/** The per-department table (aggregates only; every manager may see it). */
export async function departmentTable(ctx: FigureContext): Promise<{ departments: DepartmentFigures[] }> {
  const rows = await totals({ ...ctx, department: null }, ctx.period, ['department'], 'in');
  const byDepartment = kpi.groupBy(rows, (r) => r.department!);
  return {
    departments: [...byDepartment]
      .map(([department, list]) => ({
        department,
        inbound: list.reduce((n, r) => n + r.count, 0),
        digitalShare: kpi.digitalShare(list, { includeWebVisits: ctx.countWebVisits }),
        costOre: kpi.totalCost(kpi.costByChannel(list, ctx.prices, channels, years(ctx.period))),
      }))
      .sort((a, b) => a.department.localeCompare(b.department)),
  };
}

export interface ServiceFigures extends kpi.ServiceTakeUp {
  completionRate: number | null;
  abandonmentRatio: number | null;
}

export interface ServicesFigures {
  services: ServiceFigures[];
  /** Take-up over all services with self-service together. */
  takeUp: number | null;
  /** Abandoned ÷ completed over all services. */
  abandonmentRatio: number | null;
}

/** Digital take-up per service (registry), joined with completion and abandonment (self-service funnel). */
export async function serviceFigures(ctx: FigureContext): Promise<ServicesFigures> {
  const rows = await totals(ctx, ctx.period, ['kind', 'service'], 'in');
  const takeUps = kpi.takeUpByService(rows);
  const funnels = await (ctx.funnels ?? selfServiceFunnels)(ctx.db, ctx.period);
  const byService = new Map(funnels.map((f) => [f.service, f]));
  const all: ServiceFunnel = { service: '', started: 0, completed: 0, abandoned: 0 };
  for (const f of funnels) {
    all.started += f.started;
    all.completed += f.completed;
    all.abandoned += f.abandoned;
  }
  return {
    services: takeUps.map((s) => {
      const f = byService.get(s.service);
      return { ...s, ...(f ? kpi.completion(f) : { completionRate: null, abandonmentRatio: null }) };
    }),
    takeUp: kpi.overallTakeUp(takeUps),
    abandonmentRatio: kpi.completion(all).abandonmentRatio,
  };
}

export interface ResolutionFigures {
  firstContact: ReturnType<typeof kpi.firstContactResolution>;
  failureDemand: ReturnType<typeof kpi.failureDemand>;
}

export async function resolutionFigures(ctx: FigureContext): Promise<ResolutionFigures> {
  const rows = await totals(ctx, ctx.period, ['resolved', 'failureDemand'], 'in');
  return { firstContact: kpi.firstContactResolution(rows), failureDemand: kpi.failureDemand(rows) };
}

export interface TopicPotential extends kpi.SavingPotential {
  /** Services seen for the topic, with their take-up. */
  services: { service: string; takeUp: number | null }[];
}

/** "Where would self-service save most": topics ranked by what moving their non-digital contacts would save. */
export async function wouldSaveMost(ctx: FigureContext): Promise<{ topics: TopicPotential[] }> {
  const rows = await totals(ctx, ctx.period, ['topic', 'kind', 'service'], 'in');
  const servicesByTopic = kpi.groupBy(rows.filter((r) => r.service), (r) => r.topic!);
  return {
    topics: kpi.savingPotential(rows, ctx.prices).map((t) => ({
      ...t,
      services: kpi.takeUpByService(servicesByTopic.get(t.topic) ?? []).map((s) => ({ service: s.service, takeUp: s.takeUp })),
    })),
  };
}

export interface YearTrend {
  year: number;
  inbound: number;
  digitalShare: number | null;
  costOre: number | null;
  digitalPostShare: number | null;
}

/** The trend since the baseline: one row per year from the baseline year to the period's last year. */
export async function trendSinceBaseline(ctx: FigureContext): Promise<{ trend: YearTrend[] }> {
  const last = years(ctx.period).at(-1)!;
  const rows = await totals(ctx, { firstDay: formatDay(Math.min(BASELINE_YEAR, last), 1, 1), lastDay: ctx.period.lastDay }, []);
  const byYear = kpi.groupBy(rows, (r) => r.year);
  const trend: YearTrend[] = [];
  for (let year = Math.min(BASELINE_YEAR, last); year <= last; year++) {
    const list = byYear.get(year) ?? [];
    const costs = kpi.costByChannel(list, ctx.prices, channels, [year]);
    trend.push({
      year,
      inbound: costs.reduce((n, c) => n + c.inbound, 0),
      digitalShare: kpi.digitalShare(list, { includeWebVisits: ctx.countWebVisits }),
      costOre: kpi.totalCost(costs),
      digitalPostShare: kpi.digitalPostShare(list),
    });
  }
  return { trend };
}

export interface TransferFigures {
  /** Cases moved from one department to another in the period (in scope: to or from the department). */
  transfers: { total: number; pairs: { from: string; to: string; count: number }[] };
}

/** Transfers between departments, from the cases module: each time a case was sent on to another department. */
export async function transferFigures(ctx: FigureContext): Promise<TransferFigures> {
  const all = await transfersBetween(ctx.db, startOfCopenhagenDay(ctx.period.firstDay).toISOString(), startOfCopenhagenDay(addDays(ctx.period.lastDay, 1)).toISOString());
  const pairs = ctx.department === null ? all : all.filter((p) => p.from === ctx.department || p.to === ctx.department);
  return { transfers: { total: pairs.reduce((sum, p) => sum + p.count, 0), pairs } };
}

export interface GoalFigure {
  goal: Goal;
  value: number | null;
  status: GoalStatus;
  /** Why there is no value, when there is none. */
  missing?: 'callbacks_module';
}

/** Each goal in scope with the period's value and whether it is met. */
export async function goalFigures(ctx: FigureContext, known: { digitalShare: number | null; takeUp: number | null; digitalPostShare: number | null; abandonmentRatio: number | null }): Promise<{ goals: GoalFigure[] }> {
  const inScope = ctx.goals.filter((g) => (ctx.department === null ? true : g.department === null || g.department === ctx.department));
  // A department goal is measured on that department's (topic's, kind's) own contacts: one
  // query per department that has such goals, not one per goal.
  const scoped = (g: Goal) => g.department !== null || g.topic !== null || g.kind !== null;
  const rowsOf = new Map<string | null, Row[]>();
  for (const goal of inScope.filter(scoped)) {
    if (!rowsOf.has(goal.department)) rowsOf.set(goal.department, await totals({ ...ctx, department: goal.department }, ctx.period, ['topic', 'kind', 'service'], 'in'));
  }
  const result: GoalFigure[] = [];
  for (const goal of inScope) {
    let value: number | null = null;
    let missing: GoalFigure['missing'];
    if (scoped(goal)) {
      const mine = (rowsOf.get(goal.department) ?? []).filter((r) => (goal.topic === null || r.topic === goal.topic) && (goal.kind === null || r.kind === goal.kind));
      value = goal.metric === 'take_up' ? kpi.overallTakeUp(kpi.takeUpByService(mine)) : kpi.digitalShare(mine, { includeWebVisits: ctx.countWebVisits });
    } else if (goal.metric === 'digital_share') value = known.digitalShare;
    else if (goal.metric === 'take_up') value = known.takeUp;
    else if (goal.metric === 'digital_post_share') value = known.digitalPostShare;
    else if (goal.metric === 'abandonment') value = known.abandonmentRatio;
    else missing = 'callbacks_module';
    result.push({ goal, value, status: goalStatus(goal, value), ...(missing ? { missing } : {}) });
  }
  return { goals: result };
}

// ---------------------------------------------------------------------------
// The whole dashboard

export interface Dashboard extends ChannelFigures, BaselineFigures, TransferFigures {
  period: Period;
  department: string | null;
  /** Per-service and per-topic figures are included (admins; a manager for their own department). */
  detail: boolean;
  countWebVisits: boolean;
  costPerTransactionOre: number | null;
  months: MonthFigures[];
  departments: DepartmentFigures[];
  trend: YearTrend[];
  goals: GoalFigure[];
  /** Detail only. */
  services: ServicesFigures | null;
  resolution: ResolutionFigures | null;
  topics: TopicPotential[] | null;
}

export async function computeDashboard(ctx: FigureContext, detail: boolean): Promise<Dashboard> {
  const base = await channelFigures(ctx);
  const services = await serviceFigures(ctx);
  return {
    period: ctx.period,
    department: ctx.department,
    detail,
    countWebVisits: ctx.countWebVisits,
    ...base,
    ...(await costPerTransaction(ctx)),
    ...(await savingAgainstBaseline(ctx)),
    ...(await channelMix(ctx)),
    ...(await departmentTable(ctx)),
    ...(await trendSinceBaseline(ctx)),
    ...(await transferFigures(ctx)),
    ...(await goalFigures(ctx, { ...base, takeUp: services.takeUp, abandonmentRatio: services.abandonmentRatio })),
    services: detail ? services : null,
    resolution: detail ? await resolutionFigures(ctx) : null,
    topics: detail ? (await wouldSaveMost(ctx)).topics : null,
  };
}

/** Every figure by name, for the benchmark (each must take ≤ 50 ms for a year). */
export const figureFunctions = {
  channelFigures,
  costPerTransaction,
  savingAgainstBaseline,
  channelMix,
  departmentTable,
  serviceFigures,
  resolutionFigures,
  wouldSaveMost,
  trendSinceBaseline,
  transferFigures,
  // The goals' own queries (department goals); the other values come from the figures above.
  goalFigures: (ctx: FigureContext) => goalFigures(ctx, { digitalShare: null, takeUp: null, digitalPostShare: null, abandonmentRatio: null }),
} satisfies Record<string, (ctx: FigureContext) => Promise<unknown>>;
