// Completion and abandonment per service come from the self-service module's funnel
// (attempts started, completed, abandoned after 24 idle hours). This is the one place
// they are joined in; take-up per service comes from the registry's own transactions.
import type { Db } from '../../platform/db/index.ts';
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

/** Where funnel figures come from: undefined when no self-service module is installed. */
export type FunnelSource = (db: Db, period: Period) => Promise<ServiceFunnel[] | undefined>;

/**
 * The call site for the self-service module's funnel figures. Until `src/modules/selfservice`
 * is on main there is no source, so completion and abandonment show "—" with that reason.
 * When it lands: return its funnel per service for the period here (its public API).
 */
export const selfServiceFunnels: FunnelSource = async () => undefined;
