// The strategy's goals: each a target for one figure, reached by a target year, for the
// municipality or one department (optionally one topic or kind of contact). Goals are
// kept as versions, so a changed target leaves the old one in the history.
import { kinds, type Kind } from '../contacts/index.ts';

export const goalMetrics = ['digital_share', 'take_up', 'digital_post_share', 'callbacks', 'abandonment'] as const;
export type GoalMetric = (typeof goalMetrics)[number];
export const isGoalMetric = (v: unknown): v is GoalMetric => typeof v === 'string' && (goalMetrics as readonly string[]).includes(v);

/** Shares are at least the target; the abandonment ratio must stay below it. */
export const comparisonOf = (metric: GoalMetric): 'at_least' | 'below' => (metric === 'abandonment' ? 'below' : 'at_least');

export interface GoalScope {
  metric: GoalMetric;
  /** null: the municipality as a whole. */
  department: string | null;
  topic: string | null;
  kind: Kind | null;
}

export interface Goal extends GoalScope {
  key: string;
  /** A share as a fraction (0.5 = 50 %), or the abandonment ratio itself. */
  target: number;
  targetYear: number;
  active: boolean;
  changedAt: string;
  changedBy: string;
}

/** One key per scope: editing a goal adds a version under the same key. */
export const goalKey = (s: GoalScope) => [s.metric, s.department ?? '*', s.topic ?? '*', s.kind ?? '*'].join(':');

export const STRATEGY_SOURCE = 'Kanalstrategi, Albertslund Kommune';

/** The strategy's goals (seed), and its example of a department goal: 70 % of building cases digital. */
export const strategyGoals: ReadonlyArray<GoalScope & { target: number; targetYear: number }> = [
  { metric: 'digital_share', department: null, topic: null, kind: null, target: 0.5, targetYear: 2015 },
  { metric: 'take_up', department: null, topic: null, kind: null, target: 0.8, targetYear: 2015 },
  { metric: 'digital_post_share', department: null, topic: null, kind: null, target: 0.8, targetYear: 2015 },
  { metric: 'callbacks', department: null, topic: null, kind: null, target: 1, targetYear: 2015 },
  { metric: 'abandonment', department: null, topic: null, kind: null, target: 3.75, targetYear: 2015 },
  { metric: 'digital_share', department: 'miljoe-teknik', topic: 'byggeri', kind: 'transaction', target: 0.7, targetYear: 2015 },
];

export type GoalStatus = 'met' | 'not_met' | 'no_data';

export function goalStatus(goal: Pick<Goal, 'metric' | 'target'>, value: number | null): GoalStatus {
  if (value === null) return 'no_data';
  return comparisonOf(goal.metric) === 'below' ? (value < goal.target ? 'met' : 'not_met') : value >= goal.target ? 'met' : 'not_met';
}

/** The current version of each goal, from all versions (newest per key wins). */
export function currentGoals(versions: readonly Goal[]): Goal[] {
  const latest = new Map<string, Goal>();
  for (const g of [...versions].sort((a, b) => a.changedAt.localeCompare(b.changedAt))) latest.set(g.key, g);
  return [...latest.values()].filter((g) => g.active);
}

export type GoalProblem = 'metric' | 'target' | 'targetYear' | 'kind';

/** Checks what an admin typed for a goal; the target arrives as percent for shares. */
export function goalProblems(input: { metric: string; target: number | null; targetYear: number | null; kind: string | null }): GoalProblem[] {
  const problems: GoalProblem[] = [];
  if (!isGoalMetric(input.metric)) problems.push('metric');
  const max = input.metric === 'abandonment' ? 100 : 1;
  if (input.target === null || !Number.isFinite(input.target) || input.target < 0 || input.target > max) problems.push('target');
  if (input.targetYear === null || !Number.isInteger(input.targetYear) || input.targetYear < 2000 || input.targetYear > 2100) problems.push('targetYear');
  if (input.kind !== null && !(kinds as readonly string[]).includes(input.kind)) problems.push('kind');
  return problems;
}
