// Case deadlines: set from the service's rule when a case is received, paused while the case
// waits for the citizen, shown as due soon / overdue. All in Danish working days.
import {
  copenhagenDay,
  pauseClock,
  resumeClock,
  type Day,
  type WorkingCalendar,
  type WorkingDayClock,
} from '../../platform/calendar/index.ts';
import { addDays } from '../../platform/calendar/days.ts';
import type { CaseStatus } from './status.ts';

/** How long a service promises to take: working days, or weeks (the deadline moves to a working day). */
export type DeadlineRule = { workingDays: number } | { weeks: number };

/** A case is "due soon" when its deadline is at most this many working days away. */
export const DUE_SOON_WORKING_DAYS = 2;

export function startClock(calendar: WorkingCalendar, rule: DeadlineRule, receivedAt: Date): WorkingDayClock {
  const deadline =
    'workingDays' in rule
      ? calendar.addWorkingDaysToInstant(receivedAt, rule.workingDays)
      : calendar.addWorkingDays(addDays(copenhagenDay(receivedAt), rule.weeks * 7), 0);
  return { unit: 'working-days', deadline, pausedAt: null };
}

/** The clock after a status change: waiting for the citizen pauses it, leaving that status resumes it. */
export function clockAfter(calendar: WorkingCalendar, clock: WorkingDayClock, to: CaseStatus, at: Date): WorkingDayClock {
  if (to === 'waiting_for_citizen') return clock.pausedAt === null ? pauseClock(clock, at) : clock;
  return clock.pausedAt === null ? clock : resumeClock(calendar, clock, at);
}

export type DeadlineState = 'paused' | 'overdue' | 'due_soon' | 'on_time' | 'none';

/** "Today" as deadlines see it: the day, and the last day that counts as due soon. */
export type DeadlineDay = { today: Day; dueSoonUntil: Day };

export function deadlineDay(calendar: WorkingCalendar, today: Day): DeadlineDay {
  return { today, dueSoonUntil: calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS) };
}

/** How the deadline stands for a case in `status`. Closed and decided cases have no running deadline. */
export function deadlineState(clock: Pick<WorkingDayClock, 'deadline' | 'pausedAt'>, status: CaseStatus, day: DeadlineDay): DeadlineState {
  if (status === 'decided' || status === 'closed') return 'none';
  if (clock.pausedAt !== null) return 'paused';
  if (clock.deadline < day.today) return 'overdue';
  return clock.deadline <= day.dueSoonUntil ? 'due_soon' : 'on_time';
}
