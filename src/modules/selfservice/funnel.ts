// Funnel figures per service, from anonymous attempt rows (no personal data):
// views → starts → each step reached → exits and completions; abandonment as DESIGN.md
// defines it: an attempt idle for 24 hours and not completed is abandoned; completed
// later, it counts as completed only. An eligibility exit counts as completed.
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../platform/db/index.ts';
import { copenhagenDay } from '../../platform/calendar/index.ts';
import type { ServiceDefinition } from './schema.ts';
import * as store from './store.ts';

export const ABANDON_AFTER_MS = 24 * 3600 * 1000;
/** Albertslund's 2011 baseline: abandoned attempts per completed one. */
export const BASELINE_ABANDONMENT = 3.75;

export interface Funnel {
  serviceId: string;
  from: string;
  to: string;
  views: number;
  starts: number;
  steps: { id: string; title: string; reached: number }[];
  exits: number;
  submissions: number;
  /** Submissions + exits. */
  completions: number;
  abandoned: number;
  /** Neither completed nor idle for 24 hours yet. */
  inProgress: number;
  assisted: number;
  completionRate: number | null;
  abandonmentRatio: number | null;
  medianMinutes: number | null;
  satisfaction: { average: number | null; count: number };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const noAttempts = (serviceId: string): store.AttemptCounts => ({ serviceId, starts: 0, submissions: 0, exits: 0, abandoned: 0, inProgress: 0, assisted: 0 });
const idleBefore = (now: Date) => new Date(now.getTime() - ABANDON_AFTER_MS).toISOString();

/** The funnel of attempts started in [from, to), judged at `now`. */
export async function funnel(db: Db, def: ServiceDefinition, from: Date, to: Date, now: Date): Promise<Funnel> {
  const fromTs = from.toISOString();
  const toTs = to.toISOString();
  const counts = (await store.attemptCounts(db, fromTs, toTs, idleBefore(now), def.id))[0] ?? noAttempts(def.id);
  const reached = await store.stepsReached(db, def.id, fromTs, toTs);
  const views = (await store.viewsBetween(db, def.id, copenhagenDay(from), copenhagenDay(new Date(to.getTime() - 1))))[0]?.views ?? 0;
  const completions = counts.submissions + counts.exits;
  return {
    serviceId: def.id,
    from: fromTs,
    to: toTs,
    views,
    starts: counts.starts,
    steps: def.steps.map((s) => ({ id: s.id, title: s.title.da, reached: reached.get(s.id) ?? 0 })),
    exits: counts.exits,
    submissions: counts.submissions,
    completions,
    abandoned: counts.abandoned,
    inProgress: counts.inProgress,
    assisted: counts.assisted,
    completionRate: counts.starts > 0 ? completions / counts.starts : null,
    abandonmentRatio: completions > 0 ? counts.abandoned / completions : null,
    medianMinutes: median(await store.submissionDurations(db, def.id, fromTs, toTs)),
    satisfaction: await store.feedbackBetween(db, def.id, fromTs, toTs),
  };
}

/** Every service's attempts started in [from, to), judged at `now`: the figures channel insights needs. */
export async function attemptTotals(db: Db, from: Date, to: Date, now: Date): Promise<{ service: string; started: number; completed: number; abandoned: number }[]> {
  const counts = await store.attemptCounts(db, from.toISOString(), to.toISOString(), idleBefore(now));
  return counts.map((c) => ({ service: c.serviceId, started: c.starts, completed: c.submissions + c.exits, abandoned: c.abandoned }));
}

/** The funnel as CSV rows (figure, value), one line per figure and per step. */
export function funnelCsv(f: Funnel): string {
  const rows: [string, string | number][] = [
    ['service', f.serviceId],
    ['from', f.from],
    ['to', f.to],
    ['views', f.views],
    ['starts', f.starts],
    ...f.steps.map((s): [string, number] => [`step:${s.id}`, s.reached]),
    ['exits', f.exits],
    ['submissions', f.submissions],
    ['completions', f.completions],
    ['abandoned', f.abandoned],
    ['in_progress', f.inProgress],
    ['assisted', f.assisted],
    ['completion_rate', f.completionRate === null ? '' : f.completionRate.toFixed(4)],
    ['abandonment_ratio', f.abandonmentRatio === null ? '' : f.abandonmentRatio.toFixed(4)],
    ['median_minutes', f.medianMinutes === null ? '' : f.medianMinutes.toFixed(1)],
    ['satisfaction_average', f.satisfaction.average === null ? '' : f.satisfaction.average.toFixed(2)],
    ['satisfaction_count', f.satisfaction.count],
  ];
  return stringify([['figure', 'value'], ...rows]);
}
