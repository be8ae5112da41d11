// Completion and abandonment per service come from the self-service module's funnel
// (attempts started, completed, abandoned after 24 idle hours). This is the one place
// they are joined in; take-up per service comes from the registry's own transactions.
import type { Db } from '../../platform/db/index.ts';
import { addDays, startOfCopenhagenDay } from '../../platform/calendar/days.ts';
import { attemptTotals } from '../selfservice/index.ts';
import type { Period } from './period.ts';

/** One service's attempts in a period, as the self-service funnel counts them. */
export interface ServiceFunnel {
  service: string;
  started: number;
  /** Submitted, or ended at a "you cannot use this service" exit (which counts as completed). */
  completed: number;
  /** Not completed and idle for 24 hours; completed later, an attempt counts as completed only. */
  abandoned: number;
}

/** Where funnel figures come from (a test may hand in its own). */
export type FunnelSource = (db: Db, period: Period) => Promise<ServiceFunnel[]>;

/** The self-service module's funnel for attempts started in the period's Copenhagen days, judged now. */
export const selfServiceFunnels: FunnelSource = (db, period) =>
  attemptTotals(db, startOfCopenhagenDay(period.firstDay), startOfCopenhagenDay(addDays(period.lastDay, 1)), new Date());
