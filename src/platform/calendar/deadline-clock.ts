import { assertInstant, copenhagenDay, type Day } from './days.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/** A deadline counted in working days, e.g. "answer within 10 working days". */
export type WorkingDayClock = { unit: 'working-days'; deadline: Day; pausedAt: Date | null };

/** A deadline counted in opening time, e.g. "answer within 4 opening hours". */
export type OpeningTimeClock = { unit: 'opening-time'; deadline: Date; pausedAt: Date | null };

/** A case deadline that can be paused, e.g. while waiting for the citizen. Immutable: functions return a new clock. */
export type DeadlineClock = WorkingDayClock | OpeningTimeClock;

/** Stops the clock at `at`. Throws if it is already paused. */
export function pauseClock<C extends DeadlineClock>(clock: C, at: Date): C {
  assertInstant(at, 'at');
  if (clock.pausedAt !== null) throw new Error(`clock is already paused since ${clock.pausedAt.toISOString()}`);
  return { ...clock, pausedAt: at };
}

/**
 * Restarts a paused clock at `at` and moves the deadline by the time that passed while paused:
 * - working-days: by the number of working days that began while paused, i.e. working days d
 *   with copenhagenDay(pausedAt) < d <= copenhagenDay(at). Pausing and resuming on the same
 *   day therefore changes nothing; paused Friday → resumed Monday adds 1.
 * - opening-time: by the opening time between pausedAt and at.
 * The deadline never moves earlier. Throws if the clock is not paused or `at` is before pausedAt.
 */
export function resumeClock<C extends DeadlineClock>(calendar: WorkingCalendar, clock: C, at: Date): C {
  assertInstant(at, 'at');
  const { pausedAt } = clock;
  if (pausedAt === null) throw new Error('clock is not paused');
  if (at < pausedAt) {
    throw new RangeError(`cannot resume at ${at.toISOString()}, before the pause at ${pausedAt.toISOString()}`);
  }

  if (clock.unit === 'working-days') {
    const pausedDays = calendar.workingDaysBetween(copenhagenDay(pausedAt), copenhagenDay(at));
    // Skip addWorkingDays(deadline, 0): it would roll a non-working deadline forward.
    const deadline = pausedDays === 0 ? clock.deadline : calendar.addWorkingDays(clock.deadline, pausedDays);
    return { ...clock, deadline, pausedAt: null };
  }
  const pausedMinutes = calendar.openingMinutesBetween(pausedAt, at);
  // Skip addOpeningMinutes(deadline, 0): it would move a deadline at closing time to the next opening.
  const deadline = pausedMinutes === 0 ? clock.deadline : calendar.addOpeningMinutes(clock.deadline, pausedMinutes);
  return { ...clock, deadline, pausedAt: null };
}
